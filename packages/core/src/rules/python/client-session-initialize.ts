import { containsNode, enclosingFunction, methodName, methodObject, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { PY_SESSION_REQUESTS } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "notEntered" | "requestBeforeInitialize";

/** Uses of a name bounded per binding (a session name is used a handful of times). */
const MAX_USES = 2000;

/** Parents under which a mention of the session does not hand it to other code. */
const HARMLESS = new Set(["comparison_operator", "not_operator", "boolean_operator", "if_statement", "while_statement", "elif_clause", "conditional_expression", "expression_statement"]);

/** The `with_item` of `async with <node>` / `async with <node> as x`, if any. */
function withItemOf(node: Node): Node | undefined {
  let n = node.parent;
  if (n?.type === "as_pattern" && n.namedChildren[0]?.id === node.id) n = n.parent;
  return n?.type === "with_item" ? n : undefined;
}

function isAsyncWithItem(item: Node): boolean {
  const stmt = item.parent?.parent;
  return stmt?.type === "with_statement" && stmt.firstChild?.type === "async";
}

/** `await <node>.method(...)`: the method name, when the call is awaited. */
function awaitedMethodOn(node: Node): string | undefined {
  const attr = node.parent;
  if (attr?.type !== "attribute" || attr.childForFieldName("object")?.id !== node.id) return undefined;
  const call = attr.parent;
  if (call?.type !== "call" || call.childForFieldName("function")?.id !== attr.id) return undefined;
  return call.parent?.type === "await" ? attr.childForFieldName("attribute")?.text : undefined;
}

/**
 * What happens to a ClientSession bound to `name` inside `scope`: "entered" (`async with`,
 * `__aenter__()`), "escapes" (passed to any call, `enter_async_context(session)` included, returned,
 * stored: that code may enter it), or the first method awaited on it while it is neither.
 */
function fateOf(file: PyFile, scope: Node, name: string, assignmentLeft: Node): { entered: boolean; escapes: boolean; awaited?: Node } {
  const kinds = name.includes(".") ? ["attribute"] : ["identifier"];
  let awaited: Node | undefined;
  let count = 0;
  for (const n of scope.descendantsOfType(kinds)) {
    if (!n || n.text !== name || n.id === assignmentLeft.id) continue;
    if (++count > MAX_USES) return { entered: false, escapes: true };
    // An attribute `self.session` inside `self.session.x`: its own parent decides.
    const parent = n.parent;
    if (!parent) continue;
    if (parent.type === "attribute" && parent.childForFieldName("object")?.id === n.id) {
      const attr = parent.childForFieldName("attribute")?.text;
      if (attr === "__aenter__" || attr === "__aexit__") return { entered: true, escapes: false };
      if (awaitedMethodOn(n) !== undefined && !awaited) awaited = parent.parent!;
      continue;
    }
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === n.id) continue; // `other.session`
    const item = withItemOf(n);
    if (item) {
      if (isAsyncWithItem(item)) return { entered: true, escapes: false };
      continue;
    }
    if (parent.type === "assignment" && parent.childForFieldName("left")?.id === n.id) continue; // rebound (`session = None`)
    if (HARMLESS.has(parent.type)) continue;
    return { entered: false, escapes: true };
  }
  return { entered: false, escapes: false, ...(awaited ? { awaited } : {}) };
}

/** Statements of the owning body in order: the calls in `body` that run in the same function. */
function callsInBody(file: PyFile, body: Node, owner: Node | undefined): Node[] {
  const from = body.startIndex;
  const to = body.endIndex;
  return file.calls
    .filter((c) => c.start >= from && c.start < to)
    .map((c) => c.node)
    .filter((c) => containsNode(body, c) && enclosingFunction(c)?.id === owner?.id && !insideLambda(c, body));
}

function insideLambda(node: Node, until: Node): boolean {
  for (let n = node.parent; n && n.id !== until.id; n = n.parent) if (n.type === "lambda") return true;
  return false;
}

/** The call mentions `name` among its arguments (the session is handed to a helper that may initialize it). */
function passesName(call: Node, name: string): boolean {
  const args = call.childForFieldName("arguments");
  if (!args) return false;
  const kinds = name.includes(".") ? ["attribute", "identifier"] : ["identifier"];
  return args.descendantsOfType(kinds).some((n) => n?.text === name);
}

export const clientSessionInitialize = definePythonRule<MessageIds>({
  meta: {
    id: "client-session-initialize",
    description: "A ClientSession must be entered (`async with`) and initialized (`await session.initialize()`) before its first request",
    severity: "error",
    recommended: true,
    messages: {
      notEntered:
        "This ClientSession is never entered (no `async with`, no `enter_async_context()`, no `__aenter__()`), so its receive loop never starts: with mcp 1.x `await {{target}}.{{method}}()` sends the request and then waits forever for a response nothing reads (mcp 2.x raises RuntimeError). Use `async with ClientSession(read, write) as {{short}}:`.",
      requestBeforeInitialize:
        "{{target}}.{{method}}() is the first request of this session, but `await {{target}}.initialize()` has not run: the server rejects it (mcp servers answer \"Invalid request parameters\"; a stateful Streamable HTTP server answers HTTP 400 \"Missing session ID\"). Call `await {{target}}.initialize()` first.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const sessions = file.callsOf("client-session");
    if (sessions.length === 0) return;
    for (const c of sessions) {
      const node = c.node;
      // (a) Not entered.
      const item = withItemOf(node);
      if (item) {
        if (isAsyncWithItem(item)) checkBody(item);
        continue;
      }
      // `await ClientSession(r, w).initialize()`
      const parent = node.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === node.id) {
        const method = awaitedMethodOn(node);
        if (method !== undefined) report({ messageId: "notEntered", data: { target: "ClientSession(...)", method, short: "session" }, node });
        continue;
      }
      // Only a session bound by a plain assignment is followed: one handed to a call
      // (`enter_async_context(ClientSession(...))` included) or returned is entered elsewhere, or may be.
      if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== node.id) continue;
      const left = parent.childForFieldName("left");
      if (!left || (left.type !== "identifier" && left.type !== "attribute")) continue;
      const name = left.text;
      let scope: Node = file.root;
      if (name.includes(".")) {
        for (let n = parent.parent; n; n = n.parent) if (n.type === "class_definition") { scope = n; break; }
      } else scope = enclosingFunction(parent) ?? file.root;
      const fate = fateOf(file, scope, name, left);
      if (fate.entered || fate.escapes || !fate.awaited) continue;
      const short = name.slice(name.lastIndexOf(".") + 1);
      report({ messageId: "notEntered", data: { target: name, method: methodName(fate.awaited.childForFieldName("function"))!, short }, node });
    }

    /** (b) In `async with ClientSession(...) as s:`, the first awaited request must come after `await s.initialize()`. */
    function checkBody(item: Node): void {
      const value = item.childForFieldName("value");
      const alias = value?.type === "as_pattern" ? value.childForFieldName("alias")?.namedChildren[0] : undefined;
      if (!alias || (alias.type !== "identifier" && alias.type !== "attribute")) return;
      const stmt = item.parent!.parent!;
      const body = stmt.childForFieldName("body");
      if (!body) return;
      const name = alias.text;
      const owner = enclosingFunction(stmt);
      // Later items of the same `async with` may hand the session on: `async with ClientSession(..) as s, Helper(s) as h:`.
      for (const other of item.parent!.namedChildren) {
        if (other && other.startIndex > item.startIndex && other.type === "with_item" && other.descendantsOfType("identifier").some((n) => n?.text === name)) return;
      }
      for (const c of callsInBody(file, body, owner)) {
        const callee = c.childForFieldName("function");
        const method = methodName(callee);
        if (method !== undefined && methodObject(callee)?.text === name) {
          if (method === "initialize") return;
          if (PY_SESSION_REQUESTS.has(method) && c.parent?.type === "await") {
            report({ messageId: "requestBeforeInitialize", data: { target: name, method }, node: c });
            return;
          }
          continue;
        }
        if (passesName(c, name)) return;
      }
    }
  },
});
