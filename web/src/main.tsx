import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { preloadLiveView } from "./api/live";
import { Layout } from "./components/Layout";
import { applyLang } from "./i18n";
import { initSession } from "./lib/session";
import "./styles.css";

const Home = lazy(() => import("./pages/Home"));
const Catalog = lazy(() => import("./pages/Catalog"));
const Product = lazy(() => import("./pages/Product"));
const Producer = lazy(() => import("./pages/Producer"));
const NotFound = lazy(() => import("./pages/NotFound"));

// Buying: gift combos, the cart, checkout and orders, each its own chunk.
const Gifts = lazy(() => import("./pages/shop/Gifts"));
const ComboBuilder = lazy(() => import("./pages/shop/ComboBuilder"));
const Cart = lazy(() => import("./pages/shop/Cart"));
const Checkout = lazy(() => import("./pages/shop/Checkout"));
const Orders = lazy(() => import("./pages/shop/Orders"));
const OrderDetail = lazy(() => import("./pages/shop/OrderDetail"));
const Addresses = lazy(() => import("./pages/shop/Addresses"));

// Live selling: watching and replays for everyone; the broadcast desk and moderation with the seller and staff pages.
const LiveList = lazy(() => import("./pages/live/LiveList"));
const Watch = lazy(() => import("./pages/live/Watch"));
const Replay = lazy(() => import("./pages/live/Replay"));
const LiveRules = lazy(() => import("./pages/live/Rules"));
const LiveSessions = lazy(() => import("./pages/seller/LiveSessions"));
const LiveSchedule = lazy(() => import("./pages/seller/LiveSchedule"));
const Broadcast = lazy(() => import("./pages/seller/Broadcast"));
const SellerVerification = lazy(() => import("./pages/seller/Verification"));
const Dossiers = lazy(() => import("./pages/seller/Dossiers"));
const DossierEditor = lazy(() => import("./pages/seller/DossierEditor"));
const NewDossier = lazy(() => import("./pages/seller/DossierEditor").then((m) => ({ default: m.NewDossier })));
const CommuneDossiers = lazy(() => import("./pages/admin/CommuneDossiers"));
const Verifications = lazy(() => import("./pages/admin/Verifications"));
const VerificationReview = lazy(() => import("./pages/admin/VerificationReview"));
const AdminLives = lazy(() => import("./pages/admin/Lives"));

// The seller portal, staff admin, sign-in and trace pages are separate chunks: a shopper never downloads them.
const SignIn = lazy(() => import("./pages/SignIn"));
const Trace = lazy(() => import("./pages/Trace"));
const RegistryLookup = lazy(() => import("./pages/registry/Lookup"));
const RegistryCertificate = lazy(() => import("./pages/registry/Certificate"));
const RegistryImport = lazy(() => import("./pages/registry/Import"));
const ClaimProducer = lazy(() => import("./pages/claim/ClaimProducer"));
const AdminClaims = lazy(() => import("./pages/admin/Claims"));
const SellerShell = lazy(() => import("./pages/seller/SellerShell"));
const SellerHome = lazy(() => import("./pages/seller/SellerHome"));
const ProductEditor = lazy(() => import("./pages/seller/ProductEditor"));
const Labels = lazy(() => import("./pages/seller/Labels"));
const Fulfilments = lazy(() => import("./pages/seller/Fulfilments"));
const AdminShell = lazy(() => import("./pages/admin/AdminShell"));
const Councils = lazy(() => import("./pages/admin/Councils"));
const CouncilSittings = lazy(() => import("./pages/council/Sittings"));
const CouncilScoring = lazy(() => import("./pages/council/Scoring"));
const Queue = lazy(() => import("./pages/admin/Queue"));
const Review = lazy(() => import("./pages/admin/Review"));
const Expiring = lazy(() => import("./pages/admin/Expiring"));
const Collections = lazy(() => import("./pages/admin/Collections"));
const Dashboard = lazy(() => import("./pages/admin/Dashboard"));
const AuditLog = lazy(() => import("./pages/admin/AuditLog"));
const AdminOrders = lazy(() => import("./pages/admin/Orders"));
const GiftsPricing = lazy(() => import("./pages/admin/GiftsPricing"));

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
        <Route path="/qua-tang" component={Gifts} />
        <Route path="/qua-tang/tu-chon" component={ComboBuilder} />
        <Route path="/qua-tang/:comboId" component={ComboBuilder} />
        <Route path="/gio-hang" component={Cart} />
        <Route path="/thanh-toan" component={Checkout} />
        <Route path="/don-hang" component={Orders} />
        <Route path="/don-hang/:id" component={OrderDetail} />
        <Route path="/so-dia-chi" component={Addresses} />
        <Route path="/live" component={LiveList} />
        <Route path="/quy-dinh-live" component={LiveRules} />
        <Route
          path="/live/:id"
          component={Watch}
          preload={({ params, intent }) => {
            if (intent !== "preload" && params.id) preloadLiveView(params.id);
          }}
        />
        <Route path="/live/:id/replay" component={Replay} />
        <Route path="/dang-nhap" component={SignIn} />
        <Route path="/truy-xuat/:id" component={Trace} />
        <Route path="/tra-cuu-ocop" component={RegistryLookup} />
        <Route path="/chung-nhan/:number" component={RegistryCertificate} />
        <Route path="/nhan-ho-so" component={ClaimProducer} />
        <Route path="/ban-hang" component={SellerShell}>
          <Route path="/" component={SellerHome} />
          <Route path="/san-pham/moi" component={ProductEditor} />
          <Route path="/san-pham/:id" component={ProductEditor} />
          <Route path="/san-pham/:id/tem" component={Labels} />
          <Route path="/don-hang" component={Fulfilments} />
          <Route path="/live" component={LiveSessions} />
          <Route path="/live/moi" component={LiveSchedule} />
          <Route path="/live/:id/phat" component={Broadcast} />
          <Route path="/xac-minh" component={SellerVerification} />
          <Route path="/ho-so" component={Dossiers} />
          <Route path="/ho-so/moi" component={NewDossier} />
          <Route path="/ho-so/:id" component={DossierEditor} />
        </Route>
        <Route path="/hoi-dong" component={CouncilSittings} />
        <Route path="/hoi-dong/:sittingId/:dossierId" component={CouncilScoring} />
        <Route path="/quan-tri/ho-so-xa" component={CommuneDossiers} />
        <Route path="/quan-tri" component={AdminShell}>
          <Route path="/" component={Queue} />
          <Route path="/san-pham/:id" component={Review} />
          <Route path="/sap-het-han" component={Expiring} />
          <Route path="/bo-suu-tap" component={Collections} />
          <Route path="/so-lieu" component={Dashboard} />
          <Route path="/nhap-ocop" component={RegistryImport} />
          <Route path="/nhan-ho-so" component={AdminClaims} />
          <Route path="/nhat-ky" component={AuditLog} />
          <Route path="/don-hang" component={AdminOrders} />
          <Route path="/qua-tang" component={GiftsPricing} />
          <Route path="/live" component={AdminLives} />
          <Route path="/xac-minh" component={Verifications} />
          <Route path="/xac-minh/:id" component={VerificationReview} />
          <Route path="/hoi-dong" component={Councils} />
        </Route>
        <Route path="*404" component={NotFound} />
      </Router>
    ),
    root,
  );
}
