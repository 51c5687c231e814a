import { describe, expect, it } from "vitest";
import { collapse, conceptOf, cycles } from "./cycles";

const graph = {
  "packages/core/src/cart/index.ts": ["packages/core/src/order/quote.ts", "packages/core/src/util/error.ts"],
  "packages/core/src/order/quote.ts": ["packages/core/src/order/status.ts"],
  "packages/core/src/order/status.ts": ["packages/core/src/cart/view.ts"],
  "packages/core/src/cart/view.ts": [],
  "packages/core/src/util/error.ts": [],
  "packages/core/src/index.ts": ["packages/core/src/cart/index.ts"],
  "packages/functions/src/api/cart.ts": ["packages/core/src/cart/index.ts"],
};

describe("the import-cycle check", () => {
  it("takes each file of core to its concept folder, and nothing else", () => {
    expect(conceptOf("packages/core/src/order/status.ts")).toBe("core/order");
    expect(conceptOf("packages/core/src/live/hub/wire.ts")).toBe("core/live");
    expect(conceptOf("packages/core/src/index.ts")).toBeUndefined();
    expect(conceptOf("packages/core/src/storage/s3.test.ts")).toBeUndefined();
    expect(conceptOf("packages/functions/src/api/cart.ts")).toBeUndefined();
  });

  it("collapses the files to their concepts, dropping a concept's imports of itself", () => {
    expect(collapse(graph, conceptOf)).toEqual({
      "core/cart": ["core/order", "core/util"],
      "core/order": ["core/cart"],
      "core/util": [],
    });
  });

  it("finds a cycle between concepts that no two files make", () => {
    expect(cycles(graph)).toEqual([]);
    expect(cycles(collapse(graph, conceptOf))).toEqual([
      { members: ["core/cart", "core/order"], around: ["core/cart", "core/order", "core/cart"] },
    ]);
  });

  it("lists every circle of files once, with one way around it, and a file importing itself", () => {
    const files = { a: ["b"], b: ["c"], c: ["a", "d"], d: ["e"], e: ["d"], f: ["f"], g: ["a"] };
    expect(cycles(files)).toEqual([
      { members: ["a", "b", "c"], around: ["a", "b", "c", "a"] },
      { members: ["d", "e"], around: ["d", "e", "d"] },
      { members: ["f"], around: ["f", "f"] },
    ]);
  });
});
