import { z } from "zod";
import { type Actor, requireStaff } from "../account/actor";
import { Certificate, CertificateEntity } from "../certificate/index";
import { DossierEntity } from "../dossier/entity";
import { PROVINCES } from "../geo/province";
import { vietnamDay } from "../util/date";
import {
  type DossierFacts,
  Pipeline,
  Progress,
  pipeline,
  progress,
  Stars,
  starDistribution,
  TargetValue,
} from "./figures";
import { ProvinceTarget } from "./targets";
import { NATIONAL_TARGETS } from "./targets-data";

export const ProvinceProgress = z.object({
  provinceCode: z.string(),
  name: z.string(),
  /** Certificates in force of 3★ or more, and of them 5★. */
  actual: z.object({ products: z.number().int(), fiveStars: z.number().int() }),
  target: TargetValue.extend({ updatedAt: z.string() }).nullable(),
  /** Against the province's own target; null until one is set. */
  progress: Progress.nullable(),
});

/**
 * The programme's pipeline and results as staff read them: dossiers by stage and province, pass rates and time in
 * each stage (central staff every province, a province's staff their own), the national star distribution of
 * certificates in force, and progress toward the national targets and each province's own.
 */
export const Programme = z.object({
  /** "central", or the province code whose dossiers and target the caller sees. */
  scope: z.string(),
  /** The day (Vietnam's calendar) the figures are for: certificates in force on it. */
  day: z.string(),
  pipeline: Pipeline,
  stars: Stars,
  targets: z.object({
    national: Progress,
    source: z.object({ vi: z.string(), en: z.string() }),
    provinces: z.array(ProvinceProgress),
  }),
});
export type Programme = z.infer<typeof Programme>;

async function dossiersOf(provinceCode: string): Promise<DossierFacts[]> {
  const { data } = await DossierEntity.query
    .byProvince({ provinceCode })
    .go({ pages: "all", attributes: ["provinceCode", "state", "createdAt", "history", "outcome"] });
  return data.map((d) => ({
    provinceCode: d.provinceCode,
    state: d.state,
    createdAt: d.createdAt,
    history: (d.history ?? []) as DossierFacts["history"],
    outcome: (d.outcome ?? null) as DossierFacts["outcome"],
  }));
}

async function atCentralCouncil(provinceCode: string): Promise<number> {
  const { data } = await DossierEntity.query
    .byProvince({ provinceCode, state: "central_council" })
    .go({ pages: "all", attributes: ["dossierId"] });
  return data.length;
}

/** Stars of the register's certificates in force on `day`, with their province (issued here or imported). */
async function inForce(day: string): Promise<{ provinceCode: string; stars: number }[]> {
  const { data } = await CertificateEntity.query.byChange({ feed: "registry" }).go({ pages: "all" });
  return data
    .filter((c) => c.status === "approved" && c.decisionDate <= day && c.stars >= 3)
    .filter((c) => {
      const status = Certificate.statusOn(c, day);
      return status === "valid" || status === "expiring";
    })
    .map((c) => ({ provinceCode: c.provinceCode ?? "", stars: c.stars }));
}

export async function programme(actor: Actor, day = vietnamDay()): Promise<Programme> {
  const staff = requireStaff(actor);
  const central = staff.staffScope === "central";
  const provinces = PROVINCES.filter((p) => central || p.code === staff.staffScope);
  const [dossiers, certificates, targets, potentialFive] = await Promise.all([
    Promise.all(provinces.map((p) => dossiersOf(p.code))).then((all) => all.flat()),
    inForce(day),
    ProvinceTarget.all(),
    central
      ? Promise.resolve(null)
      : Promise.all(PROVINCES.map((p) => atCentralCouncil(p.code))).then((n) => n.reduce((a, b) => a + b, 0)),
  ]);
  const piped = pipeline(
    dossiers,
    provinces.map((p) => ({ code: p.code, name: p.short })),
  );
  const actualOf = (rows: { stars: number }[]) => ({
    products: rows.length,
    fiveStars: rows.filter((c) => c.stars === 5).length,
  });
  return {
    scope: central ? "central" : staff.staffScope,
    day,
    pipeline: piped,
    stars: starDistribution(
      certificates.map((c) => c.stars),
      potentialFive ?? piped.totals.central_council,
    ),
    targets: {
      national: progress({ code: "VN", name: "Cả nước" }, actualOf(certificates), {
        products: NATIONAL_TARGETS.products,
        fiveStars: NATIONAL_TARGETS.fiveStars.min,
        fiveStarsMax: NATIONAL_TARGETS.fiveStars.max,
      }),
      source: NATIONAL_TARGETS.source,
      provinces: provinces.map((p) => {
        const actual = actualOf(certificates.filter((c) => c.provinceCode === p.code));
        const target = targets.get(p.code) ?? null;
        return {
          provinceCode: p.code,
          name: p.short,
          actual,
          target,
          progress: target ? progress({ code: p.code, name: p.short }, actual, target, target.updatedAt) : null,
        };
      }),
    },
  };
}
