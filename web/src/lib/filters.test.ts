import { describe, expect, it } from "vitest";
import {
  activeFilters,
  catalogHref,
  type Filters,
  filtersToSearch,
  parseFilters,
  toApiQuery,
  toFacetQuery,
  withFilter,
} from "./filters";

describe("filters and the URL query", () => {
  const full: Filters = {
    q: "nuoc mam",
    group: "thuc-pham",
    region: "dong-bang-song-cuu-long",
    province: "91",
    minStars: 4,
    minPrice: 100000,
    maxPrice: 500000,
    sort: "price_asc",
  };

  it("round-trips every filter through the query string", () => {
    expect(parseFilters(filtersToSearch(full))).toEqual(full);
    expect(parseFilters(filtersToSearch({}))).toEqual({});
    expect(parseFilters(filtersToSearch({ minStars: 5 }))).toEqual({ minStars: 5 });
  });

  it("writes a stable, readable link without empty values", () => {
    expect(filtersToSearch({ sort: "stars", province: "82", q: "" })).toBe("province=82&sort=stars");
    expect(catalogHref({ q: "mật ong", minStars: 4 })).toBe("/san-pham?q=m%E1%BA%ADt+ong&minStars=4");
    expect(catalogHref({})).toBe("/san-pham");
  });

  it("reads a shared link with values in any order", () => {
    expect(parseFilters("?minStars=3&province=01&q=che%20shan")).toEqual({
      q: "che shan",
      province: "01",
      minStars: 3,
    });
  });

  it("drops what the API would refuse", () => {
    expect(
      parseFilters("group=banh&province=99&region=mars&minStars=2&minPrice=abc&maxPrice=-5&sort=cheap&limit=1000"),
    ).toEqual({});
    expect(parseFilters("minStars=6")).toEqual({});
    expect(parseFilters("maxPrice=99999999999")).toEqual({});
  });

  it("swaps a reversed price range and reads thousands separators", () => {
    expect(parseFilters("minPrice=500.000&maxPrice=100000")).toEqual({ minPrice: 100000, maxPrice: 500000 });
  });

  it("keeps province and region from contradicting each other", () => {
    expect(parseFilters("province=91&region=tay-nguyen")).toEqual({ province: "91" });
    const inMekong = withFilter({ province: "91" }, { region: "dong-bang-song-cuu-long" });
    expect(inMekong).toEqual({ province: "91", region: "dong-bang-song-cuu-long" });
    expect(withFilter({ province: "91" }, { region: "tay-nguyen" })).toEqual({ region: "tay-nguyen" });
    expect(withFilter({ region: "tay-nguyen" }, { province: "91" })).toEqual({ province: "91" });
  });

  it("removes a filter set to undefined and a relevance sort without a search", () => {
    expect(withFilter({ group: "do-uong", minStars: 4 }, { minStars: undefined })).toEqual({ group: "do-uong" });
    expect(withFilter({ q: "tra" }, { q: undefined, sort: "relevance" })).toEqual({});
  });

  it("lists the narrowing filters (not search or sort)", () => {
    expect(activeFilters(full)).toEqual(["group", "region", "province", "minStars", "minPrice", "maxPrice"]);
  });

  it("builds the API query with cursor and limit", () => {
    expect(toApiQuery({ province: "91", minStars: 4 }, "abc", 24)).toEqual({
      province: "91",
      minStars: "4",
      cursor: "abc",
      limit: "24",
    });
  });

  it("asks the counts for the search text and every filter, without sort or page", () => {
    expect(toFacetQuery({ q: "mat ong", group: "duoc-lieu", province: "14", sort: "price_asc" })).toEqual({
      q: "mat ong",
      group: "duoc-lieu",
      province: "14",
    });
    expect(toFacetQuery({})).toEqual({});
  });
});
