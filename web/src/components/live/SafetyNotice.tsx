import { Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/live";

/** The seller's safety notice over the video, where the viewer's eye is (the live and its replay). */
export function SafetyNotice(props: { text: string | null | undefined }) {
  return (
    <Show when={props.text}>
      {(text) => (
        <p class="safety-notice" role="status" data-testid="safety-notice">
          <span class="safety-notice__icon" aria-hidden="true">
            !
          </span>
          <span class="sr-only">{t("live.notice.title")}: </span>
          {text()}
        </p>
      )}
    </Show>
  );
}
