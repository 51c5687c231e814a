import { A, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { t } from "../i18n";
import "../i18n/buy";
import { displayName, type Me, signOut } from "../lib/session";
import { PersonIcon } from "./PersonIcon";

/** The signed-in person's menu: orders, address book, their portal (seller or staff) or registering a producer, signing out. */
export default function AccountPanel(props: { user: Me }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );

  const onDocument = (event: Event) => {
    if (!open()) return;
    if (event instanceof KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button?.focus();
      return;
    }
    if (root && !root.contains(event.target as Node)) setOpen(false);
  };
  document.addEventListener("click", onDocument);
  document.addEventListener("keydown", onDocument);
  onCleanup(() => {
    document.removeEventListener("click", onDocument);
    document.removeEventListener("keydown", onDocument);
  });

  const leave = async () => {
    setOpen(false);
    await signOut();
    navigate("/");
  };

  return (
    <div class="account" ref={root}>
      <button
        ref={button}
        type="button"
        class="account__button"
        aria-expanded={open()}
        aria-controls="account-menu"
        onClick={() => setOpen(!open())}
      >
        <PersonIcon />
        <span class="account__label">{t("account.menu")}</span>
        <span class="sr-only">: {displayName(props.user)}</span>
      </button>
      <div id="account-menu" class="account__menu" hidden={!open()}>
        <p class="account__who">
          {t("account.signedInAs")}
          <strong>{displayName(props.user)}</strong>
        </p>
        <ul>
          <li>
            <A href="/don-hang">{t("account.orders")}</A>
          </li>
          <li>
            <A href="/so-dia-chi">{t("buy.addr.menu")}</A>
          </li>
          <Show when={props.user.role === "seller"}>
            <li>
              <A href="/ban-hang">{t("account.seller")}</A>
            </li>
          </Show>
          <Show when={props.user.role === "staff"}>
            <li>
              <A href="/quan-tri">{t("account.admin")}</A>
            </li>
          </Show>
          <Show when={props.user.role === "commune"}>
            <li>
              <A href="/quan-tri/ho-so-xa">{t("account.commune")}</A>
            </li>
          </Show>
          <Show when={props.user.role === "shopper"}>
            <li>
              <A href="/ban-hang">{t("account.register")}</A>
            </li>
          </Show>
          <li>
            <button type="button" onClick={leave}>
              {t("account.signOut")}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
