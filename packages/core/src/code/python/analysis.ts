import type { Node, Tree } from "./parser.js";
import { PY_PACKAGES, pySymbol, type PyLine, type PyRole, type PySymbol } from "./sdk-catalog.js";

/**
 * What the Python rules know about one file, computed once and shared by every
 * rule: the nodes of the kinds rules look at (one `descendantsOfType` pass in
 * wasm, far cheaper than walking every node from JavaScript), the import table
 * for `mcp` / `fastmcp`, every call of an SDK symbol, and the server objects.
 *
 * Everything is bounded by the file's size: no recursion over the tree (deeply
 * nested code cannot overflow the stack), attribute chains are followed at most
 * MAX_CHAIN links.
 */

/** Node kinds collected up front, in document order. */
const KINDS = [
  "call",
  "import_statement",
  "import_from_statement",
  "assignment",
  "function_definition",
  "with_statement",
  "if_statement",
  "await",
  "decorated_definition",
  "comment",
] as const;
export type PyKind = (typeof KINDS)[number];

const MAX_CHAIN = 64;

export interface PyCall {
  node: Node;
  /** The `function` child (callee expression). */
  callee: Node;
  symbol: PySymbol;
}

/** A variable holding an SDK object: `mcp = FastMCP(...)`, `self.server = Server("x")`. */
export interface PyBinding {
  /** Text of the assignment target (`mcp`, `self.server`). */
  target: string;
  /** The construction call. */
  call: PyCall;
  /** The assignment is at module level (not inside a function or class). */
  moduleLevel: boolean;
}

export class PyFile {
  readonly root: Node;
  private readonly byKind = new Map<string, Node[]>();
  /** Local name → fully qualified dotted name (`FastMCP` → `mcp.server.fastmcp.FastMCP`). */
  readonly names = new Map<string, string>();
  /** Modules imported with `from m import *`. */
  readonly starModules: string[] = [];
  /** Every call whose callee is an SDK symbol. */
  readonly sdkCalls: PyCall[] = [];
  /** Variables bound to the result of an SDK call. */
  readonly bindings: PyBinding[] = [];
  /** Package lines the file's imports name (e.g. "mcp1" when it imports `mcp.server.fastmcp`). */
  readonly lines = new Set<PyLine>();

  constructor(
    readonly text: string,
    tree: Tree,
  ) {
    this.root = tree.rootNode;
    for (const kind of KINDS) this.byKind.set(kind, []);
    for (const n of this.root.descendantsOfType(KINDS as unknown as string[])) if (n) this.byKind.get(n.type)?.push(n);
    this.collectImports();
    for (const call of this.nodes("call")) {
      const callee = call.childForFieldName("function");
      if (!callee) continue;
      const symbol = pySymbol(this.qualify(callee));
      if (symbol) this.sdkCalls.push({ node: call, callee, symbol });
    }
    for (const c of this.sdkCalls) {
      const parent = c.node.parent;
      if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== c.node.id) continue;
      const left = parent.childForFieldName("left");
      if (!left || (left.type !== "identifier" && left.type !== "attribute")) continue;
      this.bindings.push({ target: left.text, call: c, moduleLevel: isModuleLevel(parent) });
    }
  }

  /** Collected nodes of one kind, in document order. */
  nodes(kind: PyKind): readonly Node[] {
    return this.byKind.get(kind)!;
  }

  /** Calls of SDK symbols with one of these roles. */
  callsOf(...roles: PyRole[]): PyCall[] {
    return this.sdkCalls.filter((c) => roles.includes(c.symbol.role));
  }

  /**
   * Every place a symbol of these roles is named: called (`stdio_server()`) or passed on uncalled
   * (`Thread(target=stdio_server)`, `asyncio.run(stdio_server)`).
   */
  referencesOf(...roles: PyRole[]): Node[] {
    const out: Node[] = this.callsOf(...roles).map((c) => c.callee);
    for (const call of this.nodes("call")) {
      const args = call.childForFieldName("arguments");
      if (!args || args.type !== "argument_list") continue;
      for (const a of args.namedChildren) {
        const v = a?.type === "keyword_argument" ? a.childForFieldName("value") : a;
        if (!v || (v.type !== "identifier" && v.type !== "attribute")) continue;
        const symbol = pySymbol(this.qualify(v));
        if (symbol && roles.includes(symbol.role)) out.push(v);
      }
    }
    return out.sort((a, b) => a.startIndex - b.startIndex);
  }

  /** Bindings of SDK objects with one of these roles. */
  bindingsOf(...roles: PyRole[]): PyBinding[] {
    return this.bindings.filter((b) => roles.includes(b.call.symbol.role));
  }

  /** The binding an expression names (`mcp`, `self.server`), if it holds an SDK object. */
  bindingOf(expr: Node | null | undefined, ...roles: PyRole[]): PyBinding | undefined {
    if (!expr || (expr.type !== "identifier" && expr.type !== "attribute")) return undefined;
    const text = expr.text;
    return this.bindings.find((b) => b.target === text && (roles.length === 0 || roles.includes(b.call.symbol.role)));
  }

  /**
   * The fully qualified dotted name an expression denotes through the imports
   * (`stdio.stdio_server` after `import mcp.server.stdio as stdio` →
   * `mcp.server.stdio.stdio_server`), or undefined when it is not an imported name.
   */
  qualify(expr: Node | null | undefined): string | undefined {
    const attrs: string[] = [];
    let n = expr;
    for (let i = 0; n && i < MAX_CHAIN; i++) {
      if (n.type === "identifier") {
        const base = this.names.get(n.text) ?? this.starName(n.text);
        if (base === undefined) return undefined;
        return attrs.length === 0 ? base : `${base}.${attrs.reverse().join(".")}`;
      }
      if (n.type !== "attribute") return undefined;
      const attr = n.childForFieldName("attribute");
      if (!attr) return undefined;
      attrs.push(attr.text);
      n = n.childForFieldName("object");
    }
    return undefined;
  }

  /** A name that a `from m import *` may have brought in: only names the catalog knows under `m`. */
  private starName(name: string): string | undefined {
    for (const m of this.starModules) {
      const q = `${m}.${name}`;
      if (pySymbol(q)) return q;
    }
    return undefined;
  }

  private collectImports(): void {
    for (const stmt of this.nodes("import_statement")) {
      // import a.b.c [as x], d
      for (const child of stmt.namedChildren) {
        if (!child) continue;
        if (child.type === "dotted_name") {
          const full = child.text.replace(/\s+/g, "");
          const top = full.split(".")[0]!;
          if (!PY_PACKAGES.includes(top)) continue;
          this.names.set(top, top);
          this.noteLine(full);
        } else if (child.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (!name || !alias) continue;
          const full = name.text.replace(/\s+/g, "");
          if (!PY_PACKAGES.includes(full.split(".")[0]!)) continue;
          this.names.set(alias.text, full);
          this.noteLine(full);
        }
      }
    }
    for (const stmt of this.nodes("import_from_statement")) {
      const moduleNode = stmt.childForFieldName("module_name");
      if (!moduleNode || moduleNode.type !== "dotted_name") continue; // relative imports: another file of the project
      const module = moduleNode.text.replace(/\s+/g, "");
      if (!PY_PACKAGES.includes(module.split(".")[0]!)) continue;
      this.noteLine(module);
      for (const child of stmt.namedChildren) {
        if (!child || child.id === moduleNode.id) continue;
        if (child.type === "wildcard_import") this.starModules.push(module);
        else if (child.type === "dotted_name") {
          const name = child.text;
          this.names.set(name, `${module}.${name}`);
          this.noteLine(`${module}.${name}`);
        } else if (child.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (name && alias) {
            this.names.set(alias.text, `${module}.${name.text}`);
            this.noteLine(`${module}.${name.text}`);
          }
        }
      }
    }
    // Aliases made in the file itself: `Server = mcp.server.Server`, `serve = stdio_server` (module level, in order).
    for (const a of this.nodes("assignment")) {
      const left = a.childForFieldName("left");
      const right = a.childForFieldName("right");
      if (left?.type !== "identifier" || !right || (right.type !== "identifier" && right.type !== "attribute")) continue;
      if (!isModuleLevel(a)) continue;
      const q = this.qualify(right);
      if (q !== undefined) this.names.set(left.text, q);
    }
  }

  private noteLine(qualified: string): void {
    if (qualified.startsWith("mcp.server.fastmcp")) this.lines.add("mcp1");
    else if (qualified.startsWith("mcp.server.mcpserver") || qualified === "mcp.server.MCPServer" || qualified === "mcp.Client") this.lines.add("mcp2");
    else if (qualified.startsWith("fastmcp")) this.lines.add("fastmcp");
    else if (qualified.startsWith("mcp")) this.lines.add("mcp");
  }
}

/** A statement at module level: not inside a function or class body (if/try/with blocks at module level count). */
export function isModuleLevel(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "function_definition" || n.type === "class_definition" || n.type === "lambda") return false;
  }
  return true;
}

/** The innermost function definition around a node. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "function_definition") return n;
    if (n.type === "lambda") return undefined;
  }
  return undefined;
}

/** `async def`. */
export function isAsyncFunction(fn: Node | undefined): boolean {
  return fn?.type === "function_definition" && fn.firstChild?.type === "async";
}

/** `a` contains `b` (or is it). */
export function containsNode(a: Node, b: Node): boolean {
  return a.startIndex <= b.startIndex && b.endIndex <= a.endIndex;
}

/** A keyword argument of a call, by name. */
export function keywordArg(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName("arguments");
  if (!args) return undefined;
  for (const a of args.namedChildren) {
    if (a?.type === "keyword_argument" && a.childForFieldName("name")?.text === name) return a.childForFieldName("value") ?? undefined;
  }
  return undefined;
}

/** Positional arguments of a call (no keywords, no *args / **kwargs). */
export function positionalArgs(call: Node): Node[] {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return [];
  const out: Node[] = [];
  for (const a of args.namedChildren) {
    if (!a || a.type === "keyword_argument" || a.type === "comment") continue;
    out.push(a);
  }
  return out;
}

/** The call has `*args` or `**kwargs`: its arguments cannot be known. */
export function hasSplat(call: Node): boolean {
  const args = call.childForFieldName("arguments");
  return !!args && args.namedChildren.some((a) => a?.type === "list_splat" || a?.type === "dictionary_splat");
}

/** Value of a plain string literal (no f-string interpolation, no implicit concatenation), or undefined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== "string") return undefined;
  let out = "";
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "interpolation") return undefined;
    if (c.type === "string_content") out += c.text;
    else if (c.type === "escape_sequence") return undefined;
  }
  return out;
}

/** The attribute name of a `x.name` callee, or undefined. */
export function methodName(callee: Node | null | undefined): string | undefined {
  if (callee?.type !== "attribute") return undefined;
  return callee.childForFieldName("attribute")?.text;
}

/** The object of a `x.name` callee. */
export function methodObject(callee: Node | null | undefined): Node | undefined {
  if (callee?.type !== "attribute") return undefined;
  return callee.childForFieldName("object") ?? undefined;
}
