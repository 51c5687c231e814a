import { z } from "zod";
import { Certificate } from "../certificate/index";
import { DomainError, notFound } from "../util/error";
import { CLASSIFICATION } from "./classification";
import { SHEET_FILES } from "./sheets/index";

/**
 * Score sheets as versioned data (Decision 148/QĐ-TTg, Annex: one sheet per sub-group): sheet → part A/B/C →
 * section → criterion → option with points. A criterion may be mandatory from a star level up: a product is
 * rated at that level only if it reaches the option named there.
 */
export namespace Sheet {
  const Text = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });

  export const PART_MAX = { A: 40, B: 25, C: 35 } as const;
  export const PartCode = z.enum(["A", "B", "C"]);
  export type PartCode = z.infer<typeof PartCode>;

  export const Option = z.object({
    id: z.string().regex(/^[a-z]$/, "an option is named by one letter"),
    points: z.number().int().min(0),
    text: Text,
  });

  /** "From `stars`★ up, the criterion must score at least `atLeast`" — how the annex marks a criterion mandatory. */
  export const Mandatory = z.object({
    stars: z.union([z.literal(3), z.literal(4), z.literal(5)]),
    atLeast: z.number().int().min(1),
  });

  export const Criterion = z
    .object({
      id: z.string().regex(/^[ABC]\d\.\d{1,2}$/, "a criterion is named like A1.2"),
      text: Text,
      options: z.array(Option).min(2),
      mandatory: z.array(Mandatory).default([]),
    })
    .superRefine((c, ctx) => {
      if (new Set(c.options.map((o) => o.id)).size !== c.options.length) {
        ctx.addIssue({ code: "custom", path: ["options"], message: `${c.id}: two options share a letter` });
      }
      const points = new Set(c.options.map((o) => o.points));
      for (const m of c.mandatory) {
        if (!points.has(m.atLeast)) {
          ctx.addIssue({
            code: "custom",
            path: ["mandatory"],
            message: `${c.id}: no option gives ${m.atLeast} points`,
          });
        }
      }
    });
  export type Criterion = z.infer<typeof Criterion>;

  export const Section = z.object({
    id: z.string().regex(/^[ABC]\d$/),
    title: Text,
    criteria: z.array(Criterion).min(1),
  });

  export const Part = z.object({ code: PartCode, title: Text, sections: z.array(Section).min(1) });

  export const Schema = z
    .object({
      /** `<sheet>@<version>`: a dossier and a council keep the version they were scored on. */
      sheetId: z.string().regex(/^[a-z0-9-]+@\d+$/),
      version: z.number().int().min(1),
      title: Text,
      basis: z.string().min(1),
      parts: z.array(Part).length(3),
    })
    .superRefine((sheet, ctx) => {
      if (!sheet.sheetId.endsWith(`@${sheet.version}`)) {
        ctx.addIssue({
          code: "custom",
          path: ["sheetId"],
          message: `${sheet.sheetId} is not version ${sheet.version}`,
        });
      }
      const ids = new Set<string>();
      sheet.parts.forEach((part, i) => {
        const code = PartCode.options[i] as PartCode;
        if (part.code !== code)
          ctx.addIssue({ code: "custom", path: ["parts", i], message: `part ${i + 1} must be ${code}` });
        let max = 0;
        for (const section of part.sections) {
          if (!section.id.startsWith(part.code)) {
            ctx.addIssue({ code: "custom", path: ["parts", i], message: `${section.id} is not in part ${part.code}` });
          }
          for (const c of section.criteria) {
            if (!c.id.startsWith(`${section.id}.`)) {
              ctx.addIssue({ code: "custom", path: ["parts", i], message: `${c.id} is not in section ${section.id}` });
            }
            if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["parts", i], message: `${c.id} appears twice` });
            ids.add(c.id);
            max += Math.max(...c.options.map((o) => o.points));
          }
        }
        if (max !== PART_MAX[part.code]) {
          ctx.addIssue({
            code: "custom",
            path: ["parts", i],
            message: `part ${part.code} adds up to ${max} points, not ${PART_MAX[part.code]}`,
          });
        }
      });
    });
  export type Sheet = z.infer<typeof Schema>;

  const SubGroup = z.object({ code: z.string().regex(/^\d+\.\d+\.\d+$/), name: Text, sheetId: z.string() });
  const Category = z.object({ code: z.string().regex(/^\d+\.\d+$/), name: Text, subGroups: z.array(SubGroup).min(1) });
  const Group = z.object({ code: z.string().regex(/^\d+$/), name: Text, categories: z.array(Category).min(1) });
  export const Classification = z.array(Group).min(1);
  export type SubGroup = z.infer<typeof SubGroup> & { category: string; group: string };

  /** Parses data files; a file that does not fit the schema, or a sub-group naming no sheet, fails here. */
  export function load(files: unknown[], classification: unknown) {
    const sheets = new Map<string, Sheet>();
    for (const file of files) {
      const parsed = Schema.safeParse(file);
      if (!parsed.success) {
        const where = (file as { sheetId?: string })?.sheetId ?? "a sheet";
        throw new Error(`${where}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
      }
      if (sheets.has(parsed.data.sheetId)) throw new Error(`${parsed.data.sheetId} is defined twice`);
      sheets.set(parsed.data.sheetId, parsed.data);
    }
    const groups = Classification.parse(classification);
    const subGroups = new Map<string, SubGroup>();
    for (const g of groups) {
      for (const c of g.categories) {
        for (const s of c.subGroups) {
          if (!sheets.has(s.sheetId)) throw new Error(`sub-group ${s.code} names ${s.sheetId}, which is not loaded`);
          subGroups.set(s.code, { ...s, category: c.code, group: g.code });
        }
      }
    }
    return { sheets, groups, subGroups };
  }

  let loaded: ReturnType<typeof load> | undefined;
  const data = () => {
    loaded ??= load(SHEET_FILES, CLASSIFICATION);
    return loaded;
  };

  export function classification() {
    return data().groups;
  }

  export function get(sheetId: string): Sheet {
    const sheet = data().sheets.get(sheetId);
    if (!sheet) throw notFound({ vi: `phiếu chấm ${sheetId}`, en: `Score sheet ${sheetId}` });
    return sheet;
  }

  export function subGroup(code: string): SubGroup {
    const found = data().subGroups.get(code);
    if (!found) throw notFound({ vi: `phân nhóm sản phẩm ${code}`, en: `Product sub-group ${code}` });
    return found;
  }

  /** The sheet a sub-group is scored on now. */
  export function forSubGroup(code: string): Sheet {
    return get(subGroup(code).sheetId);
  }

  export function criteria(sheet: Sheet): Criterion[] {
    return sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
  }

  export function partOf(criterionId: string): PartCode {
    return criterionId[0] as PartCode;
  }

  /** One option letter per criterion id. */
  export const Answers = z.record(z.string().max(8), z.string().regex(/^[a-z]$/));
  export type Answers = z.infer<typeof Answers>;

  /** Points per criterion for these answers; an unknown criterion or option is a 400 naming it. */
  export function pointsOf(sheet: Sheet, answers: Answers): Record<string, number> {
    const byId = new Map(criteria(sheet).map((c) => [c.id, c]));
    const points: Record<string, number> = {};
    for (const [id, optionId] of Object.entries(answers)) {
      const criterion = byId.get(id);
      const option = criterion?.options.find((o) => o.id === optionId);
      if (!option) {
        throw new DomainError(
          400,
          "invalid_answer",
          {
            vi: `Phiếu ${sheet.sheetId} không có ${criterion ? `lựa chọn "${optionId}" ở tiêu chí ${id}` : `tiêu chí ${id}`}.`,
            en: `Sheet ${sheet.sheetId} has no ${criterion ? `option "${optionId}" for criterion ${id}` : `criterion ${id}`}.`,
          },
          id,
        );
      }
      points[id] = option.points;
    }
    return points;
  }

  export interface Result {
    parts: Record<PartCode, number>;
    total: number;
    /** The stars the total alone gives. */
    band: 1 | 2 | 3 | 4 | 5;
    /** The band lowered to the highest level whose mandatory criteria are all met. */
    stars: 1 | 2 | 3 | 4 | 5;
    /** Mandatory criteria not met at the band's level, each with the lowest level it keeps the product from. */
    failed: { criterionId: string; stars: 3 | 4 | 5; atLeast: number; points: number }[];
    unanswered: string[];
  }

  /** The minimum a criterion needs at `stars`: the strictest of its marks at or below that level. */
  function required(c: Criterion, stars: number): number | undefined {
    const marks = c.mandatory.filter((m) => m.stars <= stars).map((m) => m.atLeast);
    return marks.length ? Math.max(...marks) : undefined;
  }

  /**
   * Totals and stars from points per criterion (a member's options, or a council's averages). An unscored
   * criterion counts 0 and fails any mark it carries.
   */
  export function evaluate(sheet: Sheet, points: Record<string, number>): Result {
    const all = criteria(sheet);
    const parts = { A: 0, B: 0, C: 0 };
    for (const c of all) parts[partOf(c.id)] += points[c.id] ?? 0;
    for (const code of PartCode.options) parts[code] = round2(parts[code]);
    const total = round2(parts.A + parts.B + parts.C);
    const band = Certificate.starsFor(total);
    const meets = (level: number) => all.every((c) => (points[c.id] ?? 0) >= (required(c, level) ?? 0));
    let stars = band;
    while (stars > 1 && !meets(stars)) stars = (stars - 1) as Result["stars"];
    const failed: Result["failed"] = [];
    for (const c of all) {
      const got = points[c.id] ?? 0;
      for (const level of [3, 4, 5] as const) {
        const need = required(c, level);
        if (level <= band && need !== undefined && got < need) {
          failed.push({ criterionId: c.id, stars: level, atLeast: need, points: got });
          break;
        }
      }
    }
    return { parts, total, band, stars, failed, unanswered: all.filter((c) => !(c.id in points)).map((c) => c.id) };
  }

  export function result(sheet: Sheet, answers: Answers): Result {
    return evaluate(sheet, pointsOf(sheet, answers));
  }

  const round2 = (n: number) => Math.round(n * 100) / 100;
}
