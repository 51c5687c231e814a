import type { SheetCriteria } from "./form";

/**
 * The criteria of a sub-group's score sheet, as the self-assessment needs them. The sheets themselves are data of
 * sheet/ (EVAL-B's); `useSheets` connects them.
 */
let lookup: (subGroup: string) => SheetCriteria | undefined = () => undefined;

export function useSheets(find: (subGroup: string) => SheetCriteria | undefined) {
  lookup = find;
}

export function sheetCriteria(subGroup: string | undefined): SheetCriteria | undefined {
  return subGroup ? lookup(subGroup) : undefined;
}
