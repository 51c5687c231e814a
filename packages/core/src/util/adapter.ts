/**
 * Thrown when the domain needs an adapter (the table, storage, messages, card payments, video, chat, the signing key)
 * that start-up did not give it. The composition root (packages/functions/src/adapters) gives them all.
 */
export class AdapterNotConfigured extends Error {
  constructor(
    readonly adapter: string,
    /** What the process was not given, e.g. "SESSION_SECRET (at least 32 characters)". */
    readonly missing: string,
  ) {
    super(`${missing} is not configured (${adapter})`);
    this.name = "AdapterNotConfigured";
  }
}

/** One adapter seam: the composition root `use`s it once at start-up, the domain `get`s it and fails loudly before. */
export function adapterSlot<T>(adapter: string, missing: string) {
  let current: { value: T } | undefined;
  return {
    get(): T {
      if (!current) throw new AdapterNotConfigured(adapter, missing);
      return current.value;
    },
    use(next: T) {
      current = { value: next };
    },
    has: () => current !== undefined,
  };
}
