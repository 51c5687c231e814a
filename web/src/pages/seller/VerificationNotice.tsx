import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { sellerApi } from "../../api/seller";
import { type Key, t } from "../../i18n";
import "../../i18n/verify";
import { settled } from "../../lib/resource";
import "../../styles/verify.css";

/** Whether the signed-in seller may go live: only once staff have verified their identity (E-commerce Law). */
export function createVerificationGate() {
  const [verification] = createResource(sellerApi.verification);
  return {
    verification: () => settled(verification),
    mayGoLive: () => settled(verification)?.status === "verified",
  };
}
export type VerificationGate = ReturnType<typeof createVerificationGate>;

/** On the broadcast page: why this seller cannot go live yet, and the way to the verification page. */
export function VerificationNotice(props: { gate: VerificationGate }) {
  return (
    <Show when={props.gate.verification()?.status !== "verified" && props.gate.verification()}>
      {(v) => (
        <div class="verify-notice" role="alert" data-testid="verify-notice">
          <p>
            {v().status === "rejected"
              ? t("verify.gate.rejected", { reason: v().reason ?? "" })
              : t(`verify.gate.${v().status}` as Key)}
          </p>
          <A href="/ban-hang/xac-minh" class="button button--small">
            {v().status === "submitted" ? t("verify.gate.view") : t("verify.gate.go")}
          </A>
        </div>
      )}
    </Show>
  );
}
