import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { Layout } from "./components/Layout";
import { applyLang } from "./i18n";
import { initSession } from "./lib/session";
import "./styles.css";

const Home = lazy(() => import("./pages/Home"));
const Catalog = lazy(() => import("./pages/Catalog"));
const Product = lazy(() => import("./pages/Product"));
const Producer = lazy(() => import("./pages/Producer"));
const NotFound = lazy(() => import("./pages/NotFound"));

// The seller portal, staff admin, sign-in and trace pages are separate chunks: a shopper never downloads them.
const SignIn = lazy(() => import("./pages/SignIn"));
const Trace = lazy(() => import("./pages/Trace"));
const SellerShell = lazy(() => import("./pages/seller/SellerShell"));
const SellerHome = lazy(() => import("./pages/seller/SellerHome"));
const ProductEditor = lazy(() => import("./pages/seller/ProductEditor"));
const Labels = lazy(() => import("./pages/seller/Labels"));
const AdminShell = lazy(() => import("./pages/admin/AdminShell"));
const Queue = lazy(() => import("./pages/admin/Queue"));
const Review = lazy(() => import("./pages/admin/Review"));
const Expiring = lazy(() => import("./pages/admin/Expiring"));
const Collections = lazy(() => import("./pages/admin/Collections"));
const Dashboard = lazy(() => import("./pages/admin/Dashboard"));
const AuditLog = lazy(() => import("./pages/admin/AuditLog"));

applyLang();
initSession();

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
        <Route path="/dang-nhap" component={SignIn} />
        <Route path="/truy-xuat/:id" component={Trace} />
        <Route path="/ban-hang" component={SellerShell}>
          <Route path="/" component={SellerHome} />
          <Route path="/san-pham/moi" component={ProductEditor} />
          <Route path="/san-pham/:id" component={ProductEditor} />
          <Route path="/san-pham/:id/tem" component={Labels} />
        </Route>
        <Route path="/quan-tri" component={AdminShell}>
          <Route path="/" component={Queue} />
          <Route path="/san-pham/:id" component={Review} />
          <Route path="/sap-het-han" component={Expiring} />
          <Route path="/bo-suu-tap" component={Collections} />
          <Route path="/so-lieu" component={Dashboard} />
          <Route path="/nhat-ky" component={AuditLog} />
        </Route>
        <Route path="*404" component={NotFound} />
      </Router>
    ),
    root,
  );
}
