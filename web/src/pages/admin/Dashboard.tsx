import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { adminApi, type Dashboard as Figures, type Programme, type ProvinceCode } from "../../api/admin";
import { BarChart, ProgressBar } from "../../components/admin/Charts";
import { Latest } from "../../components/list";
import { OcopStars } from "../../components/OcopStars";
import { errorMessage } from "../../components/States";
import { locale, t } from "../../i18n";
import "../../i18n/admin";
import "../../i18n/dossier";
import "../../i18n/portal";
import { formatCount, formatDecimal } from "../../lib/format";
import { regionName } from "../../lib/geo";
import { formatShare } from "../../lib/ocop";
import { useTitle } from "../../lib/title";
import "../../styles/dashboard.css";

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

type Stage = keyof Programme["pipeline"]["totals"];
type StarKey = Programme["stars"]["rows"][number]["key"];
const STAGES: Stage[] = ["draft", "commune_check", "province_council", "central_council", "decided", "returned"];
const STAR_TONES = { "3": "green", "4": "star4", "5": "seal", potential5: "muted" } as const;

const starLabel = (key: StarKey) => (key === "potential5" ? t("admin.dash.potential5") : `${key}★`);
const days = (n: number | null) => (n === null ? "—" : t("admin.dash.days", { n: formatDecimal(n, 1) }));

/** "65,9% 3★ · 33,3% 4★ · 0,7% 5★ · 0,1% 5★ tiềm năng": the distribution as the programme reports it. */
function starSummary(stars: Programme["stars"]) {
  return stars.rows.map((r) => `${formatShare(r.percent)} ${starLabel(r.key)}`).join(" · ");
}

function StarDistribution(props: { stars: Programme["stars"] }) {
  return (
    <section class="panel" aria-labelledby="programme-stars">
      <h2 id="programme-stars">{t("admin.dash.starsHeading")}</h2>
      <p class="dash__summary" data-testid="star-distribution">
        {starSummary(props.stars)}
      </p>
      <p class="muted small">{t("admin.dash.starsNote", { n: formatCount(props.stars.total) })}</p>
      <BarChart
        label={t("admin.dash.starsBars", { summary: starSummary(props.stars), n: formatCount(props.stars.total) })}
        max={100}
        rows={props.stars.rows.map((r) => ({
          label: starLabel(r.key),
          value: r.percent,
          shown: `${formatShare(r.percent)} (${formatCount(r.count)})`,
          tone: STAR_TONES[r.key],
        }))}
      />
    </section>
  );
}

function Pipeline(props: { pipeline: Programme["pipeline"] }) {
  const totals = () => STAGES.map((s) => `${t(`dossier.state.${s}`)} ${formatCount(props.pipeline.totals[s])}`);
  const rows = () => props.pipeline.byProvince.filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
  const rate = (r: Programme["pipeline"]["communePass"]) =>
    t("admin.dash.rateOf", { passed: formatCount(r.passed), of: formatCount(r.of) });
  return (
    <section class="panel" aria-labelledby="pipeline">
      <h2 id="pipeline">{t("admin.dash.pipeline")}</h2>
      <BarChart
        testid="pipeline-chart"
        label={t("admin.dash.pipelineBars", { summary: totals().join(", ") })}
        rows={STAGES.map((s) => ({
          label: t(`dossier.state.${s}`),
          value: props.pipeline.totals[s],
          shown: formatCount(props.pipeline.totals[s]),
          tone: s === "returned" ? "earth" : "green",
        }))}
      />
      <dl class="stats">
        <Stat
          label={t("admin.dash.communePass")}
          value={formatShare(props.pipeline.communePass.percent)}
          note={rate(props.pipeline.communePass)}
        />
        <Stat
          label={t("admin.dash.councilPass")}
          value={formatShare(props.pipeline.councilPass.percent)}
          note={rate(props.pipeline.councilPass)}
        />
      </dl>
      <h3>{t("admin.dash.timeInStage")}</h3>
      <div class="table-wrap">
        <table class="ptable ptable--figures" data-testid="time-in-stage">
          <thead>
            <tr>
              <th scope="col">{t("admin.dash.stage")}</th>
              <th scope="col" class="num">
                {t("admin.dash.median")}
              </th>
              <th scope="col" class="num">
                {t("admin.dash.mean")}
              </th>
              <th scope="col" class="num">
                {t("admin.dash.stays")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.pipeline.timeInStage}>
              {(s) => (
                <tr>
                  <th scope="row">{t(`dossier.state.${s.stage}`)}</th>
                  <td class="num">{days(s.medianDays)}</td>
                  <td class="num">{days(s.meanDays)}</td>
                  <td class="num">{formatCount(s.stays)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>{t("admin.dash.pipelineByProvince")}</h3>
      <Show when={rows().length} fallback={<p class="muted">{t("admin.dash.noDossiers")}</p>}>
        <div class="table-wrap">
          <table class="ptable ptable--figures" data-testid="pipeline-table">
            <caption class="sr-only">{t("admin.dash.pipelineByProvince")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.queue.province")}</th>
                <For each={STAGES}>
                  {(s) => (
                    <th scope="col" class="num">
                      {t(`dossier.state.${s}`)}
                    </th>
                  )}
                </For>
                <th scope="col" class="num">
                  {t("admin.dash.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <For each={STAGES}>{(s) => <td class="num">{formatCount(r.stages[s])}</td>}</For>
                    <td class="num">
                      <strong>{formatCount(r.total)}</strong>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

type Row = Programme["targets"]["provinces"][number];

function productsLabel(name: string, p: { actual: number; target: number; percent: number }) {
  return t("admin.dash.progressProducts", {
    name,
    actual: formatCount(p.actual),
    target: formatCount(p.target),
    percent: formatShare(p.percent),
  });
}

function fiveLabel(name: string, p: { actual: number; target: number; targetMax: number | null; percent: number }) {
  const target = p.targetMax ? `${formatCount(p.target)}–${formatCount(p.targetMax)}` : formatCount(p.target);
  return t("admin.dash.progressFive", {
    name,
    actual: formatCount(p.actual),
    target,
    percent: formatShare(p.percent),
  });
}

function Progress(props: { name: string; progress: Programme["targets"]["national"]; testid: string }) {
  const products = () => productsLabel(props.name, props.progress.products);
  const five = () => fiveLabel(props.name, props.progress.fiveStars);
  return (
    <div class="target" data-testid={props.testid}>
      <p class="target__line">{products()}</p>
      <ProgressBar label={products()} percent={props.progress.products.percent} />
      <p class="target__line">{five()}</p>
      <ProgressBar label={five()} percent={props.progress.fiveStars.percent} />
    </div>
  );
}

function TargetForm(props: { scope: string; rows: Row[]; saved: () => void }) {
  const central = () => props.scope === "central";
  const [province, setProvince] = createSignal(props.rows[0]?.provinceCode ?? "");
  const [error, setError] = createSignal("");
  const [done, setDone] = createSignal("");
  const row = () => props.rows.find((r) => r.provinceCode === province());
  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    setError("");
    setDone("");
    try {
      await adminApi.setTarget(province() as ProvinceCode, {
        products: Number(f.get("products")),
        fiveStars: Number(f.get("fiveStars")),
      });
      setDone(t("admin.dash.targetSaved", { name: row()?.name ?? "" }));
      props.saved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form class="target-form" onSubmit={submit} aria-labelledby="target-form">
      <h3 id="target-form">{t("admin.dash.setTarget")}</h3>
      <Show when={central()} fallback={<p class="target-form__province">{row()?.name}</p>}>
        <label>
          {t("admin.queue.province")}
          <select value={province()} onChange={(e) => setProvince(e.currentTarget.value)}>
            <For each={props.rows}>{(r) => <option value={r.provinceCode}>{r.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={row()} keyed>
        {(r) => (
          <>
            <Show when={r.progress} fallback={<p class="muted">{t("admin.dash.noTarget", { name: r.name })}</p>}>
              {(p) => <Progress name={r.name} progress={p()} testid="province-progress" />}
            </Show>
            <div class="target-form__fields">
              <label>
                {t("admin.dash.targetProductsField")}
                <input
                  name="products"
                  type="number"
                  inputmode="numeric"
                  min="1"
                  required
                  value={r.target?.products ?? ""}
                />
              </label>
              <label>
                {t("admin.dash.targetFiveField")}
                <input
                  name="fiveStars"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  required
                  value={r.target?.fiveStars ?? ""}
                />
              </label>
            </div>
          </>
        )}
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={done()}>
        <p class="muted" role="status">
          {done()}
        </p>
      </Show>
      <button type="submit" class="button">
        {t("admin.dash.saveTarget")}
      </button>
    </form>
  );
}

function Targets(props: { targets: Programme["targets"]; scope: string; saved: () => void }) {
  const set = () => props.targets.provinces.filter((r) => r.progress);
  return (
    <section class="panel" aria-labelledby="targets">
      <h2 id="targets">{t("admin.dash.targets")}</h2>
      <Progress name={t("admin.dash.nation")} progress={props.targets.national} testid="national-progress" />
      <p class="muted small">{locale() === "en" ? props.targets.source.en : props.targets.source.vi}</p>
      <Show when={set().length}>
        <h3>{t("admin.dash.provinceTargets")}</h3>
        <div class="table-wrap">
          <table class="ptable ptable--figures" data-testid="province-targets">
            <thead>
              <tr>
                <th scope="col">{t("admin.queue.province")}</th>
                <th scope="col" class="num">
                  {t("admin.dash.threePlus")}
                </th>
                <th scope="col" class="num">
                  {t("admin.dash.fiveStar")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={set()}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td class="num">
                      {formatCount(r.actual.products)} / {formatCount(r.progress?.products.target ?? 0)} (
                      {formatShare(r.progress?.products.percent ?? 0)})
                    </td>
                    <td class="num">
                      {formatCount(r.actual.fiveStars)} / {formatCount(r.progress?.fiveStars.target ?? 0)} (
                      {formatShare(r.progress?.fiveStars.percent ?? 0)})
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <TargetForm scope={props.scope} rows={props.targets.provinces} saved={props.saved} />
    </section>
  );
}

function Exports() {
  const kinds = ["pipeline", "stars", "targets"] as const;
  return (
    <section class="panel" aria-labelledby="exports">
      <h2 id="exports">{t("admin.dash.exports")}</h2>
      <ul class="dash__exports">
        <For each={kinds}>
          {(k) => (
            <li>
              <a href={adminApi.exportUrl(k)} download={`ocop-${k}.csv`}>
                {t(`admin.dash.export.${k}`)}
              </a>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/**
 * Programme figures for staff, in the programme's own terms: the evaluation pipeline, the star distribution of
 * certificates in force, progress toward the targets, exports; then the products on sale here by stars, group and
 * province.
 */
export default function Dashboard() {
  const [programme, programmeApi] = createResource(adminApi.programme);
  const [data, { refetch }] = createResource(adminApi.dashboard);
  useTitle(() => t("admin.dash.title"));
  return (
    <>
      <div class="admin-head">
        <h1>{t("admin.dash.title")}</h1>
        <p class="muted">{t("admin.dash.lead")}</p>
      </div>
      <Latest data={programme} retry={programmeApi.refetch}>
        {(p) => (
          <div class="dash">
            <StarDistribution stars={p().stars} />
            <Targets targets={p().targets} scope={p().scope} saved={programmeApi.refetch} />
            <Pipeline pipeline={p().pipeline} />
            <Exports />
          </div>
        )}
      </Latest>
      <h2 class="dash__part">{t("admin.dash.onSale")}</h2>
      <Latest data={data} retry={refetch}>
        {(d) => {
          const maxGroup = () => Math.max(...d().byGroup.map((g) => g.products), 1);
          return (
            <div class="dash">
              <dl class="stats">
                <Stat label={t("admin.dash.listedTotal")} value={formatCount(d().listed)} />
                <Stat label={t("admin.dash.producersTotal")} value={formatCount(d().producers)} />
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
