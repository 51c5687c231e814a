import { describe, expect, it } from "vitest";
import * as admin from "./admin";
import * as buy from "./buy";
import * as claim from "./claim";
import * as council from "./council";
import * as base from "./dict";
import * as dossier from "./dossier";
import * as gifts from "./gifts";
import * as live from "./live";
import * as portal from "./portal";
import * as registry from "./registry";
import * as sales from "./sales";
import * as shop from "./shop";
import * as trace from "./trace";
import * as verify from "./verify";

const lazy = { admin, buy, claim, council, dossier, gifts, live, portal, registry, sales, shop, trace, verify };

describe("namespaces", () => {
  it("start every key of a lazy dictionary with its namespace, and no base key with one", () => {
    for (const [name, dict] of Object.entries(lazy)) {
      const stray = Object.keys(dict.vi).filter((k) => !k.startsWith(`${name}.`));
      expect(stray, name).toEqual([]);
    }
    const names = Object.keys(lazy);
    expect(Object.keys(base.vi).filter((k) => names.includes(k.split(".")[0] ?? ""))).toEqual([]);
  });

  it("translate a lazy key once its module is loaded, in both languages", async () => {
    const i18n = await import("./index");
    expect(i18n.t("admin.queue.title")).toBe("Duyệt sản phẩm");
    i18n.setLocale("en");
    expect(i18n.t("trace.origin")).toBe("Origin");
    expect(i18n.t("gifts.builder.bar", { n: 1 })).toBe("1 product in the box");
    expect(i18n.hasKey("portal.invalid.phone")).toBe(true);
    expect(i18n.hasKey("portal.invalid.nothing")).toBe(false);
    i18n.setLocale("vi");
  });
});
