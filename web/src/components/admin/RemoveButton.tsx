import { CrossIcon } from "../CrossIcon";

/** The × that takes one item out of a list being edited; `label` names what it removes. */
export function RemoveButton(props: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      class="icon-button icon-button--danger"
      aria-label={props.label}
      onClick={() => props.onClick()}
    >
      <CrossIcon />
    </button>
  );
}
