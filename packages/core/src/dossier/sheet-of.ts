import { z } from "zod";
import { GROUP_IDS, type GroupId } from "../group";
import { Sheet } from "../sheet/index";
import type { SheetCriteria } from "./form";

/** A sub-group's score sheet as a producer reads it to assess themselves (sheet/ holds the data). */
const Text = z.object({ vi: z.string(), en: z.string() });
export const SheetView = z.object({
  sheetId: z.string(),
  title: Text,
  parts: z.array(
    z.object({
      code: z.enum(["A", "B", "C"]),
      title: Text,
      sections: z.array(
        z.object({
          id: z.string(),
          title: Text,
          criteria: z.array(
            z.object({
              id: z.string(),
              text: Text,
              options: z.array(z.object({ id: z.string(), points: z.number(), text: Text })),
              mandatory: z.array(z.object({ stars: z.number(), atLeast: z.number() })),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type SheetView = z.infer<typeof SheetView>;

export const SubGroupView = z.object({
  code: z.string(),
  name: Text,
  sheetId: z.string(),
  /** The platform's product group (group/) the sub-group belongs to. */
  group: z.enum(GROUP_IDS),
  category: z.object({ code: z.string(), name: Text }),
});
export type SubGroupView = z.infer<typeof SubGroupView>;

/** Decision 148's groups are numbered in the order group/ lists them (1 food … 6 tourism). */
const groupOfCode = (code: string): GroupId | undefined => GROUP_IDS[Number(code) - 1];

export function sheetOf(subGroup: string | undefined): Sheet.Sheet | undefined {
  if (!subGroup) return undefined;
  try {
    return Sheet.forSubGroup(subGroup);
  } catch {
    return undefined;
  }
}

/** The criteria of a sub-group's sheet, as the self-assessment needs them. */
export function sheetCriteria(subGroup: string | undefined): SheetCriteria | undefined {
  const sheet = sheetOf(subGroup);
  return sheet ? { sheetId: sheet.sheetId, criteria: Sheet.criteria(sheet) } : undefined;
}

/** Every sub-group a dossier may be for, with its group and category. */
export function subGroups(): SubGroupView[] {
  return Sheet.classification().flatMap((g) =>
    g.categories.flatMap((c) =>
      c.subGroups.flatMap((s) => {
        const group = groupOfCode(g.code);
        return group
          ? [{ code: s.code, name: s.name, sheetId: s.sheetId, group, category: { code: c.code, name: c.name } }]
          : [];
      }),
    ),
  );
}

export function groupOf(subGroup: string): GroupId | undefined {
  return subGroups().find((s) => s.code === subGroup)?.group;
}
