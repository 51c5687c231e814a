import type { GroupId } from "@cho-ocop/core/group/index";
import { NOTICE_MAX_LENGTH, noticePresets, noticeText } from "@cho-ocop/core/live/notice-presets";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/client";
import { liveApi } from "../../api/live";
import { t } from "../../i18n";
import "../../i18n/live";
import "../../styles/notice-control.css";

/**
 * The desk's safety notice: a preset for the featured products' groups (herbal: "Sản phẩm không phải là thuốc…")
 * or the seller's own words (80 characters), shown over every viewer's video until cleared.
 */
export function NoticeControl(props: {
  sessionId: string;
  groups: GroupId[];
  current: string | null;
  disabled: boolean;
  onChange: (notice: string | null) => void;
}) {
  const [custom, setCustom] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const presets = () => noticePresets(props.groups).slice(0, 3);

  async function show(raw: string | null) {
    const notice = raw === null ? null : noticeText(raw);
    if (raw !== null && notice === null) return setError(t("live.notice.tooLong", { max: NOTICE_MAX_LENGTH }));
    setBusy(true);
    setError(undefined);
    try {
      props.onChange((await liveApi.notice(props.sessionId, notice)).notice);
      if (raw !== null) setCustom("");
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t("live.chat.notSent"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="notice-control" aria-labelledby="notice-title" data-testid="notice-control">
      <h3 id="notice-title">{t("live.notice.title")}</h3>
      <p class="muted small">{t("live.notice.lead")}</p>
      <Show when={props.current}>
        {(text) => (
          <p class="notice-control__now" role="status">
            {t("live.notice.showing", { text: text() })}{" "}
            <button
              type="button"
              class="button button--small button--ghost"
              disabled={busy() || props.disabled}
              onClick={() => void show(null)}
            >
              {t("live.notice.clear")}
            </button>
          </p>
        )}
      </Show>
      <ul class="notice-control__presets">
        <For each={presets()}>
          {(text) => (
            <li>
              <button
                type="button"
                class="notice-control__preset"
                aria-pressed={props.current === text}
                disabled={busy() || props.disabled}
                onClick={() => void show(text)}
              >
                {text}
              </button>
            </li>
          )}
        </For>
      </ul>
      <form
        class="notice-control__custom"
        onSubmit={(e) => {
          e.preventDefault();
          void show(custom());
        }}
        novalidate
      >
        <label for="notice-custom">{t("live.notice.custom")}</label>
        <input
          id="notice-custom"
          value={custom()}
          maxLength={NOTICE_MAX_LENGTH + 20}
          autocomplete="off"
          aria-describedby="notice-custom-hint"
          onInput={(e) => {
            setCustom(e.currentTarget.value);
            setError(undefined);
          }}
        />
        <p class="muted small" id="notice-custom-hint">
          {t("live.notice.customHint", { max: NOTICE_MAX_LENGTH })}
        </p>
        <button type="submit" class="button button--small" disabled={busy() || props.disabled || !custom().trim()}>
          {t("live.notice.show")}
        </button>
      </form>
      <Show when={error()}>
        <p class="pfield__error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
