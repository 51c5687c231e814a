import { Show } from "solid-js";
import { trackingUrl } from "../../lib/tracking";
import "../../styles/pay.css";

const MARK = "\u0000";

/**
 * A sentence naming a parcel's tracking number ("Mã vận đơn: VTP123…", "Viettel Post · mã vận đơn VTP123…") with
 * the number as a link to the carrier's tracking page, opened in a new tab; plain text for a carrier we do not know.
 * `sentence` is the translated text with the number left to fill in.
 */
export function TrackingNumber(props: {
  carrier: string | null | undefined;
  number: string | null | undefined;
  sentence: (number: string) => string;
  opensLabel: string;
}) {
  const parts = () => props.sentence(MARK).split(MARK);
  const href = () => trackingUrl(props.carrier, props.number);
  return (
    <>
      {parts()[0]}
      <Show when={href()} fallback={props.number ?? ""}>
        {(url) => (
          <a
            class="tracking-link"
            href={url()}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`${props.number ?? ""} ${props.opensLabel}`}
            data-testid="tracking-link"
          >
            {props.number}
          </a>
        )}
      </Show>
      {parts().slice(1).join("")}
    </>
  );
}
