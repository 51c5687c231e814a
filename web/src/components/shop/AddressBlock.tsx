import { createResource, Show } from "solid-js";
import type { Address } from "../../api/orders";
import { provinceName } from "../../lib/geo";
import { formatPhone } from "../../lib/ocop";
import { settled } from "../../lib/resource";
import { wardName } from "../../lib/wards";

/** A delivery address as people write it: name · phone, then street, ward, province, and the note. */
export function AddressBlock(props: { address: Address; callable?: boolean }) {
  const a = () => props.address;
  const [ward] = createResource(
    () => [a().provinceCode, a().wardCode] as const,
    ([province, code]) => wardName(province, code),
  );
  return (
    <address class="ship-to">
      <strong>{a().name}</strong> ·{" "}
      <Show when={props.callable} fallback={formatPhone(a().phone)}>
        <a href={`tel:${a().phone}`}>{formatPhone(a().phone)}</a>
      </Show>
      <br />
      {[a().street, settled(ward), provinceName(a().provinceCode)].filter(Boolean).join(", ")}
      <Show when={a().note}>
        <br />
        <span class="muted">{a().note}</span>
      </Show>
    </address>
  );
}
