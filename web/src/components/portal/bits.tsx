import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { Show } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/portal";
import type { ProductRecord, ProductStatus } from "../../api/seller";
import { daysBetween, vietnamDay } from "../../lib/format";
import type { Score } from "../../lib/ocop";

/** The product's state for its sellers and staff: nháp, chờ duyệt, đang bán, bị từ chối, tạm ngừng, hết hạn. */
export function StatusBadge(props: { status: ProductStatus | string; validUntil?: string }) {
  // An approved product whose certificate ran out today is off the storefront even before the nightly sweep.
  const shown = () =>
    props.status === "approved" && props.validUntil && daysBetween(vietnamDay(), props.validUntil) < 0
      ? "expired"
      : props.status;
  return (
    <span class={`status status--${shown()}`} data-testid="status">
      {t(`portal.status.${shown()}` as Key)}
    </span>
  );
}

export function CertStatusBadge(props: { status: string }) {
  return <span class={`status status--cert-${props.status}`}>{t(`portal.certStatus.${props.status}` as Key)}</span>;
}

/** The certificate in force, which the API keeps on the product record (typed loosely there). */
export interface CertificateInForce {
  certificateId: string;
  stars: number;
  score?: Score;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  level: "province" | "central";
  validUntil: string;
}

export function certificateOf(product: ProductRecord): CertificateInForce | undefined {
  const cert = (product as { certificate?: unknown }).certificate;
  if (!cert || typeof cert !== "object") return undefined;
  const c = cert as Partial<CertificateInForce>;
  return c.decisionNumber && c.validUntil && c.stars ? (c as CertificateInForce) : undefined;
}

export function scoreOf(value: unknown): Score | undefined {
  if (!value || typeof value !== "object") return undefined;
  const s = value as Partial<Score>;
  return typeof s.a === "number" && typeof s.b === "number" && typeof s.c === "number" ? (s as Score) : undefined;
}

export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function textsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A page's "← back" link above its heading. */
export function BackLink(props: { href: string; children: JSX.Element }) {
  return (
    <p class="back-link">
      <A href={props.href}>
        <span aria-hidden="true">← </span>
        {props.children}
      </A>
    </p>
  );
}

/** A clear refusal: signed in, but this page or thing is not theirs. */
export function Refusal(props: { title: string; text?: string; children?: JSX.Element }) {
  return (
    <div class="state state--refused" role="alert">
      <svg viewBox="0 0 48 48" aria-hidden="true" class="state__icon">
        <circle cx="24" cy="24" r="18" />
        <path d="M11 37L37 11" />
      </svg>
      <h1 class="state__title">{props.title}</h1>
      <Show when={props.text}>
        <p>{props.text}</p>
      </Show>
      <Show when={props.children}>
        <p class="state__links">{props.children}</p>
      </Show>
    </div>
  );
}

export { RequireSignIn } from "../RequireSignIn";
