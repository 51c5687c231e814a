import { type JSX, Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/live";
import { type ChatMessage, chatBadge } from "../../lib/live";

/**
 * One chat message, the shop and staff labelled as the server decided. `overlay` is the viewer's chat over the video;
 * `desk` the seller's, where a viewer's line is a button that opens `actions` (delete, mute) while `open`.
 */
export function ChatLine(props: {
  message: ChatMessage;
  look: "overlay" | "desk";
  actions?: JSX.Element;
  open?: boolean;
  onToggle?: () => void;
}) {
  const m = () => props.message;
  const badge = () => chatBadge(m().user);
  const label = (b: "shop" | "staff") => (b === "shop" ? t("live.chat.seller") : t("live.chat.staff"));
  // Text, never HTML: Solid sets it as a text node.
  const text = (cls: string) => <span class={cls}>{m().text}</span>;
  if (props.look === "overlay")
    return (
      <li class="chat__line" data-testid="chat-message">
        <span class="chat__name" classList={{ "chat__name--seller": badge() !== null }}>
          {m().user.name}
          <Show when={badge()}>
            {(b) => (
              <span class="chat__role" data-testid="chat-badge">
                {" "}
                · {label(b())}
              </span>
            )}
          </Show>
        </span>{" "}
        {text("chat__text")}
        {props.actions}
      </li>
    );
  const author = () => (
    <>
      <span class="bcast-chat__name" classList={{ "bcast-chat__name--shop": badge() === "shop" }}>
        {m().user.name}
      </span>
      <Show when={badge()}>
        {(b) => (
          <span class="bcast-chat__badge" data-testid="chat-badge">
            {label(b())}
          </span>
        )}
      </Show>{" "}
      {text("bcast-chat__text")}
    </>
  );
  return (
    <li class="bcast-chat__line" data-testid="chat-message">
      <Show when={!m().user.moderator} fallback={<p class="bcast-chat__bubble">{author()}</p>}>
        <button
          type="button"
          class="bcast-chat__bubble"
          aria-expanded={props.open}
          aria-label={t("live.cast.messageActions", { name: m().user.name, text: m().text })}
          onClick={() => props.onToggle?.()}
        >
          {author()}
        </button>
        <Show when={props.open}>{props.actions}</Show>
      </Show>
    </li>
  );
}

/** Delete and mute beside a viewer's message, for the session's sellers and staff. */
export function ModerationChips(props: { class: string; name: string; onDelete: () => void; onMute: () => void }) {
  return (
    <span class={props.class}>
      <button
        type="button"
        class="chip-button"
        aria-label={t("live.chat.deleteLabel", { name: props.name })}
        onClick={() => props.onDelete()}
      >
        {t("live.chat.delete")}
      </button>
      <button
        type="button"
        class="chip-button"
        aria-label={t("live.chat.muteLabel", { name: props.name })}
        onClick={() => props.onMute()}
      >
        {t("live.chat.muteUser")}
      </button>
    </span>
  );
}
