import { createMemo, createSignal, For, Show } from "solid-js";
import { createForm, Form, type FormAccess, FormMessage, Input, Select } from "../../components/form";
import { OcopStars } from "../../components/OcopStars";
import { CertStatusBadge, scoreOf } from "../../components/portal/bits";
import { ScanPicker } from "../../components/portal/Uploads";
import { t } from "../../i18n";
import "../../i18n/portal";
import { type CertificateRecord, type ProductRecord, sellerApi } from "../../api/seller";
import { formatDate, vietnamDay } from "../../lib/format";
import { provinceShort } from "../../lib/geo";
import {
  bandOf,
  type Level,
  levelForStars,
  readScore,
  SCORE_MAX,
  type ScorePart,
  type Stars,
  scoreTotal,
} from "../../lib/ocop";

const FIELDS = ["stars", "score", "decisionNumber", "decisionDate", "issuer", "level", "scan"];
const ALIAS = { scanKey: "scan", key: "scan", certificate: "stars" };
const DECISION = /^\d{1,6}\/[\p{L}\d.-]{2,40}$/u;

/** The live total of the A/B/C score and the star band it falls in, announced as it changes. */
function ScoreTotal(props: { reading: ReturnType<typeof readScore>; stars?: Stars }) {
  return (
    <output class="score-total" for="cert-score-a cert-score-b cert-score-c" aria-live="polite">
      <Show
        when={props.reading.state === "complete" && props.reading}
        fallback={<span class="muted">{t("portal.submit.scoreEmpty")}</span>}
      >
        {(r) => {
          const complete = () => r() as Extract<ReturnType<typeof readScore>, { state: "complete" }>;
          return (
            <>
              <strong>{t("portal.submit.total", { n: complete().total })}</strong>
              <span class={`band band--${complete().stars}`} data-testid="score-band">
                {t("portal.submit.band", {
                  n: complete().stars,
                  min: bandOf(complete().stars).min,
                  max: bandOf(complete().stars).max,
                })}
              </span>
            </>
          );
        }}
      </Show>
    </output>
  );
}

/**
 * "Gửi duyệt": the product's OCOP certificate — stars, optional A/B/C score whose total must fall in the star band,
 * decision number and date, issuing body, level (province for 3–4★, central for 5★) and a scan for staff to check.
 */
export function SubmitForm(props: { product: ProductRecord; onSubmitted: (product: ProductRecord) => void }) {
  const [stars, setStars] = createSignal<Stars>();
  const [level, setLevel] = createSignal<Level>("province");
  const [raw, setRaw] = createSignal<Record<ScorePart, string>>({ a: "", b: "", c: "" });
  const [scanKey, setScanKey] = createSignal<string>();
  const [uploading, setUploading] = createSignal(false);
  const form = createForm({
    id: "cert",
    fields: FIELDS,
    alias: ALIAS,
    read,
    send: async (input: NonNullable<ReturnType<typeof read>>) => {
      const product = await sellerApi.submit(props.product.productId, input);
      props.onSubmitted(product);
      return t("portal.submit.done");
    },
  });
  const errors = form.errors;
  const reading = createMemo(() => readScore(raw()));
  const today = vietnamDay();
  const province = () => provinceShort(props.product.provinceCode);

  const chooseStars = (n: Stars) => {
    setStars(n);
    setLevel(levelForStars(n));
    errors.set("stars", undefined);
    errors.set("level", undefined);
  };

  const scoreError = () => {
    const r = reading();
    if (r.state === "invalid")
      return t("portal.submit.scorePart", { part: r.part.toUpperCase(), max: SCORE_MAX[r.part] });
    return undefined;
  };

  function read({ value }: FormAccess) {
    const s = stars();
    if (!s) errors.set("stars", () => t("portal.submit.starsMissing"));
    const r = reading();
    if (r.state === "partial") errors.set("score", () => t("portal.submit.scorePartial"));
    else if (r.state === "invalid") errors.set("score", () => scoreError() ?? "");
    else if (r.state === "complete" && s && r.stars !== s) {
      errors.set("score", () => t("portal.submit.scoreBand", { total: r.total, band: r.stars, stars: s }));
    }
    const decisionNumber = value("decisionNumber");
    if (!DECISION.test(decisionNumber)) errors.set("decisionNumber", () => t("portal.invalid.decisionNumber"));
    const decisionDate = value("decisionDate");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(decisionDate)) errors.set("decisionDate", () => t("portal.invalid.decisionDate"));
    else if (decisionDate > today) errors.set("decisionDate", () => t("portal.submit.dateFuture"));
    const issuer = value("issuer");
    if (issuer.length < 2) errors.set("issuer", () => t("portal.invalid.issuer"));
    if (s && level() !== levelForStars(s)) errors.set("level", () => t("portal.invalid.level"));
    if (!scanKey()) errors.set("scan", () => t("portal.submit.scanMissing"));
    if (errors.any() || !s) return undefined;
    return {
      certificate: {
        stars: s,
        ...(r.state === "complete" ? { score: r.score } : {}),
        decisionNumber,
        decisionDate,
        issuer,
        level: level(),
      },
      scanKey: scanKey(),
    };
  }

  const setPart = (part: ScorePart, text: string) => setRaw({ ...raw(), [part]: text });

  return (
    <Form of={form} class="pform" aria-labelledby="submit-title">
      <fieldset class="pfield" classList={{ "pfield--error": Boolean(errors.of("stars")) }}>
        <legend class="pfield__label">{t("portal.submit.stars")}</legend>
        <div class="choice-row choice-row--stars">
          <For each={[3, 4, 5] as Stars[]}>
            {(n) => (
              <label class="choice choice--stars">
                <input
                  type="radio"
                  name="stars"
                  value={n}
                  checked={stars() === n}
                  onChange={() => chooseStars(n)}
                  aria-invalid={Boolean(errors.of("stars"))}
                />
                <span class="choice__box">
                  <OcopStars stars={n} />
                  <span class="choice__text">{t("portal.submit.starsN", { n })}</span>
                </span>
              </label>
            )}
          </For>
        </div>
        <Show when={errors.of("stars")}>
          <p class="pfield__error" role="alert">
            {errors.of("stars")}
          </p>
        </Show>
      </fieldset>

      <fieldset
        class="pfield score-fields"
        classList={{ "pfield--error": Boolean(errors.of("score") || scoreError()) }}
      >
        <legend class="pfield__label">
          {t("portal.submit.score")} <span class="pfield__optional">({t("portal.form.optional")})</span>
        </legend>
        <div class="score-inputs">
          <For each={["a", "b", "c"] as ScorePart[]}>
            {(part) => (
              <label class="score-input">
                <span class="score-input__label">
                  {t(`portal.submit.score${part.toUpperCase()}` as "portal.submit.scoreA", { max: SCORE_MAX[part] })}
                </span>
                <input
                  id={`cert-score-${part}`}
                  name={`score-${part}`}
                  inputmode="numeric"
                  autocomplete="off"
                  maxLength={2}
                  placeholder={`0–${SCORE_MAX[part]}`}
                  aria-invalid={Boolean(errors.of("score") || (reading().state === "invalid" && scoreError()))}
                  aria-describedby="cert-score-total cert-score-error"
                  onInput={(e) => setPart(part, e.currentTarget.value)}
                />
              </label>
            )}
          </For>
        </div>
        <div id="cert-score-total">
          <ScoreTotal reading={reading()} stars={stars()} />
        </div>
        <Show when={errors.of("score") ?? scoreError()}>
          <p class="pfield__error" id="cert-score-error" role="alert">
            {errors.of("score") ?? scoreError()}
          </p>
        </Show>
      </fieldset>

      <div class="pform__row">
        <Input
          name="decisionNumber"
          id="cert-number"
          label={t("portal.submit.decisionNumber")}
          hint={t("portal.submit.decisionNumberHint")}
          autocomplete="off"
          maxLength={50}
          placeholder="1520/QĐ-UBND"
        />
        <Input name="decisionDate" id="cert-date" label={t("portal.submit.decisionDate")} type="date" max={today} />
      </div>

      <Select
        name="level"
        label={t("portal.submit.level")}
        hint={t("portal.submit.levelHint")}
        value={level()}
        onChange={(e) => setLevel(e.currentTarget.value as Level)}
      >
        <option value="province" selected={level() === "province"}>
          {t("cert.level.province")}
        </option>
        <option value="central" selected={level() === "central"}>
          {t("cert.level.central")}
        </option>
      </Select>

      <Input
        name="issuer"
        label={t("portal.submit.issuer")}
        autocomplete="off"
        maxLength={200}
        placeholder={
          level() === "central"
            ? t("portal.submit.issuerCentral")
            : t("portal.submit.issuerProvince", { province: province() })
        }
      />

      <ScanPicker
        id="cert-scan"
        label={t("portal.submit.scan")}
        onChange={setScanKey}
        onBusy={setUploading}
        error={errors.of("scan")}
      />

      <button type="submit" class="button button--big button--block button--seal" disabled={form.busy() || uploading()}>
        {form.busy() ? t("portal.submit.busy") : uploading() ? t("portal.file.waitUpload") : t("portal.submit.submit")}
      </button>
      <FormMessage error={errors.general()} success={form.done()} />
    </Form>
  );
}

/** Every certificate submitted for the product, newest first, with what became of it. */
export function CertificateHistory(props: { certificates: CertificateRecord[] }) {
  return (
    <Show when={props.certificates.length > 0} fallback={<p class="muted">{t("portal.history.empty")}</p>}>
      <ol class="cert-history">
        <For each={props.certificates}>
          {(c) => {
            const score = scoreOf((c as { score?: unknown }).score);
            return (
              <li class="cert-history__item">
                <div class="cert-history__head">
                  <OcopStars stars={c.stars} />
                  <strong>{c.decisionNumber}</strong>
                  <CertStatusBadge status={c.status} />
                </div>
                <dl class="mini-facts">
                  <div>
                    <dt>{t("cert.decisionDate")}</dt>
                    <dd>{formatDate(c.decisionDate)}</dd>
                  </div>
                  <div>
                    <dt>{t("cert.validUntil")}</dt>
                    <dd>{formatDate(c.validUntil)}</dd>
                  </div>
                  <div>
                    <dt>{t("cert.issuer")}</dt>
                    <dd>
                      {c.issuer} · {t(`cert.level.${c.level}`)}
                    </dd>
                  </div>
                  <Show when={score}>
                    {(s) => (
                      <div>
                        <dt>{t("cert.total")}</dt>
                        <dd>{t("cert.points", { n: scoreTotal(s()), max: 100 })}</dd>
                      </div>
                    )}
                  </Show>
                </dl>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}
