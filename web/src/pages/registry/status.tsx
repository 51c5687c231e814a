import { Show } from "solid-js";
import type { PublicCertificate } from "../../api/registry";
import { type Key, t } from "../../i18n";
import "../../i18n/registry";

/** A certificate's status as a badge read at a glance outdoors: a tick while valid, a cross once expired or revoked. */
export function CertificateStatus(props: { status: PublicCertificate["status"] }) {
  const good = () => props.status === "valid" || props.status === "expiring";
  return (
    <p class={`registry-status registry-status--${props.status}`} data-testid="certificate-status">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <Show when={good()} fallback={<path d="M7 7l10 10M17 7L7 17" />}>
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </Show>
      </svg>
      <strong>{t(`registry.status.${props.status}` as Key)}</strong>
    </p>
  );
}
