import { ErrorNote } from "../../../components/shop/ErrorNote";
import { t } from "../../../i18n";
import { GREETING_MAX, greetingLeft } from "../../../lib/shopping";

/** The greeting card's text, with what is left of its 300 characters. */
export function GreetingField(props: { id: string; value: string; error?: string; onInput: (text: string) => void }) {
  return (
    <section class="panel-shop" aria-labelledby={`${props.id}-greeting-title`}>
      <h2 id={`${props.id}-greeting-title`}>{t("gifts.builder.step.greeting")}</h2>
      <div class="field">
        <label for={`${props.id}-greeting`}>{t("gifts.builder.greeting")}</label>
        <textarea
          id={`${props.id}-greeting`}
          rows="4"
          maxLength={GREETING_MAX}
          value={props.value}
          aria-describedby={`${props.id}-greeting-hint ${props.id}-greeting-left`}
          aria-invalid={Boolean(props.error)}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        <p class="field__hint" id={`${props.id}-greeting-hint`}>
          {t("gifts.builder.greetingHint")}
        </p>
        <p class="counter" id={`${props.id}-greeting-left`} aria-live="polite">
          {greetingLeft(props.value) >= 0
            ? t("gifts.builder.greetingLeft", { n: greetingLeft(props.value) })
            : t("gifts.builder.greetingOver", { n: -greetingLeft(props.value) })}
        </p>
        <ErrorNote error={props.error} />
      </div>
    </section>
  );
}
