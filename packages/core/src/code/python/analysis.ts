import type { Node, Tree } from "./parser.js";
import { PY_PACKAGES, pySymbol, pySymbolEntries, type PyLine, type PyRole, type PySymbol } from "./sdk-catalog.js";

/**
 * What the Python rules know about one file, computed once and shared by every
 * rule: the nodes of the kinds rules look at, the import table for `mcp` /
 * `fastmcp`, every call with its callee's text, every call of an SDK symbol, and
 * the server objects.
 *
 * Cost model (measured: scripts/bench-python.mjs): every crossing from
 * JavaScript into wasm (`node.type`, `childForFieldName`, `endIndex`, `text`)
 * costs about as much as parsing a few tokens, and so does every walk of the
 * tree. So the file is walked once, by `descendantsOfType` in wasm, for the
 * kinds below; each node's kind is read from the source text at its start
 * offset (a call cannot start with a keyword, `#` or `@`), and a call's callee
 * text from the source at the call's start. Other node kinds are walked for
 * only when a rule asks for them.
 *
 * Everything is bounded by the file's size: no recursion over the tree (deeply
 * nested code cannot overflow the stack), attribute chains are followed at most
 * MAX_CHAIN links.
 */

/** Node kinds collected by the one walk, in document order. */
const WALKED = ["call", "import_statement", "import_from_statement", "function_definition", "with_statement", "if_statement", "await", "decorated_definition", "comment"] as const;
/** Node kinds a rule may ask for: the walked ones, and `assignment` (walked for on first request). */
export type PyKind = (typeof WALKED)[number] | "assignment";

const MAX_CHAIN = 64;

/** The kind of a walked node, from the source at its start (keywords, `#`, `@`; anything else is a call). */
const LEADING = /(?:(import|from|def|with|if|await)|async[ \t\\\n\r]+(def|with))(?![\w])|(#)|(@)/y;

function walkedKind(text: string, at: number): (typeof WALKED)[number] {
  LEADING.lastIndex = at;
  const m = LEADING.exec(text);
  if (!m) return "call";
  if (m[3]) return "comment";
  if (m[4]) return "decorated_definition";
  switch (m[1] ?? m[2]) {
    case "import":
      return "import_statement";
    case "from":
      return "import_from_statement";
    case "def":
      return "function_definition";
    case "with":
      return "with_statement";
    case "if":
      return "if_statement";
    default:
      return "await";
  }
}

/** A dotted name right before an opening parenthesis: the callee of a call that starts at this offset. */
const CALLEE = /[A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*(?=[ \t]*\()/y;

/** A call with its callee's text ("" when the callee is not a dotted name: `f()()`, `"x".join()`, `a[0]()`). */
export class PyCallSite {
  private calleeNode: Node | null | undefined;
  private argsNode: Node | null | undefined;

  constructor(
    readonly node: Node,
    /** Set by PyFile only. */
    public calleeText: string,
  ) {}

  /** The `function` child (read on first use). */
  get callee(): Node {
    if (this.calleeNode === undefined) this.calleeNode = this.node.childForFieldName("function");
    return this.calleeNode ?? this.node;
  }

  /** The `arguments` child: `argument_list` or `generator_expression` (read on first use). */
  get args(): Node {
    if (this.argsNode === undefined) this.argsNode = this.node.childForFieldName("arguments");
    return this.argsNode ?? this.node;
  }
}

/** `name = dotted.name` as a whole line at column 0 (module level). */
const MODULE_ALIAS = /^([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)[ \t]*(?:#[^\n]*)?$/gm;

const DOTTED = /^[A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*$/;

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
  private readonly byKind = new Map<PyKind, Node[]>();
  /** Local name → fully qualified dotted name (`FastMCP` → `mcp.server.fastmcp.FastMCP`). */
  readonly names = new Map<string, string>();
  /** Modules imported with `from m import *`. */
  readonly starModules: string[] = [];
  /** Every call, in document order. */
  readonly calls: PyCallSite[] = [];
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
    for (const kind of WALKED) this.byKind.set(kind, []);
    let previousCallStart = -1;
    for (const node of this.root.descendantsOfType(WALKED as unknown as string[])) {
      if (!node) continue;
      const at = node.startIndex;
      const kind = walkedKind(text, at);
      this.byKind.get(kind)!.push(node);
      if (kind !== "call") continue;
      // Calls come outermost first: an outer call that starts where its inner one does has a callee that is itself
      // a call or a chain through one (`f(a)(b)`, `a.b(x).c(y)`), which is not a dotted name.
      const previous = this.calls[this.calls.length - 1];
      if (previous && previousCallStart === at) previous.calleeText = "";
      previousCallStart = at;
      CALLEE.lastIndex = at;
      const m = CALLEE.exec(text);
      this.calls.push(new PyCallSite(node, m ? m[0] : ""));
    }
    this.collectImports();
    for (const c of this.calls) {
      const symbol = pySymbol(this.qualifyText(c.calleeText));
      if (symbol) this.sdkCalls.push({ node: c.node, callee: c.callee, symbol });
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
    let list = this.byKind.get(kind);
    if (!list) {
      list = this.root.descendantsOfType(kind).filter((n): n is Node => n !== null);
      this.byKind.set(kind, list);
    }
    return list;
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
    // Passed on uncalled: found from the text. Each mention of a local name that is (or leads to) such a symbol, not
    // followed by `(` and not in an import, is looked up in the tree (rare: only those mentions cost wasm calls).
    const heads = new Set<string>();
    for (const [local, qualified] of this.names) {
      for (const [path, symbol] of pySymbolEntries()) {
        if (roles.includes(symbol.role) && (path === qualified || path.startsWith(`${qualified}.`))) heads.add(local);
      }
    }
    // `from m import *` brings in the module's own names: `m.name` paths of the catalog.
    for (const [path, symbol] of pySymbolEntries()) {
      const dot = path.lastIndexOf(".");
      if (roles.includes(symbol.role) && this.starModules.includes(path.slice(0, dot))) heads.add(path.slice(dot + 1));
    }
    for (const head of heads) {
      for (const m of this.text.matchAll(new RegExp(`(?<![\\w.])${head}(?:[ \\t]*\\.[ \\t]*[A-Za-z_]\\w*)*(?![\\w])`, "g"))) {
        const end = m.index + m[0].length;
        if (/^[ \t]*\(/.test(this.text.slice(end, end + 32))) continue; // called: in sdkCalls already
        const lineStart = this.text.lastIndexOf("\n", m.index) + 1;
        if (/^[ \t]*(?:from|import)[ \t]/.test(this.text.slice(lineStart, lineStart + 32))) continue;
        let expr = this.root.descendantForIndex(m.index, end);
        while (expr && expr.endIndex < end && expr.parent) expr = expr.parent;
        if (!expr || (expr.type !== "identifier" && expr.type !== "attribute")) continue;
        const holder = expr.parent?.type === "keyword_argument" ? expr.parent.parent : expr.parent;
        if (holder?.type !== "argument_list") continue;
        if (expr.parent?.type === "keyword_argument" && expr.parent.childForFieldName("value")?.id !== expr.id) continue;
        const symbol = pySymbol(this.qualify(expr));
        if (symbol && roles.includes(symbol.role)) out.push(expr);
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

  /** qualify() for a callee given by its text: dotted names only (`a.b.c`), anything else is not an imported name. */
  qualifyText(dotted: string): string | undefined {
    const headEnd = dotted.search(/[ \t.]/);
    const head = headEnd < 0 ? dotted : dotted.slice(0, headEnd);
    if (!this.names.has(head) && this.starModules.length === 0) return undefined;
    if (!DOTTED.test(dotted)) return undefined;
    const parts = dotted.split(".").map((p) => p.trim());
    const base = this.names.get(parts[0]!) ?? this.starName(parts[0]!);
    if (base === undefined) return undefined;
    return parts.length === 1 ? base : `${base}.${parts.slice(1).join(".")}`;
  }

  /** A name that a `from m import *` may have brought in: only names the catalog knows under `m`. */
  private starName(name: string): string | undefined {
    for (const m of this.starModules) {
      const q = `${m}.${name}`;
      if (pySymbol(q)) return q;
    }
    return undefined;
  }

  /**
   * The import table, read from each import statement's source text (one wasm call for its end): comments,
   * parentheses, line continuations and newlines are dropped, then the statement is split at commas.
   */
  private collectImports(): void {
    for (const stmt of this.nodes("import_statement")) {
      // import a.b.c [as x], d
      for (const item of importItems(this.text.slice(stmt.startIndex, stmt.endIndex), 6)) {
        const [full, alias] = item;
        if (!PY_PACKAGES.includes(full.split(".")[0]!)) continue;
        if (alias) this.names.set(alias, full);
        else this.names.set(full.split(".")[0]!, full.split(".")[0]!);
        this.noteLine(full);
      }
    }
    for (const stmt of this.nodes("import_from_statement")) {
      // from a.b import c [as d], e   |   from a.b import *   |   from .x import y (another file of the project)
      const source = this.text.slice(stmt.startIndex, stmt.endIndex);
      const m = /^from[ \t\\\r\n]+([A-Za-z_][\w.]*)[ \t\\\r\n]+import(?![\w])/.exec(source);
      if (!m) continue;
      const module = m[1]!;
      if (!PY_PACKAGES.includes(module.split(".")[0]!)) continue;
      this.noteLine(module);
      for (const [name, alias] of importItems(source, m[0].length)) {
        if (name === "*") {
          this.starModules.push(module);
          continue;
        }
        this.names.set(alias ?? name, `${module}.${name}`);
        this.noteLine(`${module}.${name}`);
      }
    }
    // Aliases made in the file itself, at module level: `Server = mcp.server.Server`, `serve = stdio_server` (in order).
    if (this.names.size === 0) return;
    for (const m of this.text.matchAll(MODULE_ALIAS)) {
      const q = this.qualifyText(m[2]!);
      if (q !== undefined) this.names.set(m[1]!, q);
    }
  }

  private noteLine(qualified: string): void {
    if (qualified.startsWith("mcp.server.fastmcp")) this.lines.add("mcp1");
    else if (qualified.startsWith("mcp.server.mcpserver") || qualified === "mcp.server.MCPServer" || qualified === "mcp.Client") this.lines.add("mcp2");
    else if (qualified.startsWith("fastmcp")) this.lines.add("fastmcp");
    else if (qualified.startsWith("mcp")) this.lines.add("mcp");
  }
}

/** The `name [as alias]` items of an import statement's text, from `from` on: [dotted name, alias?]. */
function importItems(source: string, from: number): Array<[string, string | undefined]> {
  const body = source
    .slice(from)
    .replace(/#[^\n]*/g, "")
    .replace(/[()\\]/g, " ");
  const out: Array<[string, string | undefined]> = [];
  for (const part of body.split(",")) {
    const m = /^\s*([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*|\*)(?:\s+as\s+([A-Za-z_]\w*))?\s*$/.exec(part);
    if (m) out.push([m[1]!.replace(/\s+/g, ""), m[2]]);
  }
  return out;
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
