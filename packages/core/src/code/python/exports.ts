import data from "./exports.json" with { type: "json" };

/**
 * The public names each module of `mcp` and `fastmcp` binds, per package line, as
 * read from the packages' own source by scripts/python-exports.mjs (the versions
 * and commits are recorded in exports.json). A name a module does not bind in a
 * line raises ImportError / AttributeError there; a module that is "open" in a
 * line (a module-level `__getattr__` that may answer anything, a star import from
 * outside the package) is never said to lack a name.
 *
 * Lines: `mcp1` (mcp 1.x), `mcp2` (mcp 2.x), `fastmcp2`, `fastmcp3`.
 */

export type ExportLine = "mcp1" | "mcp2" | "fastmcp2" | "fastmcp3";

export const EXPORT_LINE_LABEL: Record<ExportLine, string> = {
  mcp1: "mcp 1.x",
  mcp2: "mcp 2.x",
  fastmcp2: "fastmcp 2.x",
  fastmcp3: "fastmcp 3.x",
};

interface ModuleRow {
  /** Lines the module exists in (bit i = the package's lines[i]). */
  in: number;
  /** Lines where the module is open. */
  open: number;
  names: Map<string, number>;
}

interface PackageExports {
  lines: ExportLine[];
  all: number;
  modules: Map<string, ModuleRow>;
  sources: Array<{ line: string; version: string; ref: string; commit: string }>;
  /** Lower-cased name → where it is bound ([module, exact name]); built on first use. */
  byLowerName?: Map<string, Array<[string, string]>>;
}

interface RawPackage {
  lines: string[];
  sources: Array<{ line: string; version: string; ref: string; commit: string }>;
  modules: Array<Array<string | number>>;
}

let loaded: Map<string, PackageExports> | undefined;

function load(): Map<string, PackageExports> {
  if (loaded) return loaded;
  loaded = new Map();
  const packages = (data as unknown as { packages: Record<string, RawPackage> }).packages;
  for (const [pkg, raw] of Object.entries(packages)) {
    const modules = new Map<string, ModuleRow>();
    for (const [name, inBits, openBits, names] of raw.modules as Array<[string, number, number, string]>) {
      const row: ModuleRow = { in: inBits, open: openBits, names: new Map() };
      for (const entry of names ? names.split(" ") : []) {
        const slash = entry.indexOf("/");
        if (slash < 0) row.names.set(entry, inBits);
        else row.names.set(entry.slice(0, slash), Number(entry.slice(slash + 1)));
      }
      modules.set(name, row);
    }
    loaded.set(pkg, { lines: raw.lines as ExportLine[], all: (1 << raw.lines.length) - 1, modules, sources: raw.sources });
  }
  return loaded;
}

/** The tracked package a dotted name belongs to (`mcp`, `fastmcp`), if any. */
function packageOf(dotted: string): PackageExports | undefined {
  const top = dotted.split(".", 1)[0]!;
  return load().get(top);
}

function linesOf(p: PackageExports, bits: number): ExportLine[] {
  return p.lines.filter((_, i) => bits & (1 << i));
}

/** Every line of the package `dotted` belongs to (empty when it is not a tracked package). */
export function packageLines(dotted: string): ExportLine[] {
  const p = packageOf(dotted);
  return p ? [...p.lines] : [];
}

/** The lines a module exists in (empty: in none), or undefined when its package is not tracked. */
export function moduleLines(module: string): ExportLine[] | undefined {
  const p = packageOf(module);
  if (!p) return undefined;
  return linesOf(p, p.modules.get(module)?.in ?? 0);
}

/**
 * The lines in which `module.name` can be read (a name the module binds, a
 * submodule, or any name of an open module), or undefined when the module's
 * package is not tracked.
 */
export function nameLines(module: string, name: string): ExportLine[] | undefined {
  const p = packageOf(module);
  if (!p) return undefined;
  const row = p.modules.get(module);
  if (!row) return [];
  const bits = (row.names.get(name) ?? 0) | (p.modules.get(`${module}.${name}`)?.in ?? 0) | row.open;
  return linesOf(p, bits & row.in);
}

/** `module` is a module (in some line). */
export function isModule(module: string): boolean {
  const p = packageOf(module);
  return !!p && (p.modules.get(module)?.in ?? 0) !== 0;
}

/** The versions the catalog was read from, for messages and tests. */
export function exportSources(pkg: string): Array<{ line: string; version: string; ref: string; commit: string }> {
  return load().get(pkg)?.sources ?? [];
}

const MAX_KEY = 64;

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}
const MAX_CANDIDATES = 5000;

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface NameSuggestion {
  /** The module that binds it. */
  module: string;
  name: string;
  /** The lines it exists in there. */
  lines: ExportLine[];
}

/**
 * "Did you mean" for a name `module` lacks: the same name (or the same name in
 * another case) bound by another module of the package, else the closest name of
 * `module` itself by edit distance. Bounded: keys longer than 64 characters are
 * not compared, and at most 5,000 candidates are.
 */
export function suggestName(module: string, name: string, inLines?: ExportLine[]): NameSuggestion[] {
  const fits = (lines: ExportLine[]): boolean => !inLines || lines.some((l) => inLines.includes(l));
  const p = packageOf(module);
  if (!p || name.length > MAX_KEY) return [];
  if (!p.byLowerName) {
    p.byLowerName = new Map();
    for (const [m, row] of p.modules) {
      if (m.split(".").some((s) => s.startsWith("_"))) continue;
      for (const n of row.names.keys()) {
        const key = n.toLowerCase();
        const list = p.byLowerName.get(key) ?? [];
        if (list.length < 8) list.push([m, n]);
        p.byLowerName.set(key, list);
      }
    }
  }
  const elsewhere = (p.byLowerName.get(name.toLowerCase()) ?? [])
    // Prefer the exact spelling, then a name of every line, then the shortest module path (the public spelling).
    .sort(
      ([a, an], [b, bn]) =>
        Number(an !== name) - Number(bn !== name) ||
        bitCount(p.modules.get(b)!.names.get(bn)!) - bitCount(p.modules.get(a)!.names.get(an)!) ||
        a.split(".").length - b.split(".").length ||
        (a < b ? -1 : 1),
    );
  const out: NameSuggestion[] = [];
  for (const [m, n] of elsewhere) {
    if (m === module && n === name) continue;
    const row = p.modules.get(m)!;
    const lines = linesOf(p, row.names.get(n)! & row.in);
    if (!fits(lines)) continue;
    out.push({ module: m, name: n, lines });
    if (out.length === 2) break;
  }
  if (out.length > 0) return out;
  const row = p.modules.get(module);
  if (!row) return [];
  const limit = Math.max(1, Math.floor(name.length / 4));
  let best: NameSuggestion | undefined;
  let bestDistance = limit + 1;
  let seen = 0;
  for (const [n, bits] of row.names) {
    if (++seen > MAX_CANDIDATES) break;
    if (n.length > MAX_KEY || n.startsWith("_") || !fits(linesOf(p, bits & row.in))) continue;
    const d = editDistance(name.toLowerCase(), n.toLowerCase(), Math.min(limit, bestDistance));
    if (d < bestDistance) {
      bestDistance = d;
      best = { module, name: n, lines: linesOf(p, bits & row.in) };
    }
  }
  return best ? [best] : [];
}

/** The closest existing module to a missing one: its parent's closest submodule name. */
export function suggestModule(module: string): string | undefined {
  const dot = module.lastIndexOf(".");
  if (dot < 0) return undefined;
  const parent = module.slice(0, dot);
  const p = packageOf(module);
  if (!p) return undefined;
  const leaf = module.slice(dot + 1);
  const candidates = [...p.modules.keys()].filter((m) => m.startsWith(`${parent}.`) && !m.slice(parent.length + 1).includes("."));
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(leaf.length / 3)) + 1;
  for (const c of candidates.slice(0, MAX_CANDIDATES)) {
    const d = editDistance(leaf.toLowerCase(), c.slice(parent.length + 1).toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}
