import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { Latest } from "../../components/list";
import { OcopStars } from "../../components/OcopStars";
import { locale, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/portal";
import { adminApi, type Dashboard as Figures } from "../../api/admin";
import { formatCount } from "../../lib/format";
import { regionName } from "../../lib/geo";
import { formatShare } from "../../lib/ocop";
import { useTitle } from "../../lib/title";

/** National targets of the OCOP programme (2021–2025 and beyond): 10,000 products of 3★+, 400–500 of them 5★. */
export const NATIONAL_TARGET = { products: 10_000, fiveStars: 400 };

const STAR_COLORS: Record<number, string> = { 3: "var(--green-700)", 4: "var(--star-4)", 5: "var(--seal)" };

/** A bar for a table cell: its width is the value against the largest in the table (the numbers are beside it). */
function Bar(props: { value: number; max: number; tone?: string }) {
  return (
    <span class="bar" aria-hidden="true">
      <span
        class={`bar__fill${props.tone ? ` bar__fill--${props.tone}` : ""}`}
        style={{ width: `${props.max ? Math.max(1, (props.value / props.max) * 100) : 0}%` }}
      />
    </span>
  );
}

/** Listed products by star rating as one stacked bar (SVG) with its legend: "65,9% 3★". */
function StarsChart(props: { byStars: Figures["byStars"] }) {
  const parts = createMemo(() => {
    let x = 0;
    return props.byStars.map((s) => {
      const part = { ...s, x, width: s.share };
      x += s.share;
      return part;
    });
  });
  const summary = () => props.byStars.map((s) => `${formatShare(s.share)} ${s.stars}★`).join(", ");
  return (
    <figure class="stars-chart">
      <svg
        class="stars-chart__bar"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        role="img"
        aria-label={t("admin.dash.starsChart", { summary: summary() })}
      >
        <For each={parts()}>
          {(p) => (
            <rect
              x={p.x}
              y="0"
              width={p.width}
              height="8"
              style={{ fill: STAR_COLORS[p.stars] ?? "var(--chart-other)" }}
            />
          )}
        </For>
      </svg>
      <figcaption>
        <ul class="stars-chart__legend" data-testid="stars-shares">
          <For each={props.byStars}>
            {(s) => (
              <li>
                <span class="stars-chart__dot" style={{ background: STAR_COLORS[s.stars] }} aria-hidden="true" />
                <strong class="stars-chart__share">
                  {formatShare(s.share)} {s.stars}★
                </strong>
                <span class="muted">{t("admin.dash.products", { n: s.products })}</span>
              </li>
            )}
          </For>
        </ul>
      </figcaption>
    </figure>
  );
}

function Stat(props: { label: string; value: string; note?: string }) {
  return (
    <div class="stat">
      <dt>{props.label}</dt>
      <dd>
        <strong>{props.value}</strong>
        <Show when={props.note}>
          <span class="muted">{props.note}</span>
        </Show>
      </dd>
    </div>
  );
}

type ProvinceSort = "products" | "producers" | "name";

function ByProvince(props: { rows: Figures["byProvince"] }) {
  const [sort, setSort] = createSignal<ProvinceSort>("products");
  const sorted = createMemo(() => {
    const rows = [...props.rows];
    const key = sort();
    if (key === "name") return rows.sort((a, b) => a.name.localeCompare(b.name, "vi"));
    return rows.sort((a, b) => b[key] - a[key] || a.name.localeCompare(b.name, "vi"));
  });
  const maxProducts = () => Math.max(...props.rows.map((r) => r.products), 1);
  return (
    <section class="panel" aria-labelledby="by-province">
      <div class="section__head">
        <h2 id="by-province">{t("admin.dash.byProvince")}</h2>
        <label class="inline-select">
          <span>{t("admin.dash.sortBy")}</span>
          <select value={sort()} onChange={(e) => setSort(e.currentTarget.value as ProvinceSort)}>
            <option value="products">{t("admin.dash.sort.products")}</option>
            <option value="producers">{t("admin.dash.sort.producers")}</option>
            <option value="name">{t("admin.dash.sort.name")}</option>
          </select>
        </label>
      </div>
      <div class="table-wrap">
        <table class="ptable ptable--figures" data-testid="by-province">
          <caption class="sr-only">{t("admin.dash.byProvince")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.queue.province")}</th>
              <th scope="col" class="ptable__bar-col">
                <span class="sr-only">{t("admin.dash.chart")}</span>
              </th>
              <th scope="col" class="num">
                {t("admin.dash.listed")}
              </th>
              <th scope="col" class="num">
                {t("admin.dash.share")}
              </th>
              <th scope="col" class="num">
                {t("admin.dash.producers")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={sorted()}>
              {(r) => (
                <tr>
                  <th scope="row">
                    {r.name}
                    <span class="ptable__sub">{regionName(r.region, locale())}</span>
                  </th>
                  <td class="ptable__bar-col">
                    <Bar value={r.products} max={maxProducts()} />
                  </td>
                  <td class="num">{formatCount(r.products)}</td>
                  <td class="num">{formatShare(r.share)}</td>
                  <td class="num">{formatCount(r.producers)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Programme figures for staff, in the programme's own terms: products by stars, group and province. */
export default function Dashboard() {
  const [data, { refetch }] = createResource(adminApi.dashboard);
  useTitle(() => t("admin.dash.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.dash.title")}</h1>
        <p class="muted">{t("admin.dash.lead")}</p>
      </div>
      <Latest data={data} retry={refetch}>
        {(d) => {
          const fiveStars = () => d().byStars.find((s) => s.stars === 5)?.products ?? 0;
          const maxGroup = () => Math.max(...d().byGroup.map((g) => g.products), 1);
          return (
            <div class="dash">
              <dl class="stats">
                <Stat label={t("admin.dash.listedTotal")} value={formatCount(d().listed)} />
                <Stat label={t("admin.dash.producersTotal")} value={formatCount(d().producers)} />
                <Stat
                  label={t("admin.dash.targetProducts")}
                  value={formatShare(Math.round((d().listed / NATIONAL_TARGET.products) * 1000) / 10)}
                  note={t("admin.dash.targetProductsNote", { n: NATIONAL_TARGET.products })}
                />
                <Stat
                  label={t("admin.dash.targetFive")}
                  value={`${formatCount(fiveStars())} / ${formatCount(NATIONAL_TARGET.fiveStars)}`}
                  note={t("admin.dash.targetFiveNote")}
                />
              </dl>

              <section class="panel" aria-labelledby="by-stars">
                <h2 id="by-stars">{t("admin.dash.byStars")}</h2>
                <StarsChart byStars={d().byStars} />
                <div class="table-wrap">
                  <table class="ptable ptable--figures">
                    <caption class="sr-only">{t("admin.dash.byStars")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("admin.queue.stars")}</th>
                        <th scope="col" class="num">
                          {t("admin.dash.listed")}
                        </th>
                        <th scope="col" class="num">
                          {t("admin.dash.share")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={d().byStars}>
                        {(s) => (
                          <tr>
                            <th scope="row">
                              <OcopStars stars={s.stars} />
                            </th>
                            <td class="num">{formatCount(s.products)}</td>
                            <td class="num">{formatShare(s.share)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>

              <section class="panel" aria-labelledby="by-group">
                <h2 id="by-group">{t("admin.dash.byGroup")}</h2>
                <div class="table-wrap">
                  <table class="ptable ptable--figures" data-testid="by-group">
                    <caption class="sr-only">{t("admin.dash.byGroup")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("portal.editor.group")}</th>
                        <th scope="col" class="ptable__bar-col">
                          <span class="sr-only">{t("admin.dash.chart")}</span>
                        </th>
                        <th scope="col" class="num">
                          {t("admin.dash.listed")}
                        </th>
                        <th scope="col" class="num">
                          {t("admin.dash.share")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={d().byGroup}>
                        {(g) => (
                          <tr>
                            <th scope="row">{locale() === "en" ? g.en : g.vi}</th>
                            <td class="ptable__bar-col">
                              <Bar value={g.products} max={maxGroup()} tone="earth" />
                            </td>
                            <td class="num">{formatCount(g.products)}</td>
                            <td class="num">{formatShare(g.share)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>

              <ByProvince rows={d().byProvince} />
            </div>
          );
        }}
      </Latest>
    </>
  );
}
