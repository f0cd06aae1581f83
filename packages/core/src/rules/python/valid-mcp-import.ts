import { parseImport, type PyFile } from "../../code/python/analysis.js";
import {
  EXPORT_LINE_LABEL,
  exportSources,
  isModule,
  moduleLines,
  nameLines,
  packageLines,
  suggestModule,
  suggestName,
  type ExportLine,
} from "../../code/python/exports.js";
import type { Node } from "../../code/python/parser.js";
import { PY_PACKAGES } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "missingModule" | "missingName" | "otherLine";

/**
 * One place the file names a module or a name of `mcp` / `fastmcp`. Found from the text; its node and its guards
 * (which cost calls into the tree) are read only for the references a verdict needs.
 */
interface Ref {
  /** The node to report (read on first use). */
  readonly node: Node;
  /** The module (for a module reference) or the module the name is read from. */
  module: string;
  /** The name read from `module` (undefined: the reference is to the module itself). */
  name?: string;
  /** How the reference is written, for messages (`from mcp.server import Server`, `mcp.types.Tool`). */
  display: string;
  /** The error Python raises when it is missing. */
  error: "ModuleNotFoundError" | "ImportError" | "AttributeError";
  /** An import statement (its line evidence says which package line the file uses). */
  isImport: boolean;
  /** The statement (an import statement's start offset): names of one statement are no evidence for each other. */
  stmt: number;
  /** Runs only on some path (try / if / TYPE_CHECKING): never reported for one line only, never evidence. */
  readonly conditional: boolean;
  /** A missing name is handled there (try/except, `hasattr`, TYPE_CHECKING): not reported at all. */
  readonly handled: boolean;
}

/** A Ref whose node and guards are computed on first use. */
function lazyRef(fields: Omit<Ref, "node" | "conditional" | "handled">, nodeOf: () => Node, guardsOf: () => { conditional: boolean; handled: boolean }): Ref {
  let node: Node | undefined;
  let g: { conditional: boolean; handled: boolean } | undefined;
  return Object.defineProperties(fields as Ref, {
    node: { get: () => (node ??= nodeOf()) },
    conditional: { get: () => (g ??= guardsOf()).conditional },
    handled: { get: () => (g ??= guardsOf()).handled },
  });
}

/**
 * Names that users carry over from the TypeScript SDK, with the Python spelling
 * (both lines of `mcp` and fastmcp have these).
 */
const FROM_TYPESCRIPT: Record<string, string> = {
  McpServer:
    "`McpServer` is the TypeScript SDK's class: in Python it is `FastMCP` (from mcp.server.fastmcp, mcp 1.x), `MCPServer` (from mcp.server.mcpserver, mcp 2.x) or `FastMCP` from the fastmcp package.",
  StdioServerTransport:
    "`StdioServerTransport` is the TypeScript SDK's class: in Python a high-level server serves stdio with `.run()`, a low-level one inside `async with stdio_server() as (read, write):` (mcp.server.stdio).",
};

const EXCEPT_IMPORT = /\b(ImportError|ModuleNotFoundError|AttributeError|Exception|BaseException)\b/;

/** Where a node runs: only on some path, and whether a missing name would be handled there. Bounded by the depth. */
function guards(node: Node): { conditional: boolean; handled: boolean } {
  let conditional = false;
  let handled = false;
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === "try_statement" && n.childForFieldName("body")?.id === child.id) {
      conditional = true;
      for (const c of n.namedChildren) {
        if (c?.type !== "except_clause" && c?.type !== "except_group_clause") continue;
        const what = c.namedChildren.find((x) => x?.type !== "block" && x?.type !== "comment");
        if (!what || EXCEPT_IMPORT.test(what.text)) handled = true;
      }
    } else if (n.type === "if_statement" || n.type === "elif_clause" || n.type === "else_clause" || n.type === "conditional_expression") {
      conditional = true;
      const condition = n.childForFieldName("condition")?.text ?? "";
      if (/\bTYPE_CHECKING\b|\bhasattr\s*\(|\bgetattr\s*\(|\bversion\b|__version__/.test(condition)) handled = true;
    } else if (n.type === "function_definition" || n.type === "class_definition") {
      // An import inside a function runs only when it is called, but it still fails then: keep looking outward.
      conditional = true;
    }
  }
  return { conditional, handled };
}

/** "mcp 1.0.0–1.29.0 and 2.0.0": the releases the catalog was read from, per line. */
function versions(pkg: string): string {
  const byLine = new Map<string, string[]>();
  for (const s of exportSources(pkg)) {
    if (!/^\d+\.\d+\.\d+$/.test(s.version)) continue;
    byLine.set(s.line, [...(byLine.get(s.line) ?? []), s.version]);
  }
  const ranges = [...byLine.values()].map((v) => (v.length > 1 ? `${v[0]}–${v.at(-1)}` : v[0]));
  return `${pkg} ${ranges.join(" and ")}`;
}

function label(lines: ExportLine[]): string {
  return lines.map((l) => EXPORT_LINE_LABEL[l]).join(" and ");
}

function hintFor(module: string, name: string, inLines?: ExportLine[]): string {
  const ts = FROM_TYPESCRIPT[name];
  if (ts) return ` ${ts}`;
  const all = packageLines(module);
  const s = suggestName(module, name, inLines).map((x) => {
    const where = x.module === module ? "" : ` from ${x.module}`;
    const only = x.lines.length < all.length ? `, ${label(x.lines)} only` : "";
    return `\`${x.name}\`${where}${only ? ` (${only.slice(2)})` : ""}`;
  });
  return s.length > 0 ? ` Did you mean ${s.join(" or ")}?` : "";
}

function collectImports(file: PyFile, refs: Ref[]): void {
  for (const stmt of file.importStatements) {
    const items = parseImport(stmt.text).filter(([name, , module]) => PY_PACKAGES.includes((module ?? name).split(".")[0]!));
    if (items.length === 0) continue;
    let stmtNode: Node | undefined;
    const statement = (): Node => (stmtNode ??= file.importNodeAt(stmt.start) ?? file.root);
    /** The dotted_name child written as `text` (the module, or an imported name). */
    const child = (text: string, module: boolean): Node => {
      const s = statement();
      if (module) {
        const m = s.childForFieldName("module_name");
        if (m) return m;
      }
      for (const c of s.namedChildren) {
        const n = c?.type === "aliased_import" ? c.childForFieldName("name") : c?.type === "dotted_name" ? c : undefined;
        if (n && n.text.replace(/\s+/g, "") === text) return n;
      }
      return s;
    };
    const guardsOf = (): { conditional: boolean; handled: boolean } => guards(statement());
    const from = items[0]![2];
    if (from !== undefined) {
      refs.push(lazyRef({ module: from, display: `from ${from} import ...`, error: "ModuleNotFoundError", isImport: true, stmt: stmt.start }, () => child(from, true), guardsOf));
      for (const [name] of items) {
        if (name === "*") continue;
        refs.push(lazyRef({ module: from, name, display: `from ${from} import ${name}`, error: "ImportError", isImport: true, stmt: stmt.start }, () => child(name, false), guardsOf));
      }
    } else {
      for (const [module] of items) {
        refs.push(lazyRef({ module, display: `import ${module}`, error: "ModuleNotFoundError", isImport: true, stmt: stmt.start }, () => child(module, false), guardsOf));
      }
    }
  }
}

/** `types.Tool`, `mcp.server.stdio.stdio_server`: attribute reads on an imported module. */
function collectAttributes(file: PyFile, refs: Ref[]): void {
  // Only files that bind a module name (`import mcp.types`, `from mcp import types`) can read attributes of one.
  const moduleNames = [...file.names].filter(([, q]) => isModule(q)).map(([local]) => local);
  if (moduleNames.length === 0) return;
  // Found from the text: `types.Tool`, `mcp.server.stdio.stdio_server`. Only a read that does not exist costs a
  // look into the tree (is it really an attribute read, is the name rebound there).
  const pattern = new RegExp(`(?<![\\w.])(?:${moduleNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?:[ \\t]*\\.[ \\t]*[A-Za-z_]\\w*)+`, "g");
  let rebound: Set<string> | undefined;
  for (const m of file.text.matchAll(pattern)) {
    if (!file.inCode(m.index)) continue;
    const parts = m[0].split(".").map((p) => p.trim());
    // The longest module prefix, then the name read from it.
    let module = file.qualifyText(parts[0]!);
    let k = 1;
    for (; k < parts.length && module !== undefined && isModule(`${module}.${parts[k]}`); k++) module = `${module}.${parts[k]}`;
    if (module === undefined || !isModule(module) || k >= parts.length) continue;
    const name = parts[k]!;
    const lines = nameLines(module, name) ?? [];
    // A name every line of the module has is fine; a missing one or one of some lines only is confirmed in the tree.
    if (name.startsWith("_") || (lines.length > 0 && lines.length >= (moduleLines(module) ?? []).length)) continue;
    const end = m.index + parts.slice(0, k + 1).join(".").length;
    let attr: Node | null = file.root.descendantForIndex(m.index, end);
    for (let i = 0; attr && attr.type !== "attribute" && i < 4; i++) attr = attr.parent;
    if (!attr || attr.type !== "attribute") continue;
    const object = attr.childForFieldName("object");
    const nameNode = attr.childForFieldName("attribute");
    if (!object || !nameNode || nameNode.text !== name) continue;
    const parent = attr.parent;
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === attr.id) continue; // monkeypatching
    if (shadowed(object, attr, (rebound ??= reboundNames(file)))) continue;
    const at = attr;
    refs.push(lazyRef({ module, name, display: `${object.text}.${name}`, error: "AttributeError", isImport: false, stmt: at.startIndex }, () => nameNode, () => guards(at)));
  }
}

/**
 * Names the file binds to something else than the import somewhere (`mcp = FastMCP("x")` after `import mcp.types`,
 * `def types(): ...`): attribute reads through them may be on that other object, so they are not checked.
 */
function reboundNames(file: PyFile): Set<string> {
  const out = new Set<string>();
  for (const a of file.nodes("assignment")) {
    const left = a.childForFieldName("left");
    if (!left) continue;
    if (left.type === "identifier") {
      const right = a.childForFieldName("right");
      if (right && file.qualify(right) === file.names.get(left.text)) continue; // `types = mcp.types`: the same module
      out.add(left.text);
    } else if (left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "list_pattern") {
      for (const c of left.namedChildren) if (c?.type === "identifier") out.add(c.text);
    }
  }
  for (const fn of file.nodes("function_definition")) {
    const name = fn.childForFieldName("name");
    if (name) out.add(name.text);
  }
  // `with ... as mcp:` / `async with ClientSession(r, w) as session:`
  for (const w of file.nodes("with_statement")) {
    for (const target of w.descendantsOfType("as_pattern_target")) for (const id of target?.descendantsOfType("identifier") ?? []) if (id) out.add(id.text);
  }
  return out;
}

/** The chain's root name is rebound in the file or a parameter of an enclosing function (`def f(types): types.X`). */
function shadowed(object: Node, at: Node, rebound: Set<string>): boolean {
  let root: Node | null = object;
  for (let i = 0; root && root.type === "attribute" && i < 64; i++) root = root.childForFieldName("object");
  if (root?.type !== "identifier") return false;
  if (rebound.has(root.text)) return true;
  for (let n = at.parent; n; n = n.parent) {
    if (n.type !== "function_definition" && n.type !== "lambda") continue;
    const params = n.childForFieldName("parameters");
    if (params?.descendantsOfType("identifier").some((p) => p?.text === root!.text)) return true;
  }
  return false;
}

/** The mcp line an import names by itself (the same markers as the shared analysis), if any. */
function markerLine(ref: Ref): ExportLine | undefined {
  const full = ref.name === undefined ? ref.module : `${ref.module}.${ref.name}`;
  if (full === "mcp.server.fastmcp" || full.startsWith("mcp.server.fastmcp.")) return "mcp1";
  if (full === "mcp.server.mcpserver" || full.startsWith("mcp.server.mcpserver.") || full === "mcp.server.MCPServer" || full === "mcp.Client" || full === "mcp.client.Client")
    return "mcp2";
  return undefined;
}

export const validMcpImport = definePythonRule<MessageIds>({
  meta: {
    id: "valid-mcp-import",
    description: "Names imported from mcp / fastmcp must exist in the package (checked against each major line's own source)",
    severity: "error",
    recommended: true,
    hasSuggestions: false,
    messages: {
      missingModule: "`{{module}}` is not a module of the {{package}} package (checked against {{versions}}): `{{display}}` raises ModuleNotFoundError.{{hint}}",
      missingName: "`{{name}}` is not exported by `{{module}}` in any supported version (checked against {{versions}}): `{{display}}` raises {{error}}.{{hint}}",
      otherLine:
        "`{{what}}` exists only in {{lines}}, but this file uses {{otherLines}} (it imports `{{other}}`): with {{otherLines}} installed this raises {{error}}.{{hint}}",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const refs: Ref[] = [];
    collectImports(file, refs);
    collectAttributes(file, refs);
    const missingModules = new Set<string>();
    /** References that exist in some lines of their package but not all, with those lines. */
    const partial: Array<{ ref: Ref; lines: ExportLine[] }> = [];
    for (const ref of refs) {
      const pkg = ref.module.split(".")[0]!;
      const all = packageLines(pkg);
      if (ref.name === undefined) {
        // The first prefix that is no module in any line is the missing one (`mcp.server.fastmcpp.server`).
        const parts = ref.module.split(".");
        let missing: string | undefined;
        for (let i = 2; i <= parts.length && !missing; i++) {
          const prefix = parts.slice(0, i).join(".");
          const parent = parts.slice(0, i - 1).join(".");
          // A prefix the parent binds as a name in some line (a module-like object): cannot tell, stop.
          if ((moduleLines(prefix) ?? []).length === 0 && (nameLines(parent, parts[i - 1]!) ?? []).length === 0) missing = prefix;
          else if ((moduleLines(prefix) ?? []).length === 0) break;
        }
        if (missing) {
          missingModules.add(ref.module);
          if (ref.handled) continue;
          const guess = suggestModule(missing);
          report({
            messageId: "missingModule",
            data: { module: missing, package: pkg, versions: versions(pkg), display: ref.display, hint: guess ? ` Did you mean \`${guess}\`?` : "" },
            node: ref.node,
          });
          continue;
        }
        const lines = moduleLines(ref.module) ?? [];
        if (lines.length > 0 && lines.length < all.length) partial.push({ ref, lines });
        continue;
      }
      if (missingModules.has(ref.module) || ref.name.startsWith("_") || !isModule(ref.module)) continue;
      const lines = nameLines(ref.module, ref.name) ?? [];
      if (lines.length === 0) {
        if (ref.handled) continue;
        report({
          messageId: "missingName",
          data: { name: ref.name, module: ref.module, versions: versions(pkg), display: ref.display, error: ref.error, hint: hintFor(ref.module, ref.name) },
          node: ref.node,
        });
        continue;
      }
      // Narrower than its module (a module that exists in one line is already a reference of its own).
      const moduleIn = moduleLines(ref.module) ?? [];
      if (lines.length < moduleIn.length) partial.push({ ref, lines });
    }
    // A name of one line only is reported when the file's other unconditional imports name exactly one line, by
    // its marker modules (mcp.server.fastmcp: mcp 1.x; mcp.server.mcpserver, MCPServer, mcp.Client: mcp 2.x), and
    // the name is not in that line. fastmcp 2.x and 3.x have no such marker: their names are never reported by line.
    if (partial.length === 0) return;
    const markers = refs.filter((r) => r.isImport && markerLine(r) !== undefined && !r.conditional).map((r) => ({ ref: r, line: markerLine(r) }));
    for (const p of partial) {
      if (p.ref.conditional || p.ref.handled) continue;
      const others = markers.filter((m) => m.ref.stmt !== p.ref.stmt && m.line !== undefined);
      const proven = new Set(others.map((m) => m.line));
      if (proven.size !== 1) continue;
      const other = others[0]!;
      if (p.lines.includes(other.line!)) continue;
      const otherLines: ExportLine[] = [other.line!];
      const what = p.ref.name === undefined ? p.ref.module : `${p.ref.module}.${p.ref.name}`;
      const otherWhat = other.ref.name === undefined ? other.ref.module : `${other.ref.module}.${other.ref.name}`;
      // "Did you mean": only names of the line the file's other import proves.
      const hint = p.ref.name === undefined ? "" : hintFor(p.ref.module, p.ref.name, otherLines);
      report({
        messageId: "otherLine",
        data: { what, lines: label(p.lines), other: otherWhat, otherLines: label(otherLines), error: p.ref.error, hint },
        node: p.ref.node,
      });
    }
  },
});
