import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { registryApi } from "../../api/registry";
import { OcopStars } from "../../components/OcopStars";
import { t } from "../../i18n";
import "../../i18n/registry";
import { formatDate } from "../../lib/format";
import { PROVINCES } from "../../lib/geo";
import { useTitle } from "../../lib/title";
import { CertificateStatus } from "./status";
import "../../styles/registry.css";

/** The public lookup a shopper opens in a shop or a market: by the number on the label, or by name and province. */
export default function Lookup() {
  useTitle(() => t("registry.title"));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string; province?: string }>();
  const [number, setNumber] = createSignal("");
  const [q, setQ] = createSignal(params.q ?? "");
  const [provinceCode, setProvinceCode] = createSignal(params.province ?? "");
  const query = () =>
    params.q && params.province && params.q.trim().length >= 2 ? { q: params.q, province: params.province } : undefined;
  const [results] = createResource(query, (qq) => registryApi.search(qq as never));

  return (
    <article class="wrap registry">
      <p class="eyebrow">{t("registry.eyebrow")}</p>
      <h1>{t("registry.title")}</h1>
      <p class="muted">{t("registry.intro")}</p>

      <form
        class="registry-card"
        aria-labelledby="registry-by-number"
        onSubmit={(e) => {
          e.preventDefault();
          const n = number().trim().toUpperCase();
          if (n) navigate(`/chung-nhan/${encodeURIComponent(n)}`);
        }}
      >
        <h2 id="registry-by-number">{t("registry.byNumber")}</h2>
        <label class="field">
          <span>{t("registry.number")}</span>
          <input
            name="number"
            inputmode="text"
            autocapitalize="characters"
            autocomplete="off"
            placeholder={t("registry.numberHint")}
            value={number()}
            onInput={(e) => setNumber(e.currentTarget.value)}
            required
          />
        </label>
        <button class="button button--big button--block" type="submit">
          {t("registry.lookUp")}
        </button>
      </form>

      <form
        class="registry-card"
        aria-labelledby="registry-by-name"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: q().trim(), province: provinceCode() });
        }}
      >
        <h2 id="registry-by-name">{t("registry.byName")}</h2>
        <label class="field">
          <span>{t("registry.name")}</span>
          <input name="q" minlength="2" value={q()} onInput={(e) => setQ(e.currentTarget.value)} required />
        </label>
        <label class="field">
          <span>{t("registry.province")}</span>
          <select
            name="province"
            value={provinceCode()}
            onChange={(e) => setProvinceCode(e.currentTarget.value)}
            required
          >
            <option value="" />
            <For each={PROVINCES}>{(p) => <option value={p.code}>{p.short}</option>}</For>
          </select>
        </label>
        <button class="button button--block" type="submit">
          {t("registry.find")}
        </button>
      </form>

      <Show when={query() && results()}>
        {(list) => (
          <section aria-live="polite" data-testid="registry-results">
            <Show when={list().length > 0} fallback={<p class="muted">{t("registry.noResults")}</p>}>
              <p class="muted">{t("registry.results", { n: list().length })}</p>
              <ul class="registry-results">
                <For each={list()}>
                  {(c) => (
                    <li>
                      <A href={`/chung-nhan/${encodeURIComponent(c.number)}`}>
                        <strong>{c.productName}</strong>
                        <span class="muted">{c.producerName}</span>
                        <span class="registry-results__line">
                          <OcopStars stars={c.stars} />
                          <span>{c.number}</span>
                          <span>· {formatDate(c.validUntil)}</span>
                        </span>
                        <CertificateStatus status={c.status} />
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>

      <p class="registry-open-data">
        <a href="/api/open-data/certificates">{t("registry.openData")}</a> ·{" "}
        <a href="/api/open-data/certificates.csv">CSV</a>
      </p>
    </article>
  );
}
