import { enclosingFunction, isAsciiWord, methodName, methodObject, type PyFile } from "./analysis.js";
import type { Node } from "./parser.js";
import { pySymbol, type PyRole } from "./sdk-catalog.js";

/**
 * Names that hold an SDK object inside some part of a file (its receivers): what
 * `session.list_tools()` or `server.run(...)` is called on. Found from
 * - `async with ClientSession(r, w) as session:` (and `with`, for completeness),
 * - `x = ClientSession(...)`, `self.x = Server("n")` (the file's bindings),
 * - `x = await stack.enter_async_context(ClientSession(...))`, `x = await ClientSession(...).__aenter__()`,
 * - a parameter or annotated assignment whose type names the class (`session: ClientSession`,
 *   `self.session: Optional[ClientSession] = None`).
 * Names are compared as text (`session`, `self.session`); a plain name counts inside
 * the function that binds it (the whole file at module level), a `self.x` name
 * inside the class that binds it.
 */
export interface PyReceiver {
  /** `session`, `self.session`. */
  name: string;
  role: PyRole;
  /** Where the name holds the object: a function, a class, or the module. */
  scope: Node;
  how: "with" | "assign" | "stack" | "annotation";
  /** The construction call, when there is one. */
  call?: Node;
}

const MAX_TYPE_NODES = 64;

function scopeFor(file: PyFile, at: Node, name: string): Node {
  if (name.startsWith("self.") || name.startsWith("cls.")) {
    for (let n = at.parent; n; n = n.parent) if (n.type === "class_definition") return n;
    return file.root;
  }
  return enclosingFunction(at) ?? file.root;
}

/** The role of a class named in a type annotation (`ClientSession`, `Optional[ClientSession]`, `"ClientSession"`). */
function annotatedRole(file: PyFile, type: Node, roles: PyRole[]): PyRole | undefined {
  const candidates = [type, ...type.descendantsOfType(["identifier", "attribute", "string_content"]).slice(0, MAX_TYPE_NODES)];
  for (const c of candidates) {
    if (!c) continue;
    let symbol;
    if (c.type === "string_content") {
      const text = c.text.trim();
      if (!/^[A-Za-z_][\w.]*$/.test(text)) continue;
      const [head, ...rest] = text.split(".");
      const base = file.names.get(head!);
      symbol = base === undefined ? undefined : pySymbol([base, ...rest].join("."));
    } else if (c.type === "identifier" || c.type === "attribute") {
      symbol = pySymbol(file.qualify(c));
    }
    if (symbol && roles.includes(symbol.role)) return symbol.role;
  }
  return undefined;
}

/** The SDK call an expression builds or enters: `ClientSession(...)`, `await stack.enter_async_context(ClientSession(...))`, `await ClientSession(...).__aenter__()`. */
function enteredCall(file: PyFile, expr: Node | null | undefined, roles: PyRole[]): { call: Node; role: PyRole; how: "assign" | "stack" } | undefined {
  if (!expr) return undefined;
  const direct = file.sdkCalls.find((c) => c.node.id === expr.id && roles.includes(c.symbol.role));
  if (direct) return { call: direct.node, role: direct.symbol.role, how: "assign" };
  if (expr.type !== "await") return undefined;
  const inner = expr.namedChildren[0];
  if (inner?.type !== "call") return undefined;
  const callee = inner.childForFieldName("function");
  const method = methodName(callee);
  let target: Node | null | undefined;
  if (method === "enter_async_context") target = inner.childForFieldName("arguments")?.namedChildren[0];
  else if (method === "__aenter__") target = callee?.childForFieldName("object");
  if (!target) return undefined;
  const c = file.sdkCalls.find((s) => s.node.id === target.id && roles.includes(s.symbol.role));
  return c ? { call: c.node, role: c.symbol.role, how: "stack" } : undefined;
}

/**
 * The assignment whose right side builds or enters this SDK call: `x = SDK(...)`, `x = await
 * stack.enter_async_context(SDK(...))`, `x = await SDK(...).__aenter__()`.
 */
function assignmentOver(call: Node): Node | undefined {
  let n: Node | null = call.parent;
  if (n?.type === "argument_list" || n?.type === "attribute") {
    // enter_async_context(SDK(...)) / SDK(...).__aenter__(): the outer call
    const outer: Node | null = n.parent;
    if (outer?.type !== "call") return undefined;
    n = outer.parent;
  }
  if (n?.type === "await") n = n.parent;
  return n?.type === "assignment" ? n : undefined;
}

/** Every receiver of an SDK object with one of these roles, in document order. */
export function receiversOf(file: PyFile, ...roles: PyRole[]): readonly PyReceiver[] {
  const key = `receivers:${roles.join(",")}`;
  let found = file.memo.get(key) as PyReceiver[] | undefined;
  if (!found) file.memo.set(key, (found = findReceivers(file, roles)));
  return found;
}

function findReceivers(file: PyFile, roles: PyRole[]): PyReceiver[] {
  const out: PyReceiver[] = [];
  // async with X(...) as name
  for (const c of file.callsOf(...roles)) {
    const pattern = c.node.parent;
    if (pattern?.type !== "as_pattern" || pattern.parent?.type !== "with_item") continue;
    const alias = pattern.childForFieldName("alias")?.namedChildren[0];
    if (!alias || (alias.type !== "identifier" && alias.type !== "attribute")) continue;
    const stmt = pattern.parent.parent?.parent;
    if (stmt?.type !== "with_statement") continue;
    out.push({ name: alias.text, role: c.symbol.role, scope: scopeFor(file, stmt, alias.text), how: "with", call: c.node });
  }
  // x = SDK(...), x = await stack.enter_async_context(SDK(...)), x = await SDK(...).__aenter__(): found upward from the
  // SDK calls (no walk over every assignment of the file).
  for (const c of file.callsOf(...roles)) {
    const a = assignmentOver(c.node);
    if (!a) continue;
    const left = a.childForFieldName("left");
    if (!left || (left.type !== "identifier" && left.type !== "attribute")) continue;
    const entered = enteredCall(file, a.childForFieldName("right"), roles);
    if (entered) out.push({ name: left.text, role: entered.role, scope: scopeFor(file, a, left.text), how: entered.how, call: entered.call });
  }
  // Annotations (`session: ClientSession`, `def f(s: "ClientSession")`): walked for only when the text has one that
  // can name such a class.
  const classNames = [...file.names].filter(([, q]) => {
    const symbol = pySymbol(q);
    return symbol !== undefined && roles.includes(symbol.role);
  });
  const heads = new Set([...file.names].filter(([, q]) => [...classNames].some(([, c]) => c.startsWith(`${q}.`) || c === q)).map(([local]) => local));
  const annotated = heads.size > 0 && annotationNames(file.text, heads);
  if (annotated) {
    for (const a of file.nodes("assignment")) {
      const type = a.childForFieldName("type");
      if (!type) continue;
      const left = a.childForFieldName("left");
      if (!left || (left.type !== "identifier" && left.type !== "attribute")) continue;
      if (enteredCall(file, a.childForFieldName("right"), roles)) continue; // found above
      const role = annotatedRole(file, type, roles);
      if (role) out.push({ name: left.text, role, scope: scopeFor(file, a, left.text), how: "annotation" });
    }
  }
  // def f(session: ClientSession)
  for (const fn of annotated ? file.nodes("function_definition") : []) {
    const params = fn.childForFieldName("parameters");
    if (!params) continue;
    for (const p of params.namedChildren) {
      if (!p || (p.type !== "typed_parameter" && p.type !== "typed_default_parameter")) continue;
      const name = p.type === "typed_parameter" ? p.namedChildren.find((c) => c?.type === "identifier") : p.childForFieldName("name");
      const type = p.childForFieldName("type");
      if (!name || name.type !== "identifier" || !type) continue;
      const role = annotatedRole(file, type, roles);
      if (role) out.push({ name: name.text, role, scope: fn, how: "annotation" });
    }
  }
  return out.sort((x, y) => (x.call ?? x.scope).startIndex - (y.call ?? y.scope).startIndex);
}

/** `fn` binds `name` itself (a parameter, an assignment, a `with ... as name`, a `for name in`): a local that hides an outer one. */
function bindsLocally(fn: Node, name: string): boolean {
  const params = fn.childForFieldName("parameters");
  if (params?.descendantsOfType("identifier").some((n) => n?.text === name && n.parent?.type !== "type" && n.parent?.type !== "attribute")) return true;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  for (const n of body.descendantsOfType(["assignment", "as_pattern_target", "for_statement"])) {
    if (!n || enclosingFunction(n)?.id !== fn.id) continue;
    const target = n.type === "assignment" ? n.childForFieldName("left") : n.type === "for_statement" ? n.childForFieldName("left") : n.namedChildren[0];
    if (target?.type === "identifier" && target.text === name) return true;
    if (target && (target.type === "pattern_list" || target.type === "tuple_pattern") && target.namedChildren.some((c) => c?.text === name)) return true;
  }
  return false;
}

/**
 * The receiver an expression names at a place in the file, if any: the innermost one whose scope holds
 * the expression, unless a function in between binds the same plain name to something else
 * (`server = uvicorn.Server(config); server.run()` inside a function of a file with a module-level `server = Server("x")`).
 */
export function receiverAt(receivers: readonly PyReceiver[], expr: Node | null | undefined): PyReceiver | undefined {
  if (!expr || (expr.type !== "identifier" && expr.type !== "attribute")) return undefined;
  const text = expr.text;
  let best: PyReceiver | undefined;
  for (const r of receivers) {
    if (r.name !== text || r.scope.startIndex > expr.startIndex || expr.endIndex > r.scope.endIndex) continue;
    if (!best || r.scope.startIndex >= best.scope.startIndex) best = r;
  }
  if (!best || expr.type !== "identifier") return best;
  for (let fn = enclosingFunction(expr); fn && fn.id !== best.scope.id; fn = enclosingFunction(fn)) {
    if (bindsLocally(fn, text)) return undefined;
  }
  return best;
}

/**
 * Functions decorated as handlers of one of `receivers` (`@mcp.tool()`, `@server.call_tool()`, `@self.mcp.prompt()`),
 * with the decorator's method name and expression (`mcp.tool(name="x")` or `mcp.tool`); the first decorator of `methods`
 * on a receiver counts.
 */
export function decoratedHandlers(file: PyFile, receivers: readonly PyReceiver[], methods: ReadonlySet<string>): Array<{ fn: Node; method: string; decorator: Node }> {
  const out: Array<{ fn: Node; method: string; decorator: Node }> = [];
  for (const d of file.nodes("decorated_definition")) {
    const fn = d.childForFieldName("definition");
    if (fn?.type !== "function_definition") continue;
    for (const dec of d.namedChildren) {
      if (dec?.type !== "decorator") continue;
      const decorator = dec.namedChildren[0];
      const expr = decorator?.type === "call" ? decorator.childForFieldName("function") : decorator;
      const method = methodName(expr);
      if (!decorator || method === undefined || !methods.has(method) || !receiverAt(receivers, methodObject(expr))) continue;
      out.push({ fn, method, decorator });
      break;
    }
  }
  return out;
}

/**
 * The text names one of `heads` in an annotation: after a `:` on the same line with no `=` in between
 * (`session: ClientSession`, `def f(s: "ClientSession")`). Each mention is found by `indexOf` and looked at
 * backwards to its line's start, instead of a regex that runs from every colon of the file.
 */
function annotationNames(text: string, heads: ReadonlySet<string>): boolean {
  for (const head of heads) {
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      if (isAsciiWord(text.charCodeAt(at - 1)) || isAsciiWord(text.charCodeAt(at + head.length))) continue;
      for (let k = at - 1; k >= 0; k--) {
        const c = text.charCodeAt(k);
        if (c === 58 /* : */) return true;
        if (c === 61 /* = */ || c === 10) break;
      }
    }
  }
  return false;
}
