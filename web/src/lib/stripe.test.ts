import { afterEach, describe, expect, it, vi } from "vitest";
import { scriptLoader } from "./stripe";

/** A document that records the scripts added to it and lets the test say how their loading ends. */
function fakeDocument() {
  const scripts: Array<{ src: string; onload: (() => void) | null; onerror: (() => void) | null; removed: boolean }> =
    [];
  const doc = {
    createElement: () => {
      const script = { src: "", async: false, onload: null, onerror: null, removed: false, remove: () => {} };
      script.remove = () => {
        script.removed = true;
      };
      scripts.push(script);
      return script;
    },
    head: { appendChild: () => undefined },
  } as unknown as Document;
  return { doc, scripts };
}

afterEach(() => vi.useRealTimers());

describe("loading Stripe.js from Stripe", () => {
  it("adds the script once and resolves with what it defines", async () => {
    const { doc, scripts } = fakeDocument();
    let defined: string | undefined;
    const load = scriptLoader("https://js.stripe.com/v3", () => defined, doc);
    const first = load(1000);
    const second = load(1000);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.src).toBe("https://js.stripe.com/v3");
    defined = "Stripe";
    scripts[0]?.onload?.();
    await expect(first).resolves.toBe("Stripe");
    await expect(second).resolves.toBe("Stripe");
    await expect(load(1000)).resolves.toBe("Stripe");
    expect(scripts).toHaveLength(1);
  });

  it("fails when the script cannot load, and a later call tries again", async () => {
    const { doc, scripts } = fakeDocument();
    const load = scriptLoader("https://js.stripe.com/v3", () => undefined, doc);
    const attempt = load(1000);
    scripts[0]?.onerror?.();
    await expect(attempt).rejects.toThrow(/could not be loaded/);
    expect(scripts[0]?.removed).toBe(true);
    void load(1000).catch(() => undefined);
    expect(scripts).toHaveLength(2);
  });

  it("fails after the timeout when the network hangs, and when the script defines nothing", async () => {
    vi.useFakeTimers();
    const { doc, scripts } = fakeDocument();
    const load = scriptLoader("https://js.stripe.com/v3", () => undefined, doc);
    const hanging = load(8000);
    vi.advanceTimersByTime(8000);
    await expect(hanging).rejects.toThrow(/did not load within 8000 ms/);
    const empty = load(8000);
    scripts[1]?.onload?.();
    await expect(empty).rejects.toThrow(/not usable/);
  });
});
