import { A, useNavigate } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, type Resource, Show, Switch } from "solid-js";
import { createErrors, describedBy, Field, FormMessage } from "../../components/form";
import { OcopStars } from "../../components/OcopStars";
import { StatusBadge, textOf } from "../../components/portal/bits";
import { EmptyState, ErrorState } from "../../components/States";
import { type Key, t } from "../../i18n";
import "../../i18n/portal";
import { type ProducerRecord, type ProductRecord, sellerApi } from "../../api/seller";
import { formatVnd } from "../../lib/format";
import { provinceName } from "../../lib/geo";
import { formatPhone, isVnMobile, mediaUrl, normalizePhone } from "../../lib/ocop";
import { currentUser, loadMe } from "../../lib/session";
import { useTitle } from "../../lib/title";
import { ProducerForm } from "./ProducerForm";

const ORDER = ["rejected", "suspended", "expired", "pending", "draft", "approved"];

function ProductRow(props: { product: ProductRecord }) {
  const image = () => props.product.images?.[0];
  const reason = () => textOf(props.product.statusReason);
  return (
    <li>
      <A href={`/ban-hang/san-pham/${props.product.productId}`} class="sp-card" data-testid="seller-product">
        <Show
          when={image()}
          fallback={
            <span class="sp-card__img sp-card__img--empty">
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M5 19c6-1 11-6 13-14-8 2-13 7-13 14zm0 0c2-4 5-7 9-9" />
              </svg>
            </span>
          }
        >
          {(key) => <img class="sp-card__img" src={mediaUrl(key())} alt="" width="96" height="72" loading="lazy" />}
        </Show>
        <span class="sp-card__body">
          <span class="sp-card__name">{props.product.name}</span>
          <span class="sp-card__meta">
            {formatVnd(props.product.priceVnd)} / {props.product.unit} ·{" "}
            {t("portal.seller.stock", { n: props.product.stock })}
          </span>
          <span class="sp-card__badges">
            <StatusBadge status={props.product.status} validUntil={props.product.validUntil} />
            <Show when={props.product.stars}>{(n) => <OcopStars stars={n()} />}</Show>
          </span>
          <Show when={reason() && (props.product.status === "rejected" || props.product.status === "suspended")}>
            <span class="sp-card__reason">
              <strong>{t("portal.seller.reason")}</strong> {reason()}
            </span>
          </Show>
        </span>
      </A>
    </li>
  );
}

const RECENT_DAYS = 7;

/**
 * What staff decided lately, on top of the list (as Shopee's seller centre puts its notices): products refused or
 * suspended with the reason and the way to fix them, and products approved in the last week.
 */
function ReviewNotices(props: { products: ProductRecord[] }) {
  const refused = () => props.products.filter((p) => p.status === "rejected" || p.status === "suspended");
  const approved = () => {
    const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
    return props.products.filter((p) => {
      const listedAt = (p as { listedAt?: unknown }).listedAt;
      return p.status === "approved" && typeof listedAt === "string" && listedAt >= since;
    });
  };
  return (
    <Show when={refused().length + approved().length > 0}>
      <section class="review-notices" aria-labelledby="notices-title" data-testid="review-notices">
        <h3 id="notices-title">{t("portal.notice.title")}</h3>
        <ul>
          <For each={refused()}>
            {(p) => (
              <li class="review-notice review-notice--refused">
                <StatusBadge status={p.status} />
                <span>
                  {t(p.status === "rejected" ? "portal.notice.rejected" : "portal.notice.suspended", { name: p.name })}{" "}
                  <Show when={textOf(p.statusReason)}>
                    <strong>{t("portal.seller.reason")}</strong> {textOf(p.statusReason)}{" "}
                  </Show>
                  <A href={`/ban-hang/san-pham/${p.productId}`}>
                    {t(p.status === "rejected" ? "portal.notice.fix" : "portal.notice.open")}
                  </A>
                </span>
              </li>
            )}
          </For>
          <For each={approved()}>
            {(p) => (
              <li class="review-notice review-notice--approved">
                <StatusBadge status={p.status} />
                <span>
                  {t("portal.notice.approved", { name: p.name })}{" "}
                  <A href={`/san-pham/${p.productId}`}>{t("portal.notice.viewInShop")}</A>
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function Products() {
  const [products, { refetch }] = createResource(sellerApi.products);
  const sorted = createMemo(() =>
    [...(products.latest ?? [])].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)),
  );
  const counts = createMemo(() => {
    const by = new Map<string, number>();
    for (const p of products.latest ?? []) by.set(p.status, (by.get(p.status) ?? 0) + 1);
    return ORDER.filter((s) => by.has(s)).map((s) => ({ status: s, n: by.get(s) ?? 0 }));
  });
  return (
    <section class="section" aria-labelledby="products-title" id="san-pham">
      <div class="section__head">
        <h2 id="products-title">
          {t("portal.seller.products")}
          <Show when={products.latest}>
            <span class="muted"> ({products.latest?.length})</span>
          </Show>
        </h2>
      </div>
      <Switch>
        <Match when={products.error}>
          <ErrorState error={products.error} retry={refetch} />
        </Match>
        <Match when={products.loading && !products.latest}>
          <ul class="sp-list" aria-busy="true">
            <For each={[1, 2, 3]}>
              {() => (
                <li>
                  <span class="sp-card sp-card--skeleton">
                    <span class="sp-card__img skeleton" />
                    <span class="sp-card__body">
                      <span class="skeleton skeleton--line" />
                      <span class="skeleton skeleton--line skeleton--short" />
                    </span>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={products.latest?.length === 0}>
          <EmptyState title={t("portal.seller.noProducts")}>
            <p>{t("portal.seller.noProductsHint")}</p>
          </EmptyState>
        </Match>
        <Match when={products.latest}>
          <ReviewNotices products={products.latest ?? []} />
          <ul class="status-counts" aria-label={t("portal.seller.byStatus")}>
            <For each={counts()}>
              {(c) => (
                <li>
                  <StatusBadge status={c.status} /> {c.n}
                </li>
              )}
            </For>
          </ul>
          <ul class="sp-list">
            <For each={sorted()}>{(p) => <ProductRow product={p} />}</For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

function Members() {
  const [members, { refetch }] = createResource(sellerApi.members);
  const [invitations, invited] = createResource(sellerApi.invitations);
  const [busy, setBusy] = createSignal(false);
  const [added, setAdded] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const errors = createErrors();
  let input: HTMLInputElement | undefined;

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    setAdded(undefined);
    const raw = input?.value.trim() ?? "";
    if (!isVnMobile(raw)) {
      errors.set("login", () => (raw ? t("portal.invalid.phone") : t("portal.members.missing")));
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      await sellerApi.invite({ phone: normalizePhone(raw) });
      setAdded(t("portal.members.added", { who: formatPhone(raw) }));
      if (input) input.value = "";
      await invited.refetch();
    } catch (error) {
      errors.at("login", error);
      input?.focus();
    } finally {
      setBusy(false);
    }
  };

  const act = async (what: () => Promise<void>, after: () => unknown) => {
    setProblem(undefined);
    try {
      await what();
      await after();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const me = () => currentUser()?.userId;
  const navigate = useNavigate();
  const leave = () =>
    act(
      () => sellerApi.removeMember(me() ?? ""),
      async () => {
        await loadMe();
        navigate("/", { replace: true });
      },
    );
  return (
    <section class="section panel" aria-labelledby="members-title" id="nguoi-ban">
      <h2 id="members-title">{t("portal.members.title")}</h2>
      <p class="muted">{t("portal.members.lead")}</p>
      <Switch>
        <Match when={members.state === "errored"}>
          <ErrorState error={members.error} retry={refetch} />
        </Match>
        <Match when={members.latest}>
          <ul class="member-list" data-testid="members">
            <For each={members.latest}>
              {(m) => (
                <li>
                  <span class="member-list__who">{m.name ?? (m.phone ? formatPhone(m.phone) : m.email)}</span>
                  <Show when={m.name && m.phone}>
                    <span class="muted"> · {formatPhone(m.phone ?? "")}</span>
                  </Show>
                  <Show when={m.userId === me()}>
                    <span class="tag-you">{t("portal.members.you")}</span>
                  </Show>
                  <Show when={(members.latest?.length ?? 0) > 1}>
                    <button
                      type="button"
                      class="button"
                      onClick={() =>
                        m.userId === me() ? leave() : act(() => sellerApi.removeMember(m.userId), refetch)
                      }
                    >
                      {m.userId === me() ? t("portal.members.leave") : t("portal.members.remove")}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={members.loading}>
          <p class="muted">{t("portal.common.loading")}</p>
        </Match>
      </Switch>
      <Show when={invitations.latest?.length}>
        <h3>{t("portal.members.pending")}</h3>
        <ul class="member-list" data-testid="invitations">
          <For each={invitations.latest}>
            {(i) => (
              <li>
                <span class="member-list__who">{isVnMobile(i.login) ? formatPhone(i.login) : i.login}</span>
                <span class="muted"> · {t("portal.members.waiting")}</span>
                <button
                  type="button"
                  class="button"
                  onClick={() => act(() => sellerApi.cancelInvitation(i.invitationId), invited.refetch)}
                >
                  {t("portal.members.cancelInvitation")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <FormMessage error={problem()} />
      <form class="pform inline-form" onSubmit={add} novalidate>
        <Field
          id="member-login"
          label={t("portal.members.add")}
          error={errors.of("login")}
          hint={t("portal.members.hint")}
        >
          <input
            ref={input}
            id="member-login"
            name="login"
            type="tel"
            inputmode="tel"
            autocomplete="off"
            maxLength={20}
            placeholder="0912 345 678"
            aria-invalid={Boolean(errors.of("login"))}
            aria-describedby={describedBy("member-login", { hint: true, error: errors.of("login") })}
          />
        </Field>
        <button type="submit" class="button button--big" disabled={busy()}>
          {busy() ? t("portal.members.adding") : t("portal.members.submit")}
        </button>
      </form>
      <FormMessage success={added()} />
    </section>
  );
}

function Profile(props: {
  producer: Resource<ProducerRecord>;
  refetch: () => void;
  mutate: (p: ProducerRecord) => void;
}) {
  const producer = props.producer;
  // The form (and its ward list) is only built once the seller opens the profile.
  const [opened, setOpened] = createSignal(false);
  return (
    <section class="section panel" aria-labelledby="profile-title" id="ho-so">
      <details class="disclosure" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>
          <h2 id="profile-title">{t("portal.profile.title")}</h2>
          <span class="muted">{t("portal.profile.summary")}</span>
        </summary>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={!opened()}>{null}</Match>
          <Match when={producer.state === "errored"}>
            <ErrorState error={producer.error} retry={props.refetch} />
          </Match>
          <Match when={producer.state === "ready" || producer.state === "refreshing"}>
            <ProducerForm
              id="profile"
              initial={producer.latest}
              withPhotos
              submitLabel={t("portal.profile.save")}
              busyLabel={t("portal.form.saving")}
              successMessage={t("portal.profile.saved")}
              onSubmit={async (values) => props.mutate(await sellerApi.updateProducer(values))}
            />
          </Match>
        </Switch>
      </details>
    </section>
  );
}

export default function SellerHome() {
  const [producer, { refetch, mutate }] = createResource(sellerApi.producer);
  useTitle(() => t("portal.seller.portal"));
  return (
    <div class="wrap portal seller-home">
      <header class="portal-head">
        <p class="eyebrow">{t("portal.seller.portal")}</p>
        <h1>
          <Show when={producer.latest} fallback={<span class="skeleton skeleton--title" />}>
            {(p) => p().name}
          </Show>
        </h1>
        <Show when={producer.latest}>
          {(p) => (
            <p class="muted">
              {t(`portal.producer.kind.${p().kind}` as Key)} · {provinceName(p().provinceCode)}
            </p>
          )}
        </Show>
      </header>
      <A href="/ban-hang/san-pham/moi" class="button button--big button--block add-product">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 5v14M5 12h14" />
        </svg>
        {t("portal.seller.addProduct")}
      </A>
      <Products />
      <Profile producer={producer} refetch={refetch} mutate={mutate} />
      <Members />
    </div>
  );
}
