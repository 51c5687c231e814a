/** The number box between − and +: whole numbers from 1 to `max`, typed or stepped. */
export function QuantityInput(props: {
  id: string;
  value: number;
  max: number;
  disabled?: boolean;
  onChange: (input: HTMLInputElement) => void;
}) {
  return (
    <input
      id={props.id}
      class="qty__input"
      type="number"
      inputmode="numeric"
      min="1"
      max={props.max}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.currentTarget)}
    />
  );
}
