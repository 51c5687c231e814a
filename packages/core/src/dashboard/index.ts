import { type Actor, requireStaff } from "../account/actor";
import { PROVINCES } from "../geo/province";
import { GROUPS } from "../group";
import { Storefront } from "../storefront";
import { type ExportKind, exportCsv } from "./export";
import { Programme as ProgrammeSchema, programme as readProgramme } from "./programme";
import { ProvinceTarget } from "./targets";

/** Programme figures for staff, in the form of the programme's own reports ("65.9% 3★, 33.3% 4★"). */
export namespace Dashboard {
  export const Programme = ProgrammeSchema;
  export type Programme = ProgrammeSchema;
  export const programme = readProgramme;
  export const TargetInput = ProvinceTarget.Input;
  export const setTarget = ProvinceTarget.set;

  /** One table of the programme's figures as CSV, in the caller's scope. */
  export async function csv(actor: Actor, what: ExportKind) {
    return exportCsv(await readProgramme(actor), what);
  }

  const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);

  export async function figures(actor: Actor) {
    requireStaff(actor);
    const counts = await Storefront.counts();
    const total = counts.all;
    return {
      listed: total,
      producers: Object.values(counts.producers).reduce((a, b) => a + b, 0),
      byStars: [3, 4, 5].map((stars) => {
        const n = counts.stars[String(stars)] ?? 0;
        return { stars, products: n, share: share(n, total) };
      }),
      byGroup: GROUPS.map((g) => {
        const n = counts.group[g.id] ?? 0;
        return { id: g.id, vi: g.vi, en: g.en, products: n, share: share(n, total) };
      }),
      byProvince: PROVINCES.map((p) => {
        const n = counts.province[p.code] ?? 0;
        return {
          code: p.code,
          name: p.short,
          region: p.region,
          products: n,
          share: share(n, total),
          producers: counts.producers[p.code] ?? 0,
        };
      }),
    };
  }
}
