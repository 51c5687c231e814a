import { useNavigate } from "@solidjs/router";
import { tp } from "../../i18n/portal";
import { sellerApi } from "../../lib/portal-api";
import { currentUser, loadMe } from "../../lib/session";
import { useTitle } from "../../lib/title";
import { ProducerForm } from "./ProducerForm";

/** A signed-in shopper registers their producer (chủ thể OCOP) and becomes its first seller. */
export default function Register() {
  const navigate = useNavigate();
  useTitle(() => tp("register.title"));
  return (
    <div class="wrap portal portal--narrow">
      <header class="portal-head">
        <p class="eyebrow">{tp("seller.portal")}</p>
        <h1>{tp("register.title")}</h1>
        <p class="muted">{tp("register.lead")}</p>
      </header>
      <ProducerForm
        id="register"
        defaultPhone={currentUser()?.phone}
        submitLabel={tp("register.submit")}
        busyLabel={tp("register.busy")}
        onSubmit={async ({ photos: _photos, ...values }) => {
          await sellerApi.register(values);
          // The account is now the producer's seller: the portal takes over from here.
          await loadMe();
          navigate("/ban-hang", { replace: true });
        }}
      />
    </div>
  );
}
