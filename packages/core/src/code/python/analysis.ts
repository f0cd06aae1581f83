import type { Node, Tree } from "./parser.js";
import { PY_PACKAGES, pySymbol, pySymbolEntries, type PyLine, type PyRole, type PySymbol } from "./sdk-catalog.js";
import { decodedString } from "./strings.js";

/**
 * What the Python rules know about one file, computed once and shared by every
 * rule: the import table for `mcp` / `fastmcp`, every call of a dotted name
 * with its callee's text, every call of an SDK symbol, and the server objects.
 *
 * Cost model (measured: scripts/bench-python.mjs): every walk of the tree costs
 * about a quarter of the parse, and every crossing from JavaScript into wasm
 * (`node.type`, `childForFieldName`, `endIndex`, `text`) about as much as
 * parsing a few tokens. So the analysis starts from the source text: one pass
 * in JavaScript marks strings and comments (scanCode), imports are parsed from
 * their statements' text, and calls are found as `dotted.name(` outside strings
 * and comments; the tree is asked only for the few calls a rule looks at (a
 * call's node is found on first use, by offset). A rule that needs every node
 * of a kind asks `nodes(kind)`, which walks the tree once per kind, on request.
 *
 * Everything is bounded by the file's size: no recursion over the tree (deeply
 * nested code cannot overflow the stack), attribute chains are followed at most
 * MAX_CHAIN links.
 */

/** Node kinds a rule may ask for (each walked for on first request). */
export type PyKind =
  | "call"
  | "import_statement"
  | "import_from_statement"
  | "assignment"
  | "function_definition"
  | "with_statement"
  | "if_statement"
  | "await"
  | "decorated_definition"
  | "comment"
  | "string";

const MAX_CHAIN = 64;

const PREFIX_LETTERS = "rRbBuUfFtT";

/**
 * Strings and comments of Python source, as sorted, non-overlapping [start, end) pairs (flattened). String
 * prefixes (r, b, u, f, t and pairs), triple quotes and backslash escapes are followed; an unterminated
 * single-quoted string ends at the line's end, as the tokenizer's error recovery does. The interpolations of
 * f-strings are masked with their string (a call inside `{...}` is not seen).
 */
export function scanCode(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  // The scan jumps from one quote or `#` to the next (the regex engine skips the code between them); only a
  // string's prefix letters are looked at backwards, never past the end of the previous string or comment.
  const next = /["'#]/g;
  while (i < n) {
    next.lastIndex = i;
    const hit = next.exec(text);
    if (!hit) break;
    const at = hit.index;
    if (text.charCodeAt(at) === 35 /* # */) {
      let j = text.indexOf("\n", at);
      if (j < 0) j = n;
      out.push(at, j);
      i = j;
      continue;
    }
    // A string starts at its prefix when the word right before the quote is 1-2 prefix letters (`rb"..."`).
    let w = at;
    while (w > i && at - w <= 2 && isWordChar(text.charCodeAt(w - 1))) w--;
    let start = at;
    if (w < at && at - w <= 2 && (w === i || !isWordChar(text.charCodeAt(w - 1)))) {
      let prefix = true;
      for (let k = w; k < at; k++) if (!PREFIX_LETTERS.includes(text[k]!)) prefix = false;
      if (prefix) start = w;
    }
    const q = text[at]!;
    const end = text.startsWith(q + q + q, at) ? tripleEnd(text, at + 3, q) : lineStringEnd(text, at + 1, q);
    out.push(start, end);
    i = end;
  }
  return out;
}

const TRIPLE_STOP: Record<string, RegExp> = { "'": /\\|'''/g, '"': /\\|"""/g };
const LINE_STOP: Record<string, RegExp> = { "'": /[\\'\n]/g, '"': /[\\"\n]/g };

/** End of a triple-quoted string whose body starts at `from` (a backslash skips the character after it). */
function tripleEnd(text: string, from: number, q: string): number {
  const stop = TRIPLE_STOP[q]!;
  stop.lastIndex = from;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    if (m[0] !== "\\") return m.index + 3;
    stop.lastIndex = m.index + 2;
  }
  return text.length;
}

/** End of a one-line string whose body starts at `from`: after its closing quote, or at its line's end (unterminated). */
function lineStringEnd(text: string, from: number, q: string): number {
  const stop = LINE_STOP[q]!;
  stop.lastIndex = from;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    if (m[0] === "\n") return m.index;
    if (m[0] === q) return m.index + 1;
    stop.lastIndex = m.index + 2;
  }
  return text.length;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/** `offset` lies inside one of the [start, end) pairs of `ranges` (binary search). */
function inRanges(ranges: number[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[mid * 2]!) hi = mid - 1;
    else if (offset >= ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const KEYWORDS = new Set([
  "if", "elif", "while", "for", "return", "yield", "not", "and", "or", "in", "is", "lambda", "assert", "del", "with",
  "except", "raise", "await", "async", "import", "from", "as", "else", "class", "def", "global", "nonlocal", "pass",
  "try", "finally", "case", "print_function", "None", "True", "False",
]);
/** An import statement at the start of a line: `import x`, `from x import y` (continued over `(...)` or `\`). */
const IMPORT = /^[ \t]*(?:import|from)[ \t\\]/gm;

/**
 * The calls of the text, in document order, as [start, calleeText] pairs: for each `(` in code, the dotted name
 * right before it (`a.b.c(`, blanks allowed around the dots; not a keyword, not after `def`/`class`), starting at
 * its leftmost name that no `.` directly precedes; and a method called on a call's result or a subscript
 * (`f(x).run(`, `xs[0].run(`: calleeText `().run`, start at the method name). One short backward look from each
 * parenthesis: nothing runs over the whole text but `indexOf`.
 */
export function findCalls(text: string, masked: number[]): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let cursor = 0; // the first masked pair that ends after the current `(`
  for (let p = text.indexOf("("); p >= 0; p = text.indexOf("(", p + 1)) {
    while (cursor < masked.length && masked[cursor + 1]! <= p) cursor += 2;
    if (cursor < masked.length && masked[cursor]! <= p) {
      p = masked[cursor + 1]! - 1; // inside a string or a comment: go on after it
      continue;
    }
    let head = -1;
    let chained: [number, string] | undefined;
    let k = skipBlanks(text, p - 1);
    for (let links = 0; links < MAX_CHAIN; links++) {
      const end = k + 1;
      while (k >= 0 && isAsciiWord(text.charCodeAt(k))) k--;
      const start = k + 1;
      if (start === end || isDigit(text.charCodeAt(start))) break;
      if (text.charCodeAt(k) !== 46 /* . */) head = start;
      const dot = skipBlanks(text, k);
      if (text.charCodeAt(dot) !== 46) break;
      const before = skipBlanks(text, dot - 1);
      const b = text.charCodeAt(before);
      if (before >= 0 && isAsciiWord(b)) {
        k = before;
        continue;
      }
      // `).name(` / `].name(`: a method called on a call's result or a subscript.
      if (links === 0 && (b === 41 || b === 93) && !inRanges(masked, before)) chained = [start, `().${text.slice(start, end)}`];
      break;
    }
    if (head >= 0) pushCall(out, text, masked, head, p);
    if (chained) out.push(chained);
  }
  return out;
}

function pushCall(out: Array<[number, string]>, text: string, masked: number[], start: number, paren: number): void {
  if (inRanges(masked, start)) return;
  const callee = text.slice(start, paren).replace(/[ \t]+/g, "");
  if (KEYWORDS.has(callee)) return;
  // `def name(` and `class Name(` define, they do not call.
  if (/(?:^|[^\w])(?:def|class)[ \t]+$/.test(text.slice(Math.max(0, start - 8), start))) return;
  out.push([start, callee]);
}

function skipBlanks(text: string, k: number): number {
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k;
}

/** `[A-Za-z0-9_]`: a character of `\w` in a regex without the `u` flag. */
export function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A call with its callee's text. Its tree node is found on first use, from its offset. */
export class PyCallSite {
  private resolved: Node | undefined;
  private calleeNode: Node | null | undefined;
  private argsNode: Node | null | undefined;

  constructor(
    private readonly root: Node,
    /** Offset where the call (its callee) starts; for a chained call (`().run`), where the method name starts. */
    readonly start: number,
    /** `a.b.c` for a dotted callee; `().name` for a method called on another call's result or a subscript. */
    readonly calleeText: string,
  ) {}

  /** The `call` node (the callee's node if the tree disagrees, which only malformed code makes it do). */
  get node(): Node {
    if (!this.resolved && this.calleeText.startsWith("().")) {
      // The method name: its attribute, then the call whose function that attribute is.
      const name = this.root.descendantForIndex(this.start, this.start + this.calleeText.length - 3) ?? this.root;
      const attr = name.parent;
      const call = attr?.type === "attribute" ? attr.parent : undefined;
      this.resolved = call?.type === "call" && call.childForFieldName("function")?.id === attr!.id ? call : name;
    }
    if (!this.resolved) {
      let n: Node = this.root.descendantForIndex(this.start, this.start + this.calleeText.length) ?? this.root;
      // The smallest node over the callee: climb to the whole callee, then to the call.
      for (let i = 0; i < MAX_CHAIN; i++) {
        const parent = n.parent;
        if (!parent || parent.type === "call" || parent.startIndex !== this.start) break;
        n = parent;
      }
      const parent = n.parent;
      this.resolved = parent?.type === "call" && parent.startIndex === this.start ? parent : n;
    }
    return this.resolved;
  }

  /** The `function` child. */
  get callee(): Node {
    if (this.calleeNode === undefined) this.calleeNode = this.node.type === "call" ? this.node.childForFieldName("function") : this.node;
    return this.calleeNode ?? this.node;
  }

  /** The `arguments` child: `argument_list` or `generator_expression`. */
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
  /** Results of per-file computations that several rules share (referencesOf, receivers.ts), by a key of their own. */
  readonly memo = new Map<string, unknown>();
  /** Strings and comments (scanCode). */
  private readonly masked: number[];
  /** Import statements: [start, end) of each, from the text. */
  readonly importStatements: Array<{ start: number; end: number; text: string }> = [];
  /** Local name → fully qualified dotted name (`FastMCP` → `mcp.server.fastmcp.FastMCP`). */
  readonly names = new Map<string, string>();
  /** Modules imported with `from m import *`. */
  readonly starModules: string[] = [];
  /** Every call of a dotted name (`f(...)`, `a.b(...)`), in document order; other calls: nodes("call"). */
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
    this.masked = scanCode(text);
    for (const [start, callee] of findCalls(text, this.masked)) this.calls.push(new PyCallSite(this.root, start, callee));
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

  /** `offset` is in code: not inside a string or a comment (by the text scan). */
  inCode(offset: number): boolean {
    return !inRanges(this.masked, offset);
  }

  /** The import statement node that starts at `start` (an entry of importStatements). */
  importNodeAt(start: number): Node | undefined {
    let n: Node | null = this.root.descendantForIndex(start, start + 1);
    for (let i = 0; n && i < MAX_CHAIN; i++, n = n.parent) {
      if ((n.type === "import_statement" || n.type === "import_from_statement") && n.startIndex === start) return n;
    }
    return undefined;
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
  referencesOf(...roles: PyRole[]): readonly Node[] {
    const key = `references:${roles.join(",")}`;
    let found = this.memo.get(key) as Node[] | undefined;
    if (!found) this.memo.set(key, (found = this.findReferences(roles)));
    return found;
  }

  private findReferences(roles: PyRole[]): Node[] {
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
    return qualifyChain(expr, (name) => this.names.get(name) ?? this.starName(name), MAX_CHAIN);
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
    for (const m of this.text.matchAll(IMPORT)) {
      const start = m.index + m[0].length - m[0].trimStart().length;
      if (inRanges(this.masked, start)) continue;
      const end = statementEnd(this.text, start, this.masked);
      const source = this.text.slice(start, end);
      this.importStatements.push({ start, end, text: source });
      for (const [full, alias, module] of parseImport(source)) {
        if (!PY_PACKAGES.includes((module ?? full).split(".")[0]!)) continue;
        if (module !== undefined) {
          this.noteLine(module);
          if (full === "*") {
            this.starModules.push(module);
            continue;
          }
          this.names.set(alias ?? full, `${module}.${full}`);
          this.noteLine(`${module}.${full}`);
        } else {
          if (alias) this.names.set(alias, full);
          else this.names.set(full.split(".")[0]!, full.split(".")[0]!);
          this.noteLine(full);
        }
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

/** End of the logical line that starts at `start`: newlines inside parentheses or after `\` continue it. */
function statementEnd(text: string, start: number, masked: number[]): number {
  let depth = 0;
  for (let k = start; k < text.length; k++) {
    if (inRanges(masked, k)) {
      if (text.charCodeAt(k) === 35) {
        // A comment runs to the end of its line.
        const nl = text.indexOf("\n", k);
        if (nl < 0) return text.length;
        if (depth === 0) return nl;
        k = nl;
      }
      continue;
    }
    const c = text[k];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "\\" && text[k + 1] === "\n") k++;
    else if ((c === "\n" || c === ";") && depth === 0) return k;
  }
  return text.length;
}

/**
 * The items of one import statement's text: [name, alias?, module?] — `import a.b as c, d` gives
 * ["a.b", "c"], ["d"]; `from m import x as y, *` gives ["x", "y", "m"], ["*", undefined, "m"]. Relative imports
 * (`from .x import y`) name the project's own modules and give nothing.
 */
export function parseImport(source: string): Array<[string, string | undefined, string | undefined]> {
  const clean = source.replace(/#[^\n]*/g, "").replace(/[()\\]/g, " ");
  const from = /^from\s+([A-Za-z_][\w.]*)\s+import\s+([\s\S]*)$/.exec(clean);
  const list = from ? from[2]! : /^import\s+([\s\S]*)$/.exec(clean)?.[1];
  if (list === undefined) return [];
  const out: Array<[string, string | undefined, string | undefined]> = [];
  for (const part of list.split(",")) {
    const m = /^\s*([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*|\*)(?:\s+as\s+([A-Za-z_]\w*))?\s*$/.exec(part);
    if (m) out.push([m[1]!.replace(/\s+/g, ""), m[2], from ? from[1]! : undefined]);
  }
  return out;
}

/**
 * Local names of the (non-SDK) modules in `modules` and of their functions, from the file's import statements:
 * `import time` → time, `import requests as rq` → rq: requests, `from subprocess import run` → run: subprocess.run.
 * PyFile.names holds only the MCP packages; rules that look at the standard library use this table.
 */
export function moduleImports(file: PyFile, modules: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const stmt of file.importStatements) {
    for (const [name, alias, module] of parseImport(stmt.text)) {
      if (module !== undefined) {
        if (modules.has(module) && name !== "*") names.set(alias ?? name, `${module}.${name}`);
        continue;
      }
      const top = name.split(".")[0]!;
      if (alias) {
        if (modules.has(name)) names.set(alias, name);
      } else if (modules.has(name) || modules.has(top)) names.set(top, top);
    }
  }
  return names;
}

/**
 * The dotted name an identifier or attribute chain denotes, its head resolved by `lookup` (an import table):
 * `a.b.c` with `a` → `pkg.a` gives `pkg.a.b.c`; undefined for anything else or a chain longer than `maxChain`.
 */
export function qualifyChain(expr: Node | null | undefined, lookup: (name: string) => string | undefined, maxChain: number): string | undefined {
  const attrs: string[] = [];
  let n = expr;
  for (let i = 0; n && i < maxChain; i++) {
    if (n.type === "identifier") {
      const base = lookup(n.text);
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

/**
 * Value of a plain string literal (no f-string interpolation, no implicit concatenation) as Python decodes it (bytes
 * literals too), or undefined.
 */
export function stringValue(node: Node | null | undefined): string | undefined {
  return decodedString(node, { bytes: true })?.text;
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
