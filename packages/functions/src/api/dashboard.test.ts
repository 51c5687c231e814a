import { Dossier } from "@cho-ocop/core/dossier/index";
import { wardsOf } from "@cho-ocop/core/geo/ward";
import { Settings } from "@cho-ocop/core/settings/index";
import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../test/api";
import { app } from "./app";

/** Cà Mau: no demo dossier or certificate is there, so its figures are only what this file puts there. */
const CA_MAU = "96";
const STAMP = Date.now().toString(36).toUpperCase();
const DAY = 86_400_000;
const start = Date.now() - 60 * DAY;
const at = (days: number) => new Date(start + days * DAY).toISOString();

interface Programme {
  scope: string;
  pipeline: {
    byProvince: { provinceCode: string; name: string; total: number; stages: Record<string, number> }[];
    totals: Record<string, number>;
    communePass: { passed: number; of: number; percent: number };
    councilPass: { passed: number; of: number; percent: number };
    timeInStage: { stage: string; stays: number; medianDays: number | null; meanDays: number | null }[];
  };
  stars: { total: number; rows: { key: string; count: number; percent: number }[] };
  targets: {
    national: {
      products: { actual: number; target: number };
      fiveStars: { actual: number; target: number; targetMax: number };
    };
    provinces: {
      provinceCode: string;
      actual: { products: number; fiveStars: number };
      target: { products: number; fiveStars: number } | null;
      progress: { products: { percent: number }; fiveStars: { percent: number } } | null;
    }[];
  };
}

let serial = 0;
type Step = [from: string, to: string, day: number];
/** A dossier of Cà Mau that went through these moves, each on the day (since `start`) given. */
async function dossierThrough(steps: Step[], outcome?: { stars: number; total: number }) {
  await Dossier.seed({
    dossierId: `dash-${STAMP}-${serial++}`.toLowerCase(),
    producerId: `dash-${STAMP}`,
    wardCode: wardsOf(CA_MAU)[0]?.code ?? "",
    provinceCode: CA_MAU,
    state: (steps.at(-1)?.[1] ?? "draft") as Dossier.Move["to"],
    registration: { productName: "Mật ong rừng U Minh" },
    businessPlan: {},
    selfAssessment: {},
    evidence: [],
    history: steps.map(([from, to, day]) => ({ from, to, at: at(day), by: "test", party: "producer" })),
    ...(outcome ? { outcome } : {}),
    createdAt: at(0),
  });
}

const programme = async (token: string) => {
  const r = await call<Programme>("GET", "/api/admin/dashboard/programme", { token });
  expect(r.status).toBe(200);
  return r.body;
};
const caMau = (p: Programme) => p.targets.provinces.find((r) => r.provinceCode === CA_MAU);

let central: string;
let caMauStaff: string;
let haNoiStaff: string;
let before: Programme;

beforeAll(async () => {
  central = await tokenFor({ role: "staff", staffScope: "central" });
  caMauStaff = await tokenFor({ role: "staff", staffScope: CA_MAU });
  haNoiStaff = await tokenFor({ role: "staff", staffScope: "01" });
  before = await programme(central);

  // Waiting at the commune; passed to the province after 3 days; returned by the commune after 2; decided 4★; sent
  // on to the central council (a potential 5★).
  await dossierThrough([["draft", "commune_check", 1]]);
  await dossierThrough([
    ["draft", "commune_check", 2],
    ["commune_check", "province_council", 5],
  ]);
  await dossierThrough([
    ["draft", "commune_check", 1],
    ["commune_check", "returned", 3],
  ]);
  await dossierThrough(
    [
      ["draft", "commune_check", 1],
      ["commune_check", "province_council", 4],
      ["province_council", "decided", 14],
    ],
    { stars: 4, total: 78.5 },
  );
  await dossierThrough([
    ["draft", "commune_check", 2],
    ["commune_check", "province_council", 6],
    ["province_council", "central_council", 16],
  ]);

  // Cà Mau's list: two 3★, a 4★ and a 5★ in force, and a 3★ that expired in 2023.
  const rows = [
    ["Mật ong rừng U Minh", 3, "01/03/2025", "01/03/2028"],
    ["Cá khô bổi", 3, "01/03/2025", "01/03/2028"],
    ["Tôm khô Rạch Gốc", 4, "01/04/2025", "01/04/2028"],
    ["Ba khía muối Rạch Gốc", 5, "01/05/2025", "01/05/2028"],
    ["Mắm cá lóc", 3, "01/01/2020", "01/01/2023"],
  ].map(
    ([name, stars, issued, expires], i) =>
      `${name},HTX Đất Mũi ${STAMP},Cà Mau,${stars},DASH-${STAMP}-${i},${issued},${expires}`,
  );
  const csv = ["Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn", ...rows].join("\n");
  const imported = await call<{ committed: boolean; failed: unknown[] }>("POST", "/api/admin/certificates/import", {
    token: central,
    body: { csv, commit: true },
  });
  expect(imported.body).toMatchObject({ committed: true, failed: [] });
});

describe("the programme dashboard", () => {
  it("shows a province's staff their dossiers by stage, the pass rates and the days in each stage", async () => {
    const p = await programme(caMauStaff);
    expect(p.scope).toBe(CA_MAU);
    expect(p.pipeline.byProvince).toEqual([
      {
        provinceCode: CA_MAU,
        name: "Cà Mau",
        total: 5,
        stages: { draft: 0, commune_check: 1, province_council: 1, central_council: 1, decided: 1, returned: 1 },
      },
    ]);
    // Three of the four the commune checked went on; the one decided reached 4★.
    expect(p.pipeline.communePass).toEqual({ passed: 3, of: 4, percent: 75 });
    expect(p.pipeline.councilPass).toEqual({ passed: 1, of: 1, percent: 100 });
    const stage = (s: string) => p.pipeline.timeInStage.find((t) => t.stage === s);
    // At the commune: 3, 2, 3 and 4 days (the one still there is not counted); at the province: 10 and 10.
    expect(stage("commune_check")).toEqual({ stage: "commune_check", stays: 4, medianDays: 3, meanDays: 3 });
    expect(stage("province_council")).toEqual({ stage: "province_council", stays: 2, medianDays: 10, meanDays: 10 });
    expect(stage("central_council")).toMatchObject({ stays: 0, medianDays: null });
    // Its own province only, and no target until one is set.
    expect(p.targets.provinces).toEqual([
      { provinceCode: CA_MAU, name: "Cà Mau", actual: { products: 4, fiveStars: 1 }, target: null, progress: null },
    ]);
  });

  it("counts certificates in force nationally by stars, the dossier at the central council as a potential 5★", async () => {
    const after = await programme(central);
    const count = (p: Programme, key: string) => p.stars.rows.find((r) => r.key === key)?.count ?? 0;
    expect(count(after, "3") - count(before, "3")).toBe(2);
    expect(count(after, "4") - count(before, "4")).toBe(1);
    expect(count(after, "5") - count(before, "5")).toBe(1);
    expect(count(after, "potential5") - count(before, "potential5")).toBe(1);
    expect(after.stars.total).toBe(after.stars.rows.reduce((a, r) => a + r.count, 0));
    const share = (key: string) => after.stars.rows.find((r) => r.key === key)?.percent;
    expect(share("3")).toBe(Math.round((count(after, "3") / after.stars.total) * 1000) / 10);
    expect(after.targets.national.products.actual - before.targets.national.products.actual).toBe(4);
    expect(after.targets.national).toMatchObject({
      products: { target: 10_000 },
      fiveStars: { target: 400, targetMax: 500 },
    });
    expect(after.pipeline.byProvince.length).toBeGreaterThan(30);
    expect(after.pipeline.byProvince.find((r) => r.provinceCode === CA_MAU)?.total).toBe(5);
  });

  it("takes a province's own target from its staff and shows progress toward it", async () => {
    const put = await call("PUT", `/api/admin/dashboard/targets/${CA_MAU}`, {
      token: caMauStaff,
      body: { products: 40, fiveStars: 2 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ products: 40, fiveStars: 2 });
    const row = caMau(await programme(central));
    expect(row?.target).toMatchObject({ products: 40, fiveStars: 2 });
    expect(row?.progress).toMatchObject({ products: { percent: 10 }, fiveStars: { percent: 50 } });
  });

  it("refuses a bad target with a 400 naming the field, another province's staff with a 403, and keeps the target", async () => {
    const stored = async () => (await Settings.entity.get({ scope: "settings", key: `target:${CA_MAU}` }).go()).data;
    const kept = await stored();
    const bad = [
      { products: 10, fiveStars: 20 },
      { products: 0, fiveStars: 0 },
      { products: 12.5, fiveStars: 1 },
      { products: "nhiều", fiveStars: 1 },
    ];
    for (const body of bad) {
      const r = await call<{ error: { code: string; field?: string } }>(
        "PUT",
        `/api/admin/dashboard/targets/${CA_MAU}`,
        {
          token: caMauStaff,
          body,
        },
      );
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("invalid_input");
      expect(r.body.error.field).toMatch(/products|fiveStars/);
    }
    const unknown = await call("PUT", "/api/admin/dashboard/targets/00", {
      token: central,
      body: { products: 10, fiveStars: 1 },
    });
    expect(unknown.status).toBe(400);
    const other = await call<{ error: { code: string } }>("PUT", `/api/admin/dashboard/targets/${CA_MAU}`, {
      token: haNoiStaff,
      body: { products: 1, fiveStars: 0 },
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("forbidden");
    expect(await stored()).toEqual(kept);
    expect(caMau(await programme(caMauStaff))?.target).toMatchObject({ products: 40, fiveStars: 2 });
  });

  it("exports the pipeline, the star shares and the targets as CSV files Excel opens in Vietnamese", async () => {
    const csv = async (what: string) => {
      const r = await app.request(`/api/admin/dashboard/export.csv?what=${what}`, {
        headers: { authorization: `Bearer ${caMauStaff}` },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(r.headers.get("content-disposition")).toBe(`attachment; filename="ocop-${what}.csv"`);
      const bytes = new Uint8Array(await r.arrayBuffer());
      // The BOM, as bytes: a text decoder would drop it.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    };
    const pipeline = await csv("pipeline");
    expect(pipeline.startsWith("\uFEFFMã tỉnh,")).toBe(true);
    expect(pipeline.split("\r\n")).toContain("96,Cà Mau,0,1,1,1,1,1,5");
    const targets = (await csv("targets")).split("\r\n");
    expect(targets).toContain("96,Cà Mau,4,40,10,1,2,,50");
    expect(targets[1]).toMatch(/^VN,Cả nước,\d+,10000,/);
    expect((await csv("stars")).split("\r\n")[0]).toBe("\uFEFFHạng,Số lượng,Tỷ lệ (%)");
    const bad = await call<{ error: { field?: string } }>("GET", "/api/admin/dashboard/export.csv?what=all", {
      token: caMauStaff,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("what");
  });
});
