import { LABEL_NAMES, missingLabel } from "@cho-ocop/core/product/label-rules";
import { A, useLocation, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { PageSkeleton } from "../../components/Layout";
import { BackLink, certificateOf, Refusal, StatusBadge, textOf } from "../../components/portal/bits";
import { ErrorState, NotFoundState } from "../../components/States";
import { type Key, locale, t } from "../../i18n";
import "../../i18n/portal";
import { ApiError } from "../../api/client";
import { type ProductRecord, type SellerProduct, sellerApi } from "../../api/seller";
import { daysBetween, formatDate, vietnamDay } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { Batches } from "./Batches";
import { CertificateHistory, SubmitForm } from "./CertificateSection";
import { ProductForm } from "./ProductForm";

/** What the product's state means for its seller, and what to do next. */
function StatusPanel(props: { product: ProductRecord }) {
  const cert = () => certificateOf(props.product);
  const reason = () => textOf(props.product.statusReason);
  const expired = () => {
    const until = cert()?.validUntil;
    return props.product.status === "expired" || (props.product.status === "approved" && until && until < vietnamDay());
  };
  const status = () => (expired() ? "expired" : props.product.status);
  return (
    <section class={`status-panel status-panel--${status()}`} aria-labelledby="status-title" data-testid="status-panel">
      <h2 id="status-title" class="sr-only">
        {t("portal.editor.statusTitle")}
      </h2>
      <p class="status-panel__head">
        <StatusBadge status={status()} />
        <span>{t(`portal.editor.status.${status()}` as Key)}</span>
      </p>
      <Show when={reason() && (status() === "rejected" || status() === "suspended")}>
        <p class="status-panel__reason" data-testid="status-reason">
          <strong>{t("portal.seller.reason")}</strong> {reason()}
        </p>
      </Show>
      <Show when={cert()}>
        {(c) => (
          <p class="status-panel__cert">
            {t("portal.editor.certInForce", { number: c().decisionNumber, until: formatDate(c().validUntil) })}
            <Show when={!expired() && daysBetween(vietnamDay(), c().validUntil) <= 90}>
              {" "}
              <strong>{t("portal.editor.renewSoon", { n: daysBetween(vietnamDay(), c().validUntil) })}</strong>{" "}
              <A href={`/ban-hang/ho-so/moi?renew=${c().certificateId}`}>{t("portal.editor.renewDossier")}</A>
            </Show>
          </p>
        )}
      </Show>
    </section>
  );
}

function Editor(props: { data: SellerProduct; refetch: () => void; update: (product: ProductRecord) => void }) {
  const product = () => props.data.product;
  const id = () => product().productId;
  const submitTitle = () => {
    const s = product().status;
    if (s === "approved" || s === "expired") return t("portal.submit.renewTitle");
    if (s === "pending") return t("portal.submit.againTitle");
    return t("portal.submit.title");
  };
  return (
    <>
      <header class="portal-head">
        <BackLink href="/ban-hang">{t("portal.seller.portal")}</BackLink>
        <h1 data-testid="editor-title">{product().name}</h1>
      </header>
      <StatusPanel product={product()} />
      <nav class="jump" aria-label={t("portal.editor.sections")}>
        <a href="#thong-tin">{t("portal.editor.info")}</a>
        <a href="#chung-nhan">{t("portal.editor.certificate")}</a>
        <a href="#lo-san-xuat">{t("portal.batch.title")}</a>
        <A href={`/ban-hang/san-pham/${id()}/tem`}>{t("portal.labels.link")}</A>
        <Show when={product().status === "approved"}>
          <A href={`/san-pham/${id()}`}>{t("portal.editor.viewInShop")}</A>
        </Show>
      </nav>

      <section class="section panel" id="thong-tin" aria-labelledby="info-title">
        <h2 id="info-title">{t("portal.editor.info")}</h2>
        <Show when={id()} keyed>
          {(_id) => <ProductForm initial={product()} onSaved={props.update} />}
        </Show>
      </section>

      <section class="section panel" id="chung-nhan" aria-labelledby="submit-title">
        <h2 id="submit-title">{submitTitle()}</h2>
        <Show when={product().status !== "suspended"} fallback={<p class="note">{t("portal.submit.suspended")}</p>}>
          <p class="muted">{t("portal.submit.lead")}</p>
          <Show when={missingLabel(product().group, product().label).length > 0}>
            <p class="note" data-testid="label-missing">
              {t("portal.productLabel.missing", {
                fields: missingLabel(product().group, product().label)
                  .map((f) => LABEL_NAMES[f][locale()])
                  .join(", "),
              })}
            </p>
          </Show>
          <SubmitForm
            product={product()}
            onSubmitted={(p) => {
              props.update(p);
              props.refetch();
            }}
          />
        </Show>
        <h3 class="subhead">{t("portal.history.title")}</h3>
        <CertificateHistory certificates={props.data.certificates} />
      </section>

      <section class="section panel" id="lo-san-xuat" aria-labelledby="batches-title">
        <h2 id="batches-title">{t("portal.batch.title")}</h2>
        <p class="muted">{t("portal.batch.lead")}</p>
        <Batches productId={id()} batches={props.data.batches} onAdded={props.refetch} />
      </section>
    </>
  );
}

/** `/ban-hang/san-pham/moi` adds a product; `/ban-hang/san-pham/:id` edits one, submits it and records batches. */
export default function ProductEditor() {
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation<{ created?: boolean }>();
  const [data, { refetch, mutate }] = createResource(() => params.id, sellerApi.product);
  const [created] = createSignal(Boolean(location.state?.created));

  useTitle(() => {
    if (!params.id) return t("portal.editor.newTitle");
    if (data.error) return t("portal.editor.unavailable");
    if (data.latest) return data.latest.product.name;
    return t("portal.seller.portal");
  });

  const forbidden = () => data.error instanceof ApiError && data.error.status === 403;
  const missing = () => data.error instanceof ApiError && data.error.notFound;
  const update = (product: ProductRecord) => {
    const current = data.latest;
    if (current) mutate({ ...current, product });
  };

  return (
    <div class="wrap portal portal--narrow editor">
      <Show
        when={params.id}
        fallback={
          <>
            <header class="portal-head">
              <BackLink href="/ban-hang">{t("portal.seller.portal")}</BackLink>
              <h1>{t("portal.editor.newTitle")}</h1>
              <p class="muted">{t("portal.editor.newLead")}</p>
            </header>
            <section class="section panel" aria-label={t("portal.editor.info")}>
              <ProductForm
                onSaved={(p) =>
                  navigate(`/ban-hang/san-pham/${p.productId}`, { replace: true, state: { created: true } })
                }
              />
            </section>
          </>
        }
      >
        <Switch fallback={<PageSkeleton />}>
          <Match when={forbidden()}>
            <Refusal title={t("portal.editor.notYours")} text={t("portal.editor.notYoursText")}>
              <A href="/ban-hang" class="button">
                {t("portal.editor.backToPortal")}
              </A>
            </Refusal>
          </Match>
          <Match when={missing()}>
            <NotFoundState title={t("portal.editor.notFound")} text={t("portal.editor.notFoundText")} />
          </Match>
          <Match when={data.state === "errored"}>
            <ErrorState error={data.error} retry={refetch} />
          </Match>
          <Match when={data.latest}>
            {(d) => (
              <>
                <Show when={created() && d().product.status === "draft"}>
                  <p class="form-message form-message--ok" role="status">
                    {t("portal.editor.created")}
                  </p>
                </Show>
                <Editor data={d()} refetch={refetch} update={update} />
              </>
            )}
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
