import type { ProductKind } from "./types";

/**
 * Placeholder pictures for the demo: small flat SVG illustrations drawn here, one drawing per kind of product
 * (a cup of tea, a jar of honey, a bottle of fish sauce…), the same for the same seed. No text is drawn: the card and
 * the page name the product, and the name stays in the SVG's <title>.
 */

/** Per kind: background, main colour, accent, dark. */
const PALETTES: Record<ProductKind, [string, string, string, string]> = {
  tea: ["#e3f1d4", "#f4efe4", "#9a6b1f", "#3f7a2c"],
  coffee: ["#f3e3cf", "#9aa3ad", "#3b2416", "#5b3a22"],
  liquor: ["#f6e7d6", "#b8643a", "#c81e1e", "#6b3318"],
  honey: ["#fff3c4", "#f0a716", "#fff8e6", "#8a4b0b"],
  "fish-sauce": ["#dcecf5", "#b5651d", "#fffaf0", "#1f3b57"],
  condiment: ["#fbe3da", "#8c4a2f", "#e0312b", "#3d2a1e"],
  rice: ["#f5efd7", "#2f6fa6", "#fffdf7", "#b8860b"],
  noodles: ["#f8eddc", "#d2452c", "#fffaf0", "#7a4a22"],
  meat: ["#f2dfd2", "#7d2a1b", "#a0522d", "#4a3b30"],
  parcel: ["#e7f2dc", "#3f7f3a", "#e9d9a6", "#24512a"],
  seafood: ["#dff0f1", "#f07a55", "#fff4ec", "#a33b22"],
  nuts: ["#f4e6d0", "#8a4e24", "#e6c79a", "#5c3415"],
  spice: ["#f6ecdf", "#f8f4ea", "#8b3a1a", "#7d6a58"],
  oil: ["#e6f0e0", "#d99a2b", "#2f2f2f", "#4f7f35"],
  ginseng: ["#eef3df", "#e8c99a", "#c62828", "#3f6b2a"],
  herbal: ["#e9f2e1", "#6f9e3c", "#f6f1e2", "#2f5520"],
  fruit: ["#eaf5d9", "#9bc43a", "#f6e58d", "#3f6b1f"],
  "dried-fruit": ["#f7ead6", "#c98b3c", "#8a5a2b", "#4f7a2a"],
  sweets: ["#fde8ef", "#f28cb1", "#fde68a", "#8fd3c7"],
  "bird-nest": ["#eef0f7", "#f3e8cf", "#2f3b63", "#c9b48a"],
  ceramics: ["#e8eef8", "#f8f8f4", "#1f4e9c", "#c7a35a"],
  weaving: ["#f4ebd8", "#c99a55", "#8a6232", "#5f3f1d"],
  textile: ["#f7e6e9", "#b8283b", "#f2c14e", "#2d4a8a"],
  hat: ["#fdf1d6", "#e9cf8f", "#b7924a", "#c0392b"],
  bonsai: ["#eef1e2", "#3f7d3a", "#f7c948", "#6b4423"],
  flower: ["#f7e8f3", "#d9559b", "#fbe7f1", "#3f7d3a"],
  koi: ["#d6ecf3", "#fdfdfb", "#e4572e", "#2b6f8f"],
  tour: ["#dcefff", "#6aa84f", "#ffd166", "#2f5d3a"],
  stay: ["#e2f0ff", "#a66a3c", "#e0b870", "#4f7f3a"],
};

const path = (d: string, fill: string, extra = "") => `<path d="${d}" fill="${fill}"${extra}/>`;
const line = (d: string, stroke: string, width: number, extra = "") =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round"${extra}/>`;
const oval = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = "") =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"${extra}/>`;
const dot = (cx: number, cy: number, r: number, fill: string, extra = "") =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"${extra}/>`;
const box = (x: number, y: number, w: number, h: number, rx: number, fill: string, extra = "") =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}"${extra}/>`;
const leaf = (x: number, y: number, angle: number, size: number, fill: string) =>
  `<path transform="translate(${x} ${y}) rotate(${angle}) scale(${size})" d="M0 0C20-26 60-26 80 0C60 26 20 26 0 0z" fill="${fill}"/>`;

/** One drawing per kind, centred on (0, 0), about 400 × 300 units; colours from the kind's palette. */
type Draw = (c: string, a: string, d: string, r: () => number) => string;

const DRAWINGS: Record<ProductKind, Draw> = {
  tea: (c, a, d) =>
    oval(0, 125, 190, 26, "#fff", ' opacity=".7"') +
    line("M-50-60q-22-34 0-70M0-64q-22-34 0-70M50-60q-22-34 0-70", "#fff", 10) +
    path("M-130-30h260v30a130 130 0 0 1-260 0z", c) +
    oval(0, -30, 130, 22, a) +
    box(-130, 10, 260, 14, 0, d, ' opacity=".5"') +
    leaf(110, 60, -40, 1.2, d) +
    leaf(120, 80, 10, 1, d),
  coffee: (c, a, d) =>
    path("M-95 10l15 140h160l15-140z", "#fff", ' opacity=".8"') +
    path("M-88 70l8 80h160l8-80z", a) +
    box(-120, -6, 240, 16, 8, c) +
    box(-80, -80, 160, 76, 8, c) +
    box(-62, -118, 124, 40, 12, c) +
    dot(0, -128, 12, d) +
    [-170, 150, 175]
      .map(
        (x, i) =>
          `<g transform="translate(${x} ${120 - i * 40}) rotate(${i * 50})">${oval(0, 0, 22, 15, d)}${line("M-16 0q16-8 32 0", "#fff", 3, ' opacity=".5"')}</g>`,
      )
      .join(""),
  liquor: (c, a, d) =>
    path("M-40-140h80v30q90 40 90 140q0 110-90 130h-80q-90-20-90-130q0-100 90-140z", c) +
    box(-118, 10, 236, 26, 0, d, ' opacity=".45"') +
    oval(0, -146, 52, 24, a) +
    line("M-46-132q46 18 92 0", d, 6) +
    path("M130 90h70l-10 60h-50z", c) +
    oval(165, 90, 35, 8, d),
  honey: (c, a, d) =>
    [
      [-170, -40],
      [-132, -18],
      [-170, 4],
      [-132, 26],
    ]
      .map(([x, y]) => path(`M${x} ${y}l20-11 20 11v22l-20 11-20-11z`, c, ' opacity=".55"'))
      .join("") +
    box(-100, -70, 200, 210, 44, c) +
    box(-112, -112, 224, 50, 14, d) +
    path("M-60-62q10 40 20 0q10 30 20 0", c) +
    box(-66, -10, 132, 80, 12, a) +
    oval(0, 30, 26, 16, "#f5c518") +
    line("M-8 18v24M8 18v24", d, 6) +
    oval(-10, 14, 12, 8, "#fff", ' opacity=".8"') +
    line("M110-30l90 120", d, 10) +
    oval(205, 100, 20, 26, c),
  "fish-sauce": (c, a, d) =>
    box(-26, -170, 52, 50, 8, d) +
    path("M-26-122h52l30 44v210a20 20 0 0 1-20 20h-72a20 20 0 0 1-20-20v-210z", c) +
    box(-48, -10, 96, 90, 10, a) +
    path("M-34 35q30-30 56 0q-26 30-56 0zM22 35l16-14v28z", d) +
    dot(-20, 31, 3, a) +
    [0, 1, 2]
      .map((i) => path(`M${90 + i * 34} ${150 - i * 6}q28-22 56 0q-28 18-56 0zm56 0l14-12v22z`, "#7a8fa3"))
      .join(""),
  condiment: (c, a, d) =>
    path("M-100-40h200v120a50 50 0 0 1-50 50h-100a50 50 0 0 1-50-50z", c) +
    box(-112, -84, 224, 48, 12, d) +
    box(-70, 0, 140, 70, 10, "#fff", ' opacity=".85"') +
    dot(0, 35, 20, a) +
    path("M120 110q50-10 70-90q14 16 0 50q-20 50-70 54z", a) +
    line("M190 20q4-16 16-20", "#3f7a2c", 8),
  rice: (c, a, d) =>
    line("M-190 150q10-120 60-220", d, 6) +
    [0, 1, 2, 3, 4]
      .map((i) =>
        oval(-160 + i * 8, 90 - i * 36, 9, 16, d, ` transform="rotate(${20 + i * 4} ${-160 + i * 8} ${90 - i * 36})"`),
      )
      .join("") +
    path("M-150 0h300a150 130 0 0 1-300 0z", c) +
    path("M-138 2q138-150 276 0z", a) +
    box(-150, -6, 300, 14, 7, d, ' opacity=".35"') +
    line("M40-120l150 60M60-140l140 80", d, 8),
  noodles: (c, a, d) =>
    path("M-150 0h300a150 130 0 0 1-300 0z", c) +
    oval(0, 0, 150, 24, a) +
    line("M-60 0q-20-60 10-110M-20 0q-24-70 12-130M20 0q-10-70 20-130M60 0q10-60-10-110", a, 10) +
    line("M-110-180l250 60M-100-200l250 50", d, 9) +
    box(-150, 20, 300, 12, 0, "#fff", ' opacity=".4"'),
  meat: (c, a, d) =>
    box(-200, -150, 400, 16, 8, d) +
    [-130, -60, 10, 80, 150]
      .map((x, i) => `${line(`M${x}-142v18`, d, 4)}${box(x - 22, -126, 44, 150 + ((i * 37) % 60), 16, i % 2 ? a : c)}`)
      .join("") +
    line("M-120 140q20-30 0-60M0 150q20-30 0-60M120 140q20-30 0-60", "#9a8c80", 10, ' opacity=".6"'),
  parcel: (c, a, d) =>
    [
      [-150, 20, -8],
      [30, 30, 6],
      [-60, -90, 0],
    ]
      .map(
        ([x, y, angle]) =>
          `<g transform="translate(${x} ${y}) rotate(${angle})">${box(0, 0, 130, 120, 14, c)}${line("M0 0l130 120M130 0l-65 60", d, 3, ' opacity=".5"')}${line("M65 0v120M0 60h130", a, 7)}</g>`,
      )
      .join(""),
  seafood: (c, a, d) =>
    oval(0, 130, 190, 24, "#fff", ' opacity=".7"') +
    line("M-100 40a110 110 0 1 1 190-100", c, 70) +
    line("M-60 60a110 110 0 0 1-10-110M-20 20a70 70 0 0 1 30-90M30-10a40 40 0 0 1 50-50", a, 4, ' opacity=".6"') +
    path("M-110 30l-60 40 40 20 30-10z", c) +
    dot(100, -72, 8, d) +
    line("M100-90q40-80 110-60M96-92q20-90 90-90", d, 3),
  nuts: (c, a, d, r) =>
    oval(0, 110, 180, 40, d) +
    path("M-180 100q180 110 360 0z", a) +
    [
      [-90, 40],
      [-10, 50],
      [70, 40],
      [-50, -10],
      [30, -6],
      [-10, -60],
      [110, 90],
    ]
      .map(
        ([x, y]) =>
          `<g transform="translate(${x} ${y}) rotate(${Math.round((r() - 0.5) * 60)})">${path("M0-44q44 10 48 48q0 30-48 30q-48 0-48-30q4-38 48-48z", c)}${path("M-46 14q46 24 92 0q0 20-46 20q-46 0-46-20z", a)}</g>`,
      )
      .join(""),
  spice: (c, a, d) =>
    path("M-40-140q10 40 60 70q70 40 50 120q-20 60-110 60q-90 0-110-60q-20-80 50-120q50-30 60-70z", c) +
    line("M-40-130q-30 100-10 250M-40-130q-90 110-80 230M-40-130q60 100 50 240", d, 3, ' opacity=".4"') +
    `<g transform="translate(140 80)">${[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => oval(0, -34, 14, 34, a, ` transform="rotate(${angle})"`)).join("")}${dot(0, 0, 10, "#5a2a10")}</g>`,
  oil: (c, a, d) =>
    box(-70, -60, 140, 200, 24, c, ' opacity=".92"') +
    box(-30, -100, 60, 44, 6, a) +
    box(-18, -170, 36, 74, 18, a) +
    box(-50, 0, 100, 80, 8, "#fff", ' opacity=".85"') +
    leaf(-22, 40, -20, 0.55, d) +
    leaf(110, 100, -70, 1.3, d) +
    leaf(120, 60, -20, 1, d) +
    path("M160-60q14 24 0 30q-14-6 0-30z", c),
  ginseng: (c, a, d) =>
    line("M-10-40q-20-60 0-110M-10-40q40-50 80-60", d, 6) +
    [0, 72, 144, 216, 288].map((angle) => leaf(-10, -150, angle - 90, 0.9, d)).join("") +
    [0, 1, 2, 3].map((i) => dot(-10 + (i % 2) * 14, -168 - Math.floor(i / 2) * 12, 8, a)).join("") +
    path(
      "M-30-40h40q20 60 0 120q30 40 40 100q-20-10-40-60q-10 30-30 80q-10-40 0-80q-30 30-70 20q40-20 60-60q-20-60 0-120z",
      c,
    ) +
    line("M-50 20h50M-46 50h40", d, 3, ' opacity=".3"'),
  herbal: (c, a, d) =>
    box(-140, -90, 200, 220, 16, c) +
    box(-120, -40, 160, 100, 10, a) +
    leaf(-90, 20, -30, 1.2, d) +
    box(-140, -90, 200, 26, 0, d, ' opacity=".5"') +
    line("M130-40v-110", "#b5a58a", 3) +
    box(70, -40, 120, 150, 10, a, ` stroke="${d}" stroke-width="4"`) +
    box(110, -180, 40, 30, 4, c) +
    leaf(100, 40, -40, 0.7, d),
  fruit: (c, a, d) =>
    oval(0, 140, 170, 24, d, ' opacity=".2"') +
    dot(-20, 20, 130, c) +
    oval(-60, -30, 34, 20, "#fff", ' opacity=".35"') +
    dot(-20, -108, 12, d) +
    leaf(-20, -112, -30, 1.2, d) +
    dot(140, 90, 50, a) +
    path("M140 40v100M90 90h100", c, ` stroke="${c}" stroke-width="3" opacity=".6"`),
  "dried-fruit": (c, a, d) =>
    line("M-170-140q120 10 170 80M-60-116q10 40 0 80M40-60q50 10 70 60", a, 7) +
    leaf(-170, -140, -20, 1, d) +
    leaf(-110, -130, 40, 0.9, d) +
    [
      [-80, -10],
      [-20, 10],
      [40, 0],
      [-50, 60],
      [10, 70],
      [70, 60],
      [-20, 130],
      [40, 130],
      [110, 30],
    ]
      .map(([x = 0, y = 0]) => `${dot(x, y, 36, c)}${dot(x - 10, y - 12, 8, "#fff", ' opacity=".35"')}`)
      .join(""),
  sweets: (c, a, d) =>
    box(-170, 40, 340, 110, 16, a) +
    box(-170, 40, 340, 20, 0, "#fff", ' opacity=".5"') +
    [
      [-90, -30, c],
      [30, -70, d],
      [110, 10, c],
      [-20, 90, d],
    ]
      .map(
        ([x, y, fill]) =>
          `<g transform="translate(${x} ${y}) rotate(-15)">${path("M-50 0l-30-28v56zM50 0l30-28v56z", String(fill))}${box(-54, -30, 108, 60, 28, String(fill))}${line("M-24-30v60M24-30v60", "#fff", 5, ' opacity=".6"')}</g>`,
      )
      .join(""),
  "bird-nest": (c, a, d) =>
    path("M-170 0q170 220 340 0z", c) +
    line("M-150 20q150 70 300 0M-120 60q120 50 240 0M-80 100q80 30 160 0", d, 5) +
    oval(0, 0, 170, 22, d) +
    oval(0, -2, 150, 14, c) +
    path("M40-150q40-30 90-10q40-40 80-30q-40 10-60 40q20 20 20 40q-30-30-60-20q-40 10-70-20z", a),
  ceramics: (c, a, d) =>
    path("M-70-160h60v30q70 40 70 150q0 90-60 130h-80q-60-40-60-130q0-110 70-150z", c) +
    line("M-100-40q60 40 120 0M-110 40q70 40 140 0", a, 10) +
    dot(-40, 0, 22, a) +
    box(-72, -170, 64, 14, 6, d) +
    path("M80 60h120l-14 70a20 20 0 0 1-20 16h-52a20 20 0 0 1-20-16z", c) +
    line("M92 86h96", a, 8) +
    oval(140, 150, 76, 10, d),
  weaving: (c, a, d) =>
    line("M-140-20q140-220 280 0", d, 14) +
    path("M-170-30h340l-40 180h-260z", c) +
    [0, 1, 2, 3, 4].map((i) => line(`M${-166 + i * 4} ${i * 34}h${332 - i * 8}`, a, 6)).join("") +
    [-120, -60, 0, 60, 120].map((x) => line(`M${x}-30l${-x / 8} 180`, d, 4, ' opacity=".45"')).join("") +
    box(-180, -44, 360, 22, 10, d),
  textile: (c, a, d) =>
    [
      [-160, 60, c],
      [-140, -10, d],
      [-120, -80, c],
    ]
      .map(
        ([x, y, fill]) =>
          `${box(Number(x), Number(y), 280, 64, 10, String(fill))}${line(`M${Number(x) + 20} ${Number(y) + 32}h240`, a, 6, ' stroke-dasharray="14 10"')}${line(`M${Number(x) + 280} ${Number(y) + 10}h24M${Number(x) + 280} ${Number(y) + 32}h24M${Number(x) + 280} ${Number(y) + 54}h24`, String(fill), 4)}`,
      )
      .join(""),
  hat: (c, a, d) =>
    line("M-120 60q120 120 240 0", d, 5) +
    path("M0-150l210 190q-210 50-420 0z", c) +
    [-150, -90, -30, 30, 90, 150].map((x) => line(`M0-150L${x} 50`, a, 3, ' opacity=".6"')).join("") +
    line("M-140-20q140 40 280 0M-70-84q70 24 140 0", a, 4, ' opacity=".7"'),
  bonsai: (c, a, d) =>
    path("M-120 90h240l-24 60h-192z", "#8a5a3b") +
    box(-136, 76, 272, 20, 6, "#6b4028") +
    line("M10 84q-40-60 10-110q40-40-20-90", d, 22) +
    oval(-70, -50, 90, 40, c) +
    oval(70, -100, 80, 36, c) +
    oval(-20, -160, 60, 30, c) +
    [
      [-100, -60],
      [-40, -40],
      [60, -110],
      [100, -96],
      [-20, -170],
    ]
      .map(([x = 0, y = 0]) => dot(x, y, 9, a))
      .join(""),
  flower: (c, a, d) =>
    path("M-80 80h160l-20 70h-120z", "#e9e1d0") +
    leaf(-10, 84, 200, 1.2, d) +
    leaf(10, 84, -20, 1.2, d) +
    line("M0 84q-20-150 90-200", d, 6) +
    [
      [-10, -20],
      [20, -80],
      [70, -120],
      [120, -110],
    ]
      .map(
        ([x, y]) =>
          `<g transform="translate(${x} ${y})">${[0, 72, 144, 216, 288].map((angle) => oval(0, -22, 16, 24, c, ` transform="rotate(${angle})"`)).join("")}${dot(0, 0, 10, a)}</g>`,
      )
      .join(""),
  koi: (c, a, d) =>
    line("M-180 60a60 20 0 0 0 120 0M80-120a70 24 0 0 0 140 0", "#fff", 4, ' opacity=".6"') +
    `<g transform="rotate(-20)">${path("M120 0l80-50q-20 50 0 100z", c)}${oval(0, 0, 140, 56, c)}${oval(-40, -14, 44, 30, a)}${oval(50, 16, 36, 24, a)}${path("M-20 40l-30 50 50-30zM-20-40l-30-50 50 30z", c)}${dot(-110, -14, 7, d)}</g>`,
  tour: (c, a, d) =>
    box(-400, 100, 800, 200, 0, c) +
    dot(160, -110, 54, a) +
    path("M-320 110l150-200 150 200zM-80 110l170-230 170 230z", d) +
    path("M-140 110l-30-40 30-40 30 40zM90-120l-40 50h80z", "#fff", ' opacity=".75"') +
    line("M-40 300q40-100 120-120t80-70", "#f3e3c3", 26),
  stay: (c, a, d) =>
    path("M-400 100q200-160 400-40t400-40v280h-800z", d, ' opacity=".6"') +
    line("M-110 150v-70M-50 150v-70M50 150v-70M110 150v-70", c, 12) +
    box(-140, -30, 280, 110, 6, c) +
    path("M-180-20l180-130 180 130z", a) +
    box(-30, 10, 60, 70, 4, "#5a3a22") +
    line("M30 150l40-70M60 150l40-70M42 126h40M54 104h40", "#5a3a22", 5),
};

/** The kinds of product there are drawings for. */
export const DRAWN_KINDS = Object.keys(DRAWINGS) as ProductKind[];

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

/** Lighter or darker by mixing with white (amount > 0) or black (amount < 0). */
function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (v: number) => Math.round(amount > 0 ? v + (255 - v) * amount : v * (1 + amount));
  return `#${[16, 8, 0]
    .map((s) => mix((n >> s) & 255))
    .map((v) => v.toString(16).padStart(2, "0"))
    .join("")}`;
}

function frame(title: string, kind: string, background: string, r: () => number, art: string): string {
  const spots = [0, 1, 2]
    .map(
      () =>
        `<circle cx="${Math.round(r() * 800)}" cy="${Math.round(r() * 600)}" r="${Math.round(50 + r() * 120)}" fill="#fff" opacity=".28"/>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600" data-kind="${kind}"><title>${escapeXml(title)}</title><rect width="800" height="600" fill="${background}"/>${spots}${art}</svg>`;
}

/**
 * A product's picture: its kind's drawing on a flat background. The second picture (index 1) is the same object
 * seen a little closer, mirrored, on another tint.
 */
export function productImage(p: { name: string; kind: ProductKind; seed: string; index: number }): string {
  const r = random(`${p.seed}#${p.index}`);
  const [background, c, a, d] = PALETTES[p.kind];
  const scenery = p.kind === "tour" || p.kind === "stay";
  const x = 400 + (scenery ? 0 : Math.round((r() - 0.5) * 80));
  const y = scenery ? 300 : 300 + Math.round((r() - 0.5) * 30);
  const angle = scenery ? 0 : Math.round((r() - 0.5) * 8);
  const scale = scenery ? 1 : (p.index === 0 ? 1.3 : 1.42) * (0.95 + r() * 0.1);
  const flip = p.index === 0 || scenery ? "" : ` scale(-1 1)`;
  const tint = shade(background, p.index === 0 ? (r() - 0.5) * 0.2 : -0.06 - r() * 0.06);
  const art = `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${scale.toFixed(2)})${flip}">${DRAWINGS[p.kind](c, a, d, r)}</g>`;
  return frame(p.name, p.kind, tint, r, art);
}

/** A producer's picture: a landscape, or their house among the hills. */
export function producerImage(p: { name: string; seed: string }): string {
  const r = random(p.seed);
  const kind: ProductKind = r() < 0.5 ? "tour" : "stay";
  const [background, c, a, d] = PALETTES[kind];
  const art = `<g transform="translate(400 300)">${DRAWINGS[kind](c, a, d, r)}</g>`;
  return frame(p.name, kind, shade(background, (r() - 0.5) * 0.2), r, art);
}
