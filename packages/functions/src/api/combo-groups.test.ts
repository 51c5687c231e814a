import { describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { demoId } from "../local/seed";

const KOI = demoId("product", "ca-koi-kohaku");
const BONSAI = demoId("product", "bonsai-mini-de-ban");
const TOUR = demoId("product", "tour-khuoi-ky-ban-gioc");
const HONEY = demoId("product", "mat-ong-bac-ha-meo-vac");
const TEA = demoId("product", "che-shan-tuyet-suoi-giang");

interface Refusal {
  error: { code: string; message: string; field: string };
}

describe("what a gift box can hold, by OCOP group", () => {
  it("refuses a live koi fish in a shopper's combo with a 400 naming it", async () => {
    const res = await call<Refusal>("POST", "/api/combos", {
      body: { productIds: [HONEY, KOI], boxId: "gio-may-tre" },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "not_boxable", field: "productIds" });
    expect(res.body.error.message).toContain("Cá Koi Kohaku");
  });

  it("refuses ornamental plants and tourism services too, and takes food and drink", async () => {
    for (const other of [BONSAI, TOUR]) {
      const res = await call<Refusal>("POST", "/api/combos", {
        body: { productIds: [TEA, other], boxId: "gio-may-tre" },
      });
      expect(res.status, other).toBe(400);
      expect(res.body.error.code).toBe("not_boxable");
    }
    const ok = await call<{ comboId: string; parts: unknown[] }>("POST", "/api/combos", {
      body: { productIds: [TEA, HONEY], boxId: "gio-may-tre" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.parts).toHaveLength(2);
  });

  it("refuses a staff template holding a koi, and writes nothing", async () => {
    const central = await tokenFor({ role: "staff", staffScope: "central" });
    const id = `mau-koi-${Date.now().toString(36)}`;
    const res = await call<Refusal>("PUT", `/api/admin/combo-templates/${id}`, {
      token: central,
      body: {
        titleVi: "Quà cá Koi",
        titleEn: "Koi gift",
        productIds: [TEA, KOI],
        boxId: "gio-may-tre",
        fixedPriceVnd: 900_000,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("not_boxable");
    expect((await call("GET", `/api/combos/${id}`)).status).toBe(404);
  });
});
