import { OrderService, type OrderTx } from "./entities";

type Groups = { [group: string]: readonly unknown[] };

/**
 * One transaction built from named groups of writes (`{ stock, order, … }`). When DynamoDB cancels it, each group
 * gets back the reasons of its own writes, in its own order — no counting of positions in the flat list.
 */
export async function writeGroups<G extends Groups>(
  build: (tx: OrderTx) => G,
): Promise<{ canceled: false } | { canceled: true; reasons: { [K in keyof G]: string[] } }> {
  const sizes: Array<[keyof G, number]> = [];
  const result = await OrderService.transaction
    .write((tx) => {
      const groups = build(tx);
      sizes.length = 0;
      for (const name of Object.keys(groups) as Array<keyof G>) sizes.push([name, groups[name]?.length ?? 0]);
      return Object.values(groups).flat() as never[];
    })
    .go();
  if (!result.canceled) return { canceled: false };
  const codes = (result.data as Array<{ code: string }>).map((d) => d.code);
  const reasons = {} as { [K in keyof G]: string[] };
  let at = 0;
  for (const [name, size] of sizes) {
    reasons[name] = codes.slice(at, at + size);
    at += size;
  }
  return { canceled: true, reasons };
}
