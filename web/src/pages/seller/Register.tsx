import { createResource, createSignal, For, Show } from "solid-js";
import { FormMessage } from "../../components/form";
import { t } from "../../i18n";
import "../../i18n/portal";
import "../../i18n/claim";
import { A, useNavigate } from "@solidjs/router";
import { invitationApi, sellerApi } from "../../api/seller";
import { currentUser, loadMe } from "../../lib/session";
import { useTitle } from "../../lib/title";
import { ProducerForm } from "./ProducerForm";

/** A signed-in shopper registers their producer (chủ thể OCOP) and becomes its first seller. */
export default function Register() {
  const navigate = useNavigate();
  useTitle(() => t("portal.register.title"));
  return (
    <div class="wrap portal portal--narrow">
      <header class="portal-head">
        <p class="eyebrow">{t("portal.seller.portal")}</p>
        <h1>{t("portal.register.title")}</h1>
        <p class="muted">{t("portal.register.lead")}</p>
      </header>
      <p class="note" data-testid="claim-link">
        <A href="/nhan-ho-so">{t("claim.link")}</A>
      </p>
      <Invitations />
      <ProducerForm
        id="register"
        defaultPhone={currentUser()?.phone}
        submitLabel={t("portal.register.submit")}
        busyLabel={t("portal.register.busy")}
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

/** Invitations to sell for a producer, sent to this person's phone or e-mail: accept (and sell) or decline. */
function Invitations() {
  const navigate = useNavigate();
  const [invitations, { refetch }] = createResource(invitationApi.mine);
  const [problem, setProblem] = createSignal<string>();
  const answer = async (id: string, accept: boolean) => {
    setProblem(undefined);
    try {
      if (accept) {
        await invitationApi.accept(id);
        await loadMe();
        navigate("/ban-hang", { replace: true });
      } else {
        await invitationApi.decline(id);
        await refetch();
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Show when={invitations.latest?.length}>
      <section class="section panel" aria-labelledby="invitations-title" data-testid="my-invitations">
        <h2 id="invitations-title">{t("portal.invitations.title")}</h2>
        <For each={invitations.latest}>
          {(i) => (
            <div class="inline-form">
              <p>{t("portal.invitations.lead", { producer: i.producerName })}</p>
              <button type="button" class="button" onClick={() => answer(i.invitationId, true)}>
                {t("portal.invitations.accept")}
              </button>
              <button type="button" class="button" onClick={() => answer(i.invitationId, false)}>
                {t("portal.invitations.decline")}
              </button>
            </div>
          )}
        </For>
        <FormMessage error={problem()} />
      </section>
    </Show>
  );
}
