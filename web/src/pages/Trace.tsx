import { A, useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { OcopStars } from "../components/OcopStars";
import { Photo } from "../components/Photo";
import { isNotFound, Loaded, NotFoundState } from "../components/States";
import { type Key, t } from "../i18n";
import "../i18n/trace";
import { storefrontApi, type TraceInfo, traceQrImage } from "../api/storefront";
import { formatCount, formatDate } from "../lib/format";
import { useTitle } from "../lib/title";
import "../styles/trace.css";

/** The certificate's state as the API judged it today in Vietnam: valid (with days left) or expired. */
function CertificateState(props: { cert: TraceInfo["certificate"] }) {
  const expiring = () => props.cert.valid && props.cert.daysLeft <= 90;
  return (
    <p
      class={`trace-validity trace-validity--${props.cert.valid ? (expiring() ? "expiring" : "valid") : "expired"}`}
      data-testid="trace-validity"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <Show when={props.cert.valid} fallback={<path d="M7 7l10 10M17 7L7 17" />}>
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </Show>
      </svg>
      <span>
        <strong>{props.cert.valid ? t("trace.valid") : t("trace.expired")}</strong>
        <span class="trace-validity__detail">
          {props.cert.valid
            ? props.cert.daysLeft === 0
              ? t("cert.lastDay")
              : t("cert.daysLeft", { n: props.cert.daysLeft })
            : t("cert.expiredAgo", { n: -props.cert.daysLeft })}
        </span>
      </span>
    </p>
  );
}

function origin(data: TraceInfo): string {
  const ward = data.producer.provinceCode === data.origin.provinceCode ? data.producer.wardName : "";
  return ward ? `${ward}, ${data.origin.provinceName}` : data.origin.provinceName;
}

function TraceSkeleton() {
  return (
    <div class="wrap trace" aria-busy="true">
      <span class="sr-only">{t("common.loading")}</span>
      <span class="skeleton skeleton--line skeleton--short" />
      <span class="skeleton skeleton--title" />
      <span class="skeleton skeleton--block" />
    </div>
  );
}

/** The public page behind a product's QR code: what it is, who made it where, under which certificate, which batch. */
export default function Trace() {
  const params = useParams();
  const [data, { refetch }] = createResource(() => params.id, storefrontApi.trace);
  useTitle(() => {
    if (data.state === "ready") return t("trace.pageTitle", { name: data().name });
    if (data.state === "errored") return isNotFound(data.error) ? t("trace.notFound") : t("error.title");
    return t("trace.eyebrow");
  });
  return (
    <Loaded
      data={data}
      retry={refetch}
      loading={<TraceSkeleton />}
      notFound={
        <div class="wrap">
          <NotFoundState title={t("trace.notFound")} text={t("trace.notFoundText")} />
        </div>
      }
    >
      {(d) => (
        <article class="wrap trace">
          <header class="trace__head">
            <p class="eyebrow">{t("trace.eyebrow")}</p>
            <div class="trace__title">
              <Show when={d.image}>
                {(src) => (
                  <Photo
                    src={src()}
                    alt={d.name}
                    width={240}
                    height={180}
                    sizes="(min-width: 600px) 200px, 112px"
                    class="trace__photo"
                    eager
                  />
                )}
              </Show>
              <div>
                <h1>{d.name}</h1>
                <p class="trace__badges">
                  <OcopStars stars={d.certificate.stars} size="lg" />
                  <span class="muted">{t(`group.short.${d.group}` as Key)}</span>
                </p>
              </div>
            </div>
            <Show
              when={d.onSale}
              fallback={
                <p class="trace__sale trace__sale--off">
                  {d.status === "suspended" ? t("trace.suspended") : t("trace.notOnSale")}
                </p>
              }
            >
              <p class="trace__sale">
                {t("trace.onSale")} <A href={`/san-pham/${d.productId}`}>{t("trace.viewProduct")}</A>
              </p>
            </Show>
          </header>

          <section class="trace-card trace-card--cert" aria-labelledby="trace-cert" data-testid="trace-certificate">
            <h2 id="trace-cert">{t("cert.title")}</h2>
            <CertificateState cert={d.certificate} />
            <dl class="facts">
              <div>
                <dt>{t("cert.decision")}</dt>
                <dd data-testid="trace-decision">{d.certificate.decisionNumber}</dd>
              </div>
              <div>
                <dt>{t("cert.decisionDate")}</dt>
                <dd>{formatDate(d.certificate.decisionDate)}</dd>
              </div>
              <div>
                <dt>{t("cert.issuer")}</dt>
                <dd>{d.certificate.issuer}</dd>
              </div>
              <div>
                <dt>{t("cert.level")}</dt>
                <dd>{t(`cert.level.${d.certificate.level}`)}</dd>
              </div>
              <div>
                <dt>{t("cert.validUntil")}</dt>
                <dd data-testid="trace-valid-until">{formatDate(d.certificate.validUntil)}</dd>
              </div>
            </dl>
          </section>

          <section class="trace-card" aria-labelledby="trace-origin">
            <h2 id="trace-origin">{t("trace.origin")}</h2>
            <dl class="facts">
              <div>
                <dt>{t("product.origin")}</dt>
                <dd data-testid="trace-origin">
                  {origin(d)}
                  <Show when={d.origin.formerProvince}>
                    {(former) => <span class="muted"> ({t("product.formerly", { name: former() })})</span>}
                  </Show>
                </dd>
              </div>
              <div>
                <dt>{t("producer.section")}</dt>
                <dd>
                  <A href={`/chu-the/${d.producer.producerId}`}>{d.producer.name}</A>
                  <span class="muted"> · {t(`producer.kind.${d.producer.kind}` as Key)}</span>
                </dd>
              </div>
            </dl>
          </section>

          <section class="trace-card" aria-labelledby="trace-batches">
            <h2 id="trace-batches">{t("trace.batches")}</h2>
            <Show when={d.batches.length > 0} fallback={<p class="muted">{t("trace.noBatches")}</p>}>
              <ul class="trace-batches" data-testid="trace-batches">
                <For each={d.batches}>
                  {(b) => (
                    <li>
                      <strong>{b.code}</strong>
                      <span>
                        {t("trace.made")} {formatDate(b.productionDate)}
                      </span>
                      <Show when={b.bestBefore}>
                        {(best) => (
                          <span>
                            {t("trace.bestBefore")} {formatDate(best())}
                          </span>
                        )}
                      </Show>
                      <span class="muted">{t("trace.quantity", { n: formatCount(b.quantity) })}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>

          <section class="trace-card trace-card--qr" aria-labelledby="trace-qr">
            <h2 id="trace-qr">{t("trace.qr")}</h2>
            <img
              class="trace__qr"
              src={traceQrImage(d.productId)}
              alt={t("trace.qrAlt", { name: d.name })}
              width="160"
              height="160"
              loading="lazy"
            />
            <p class="muted">{t("trace.qrNote")}</p>
          </section>
        </article>
      )}
    </Loaded>
  );
}
