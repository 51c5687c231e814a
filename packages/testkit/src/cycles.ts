/**
 * The import-cycle check of `pnpm test`: madge's graph of the sources, then every cycle between files and every cycle
 * between core's concepts (packages/core/src/<concept>/… taken as one node), listed; exits 1 when there is any.
 *
 *   node --import tsx packages/testkit/src/cycles.ts [graph.json]   (a saved `madge --json`, else madge is run)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Who imports whom: madge's `--json` output, paths relative to the repository. */
export type Graph = Record<string, string[]>;

export const SOURCES = ["packages/core/src", "packages/functions/src", "web/src", "packages/testkit/src"];
const CONCEPT = /^packages\/core\/src\/([^/]+)\/.+/;

/**
 * Core's concept a file belongs to (`core/cart`), or nothing for a file outside core's concept folders. A test is left
 * out: it may bring concepts together (an upload through real storage) without the concepts depending on each other.
 */
export function conceptOf(file: string): string | undefined {
  if (/\.test\.tsx?$/.test(file)) return undefined;
  const concept = CONCEPT.exec(file)?.[1];
  return concept && `core/${concept}`;
}

/** The graph with each file replaced by its group (files without one left out, and a group's imports of itself). */
export function collapse(graph: Graph, groupOf: (file: string) => string | undefined): Graph {
  const groups: Record<string, Set<string>> = {};
  for (const [file, imports] of Object.entries(graph)) {
    const from = groupOf(file);
    if (!from) continue;
    groups[from] ??= new Set();
    for (const imported of imports) {
      const to = groupOf(imported);
      if (to && to !== from) groups[from].add(to);
    }
  }
  return Object.fromEntries(Object.entries(groups).map(([group, to]) => [group, [...to].sort()]));
}

export interface Cycle {
  /** The nodes that all reach each other (every cycle lies within one such set). */
  members: string[];
  /** One way around: from the first member by name back to it. */
  around: string[];
}

/** Every set of nodes that import each other in a circle (Tarjan); a node importing itself is a set of one. */
export function cycles(graph: Graph): Cycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: Cycle[] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph[node] ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1 || graph[node]?.includes(node)) {
      found.push({ members: members.sort(), around: pathAround(graph, new Set(members)) });
    }
  };
  for (const node of Object.keys(graph).sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => (a.members[0] ?? "").localeCompare(b.members[0] ?? ""));
}

/** The shortest way from the set's first node back to it, through the set only. */
function pathAround(graph: Graph, members: Set<string>): string[] {
  const start = [...members].sort()[0] ?? "";
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift() ?? "";
    for (const next of graph[node] ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) {
          path.splice(1, 0, at);
        }
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

function madge(root: string): Graph {
  const run = spawnSync("pnpm", ["exec", "madge", "--json", "--extensions", "ts,tsx", ...SOURCES], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`madge failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Graph;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
  const saved = process.argv[2];
  const graph = saved ? (JSON.parse(readFileSync(saved, "utf8")) as Graph) : madge(root);
  const files = cycles(graph);
  const concepts = cycles(collapse(graph, conceptOf));
  const show = (kind: string, cycle: Cycle) => {
    const also =
      cycle.members.length > cycle.around.length - 1 ? ` (in a circle with: ${cycle.members.join(", ")})` : "";
    console.log(`${kind} cycle: ${cycle.around.join(" → ")}${also}`);
  };
  for (const cycle of files) show("file", cycle);
  for (const cycle of concepts) show("concept", cycle);
  console.log(
    `${Object.keys(graph).length} files: ${files.length} file cycle(s), ${concepts.length} cycle(s) between core's concepts`,
  );
  process.exit(files.length + concepts.length > 0 ? 1 : 0);
}
