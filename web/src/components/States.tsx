import { A } from "@solidjs/router";
import { type JSX, Match, type Resource, Switch } from "solid-js";
import { ApiError } from "../api/client";
import { t } from "../i18n";

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status !== 0 && error.message) return error.message;
  return t("error.network");
}

export function ErrorState(props: { error: unknown; retry: () => void }) {
  return (
    <div class="state state--error" role="alert">
      <h2 class="state__title">{t("error.title")}</h2>
      <p>{errorMessage(props.error)}</p>
      <button type="button" class="button" onClick={() => props.retry()}>
        {t("common.retry")}
      </button>
    </div>
  );
}

export function EmptyState(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="state state--empty">
      <svg viewBox="0 0 48 48" aria-hidden="true" class="state__icon">
        <circle cx="21" cy="21" r="13" />
        <path d="M31 31l10 10" />
      </svg>
      <h2 class="state__title">{props.title}</h2>
      {props.children}
    </div>
  );
}

export function NotFoundState(props: { title: string; text: string }) {
  return (
    <div class="state state--missing">
      <p class="state__code" aria-hidden="true">
        404
      </p>
      <h1 class="state__title">{props.title}</h1>
      <p>{props.text}</p>
      <p class="state__links">
        <A href="/" class="button">
          {t("notFound.home")}
        </A>
        <A href="/san-pham" class="button button--ghost">
          {t("notFound.catalog")}
        </A>
      </p>
    </div>
  );
}

/**
 * Shows a resource's loading, error (with retry) and ready states without suspending the page,
 * so the skeleton stays in place and a retry does not blank what is around it.
 */
export function Loaded<T>(props: {
  data: Resource<T>;
  retry: () => void;
  loading: JSX.Element;
  notFound?: JSX.Element;
  children: (value: T) => JSX.Element;
}) {
  const ready = () =>
    props.data.state === "ready" || props.data.state === "refreshing" ? props.data.latest : undefined;
  return (
    <Switch fallback={props.loading}>
      <Match when={props.data.state === "errored" && props.notFound && isNotFound(props.data.error)}>
        {props.notFound}
      </Match>
      <Match when={props.data.state === "errored"}>
        <ErrorState error={props.data.error} retry={props.retry} />
      </Match>
      <Match when={ready()}>{(value) => props.children(value())}</Match>
    </Switch>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.notFound;
}
