/**
 * The carriers sellers in Vietnam ship with, and each one's public tracking page. A seller types the carrier's name
 * (with suggestions), so it is recognised by its usual names, with or without diacritics; an unknown carrier has no
 * link and its tracking number stays plain text. Pure, so the web app and the order messages share it.
 */
export namespace Carrier {
  export interface Known {
    id: string;
    /** The name shown and suggested to sellers. */
    name: string;
    /** How sellers write it, folded (lower case, no diacritics, letters and digits only). */
    aliases: readonly string[];
    /** The tracking page, `{n}` standing for the tracking number. */
    trackingPage: string;
  }

  export const KNOWN: readonly Known[] = [
    {
      id: "viettelpost",
      name: "Viettel Post",
      aliases: ["viettelpost", "viettel", "vtp"],
      trackingPage: "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber={n}",
    },
    {
      id: "ghn",
      name: "Giao Hàng Nhanh (GHN)",
      aliases: ["ghn", "giaohangnhanh"],
      trackingPage: "https://donhang.ghn.vn/?order_code={n}",
    },
    {
      id: "ghtk",
      name: "Giao Hàng Tiết Kiệm (GHTK)",
      aliases: ["ghtk", "giaohangtietkiem"],
      trackingPage: "https://i.ghtk.vn/{n}",
    },
    {
      id: "vnpost",
      name: "VNPost",
      aliases: ["vnpost", "vietnampost", "buudien", "buudienvietnam", "ems", "vnpostems"],
      trackingPage: "https://vnpost.vn/tra-cuu-hanh-trinh/buu-pham?key={n}",
    },
    {
      id: "jt",
      name: "J&T Express",
      aliases: ["jt", "jtexpress", "jnt", "jandt"],
      trackingPage: "https://jtexpress.vn/vi/tracking?type=track&billcode={n}",
    },
    {
      id: "spx",
      name: "SPX Express",
      aliases: ["spx", "spxexpress", "shopeeexpress"],
      trackingPage: "https://spx.vn/track?{n}",
    },
    {
      id: "ninjavan",
      name: "Ninja Van",
      aliases: ["ninjavan", "ninja"],
      trackingPage: "https://www.ninjavan.co/vi-vn/tracking?id={n}",
    },
    {
      id: "best",
      name: "Best Express",
      aliases: ["best", "bestexpress", "bestinc"],
      trackingPage: "https://best-inc.vn/track?bills={n}",
    },
  ];

  /** "Giao Hàng Nhanh (GHN)" → ["giao", "hang", "nhanh", "ghn"]; "J&T" → ["jt"]. */
  function words(text: string): string[] {
    return text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .replace(/&/g, "")
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  }

  /** The carrier a seller's typed name stands for: a word of it, or all of it written together, is a known name. */
  export function recognise(name: string | null | undefined): Known | undefined {
    if (!name) return undefined;
    const parts = words(name);
    const whole = parts.join("");
    return KNOWN.find((c) =>
      c.aliases.some(
        (alias) => whole === alias || parts.includes(alias) || (alias.length >= 6 && whole.includes(alias)),
      ),
    );
  }

  /** The carrier's tracking page for this parcel, or undefined when the carrier is not one we know. */
  export function trackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined) {
    const number = trackingNumber?.trim();
    const known = recognise(carrier);
    if (!known || !number) return undefined;
    return known.trackingPage.replace("{n}", encodeURIComponent(number));
  }
}
