import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { Layout } from "./components/Layout";
import { applyLang } from "./i18n";
import "./styles.css";

const Home = lazy(() => import("./pages/Home"));
const Catalog = lazy(() => import("./pages/Catalog"));
const Product = lazy(() => import("./pages/Product"));
const Producer = lazy(() => import("./pages/Producer"));
const NotFound = lazy(() => import("./pages/NotFound"));

applyLang();

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(
    () => (
      <Router root={Layout}>
        <Route path="/" component={Home} />
        <Route path="/san-pham" component={Catalog} />
        <Route path="/san-pham/:id" component={Product} />
        <Route path="/chu-the/:id" component={Producer} />
        <Route path="*404" component={NotFound} />
      </Router>
    ),
    root,
  );
}
