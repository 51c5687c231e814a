import { A, useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { certificatePdfUrl, certificateQrImage, registryApi } from "../../api/registry";
import { OcopStars } from "../../components/OcopStars";
import { isNotFound, Loaded, NotFoundState } from "../../components/States";
import { type Key, t } from "../../i18n";
import "../../i18n/registry";
import "../../i18n/claim";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { CertificateStatus } from "./status";
import "../../styles/registry.css";

/** One certificate's public page: what its QR opens. Expired and revoked certificates show here with their status. */
export default function Certificate() {
  const params = useParams();
  const [data, { refetch }] = createResource(() => params.number, registryApi.lookup);
  useTitle(() => {
    if (data.state === "ready") return `${data().number} · ${data().productName}`;
    if (data.state === "errored") return isNotFound(data.error) ? t("registry.notFound") : t("error.title");
    return t("registry.eyebrow");
  });
  return (
    <Loaded
      data={data}
      retry={refetch}
      loading={
        <div class="wrap registry" aria-busy="true">
          <span class="sr-only">{t("common.loading")}</span>
          <span class="skeleton skeleton--title" />
          <span class="skeleton skeleton--block" />
        </div>
      }
      notFound={
        <div class="wrap">
          <NotFoundState title={t("registry.notFound")} text={t("registry.notFoundText")} />
          <p>
            <A href="/tra-cuu-ocop">{t("registry.title")}</A>
          </p>
        </div>
      }
    >
      {(c) => (
        <article class="wrap registry">
          <p class="eyebrow">{t("registry.eyebrow")}</p>
          <h1 data-testid="certificate-product">{c.productName}</h1>
          <p class="registry__stars">
            <OcopStars stars={c.stars} size="lg" />
            <span data-testid="certificate-number">{c.number}</span>
          </p>
          <CertificateStatus status={c.status} />
          <Show when={c.revokedReason}>
            {(reason) => (
              <p class="registry-note">
                <strong>{t("registry.revokedReason")}:</strong> {reason()}
              </p>
            )}
          </Show>
          <Show when={c.superseded}>
            <p class="registry-note">{t("registry.superseded")}</p>
          </Show>
          <section class="registry-card">
            <dl class="facts">
              <div>
                <dt>{t("registry.producer")}</dt>
                <dd>{c.producerName}</dd>
              </div>
              <div>
                <dt>{t("registry.province")}</dt>
                <dd>{c.provinceName}</dd>
              </div>
              <div>
                <dt>{t("cert.decision")}</dt>
                <dd data-testid="certificate-decision">
                  {c.decisionNumber ? `${c.decisionNumber} · ` : ""}
                  {formatDate(c.decisionDate)}
                </dd>
              </div>
              <div>
                <dt>{t("cert.issuer")}</dt>
                <dd data-testid="certificate-issuer">{c.issuer}</dd>
              </div>
              <Show when={c.signer}>
                <div>
                  <dt>{t("registry.signer")}</dt>
                  <dd>{c.signer}</dd>
                </div>
              </Show>
              <div>
                <dt>{t("cert.level")}</dt>
                <dd>{t(`cert.level.${c.level}` as Key)}</dd>
              </div>
              <div>
                <dt>{t("registry.validFrom")}</dt>
                <dd>{formatDate(c.validFrom)}</dd>
              </div>
              <div>
                <dt>{t("cert.validUntil")}</dt>
                <dd data-testid="certificate-valid-until">{formatDate(c.validUntil)}</dd>
              </div>
            </dl>
          </section>
          <Show when={c.productId && (c.status === "valid" || c.status === "expiring") && !c.superseded}>
            <p>
              <A class="button" href={`/san-pham/${c.productId}`}>
                {t("registry.viewProduct")}
              </A>
            </p>
          </Show>
          <Show when={!c.productId && !c.superseded && c.status !== "revoked"}>
            <p data-testid="certificate-claim">
              <A href={`/nhan-ho-so?province=${c.provinceCode}&q=${encodeURIComponent(c.producerName)}`}>
                {t("claim.certificateLink")}
              </A>
            </p>
          </Show>
          <section class="registry-card registry-card--qr" aria-labelledby="registry-qr">
            <h2 id="registry-qr">{t("registry.qr")}</h2>
            <img
              src={certificateQrImage(c.number)}
              alt={t("registry.qrAlt", { number: c.number })}
              width="160"
              height="160"
              loading="lazy"
            />
            <p>
              <a
                class="button"
                href={certificatePdfUrl(c.number)}
                target="_blank"
                rel="noopener"
                data-testid="certificate-pdf"
              >
                {t("registry.pdf")}
              </a>
            </p>
          </section>
        </article>
      )}
    </Loaded>
  );
}
