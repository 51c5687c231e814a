import { LABEL_NAMES } from "@cho-ocop/core/product/label-rules";
import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { type ProductDetail, storefrontApi } from "../api/storefront";
import { AddToCart } from "../components/AddToCart";
import { CertificateFacts } from "../components/CertificateFacts";
import { OcopStars } from "../components/OcopStars";
import { Photo } from "../components/Photo";
import { isNotFound, Loaded, NotFoundState } from "../components/States";
import { type Key, locale, t } from "../i18n";
import { catalogHref } from "../lib/filters";
import { formatVnd, validity } from "../lib/format";
import { provinceName } from "../lib/geo";
import { useTitle } from "../lib/title";

type Certificate = ProductDetail["certificate"];

function Gallery(props: { images: string[]; name: string }) {
  const [shown, setShown] = createSignal(0);
  return (
    <section class="gallery" aria-label={t("product.photos")}>
      <div class="gallery__main">
        <Photo
          src={props.images[shown()] ?? null}
          alt={t("product.photo", { n: shown() + 1, name: props.name })}
          width={800}
          height={600}
          sizes="(min-width: 1200px) 560px, (min-width: 900px) 46vw, 100vw"
          eager
        />
      </div>
      <Show when={props.images.length > 1}>
        <ul class="gallery__thumbs">
          <For each={props.images}>
            {(src, i) => (
              <li>
                <button
                  type="button"
                  class="gallery__thumb"
                  aria-pressed={shown() === i()}
                  aria-label={t("product.showPhoto", { n: i() + 1 })}
                  onClick={() => setShown(i())}
                >
                  <Photo src={src} alt="" width={96} height={72} sizes="72px" />
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

export function ValidityBadge(props: { validUntil: string }) {
  const v = () => validity(props.validUntil);
  const detail = () => {
    const { state, daysLeft } = v();
    if (state === "expired") return t("cert.expiredAgo", { n: -daysLeft });
    if (daysLeft === 0) return t("cert.lastDay");
    return t("cert.daysLeft", { n: daysLeft });
  };
  return (
    <span class={`validity validity--${v().state}`} data-testid="validity">
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <Show when={v().state !== "expired"} fallback={<path d="M5 5l10 10M15 5L5 15" />}>
          <path d="M4 10.5l4 4 8-9" />
        </Show>
      </svg>
      <strong>{t(`cert.${v().state}` as Key)}</strong>
      <span> · {detail()}</span>
    </span>
  );
}

function Score(props: { score: NonNullable<Certificate["score"]> }) {
  const parts = () => [
    { key: "cert.scoreA" as const, value: props.score.a, max: 40 },
    { key: "cert.scoreB" as const, value: props.score.b, max: 25 },
    { key: "cert.scoreC" as const, value: props.score.c, max: 35 },
  ];
  const total = () => props.score.a + props.score.b + props.score.c;
  return (
    <div class="score">
      <h3 class="score__title">{t("cert.score")}</h3>
      <dl class="score__list">
        <For each={parts()}>
          {(part) => (
            <div class="score__row">
              <dt>{t(part.key)}</dt>
              <dd>
                <span class="score__bar" aria-hidden="true">
                  <span class="score__fill" style={{ width: `${(part.value / part.max) * 100}%` }} />
                </span>
                <span class="score__value">{t("cert.points", { n: part.value, max: part.max })}</span>
              </dd>
            </div>
          )}
        </For>
        <div class="score__row score__row--total">
          <dt>{t("cert.total")}</dt>
          <dd>
            <span class="score__value">{t("cert.points", { n: total(), max: 100 })}</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}

function CertificateCard(props: { cert: Certificate; productId: string }) {
  return (
    <section class="cert" aria-labelledby="cert-title" data-testid="certificate">
      <div class="cert__head">
        <h2 id="cert-title">{t("cert.title")}</h2>
        <ValidityBadge validUntil={props.cert.validUntil} />
      </div>
      <div class="cert__body">
        <CertificateFacts
          cert={props.cert}
          class="facts cert__facts"
          decisionTestId="decision-number"
          validUntilTestId="valid-until"
        />
        <Show when={props.cert.score} fallback={<p class="muted">{t("cert.noScore")}</p>}>
          {(score) => <Score score={score()} />}
        </Show>
      </div>
      <p class="cert__note">
        {t("cert.note")} <A href={`/truy-xuat/${props.productId}`}>{t("product.trace")}</A>
      </p>
    </section>
  );
}

function ProducerCard(props: { producer: ProductDetail["producer"] }) {
  return (
    <section class="producer-card" aria-labelledby="producer-title">
      <h2 class="eyebrow" id="producer-title">
        {t("producer.section")}
      </h2>
      <A href={`/chu-the/${props.producer.producerId}`} class="producer-card__link">
        <Photo src={props.producer.photos[0]} alt="" width={96} height={96} sizes="64px" class="producer-card__photo" />
        <span class="producer-card__text">
          <span class="producer-card__name">{props.producer.name}</span>
          <span class="producer-card__kind">{t(`producer.kind.${props.producer.kind}`)}</span>
          <span class="producer-card__cta">{t("producer.visit")} →</span>
        </span>
      </A>
    </section>
  );
}

function ProductSkeleton() {
  return (
    <div class="wrap" aria-busy="true">
      <span class="sr-only">{t("common.loading")}</span>
      <span class="skeleton skeleton--line skeleton--short breadcrumb-skeleton" />
      <div class="pd">
        <span class="skeleton gallery-skeleton" />
        <div class="pd__info">
          <span class="skeleton skeleton--title" />
          <span class="skeleton skeleton--line skeleton--short" />
          <span class="skeleton skeleton--title skeleton--short" />
          <span class="skeleton skeleton--block" />
        </div>
      </div>
    </div>
  );
}

export function origin(p: ProductDetail): string {
  const province = provinceName(p.provinceCode);
  const ward = p.producer.provinceCode === p.provinceCode ? p.producer.wardName : "";
  return ward ? `${ward}, ${province}` : province;
}

export default function Product() {
  const params = useParams();
  const [product, { refetch }] = createResource(() => params.id, storefrontApi.product);
  useTitle(() => {
    if (product.state === "ready") return product().name;
    if (product.state === "errored") return isNotFound(product.error) ? t("product.notFound") : t("error.title");
    return undefined;
  });
  return (
    <Loaded
      data={product}
      retry={refetch}
      loading={<ProductSkeleton />}
      notFound={
        <div class="wrap">
          <NotFoundState title={t("product.notFound")} text={t("product.notFoundText")} />
        </div>
      }
    >
      {(p) => (
        <article class="wrap product">
          <nav aria-label={t("product.breadcrumb")} class="breadcrumb">
            <ol>
              <li>
                <A href="/">{t("nav.home")}</A>
              </li>
              <li>
                <A href="/san-pham">{t("nav.catalog")}</A>
              </li>
              <li>
                <A href={catalogHref({ group: p.group })}>{t(`group.short.${p.group}` as Key)}</A>
              </li>
              <li aria-current="page">{p.name}</li>
            </ol>
          </nav>

          <div class="pd">
            <Gallery images={p.images} name={p.name} />
            <div class="pd__info">
              <h1 class="pd__name">{p.name}</h1>
              <div class="pd__badges">
                <OcopStars stars={p.certificate.stars} size="lg" />
                <ValidityBadge validUntil={p.certificate.validUntil} />
              </div>
              <p class="pd__price">
                <strong>{formatVnd(p.priceVnd)}</strong> <span>{t("price.perUnit", { unit: p.unit })}</span>
              </p>
              <p class={`stock stock--${p.inStock ? "in" : "out"}`}>
                <span class="stock__dot" aria-hidden="true" />
                <Show when={p.inStock} fallback={t("product.outOfStock")}>
                  {t("product.inStock")} · {t("product.stockCount", { n: p.stock, unit: p.unit })}
                </Show>
              </p>
              <AddToCart productId={p.productId} stock={p.stock} />
              <dl class="facts pd__facts">
                <div>
                  <dt>{t("product.origin")}</dt>
                  <dd data-testid="origin">
                    {origin(p)}
                    <Show when={p.formerProvince}>
                      {(former) => <span class="muted"> ({t("product.formerly", { name: former() })})</span>}
                    </Show>
                  </dd>
                </div>
                <div>
                  <dt>{t("product.group")}</dt>
                  <dd>
                    <A href={catalogHref({ group: p.group })}>{t(`group.short.${p.group}` as Key)}</A>
                  </dd>
                </div>
                <Show when={p.weightGrams > 0}>
                  <div>
                    <dt>{t("product.weight")}</dt>
                    <dd>{t("product.grams", { n: p.weightGrams })}</dd>
                  </div>
                </Show>
              </dl>
              <ProducerCard producer={p.producer} />
            </div>
          </div>

          <CertificateCard cert={p.certificate} productId={p.productId} />

          <Show when={p.label.length > 0}>
            <section class="label-facts" aria-labelledby="label-title" data-testid="product-label">
              <h2 id="label-title">{t("product.label")}</h2>
              <dl class="facts">
                <For each={p.label}>
                  {(line) => (
                    <div>
                      <dt>{LABEL_NAMES[line.field][locale()]}</dt>
                      <dd>{line.text}</dd>
                    </div>
                  )}
                </For>
              </dl>
            </section>
          </Show>

          <Show when={p.story}>
            <section class="story" aria-labelledby="story-title">
              <h2 id="story-title">{t("product.story")}</h2>
              <p>{p.story}</p>
              <Show when={p.tags.length > 0}>
                <ul class="tags" aria-label={t("product.tags")}>
                  <For each={p.tags}>
                    {(tag) => (
                      <li>
                        <A href={catalogHref({ q: tag })} class="tag">
                          #{tag}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </Show>
        </article>
      )}
    </Loaded>
  );
}
