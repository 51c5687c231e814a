import { createUniqueId, Show } from "solid-js";
import { CopyButton } from "../../../components/shop/bits";
import { t } from "../../../i18n";

/** The saved combo's link, to copy or hand to the phone's share sheet. */
export function ShareLink(props: { link: string }) {
  const id = createUniqueId();
  return (
    <div class="share" role="status">
      <p>{t("gifts.builder.saved")}</p>
      <div class="share__row">
        <label for={`${id}-link`} class="sr-only">
          {t("gifts.builder.link")}
        </label>
        <input
          id={`${id}-link`}
          class="share__link"
          readOnly
          value={props.link}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-link"
        />
        <CopyButton value={props.link} what={t("gifts.builder.link")} />
      </div>
      <Show when={typeof navigator.share === "function"}>
        <button
          type="button"
          class="link-button"
          onClick={() => navigator.share({ title: t("gifts.builder.title"), url: props.link }).catch(() => undefined)}
        >
          {t("gifts.builder.shareNative")}
        </button>
      </Show>
    </div>
  );
}
