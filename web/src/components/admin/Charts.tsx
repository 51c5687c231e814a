import { For } from "solid-js";

export interface BarRow {
  label: string;
  value: number;
  /** The figure written at the bar's end ("12", "65,9%"). */
  shown: string;
  tone?: "green" | "earth" | "star4" | "seal" | "muted";
}

const ROW = 30;
const LABEL = 150;
const WIDTH = 400;
const BAR = 190;

/**
 * Horizontal bars as inline SVG, one row per figure, each bar against the largest (or `max`). The figures are in
 * the aria-label: a screen reader hears what a sighted reader sees.
 */
export function BarChart(props: { label: string; rows: BarRow[]; max?: number; testid?: string }) {
  const max = () => props.max ?? Math.max(1, ...props.rows.map((r) => r.value));
  const height = () => props.rows.length * ROW;
  return (
    <svg
      class="hbars"
      viewBox={`0 0 ${WIDTH} ${height()}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testid}
    >
      <For each={props.rows}>
        {(r, i) => {
          const y = () => i() * ROW;
          const w = () => (r.value > 0 ? Math.max(2, (r.value / max()) * BAR) : 0);
          return (
            <g>
              <text x={LABEL - 8} y={y() + 19} text-anchor="end" class="hbars__label">
                {r.label}
              </text>
              <rect x={LABEL} y={y() + 6} width={BAR} height={ROW - 12} rx="4" class="hbars__track" />
              <rect
                x={LABEL}
                y={y() + 6}
                width={w()}
                height={ROW - 12}
                rx="4"
                class={`hbars__fill hbars__fill--${r.tone ?? "green"}`}
              />
              <text x={LABEL + BAR + 6} y={y() + 19} class="hbars__value">
                {r.shown}
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}

/** A progress bar as inline SVG: the share reached of a target (a mark where 100% is when it is passed). */
export function ProgressBar(props: { label: string; percent: number; testid?: string }) {
  const filled = () => Math.max(0, Math.min(100, props.percent));
  return (
    <svg
      class="progress-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
      data-testid={props.testid}
    >
      <rect x="0" y="0" width="100" height="10" rx="3" class="progress-bar__track" />
      <rect x="0" y="0" width={filled()} height="10" rx="3" class="progress-bar__fill" />
    </svg>
  );
}
