import { Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/sales";

/** Save (saying so while it is sent) and, when the editor can be closed, cancel: the buttons of a gift editor. */
export function GiftSaveButtons(props: { busy: boolean; onCancel?: () => void }) {
  return (
    <div class="coll__buttons">
      <button type="submit" class="button" disabled={props.busy}>
        {props.busy ? t("sales.agifts.saving") : t("sales.agifts.save")}
      </button>
      <Show when={props.onCancel}>
        <button type="button" class="button button--ghost" onClick={() => props.onCancel?.()}>
          {t("sales.agifts.cancel")}
        </button>
      </Show>
    </div>
  );
}
