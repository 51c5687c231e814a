import { describe, expect, it } from "vitest";
import { countFacets, facetKey, fromCounters } from "./facets";

// Sơn La (14) and Lào Cai (15) are in the northern midlands and mountains; An Giang (91) in the Mekong delta.
const items = [
  { provinceCode: "14", group: "do-uong", region: "trung-du-mien-nui-phia-bac", stars: 4, priceVnd: 200_000 },
  { provinceCode: "14", group: "thuc-pham", region: "trung-du-mien-nui-phia-bac", stars: 3, priceVnd: 90_000 },
  { provinceCode: "15", group: "do-uong", region: "trung-du-mien-nui-phia-bac", stars: 5, priceVnd: 500_000 },
  { provinceCode: "91", group: "thuc-pham", region: "dong-bang-song-cuu-long", stars: 4, priceVnd: 150_000 },
];

describe("facet counts", () => {
  it("count every listed product when nothing is chosen", () => {
    expect(countFacets(items, {})).toEqual({
      province: { "14": 2, "15": 1, "91": 1 },
      group: { "do-uong": 2, "thuc-pham": 2 },
      complete: true,
    });
  });

  it("count provinces under the chosen group, and groups under the chosen province, each leaving its own choice out", () => {
    const f = countFacets(items, { group: "do-uong", province: "14" });
    expect(f.province).toEqual({ "14": 1, "15": 1 });
    expect(f.group).toEqual({ "do-uong": 1, "thuc-pham": 1 });
  });

  it("apply stars, price and region to both", () => {
    expect(countFacets(items, { minStars: 4, maxPrice: 300_000 })).toMatchObject({
      province: { "14": 1, "91": 1 },
      group: { "do-uong": 1, "thuc-pham": 1 },
    });
    expect(countFacets(items, { region: "dong-bang-song-cuu-long" }).group).toEqual({ "thuc-pham": 1 });
  });

  it("read the province × group × stars counters back, weighted by their counts", () => {
    const rows = [
      ...items.map((i) => ({ key: facetKey(i), count: 1 })),
      { key: facetKey({ provinceCode: "14", group: "thu-cong-my-nghe", stars: 3 }), count: 5 },
      { key: facetKey({ provinceCode: "15", group: "du-lich", stars: 3 }), count: 0 },
      { key: "province-14", count: 7 },
    ];
    const counted = fromCounters(rows);
    expect(counted).toHaveLength(5);
    expect(countFacets(counted, { province: "14" }).group).toEqual({
      "do-uong": 1,
      "thuc-pham": 1,
      "thu-cong-my-nghe": 5,
    });
    expect(countFacets(counted, { group: "thu-cong-my-nghe" }).province).toEqual({ "14": 5 });
  });
});
