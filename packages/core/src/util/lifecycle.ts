import { DomainError } from "./error";

/**
 * A status lifecycle as data (after Vendure's order process): each status lists the statuses it may move to.
 * Every move in the domain goes through `move`, so a table beside its test is the whole truth of a lifecycle.
 */
export type Transitions<S extends string> = { readonly [K in S]: readonly S[] };

export interface Lifecycle<S extends string> {
  readonly transitions: Transitions<S>;
  /** The statuses `from` may move to. */
  next(from: S): readonly S[];
  can(from: S, to: S): boolean;
  /** `to`, or a 409 `invalid_transition` naming both statuses when the table has no such move. */
  move(from: S, to: S): S;
  /** The statuses with no way out. */
  final(): S[];
}

export function lifecycle<S extends string>(
  name: { vi: string; en: string },
  transitions: Transitions<S>,
): Lifecycle<S> {
  const can = (from: S, to: S) => transitions[from]?.includes(to) ?? false;
  return {
    transitions,
    next: (from) => transitions[from] ?? [],
    can,
    move(from, to) {
      if (!can(from, to))
        throw new DomainError(409, "invalid_transition", {
          vi: `${name.vi} không thể chuyển từ "${from}" sang "${to}".`,
          en: `${name.en} cannot move from "${from}" to "${to}".`,
        });
      return to;
    },
    final: () => (Object.keys(transitions) as S[]).filter((s) => transitions[s].length === 0),
  };
}
