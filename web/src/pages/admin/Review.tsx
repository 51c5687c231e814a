import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { CertificateFacts } from "../../components/CertificateFacts";
import { createErrors, describedBy, Field, FormMessage, messageOf } from "../../components/form";
import { PageSkeleton } from "../../components/Layout";
import { OcopStars } from "../../components/OcopStars";
import {
  BackLink,
  CertStatusBadge,
  Refusal,
  StatusBadge,
  scoreOf,
  textOf,
  textsOf,
} from "../../components/portal/bits";
import { ErrorState, NotFoundState } from "../../components/States";
import { type Key, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi, type ReviewItem } from "../../api/admin";
import { ApiError } from "../../api/client";
import { storefrontApi as api } from "../../api/storefront";
import { formatDate, formatVnd } from "../../lib/format";
import { provinceName } from "../../lib/geo";
import { bandOf, isPdf, mediaUrl, SCORE_MAX, scoreTotal, starsForTotal } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import { useTitle } from "../../lib/title";
import { AuditTrail } from "./audit";

type Certificate = ReviewItem["certificates"][number];

/** The certificate staff decide on: the one waiting for review, else the one in force, else the latest. */
function underReview(item: ReviewItem): Certificate | undefined {
  const list = item.certificates;
  return list.find((c) => c.status === "pending") ?? list.find((c) => c.status === "approved") ?? list[0] ?? undefined;
}

function ReviewedFacts(props: { cert: Certificate }) {
  const score = () => scoreOf((props.cert as { score?: unknown }).score);
  return (
    <CertificateFacts
      cert={props.cert}
      class="facts review-facts"
      testId="review-certificate"
      decisionTestId="review-decision"
    >
      <div>
        <dt>{t("cert.score")}</dt>
        <dd>
          <Show when={score()} fallback={<span class="muted">{t("cert.noScore")}</span>}>
            {(s) => (
              <>
                A {s().a}/{SCORE_MAX.a} · B {s().b}/{SCORE_MAX.b} · C {s().c}/{SCORE_MAX.c} ={" "}
                <strong>{t("cert.points", { n: scoreTotal(s()), max: 100 })}</strong>
                <span class="muted">
                  {" "}
                  (
                  {t("portal.submit.band", {
                    n: starsForTotal(scoreTotal(s())),
                    min: bandOf(starsForTotal(scoreTotal(s()))).min,
                    max: bandOf(starsForTotal(scoreTotal(s()))).max,
                  })}
                  )
                </span>
              </>
            )}
          </Show>
        </dd>
      </div>
    </CertificateFacts>
  );
}

/** The scan beside its fields: an image inline, a PDF embedded (with a link); its signed link lasts minutes. */
function ScanViewer(props: { url: string | null; number: string; onRefresh: () => void }) {
  const [failed, setFailed] = createSignal(false);
  return (
    <figure class="scan" data-testid="scan">
      <Show when={props.url} fallback={<p class="note">{t("admin.review.noScan")}</p>}>
        {(url) => (
          <Show
            when={isPdf(url())}
            fallback={
              <img
                class="scan__img"
                src={url()}
                alt={t("admin.review.scanAlt", { number: props.number })}
                data-testid="scan-image"
                onError={() => setFailed(true)}
                onLoad={() => setFailed(false)}
              />
            }
          >
            <object
              class="scan__pdf"
              data={url()}
              type="application/pdf"
              aria-label={t("admin.review.scanAlt", { number: props.number })}
            >
              <p class="note">
                {t("admin.review.pdfFallback")}{" "}
                <a href={url()} target="_blank" rel="noopener">
                  {t("admin.review.openPdf")}
                </a>
              </p>
            </object>
          </Show>
        )}
      </Show>
      <Show when={props.url}>
        {(url) => (
          <figcaption class="scan__caption">
            <Show when={failed()}>
              <span class="pfield__error">{t("admin.review.scanExpired")} </span>
            </Show>
            <a href={url()} target="_blank" rel="noopener">
              {t("admin.review.openScan")}
            </a>
            <button type="button" class="link-button" onClick={() => props.onRefresh()}>
              {t("admin.review.refreshScan")}
            </button>
            <span class="muted">{t("admin.review.scanShortLived")}</span>
          </figcaption>
        )}
      </Show>
    </figure>
  );
}

/** A decision that needs a reason the seller will read (reject, suspend). */
function ReasonAction(props: {
  id: string;
  title: string;
  submit: string;
  busy: boolean;
  tone: "danger" | "warn";
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const errors = createErrors();
  let input: HTMLTextAreaElement | undefined;
  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    const reason = input?.value.trim() ?? "";
    if (reason.length < 5) {
      errors.set("reason", () => t("portal.invalid.reason"));
      input?.focus();
      return;
    }
    try {
      await props.onSubmit(reason);
      if (input) input.value = "";
    } catch (error) {
      errors.fromApi(error, ["reason"]);
      if (errors.of("reason")) input?.focus();
    }
  };
  return (
    <form class="pform action-form" onSubmit={send} novalidate>
      <Field id={props.id} label={props.title} error={errors.of("reason")} hint={t("admin.review.reasonHint")}>
        <textarea
          ref={input}
          id={props.id}
          name="reason"
          rows="3"
          maxLength={500}
          aria-invalid={Boolean(errors.of("reason"))}
          aria-describedby={describedBy(props.id, { hint: true, error: errors.of("reason") })}
        />
      </Field>
      <button type="submit" class={`button button--${props.tone}`} disabled={props.busy}>
        {props.submit}
      </button>
      <FormMessage error={errors.general()} />
    </form>
  );
}

export default function Review() {
  const params = useParams();
  const [item, { refetch, mutate }] = createResource(() => params.id, adminApi.item);
  // Read through `settled`: `item.latest` throws once the call failed, which would leave the skeleton up for good.
  const loaded = () => settled(item);
  const [producer] = createResource(
    () => loaded()?.product.producerId,
    (id) => api.producer(id).catch(() => undefined),
  );
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  useTitle(() => {
    const data = loaded();
    if (data) return t("admin.review.title", { name: data.product.name });
    return item.state === "errored" ? t("admin.review.unavailable") : t("admin.review.heading");
  });

  const refusal = () => (item.error instanceof ApiError && item.error.status === 403 ? item.error : undefined);
  const missing = () => item.error instanceof ApiError && item.error.notFound;

  /** Runs a decision, then reloads the item (new status, audit entry). A reason form shows its own errors. */
  async function act(run: () => Promise<unknown>, message: Key, withReason = false) {
    setBusy(true);
    setDone(undefined);
    setFailure(undefined);
    try {
      await run();
      setDone(t(message));
      mutate(await adminApi.item(params.id ?? ""));
    } catch (error) {
      if (withReason) throw error;
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Switch fallback={<PageSkeleton />}>
      <Match when={refusal()}>
        {(error) => (
          <Refusal title={t("admin.review.forbidden")} text={error().message}>
            <A href="/quan-tri" class="button">
              {t("admin.review.backToQueue")}
            </A>
          </Refusal>
        )}
      </Match>
      <Match when={missing()}>
        <NotFoundState title={t("portal.editor.notFound")} text={t("admin.review.notFoundText")} />
      </Match>
      <Match when={item.state === "errored"}>
        <ErrorState error={item.error} retry={refetch} />
      </Match>
      <Match when={loaded()}>
        {(data) => {
          const product = () => data().product;
          const cert = () => underReview(data());
          const id = () => product().productId;
          return (
            <article class="review">
              <BackLink href="/quan-tri">{t("admin.review.backToQueue")}</BackLink>
              <header class="review__head">
                <div>
                  <p class="eyebrow">{t("admin.review.heading")}</p>
                  <h1>{product().name}</h1>
                  <p class="review__meta">
                    <StatusBadge status={product().status} validUntil={product().validUntil} />
                    <span>{t(`group.short.${product().group}` as Key)}</span>
                    <span>{provinceName(product().provinceCode)}</span>
                    <Show when={producer.latest}>
                      {(p) => <A href={`/chu-the/${p().producer.producerId}`}>{p().producer.name}</A>}
                    </Show>
                  </p>
                  <Show when={textOf(product().statusReason)}>
                    <p class="status-panel__reason">
                      <strong>{t("portal.seller.reason")}</strong> {textOf(product().statusReason)}
                    </p>
                  </Show>
                </div>
              </header>

              <div class="review__grid">
                <div class="review__main">
                  <section class="panel" aria-labelledby="cert-under-review">
                    <h2 id="cert-under-review">
                      {cert()?.status === "pending" ? t("admin.review.pendingCert") : t("admin.review.currentCert")}
                    </h2>
                    <Show when={cert()} fallback={<p class="muted">{t("portal.history.empty")}</p>}>
                      {(c) => <ReviewedFacts cert={c()} />}
                    </Show>
                  </section>

                  <section class="panel actions-panel" aria-labelledby="decide-title">
                    <h2 id="decide-title">{t("admin.review.decide")}</h2>
                    <Switch fallback={<p class="muted">{t(`admin.review.noAction.${product().status}` as Key)}</p>}>
                      <Match when={product().status === "pending"}>
                        <p class="muted">{t("admin.review.approveLead")}</p>
                        <button
                          type="button"
                          class="button button--big"
                          disabled={busy()}
                          onClick={() => act(() => adminApi.approve(id()), "admin.review.approved")}
                        >
                          {t("admin.review.approve")}
                        </button>
                        <ReasonAction
                          id="reject-reason"
                          title={t("admin.review.rejectReason")}
                          submit={t("admin.review.reject")}
                          busy={busy()}
                          tone="danger"
                          onSubmit={(reason) => act(() => adminApi.reject(id(), reason), "admin.review.rejected", true)}
                        />
                      </Match>
                      <Match when={product().status === "approved"}>
                        <ReasonAction
                          id="suspend-reason"
                          title={t("admin.review.suspendReason")}
                          submit={t("admin.review.suspend")}
                          busy={busy()}
                          tone="warn"
                          onSubmit={(reason) =>
                            act(() => adminApi.suspend(id(), reason), "admin.review.suspended", true)
                          }
                        />
                      </Match>
                      <Match when={product().status === "suspended"}>
                        <button
                          type="button"
                          class="button button--big"
                          disabled={busy()}
                          onClick={() => act(() => adminApi.reinstate(id()), "admin.review.reinstated")}
                        >
                          {t("admin.review.reinstate")}
                        </button>
                      </Match>
                    </Switch>
                    <FormMessage error={failure()} success={done()} />
                    <Show when={done() && product().status === "approved"}>
                      <p>
                        <A href={`/san-pham/${id()}`}>{t("admin.review.viewInShop")}</A>
                      </p>
                    </Show>
                  </section>

                  <section class="panel" aria-labelledby="product-facts">
                    <h2 id="product-facts">{t("admin.review.product")}</h2>
                    <Show when={(product().images ?? []).length > 0}>
                      <ul class="thumbs">
                        <For each={product().images ?? []}>
                          {(key, i) => (
                            <li>
                              <img
                                src={mediaUrl(key)}
                                alt={t("portal.photos.photo", { n: i() + 1 })}
                                width="160"
                                height="120"
                                loading="lazy"
                              />
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                    <dl class="facts">
                      <div>
                        <dt>{t("portal.editor.price")}</dt>
                        <dd>
                          {formatVnd(product().priceVnd)} / {product().unit}
                        </dd>
                      </div>
                      <div>
                        <dt>{t("product.weight")}</dt>
                        <dd>{t("product.grams", { n: product().weightGrams })}</dd>
                      </div>
                      <div>
                        <dt>{t("portal.editor.stock")}</dt>
                        <dd>{product().stock}</dd>
                      </div>
                      <Show when={textsOf((product() as { tags?: unknown }).tags).length > 0}>
                        <div>
                          <dt>{t("product.tags")}</dt>
                          <dd>{textsOf((product() as { tags?: unknown }).tags).join(", ")}</dd>
                        </div>
                      </Show>
                    </dl>
                    <Show when={textOf((product() as { story?: unknown }).story)}>
                      <p class="review__story">{textOf((product() as { story?: unknown }).story)}</p>
                    </Show>
                  </section>

                  <section class="panel" aria-labelledby="history-title">
                    <h2 id="history-title">{t("portal.history.title")}</h2>
                    <ol class="cert-history">
                      <For each={data().certificates}>
                        {(c) => (
                          <li class="cert-history__item">
                            <div class="cert-history__head">
                              <OcopStars stars={c.stars} />
                              <strong>{c.decisionNumber}</strong>
                              <span class="muted">{formatDate(c.decisionDate)}</span>
                              <CertStatusBadge status={c.status} />
                            </div>
                          </li>
                        )}
                      </For>
                    </ol>
                  </section>

                  <section class="panel" aria-labelledby="audit-title">
                    <h2 id="audit-title">{t("admin.review.audit")}</h2>
                    <AuditTrail entries={data().audit} />
                  </section>
                </div>

                <aside class="review__side" aria-labelledby="scan-title">
                  <h2 id="scan-title" class="review__scan-title">
                    {t("admin.review.scan")}
                  </h2>
                  <ScanViewer url={cert()?.scanUrl ?? null} number={cert()?.decisionNumber ?? ""} onRefresh={refetch} />
                </aside>
              </div>
            </article>
          );
        }}
      </Match>
    </Switch>
  );
}
