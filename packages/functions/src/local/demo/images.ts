import type { GroupId } from "@cho-ocop/core/group/index";

/** Placeholder pictures for the demo: small SVG documents drawn here, the same for the same seed. */

const FONT = "'Be Vietnam Pro','Segoe UI',Roboto,'Noto Sans','Helvetica Neue',Arial,sans-serif";

/** Per group: gradient from, gradient to, main motif colour, second motif colour. */
const PALETTES: Record<GroupId, [string, string, string, string]> = {
  "thuc-pham": ["#fff1c1", "#f59e0b", "#b45309", "#7c2d12"],
  "do-uong": ["#fdf2d8", "#c9893a", "#6b3f1d", "#3f6212"],
  "duoc-lieu": ["#fbf7d5", "#a3b84a", "#3f6212", "#854d0e"],
  "thu-cong-my-nghe": ["#ffe4cc", "#d9733a", "#1e3a8a", "#7c2d12"],
  "sinh-vat-canh": ["#ffe4ec", "#f08aa6", "#9d174d", "#3f6212"],
  "du-lich": ["#ffedc2", "#f28b6b", "#9a3412", "#365314"],
};

type Draw = (c: string, d: string, r: () => number) => string;

const bottle: Draw = (c, d) =>
  `<rect x="-22" y="-150" width="44" height="50" rx="8" fill="${d}"/><path d="M-22-100h44l38 55v165a20 20 0 0 1-20 20h-80a20 20 0 0 1-20-20v-165z" fill="${c}"/><rect x="-45" y="10" width="90" height="70" rx="8" fill="#fff" opacity=".85"/>`;

const leaves: Draw = (c, d, r) => {
  const n = 3 + Math.floor(r() * 3);
  let s = `<path d="M0 150V-60" stroke="${d}" stroke-width="10" stroke-linecap="round"/>`;
  for (let i = 0; i < n; i++) {
    const a = -150 + (120 / (n - 1)) * i + (r() - 0.5) * 16;
    s += `<path transform="translate(0 ${110 - i * 38}) rotate(${a.toFixed(0)})" d="M0 0C40-50 110-50 150 0C110 50 40 50 0 0z" fill="${c}" opacity=".92"/>`;
  }
  return s;
};

const MOTIFS: Record<GroupId, Draw[]> = {
  "thuc-pham": [
    (c, d) =>
      `<rect x="-95" y="-70" width="190" height="190" rx="40" fill="${c}"/><rect x="-75" y="-112" width="150" height="46" rx="12" fill="${d}"/><rect x="-70" y="-10" width="140" height="70" rx="8" fill="#fff" opacity=".85"/>`,
    bottle,
    (c, d) =>
      `<path d="M-110-30q110-120 220 0z" fill="#fff"/><path d="M-150-20h300a150 140 0 0 1-300 0z" fill="${c}"/><path d="M-60 110h120l-20 20h-80z" fill="${d}"/>`,
  ],
  "do-uong": [
    (c, d) =>
      `<path d="M-50-70q-20-40 0-80M0-70q-20-40 0-80M50-70q-20-40 0-80" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round" opacity=".8"/><path d="M-110-40h190v60a95 95 0 0 1-190 0z" fill="${c}"/><path d="M80-20a40 40 0 0 1 0 80" stroke="${c}" stroke-width="18" fill="none"/><ellipse cx="-15" cy="130" rx="150" ry="16" fill="${d}"/>`,
    bottle,
    leaves,
  ],
  "duoc-lieu": [
    leaves,
    (c, d, r) => `<g transform="scale(-1 1)">${leaves(c, d, r)}</g>`,
    (c, d) =>
      `<rect x="-70" y="-60" width="140" height="180" rx="26" fill="${c}"/><rect x="-24" y="-108" width="48" height="50" fill="${d}"/><circle cy="-118" r="26" fill="${d}"/><path d="M-35 60C-20 10 20 10 35 60C20 90-20 90-35 60z" fill="#fff" opacity=".85"/>`,
  ],
  "thu-cong-my-nghe": [
    (c, d) =>
      `<path d="M-40-150h80v30q90 60 80 170q-10 80-70 100h-100q-60-20-70-100q-10-110 80-170z" fill="${c}"/><path d="M-75-40h150M-100 40h200M-80 120h160" stroke="#fff" stroke-width="8" opacity=".7"/><circle cy="40" r="26" fill="none" stroke="${d}" stroke-width="6"/>`,
    (c, d) =>
      `<path d="M-180 70L0-120L180 70Q0 110-180 70z" fill="${c}"/><path d="M0-120L-90 80M0-120L-30 88M0-120L30 88M0-120L90 80" stroke="${d}" stroke-width="3" opacity=".5"/>`,
  ],
  "sinh-vat-canh": [
    (c, d) =>
      `<path d="M0 150V30" stroke="${d}" stroke-width="10"/>${[0, 72, 144, 216, 288]
        .map((a) => `<ellipse transform="rotate(${a})" cy="-55" rx="38" ry="60" fill="${c}" opacity=".9"/>`)
        .join("")}<circle r="28" fill="#fde047"/>`,
    (c, d) =>
      `<path d="M-80 80h160l-20 60h-120z" fill="${d}"/><path d="M0 80q-30-60 10-120q20-40-30-70" stroke="#6b3f1d" stroke-width="18" fill="none"/><ellipse cx="-60" cy="-60" rx="80" ry="38" fill="${c}"/><ellipse cx="60" cy="-110" rx="70" ry="34" fill="${c}"/><ellipse cx="-10" cy="-160" rx="55" ry="28" fill="${c}"/>`,
    (c) =>
      `<ellipse rx="140" ry="62" fill="#fff"/><path d="M120 0l90-60v120z" fill="#fff"/><circle cx="-40" cy="-20" r="30" fill="${c}"/><circle cx="40" cy="15" r="24" fill="${c}"/><circle cx="-95" cy="-12" r="9" fill="#111"/>`,
  ],
  "du-lich": [
    (c, d) =>
      `<circle cx="-150" cy="-110" r="45" fill="#fff" opacity=".75"/><path d="M-300 120L-150-80L0 120zM-70 120L110-140L290 120z" fill="${d}"/><path d="M-460 120h920v50h-920z" fill="#fff" opacity=".55"/><path d="M-50 112h110l-22 24h-66z" fill="${c}"/><path d="M5 112v-60l40 50z" fill="#fff"/>`,
    (c, d) =>
      `<circle cx="150" cy="-110" r="50" fill="#fff" opacity=".75"/><path d="M-300 140Q-130-70 40 140z" fill="${d}" opacity=".55"/><path d="M-60 140Q130-100 300 140z" fill="${c}"/><path d="M-90 40L-20-30L50 40z" fill="${d}"/><rect x="-75" y="40" width="110" height="55" fill="#fff"/><path d="M-65 95v45M25 95v45" stroke="${d}" stroke-width="10"/>`,
  ],
};

/** FNV-1a, then xorshift: deterministic numbers in [0, 1) from a text seed. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let x = h >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[ch]};`);
}

/** Greedy wrap to at most two lines of `max` characters; what does not fit ends in "…". */
export function wrap(text: string, max: number): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .flatMap((w) => w.match(new RegExp(`.{1,${max}}`, "gu")) ?? []);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines;
  return [
    lines[0]!,
    `${lines
      .slice(1)
      .join(" ")
      .slice(0, max - 1)
      .trimEnd()}…`,
  ];
}

function frame(title: string, from: string, to: string, ink: string, r: () => number, art: string): string {
  const lines = wrap(title, 26);
  const size = lines.some((l) => l.length > 21) ? 36 : 42;
  const y = lines.length > 1 ? 505 : 532;
  const circles = [0, 1, 2]
    .map(
      () =>
        `<circle cx="${Math.round(r() * 800)}" cy="${Math.round(r() * 420)}" r="${Math.round(40 + r() * 110)}" fill="#fff" opacity=".18"/>`,
    )
    .join("");
  const text = lines.map((l, i) => `<tspan x="400" y="${y + i * (size + 10)}">${escapeXml(l)}</tspan>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600"><title>${escapeXml(title)}</title><defs><linearGradient id="g" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="800" height="600" fill="url(#g)"/>${circles}${art}<rect y="450" width="800" height="150" fill="#fff" opacity=".82"/><text text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="600" fill="${ink}">${text}</text></svg>`;
}

export function productImage(p: { name: string; group: GroupId; seed: string; index: number }): string {
  const r = random(`${p.seed}#${p.index}`);
  const [from, to, c, d] = PALETTES[p.group];
  const motifs = MOTIFS[p.group];
  const draw = motifs[(Math.floor(r() * motifs.length) + p.index) % motifs.length]!;
  const [main, second] = r() < 0.75 ? [c, d] : [d, c];
  const x = 400 + Math.round((r() - 0.5) * 160);
  const angle = p.group === "du-lich" ? 0 : Math.round((r() - 0.5) * 10);
  const scale = (0.9 + r() * 0.2).toFixed(2);
  const art = `<g transform="translate(${x} 240) rotate(${angle}) scale(${scale})">${draw(main, second, r)}</g>`;
  return frame(p.name, from, to, d, r, art);
}

export function producerImage(p: { name: string; seed: string }): string {
  const r = random(p.seed);
  const groups = Object.keys(PALETTES) as GroupId[];
  const [from, to, c, d] = PALETTES[groups[Math.floor(r() * groups.length)]!];
  const x = 400 + Math.round((r() - 0.5) * 120);
  const scenes = MOTIFS["du-lich"];
  const art = `<g transform="translate(${x} 280)">${scenes[Math.floor(r() * scenes.length)]!(c, d, r)}</g>`;
  return frame(p.name, from, to, d, r, art);
}
