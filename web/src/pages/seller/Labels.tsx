import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { PageSkeleton } from "../../components/Layout";
import { OcopStars } from "../../components/OcopStars";
import { BackLink, certificateOf, Refusal } from "../../components/portal/bits";
import { ErrorState, NotFoundState } from "../../components/States";
import { t } from "../../i18n";
import "../../i18n/portal";
import { ApiError } from "../../api/client";
import { sellerApi } from "../../api/seller";
import { useTitle } from "../../lib/title";

/** One A4 sheet: 3 columns × 8 rows of labels (about 64 × 34 mm each). */
export const LABELS_PER_SHEET = 24;

/**
 * The QR label sheet ("Tem QR") a seller prints and sticks on packages: each label carries the QR code of the
 * product's public trace page, its name, the producer, the OCOP star mark and the certificate's decision number.
 */
export default function Labels() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [item, producer] = await Promise.all([sellerApi.product(id), sellerApi.producer()]);
      return { item, producer };
    },
  );
  const [sheets, setSheets] = createSignal(1);
  useTitle(() =>
    data.latest ? t("portal.labels.title", { name: data.latest.item.product.name }) : t("portal.labels.link"),
  );
  const forbidden = () => data.error instanceof ApiError && data.error.status === 403;
  const missing = () => data.error instanceof ApiError && data.error.notFound;
  const tracePath = () => `/truy-xuat/${params.id}`;

  return (
    <div class="labels-page">
      <Switch fallback={<PageSkeleton />}>
        <Match when={forbidden()}>
          <div class="wrap">
            <Refusal title={t("portal.editor.notYours")} text={t("portal.editor.notYoursText")}>
              <A href="/ban-hang" class="button">
                {t("portal.editor.backToPortal")}
              </A>
            </Refusal>
          </div>
        </Match>
        <Match when={missing()}>
          <div class="wrap">
            <NotFoundState title={t("portal.editor.notFound")} text={t("portal.editor.notFoundText")} />
          </div>
        </Match>
        <Match when={data.state === "errored"}>
          <div class="wrap">
            <ErrorState error={data.error} retry={refetch} />
          </div>
        </Match>
        <Match when={data.latest}>
          {(d) => {
            const product = () => d().item.product;
            const cert = () => certificateOf(product());
            return (
              <>
                <div class="wrap portal no-print">
                  <header class="portal-head">
                    <BackLink href={`/ban-hang/san-pham/${product().productId}`}>{product().name}</BackLink>
                    <h1>{t("portal.labels.heading")}</h1>
                    <p class="muted">{t("portal.labels.lead")}</p>
                  </header>
                  <Show when={cert()} fallback={<p class="note">{t("portal.labels.notYet")}</p>}>
                    <div class="labels-controls">
                      <button type="button" class="button button--big" onClick={() => window.print()}>
                        <svg viewBox="0 0 24 24" aria-hidden="true">
                          <path d="M7 9V3h10v6M7 18H4v-7h16v7h-3M7 14h10v7H7z" />
                        </svg>
                        {t("portal.labels.print")}
                      </button>
                      <label class="labels-controls__count">
                        <span>{t("portal.labels.sheets")}</span>
                        <select value={sheets()} onChange={(e) => setSheets(Number(e.currentTarget.value))}>
                          <For each={[1, 2, 3, 4, 5]}>{(n) => <option value={n}>{n}</option>}</For>
                        </select>
                      </label>
                      <A href={tracePath()} class="button button--ghost">
                        {t("portal.labels.openTrace")}
                      </A>
                    </div>
                    <p class="muted labels-note">{t("portal.labels.printHint")}</p>
                  </Show>
                </div>
                <Show when={cert()}>
                  {(c) => (
                    <For each={Array.from({ length: sheets() }, (_, i) => i)}>
                      {(sheet) => (
                        <section
                          class="label-sheet"
                          aria-label={t("portal.labels.sheet", { n: sheet + 1, total: sheets() })}
                          data-testid="label-sheet"
                        >
                          <For each={Array.from({ length: LABELS_PER_SHEET }, (_, i) => i)}>
                            {(i) => (
                              <article class="label" aria-hidden={sheet > 0 || i > 0 ? "true" : undefined}>
                                <img
                                  class="label__qr"
                                  src={`/api/trace/${product().productId}/qr.svg`}
                                  alt={t("portal.labels.qrAlt", { name: product().name })}
                                  width="96"
                                  height="96"
                                />
                                <div class="label__text">
                                  <p class="label__name">{product().name}</p>
                                  <p class="label__producer">{d().producer.name}</p>
                                  <OcopStars stars={c().stars} />
                                  <p class="label__cert">
                                    {/* A non-breaking hyphen: "1520/QĐ‑UBND" stays on one line. */}
                                    {t("portal.labels.cert", { number: c().decisionNumber.replace(/-/g, "\u2011") })}
                                  </p>
                                  <p class="label__scan">{t("portal.labels.scan")}</p>
                                </div>
                              </article>
                            )}
                          </For>
                        </section>
                      )}
                    </For>
                  )}
                </Show>
              </>
            );
          }}
        </Match>
      </Switch>
    </div>
  );
}
