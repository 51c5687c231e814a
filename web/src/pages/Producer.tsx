import { A, useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { storefrontApi } from "../api/storefront";
import { Photo } from "../components/Photo";
import { CardGrid, CardSkeletons } from "../components/ProductCard";
import { EmptyState, isNotFound, Loaded, NotFoundState } from "../components/States";
import { t } from "../i18n";
import { provinceName } from "../lib/geo";
import { useTitle } from "../lib/title";

function ProducerSkeleton() {
  return (
    <div class="wrap" aria-busy="true">
      <span class="sr-only">{t("common.loading")}</span>
      <div class="producer-hero">
        <span class="skeleton producer-hero__photo" />
        <div class="producer-hero__text">
          <span class="skeleton skeleton--line skeleton--short" />
          <span class="skeleton skeleton--title" />
          <span class="skeleton skeleton--line" />
        </div>
      </div>
      <CardSkeletons count={4} />
    </div>
  );
}

export default function Producer() {
  const params = useParams();
  const [page, { refetch }] = createResource(() => params.id, storefrontApi.producer);
  useTitle(() => {
    if (page.state === "ready") return page().producer.name;
    if (page.state === "errored") return isNotFound(page.error) ? t("producer.notFound") : t("error.title");
    return undefined;
  });
  return (
    <Loaded
      data={page}
      retry={refetch}
      loading={<ProducerSkeleton />}
      notFound={
        <div class="wrap">
          <NotFoundState title={t("producer.notFound")} text={t("producer.notFoundText")} />
        </div>
      }
    >
      {(data) => (
        <article class="wrap producer">
          <nav aria-label={t("product.breadcrumb")} class="breadcrumb">
            <ol>
              <li>
                <A href="/">{t("nav.home")}</A>
              </li>
              <li aria-current="page">{data.producer.name}</li>
            </ol>
          </nav>
          <header class="producer-hero">
            <Photo
              src={data.producer.photos[0]}
              alt={t("producer.photo", { name: data.producer.name })}
              width={320}
              height={240}
              sizes="(min-width: 600px) 240px, 128px"
              class="producer-hero__photo"
              eager
            />
            <div class="producer-hero__text">
              <p class="eyebrow">{t(`producer.kind.${data.producer.kind}`)}</p>
              <h1>{data.producer.name}</h1>
              <p class="producer-hero__origin">
                <svg viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0113 0c0 5-6.5 11-6.5 11z" />
                  <circle cx="12" cy="10" r="2.3" />
                </svg>
                <span class="sr-only">{t("producer.origin")}: </span>
                {[data.producer.wardName, provinceName(data.producer.provinceCode)].filter(Boolean).join(", ")}
              </p>
            </div>
          </header>
          <Show when={data.producer.story}>
            <section class="story" aria-labelledby="about-title">
              <h2 id="about-title">{t("producer.about")}</h2>
              <p>{data.producer.story}</p>
            </section>
          </Show>
          <section class="section" aria-labelledby="products-title">
            <h2 id="products-title">
              {t("producer.products")} <span class="muted">({data.products.length})</span>
            </h2>
            <Show when={data.products.length > 0} fallback={<EmptyState title={t("producer.noProducts")} />}>
              <CardGrid cards={data.products} />
            </Show>
          </section>
        </article>
      )}
    </Loaded>
  );
}
