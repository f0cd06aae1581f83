import type { TSESTree } from "@typescript-eslint/utils";
import { methodCall, sdkFile, type Construction, type SdkFile } from "../../code/js/analysis.js";
import type { ResolvedSdkSymbol } from "../../code/js/imports.js";
import { constInit, contains, enclosingFunction, findVariableFrom, hasSpread, isFunction, isGlobalReference, nodesOfType, objectProperty, outerParent, propertyKey, unwrapExpression, type FunctionNode, type Node } from "../../code/js/ast.js";
import { memberName } from "../../code/js/imports.js";
import { isHttpCreateServer, ROUTE_METHODS } from "../../code/js/http.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "sharedServer" | "sharedTransport";
type Options = [];

/** Route registrations whose path comes first (`app.post("/mcp", handler)`); `use` and `all` may take the handler alone. */
const HANDLER_METHODS = new Set([...ROUTE_METHODS, "head", "options"]);

export const noSharedServerInstance = createCodeRule<Options, MessageIds>({
  name: "no-shared-server-instance",
  meta: {
    type: "problem",
    docs: {
      description: "Create the McpServer / Server (and a stateless transport) per HTTP request or session, not once for every client",
      recommended: true,
      severity: "error",
      securitySeverity: 7.1,
    },
    messages: {
      sharedServer:
        "One {{name}} serves every request: it is made outside this HTTP handler and connected here to a new transport each time. SDK 1.10.0–1.25.3 then send one client's responses to another client (CVE-2026-25536, GHSA-345p-7cg4-v4c7); SDK ≥ 1.26.0 throws \"Already connected to a transport\" from the second request or session on. Create the server in the handler (stateless: per request) or once per session next to its transport, e.g. from a getServer() factory.",
      sharedTransport:
        "This stateless {{name}} (no sessionIdGenerator) is created once and serves every request: SDK 1.10.0–1.25.3 mix up JSON-RPC ids between clients, so one client can receive another's responses (CVE-2026-25536, GHSA-345p-7cg4-v4c7); SDK ≥ 1.26.0 throws \"Stateless transport cannot be reused across requests\" from the second request on. Create the transport (and the server) inside the handler, per request.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        // server.connect(transport) inside a handler, the server from outside it (built there, or a typed parameter).
        for (const node of nodesOfType(sdk.sourceCode, "CallExpression")) {
          const call = methodCall(node, "connect");
          if (!call) continue;
          const receiver = unwrapExpression(call.receiver);
          if (receiver.type !== "Identifier") continue;
          const variable = findVariableFrom(sdk.scopeOf(receiver), receiver.name);
          const server = sdk.classesOf(receiver).find((r) => r.symbol.role === "server") ?? fromLocalFactory(constInit(variable), sdk);
          if (!server) continue;
          const def = variable?.defs[0]?.name as Node | undefined;
          if (!variable || !def) continue;
          const handler = routeHandlerAround(node, def, sdk);
          if (!handler) continue;
          // Only when every instance the name may hold is built outside the handler...
          if (sdk.instancesOf(receiver).some((c) => contains(handler, c.node))) continue;
          if (variable.references.some((r) => r.isWrite() && contains(handler, r.identifier as Node))) continue;
          // ...and the transport it connects is certainly built inside it (a new one per request/session).
          if (!builtInside(node.arguments[0], handler, sdk)) continue;
          context.report({ node, messageId: "sharedServer", data: { name: server.symbol.name } });
        }
        // transport.handleRequest(...) inside a handler on a stateless transport built outside it.
        for (const c of sdk.constructions) {
          if (c.target.kind !== "variable" || c.resolved.symbol.role !== "server-transport" || c.resolved.symbol.transport !== "streamable-http") continue;
          if (!isStateless(c, sdk)) continue;
          for (const use of sdk.usesOf(c)) {
            if (use.kind !== "call" || use.method !== "handleRequest") continue;
            const handler = routeHandlerAround(use.call, c.node, sdk);
            if (!handler) continue;
            if (sdk.instancesOf(use.member.object).some((other) => contains(handler, other.node))) continue;
            context.report({ node: use.call, messageId: "sharedTransport", data: { name: c.resolved.symbol.name } });
          }
        }
      },
    };
  },
});

/**
 * `const server = createServer()` where `createServer` is a function of this file that returns a server it builds
 * (`return new McpServer(…)`, or `const s = new McpServer(…); …; return s`): the server that call makes.
 */
function fromLocalFactory(init: Node | undefined, sdk: SdkFile): ResolvedSdkSymbol | undefined {
  const call = init && unwrapExpression(init);
  if (call?.type !== "CallExpression" || call.arguments.length > 8) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== "Identifier") return undefined;
  const fnVar = findVariableFrom(sdk.scopeOf(callee), callee.name);
  const def = fnVar?.defs.length === 1 ? fnVar.defs[0]!.node : undefined;
  const fn = def?.type === "FunctionDeclaration" ? def : def?.type === "VariableDeclarator" ? constInit(fnVar) : undefined;
  if (!fn || !isFunction(fn)) return undefined;
  const returned: Node[] = fn.body.type === "BlockStatement" ? [] : [fn.body];
  if (fn.body.type === "BlockStatement") {
    for (const r of nodesOfType(sdk.sourceCode, "ReturnStatement")) if (r.argument && enclosingFunction(r) === fn) returned.push(r.argument);
  }
  let found: ResolvedSdkSymbol | undefined;
  for (const r of returned) {
    const e = unwrapExpression(r);
    const made = e.type === "NewExpression" ? sdk.constructions.filter((c) => c.node === e) : e.type === "Identifier" ? sdk.instancesOf(e) : [];
    const server = made.find((c) => c.resolved.symbol.role === "server");
    // Every return must hand out a server the function builds, or the call may return a shared one.
    if (!server) return undefined;
    found = server.resolved;
  }
  return found;
}

/** `{ sessionIdGenerator: undefined }` or an options literal without sessionIdGenerator (and no spread). */
function isStateless(c: Construction, sdk: SdkFile): boolean {
  const arg = c.node.arguments[0];
  if (!arg) return true;
  const obj = unwrapExpression(arg);
  if (obj.type !== "ObjectExpression" || hasSpread(obj)) return false;
  const gen = objectProperty(obj, "sessionIdGenerator");
  if (!gen) return true;
  const v = unwrapExpression(gen.value);
  if (v.type === "Identifier" && v.name === "undefined") return isGlobalReference(sdk.scopeOf(v), "undefined");
  return v.type === "UnaryExpression" && v.operator === "void";
}

/** The connected transport is a `new X()` (directly or through a variable) built inside the handler. */
function builtInside(arg: Node | undefined, handler: FunctionNode, sdk: SdkFile): boolean {
  if (!arg) return false;
  const n = unwrapExpression(arg);
  if (n.type === "NewExpression") return contains(handler, n);
  const instances = sdk.instancesOf(n);
  return instances.length > 0 && instances.every((i) => contains(handler, i.node));
}

/**
 * The HTTP request handler (an Express/Hono/Fastify route callback, a `http.createServer` listener, or a
 * `{ handler }` / `{ fetch }` route object) that encloses `node` but not `outside` (where the instance is made).
 */
function routeHandlerAround(node: Node, outside: Node, sdk: SdkFile): FunctionNode | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (!isFunction(n)) continue;
    if (contains(n, outside)) return undefined;
    if (isRouteHandler(n, sdk)) return n;
  }
  return undefined;
}

function isRouteHandler(fn: FunctionNode, sdk: SdkFile): boolean {
  // A named function (`async function handleMcp(req, res)`, `const handle = async (req, res) => …`) registered by name.
  const name = fn.type === "FunctionDeclaration" ? fn.id : fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn ? fn.parent.id : undefined;
  if (name && name.type === "Identifier") {
    const variable = findVariableFrom(sdk.scopeOf(fn), name.name);
    if (variable?.references.some((r) => r.identifier !== name && registersHandler(r.identifier as Node, sdk))) return true;
  }
  return registersHandler(fn, sdk);
}

/** Is this expression (a function or its name) passed as an HTTP request handler? */
function registersHandler(expr: Node, sdk: SdkFile): boolean {
  const { parent, child } = outerParent(expr);
  if (!parent) return false;
  // Fastify `app.route({ method, url, handler })`, `export default { fetch }` (Hono/Bun/Workers)
  if (parent.type === "Property" && parent.value === child && !parent.computed) {
    const key = propertyKey(parent) ?? "";
    return key === "handler" || key === "fetch";
  }
  if (parent.type !== "CallExpression" || parent.callee === child) return false;
  const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  const callee = unwrapExpression(parent.callee);
  const scope = sdk.scopeOf(parent);
  if (callee.type === "MemberExpression") {
    const method = memberName(callee);
    if (method === "createServer") return isHttpCreateServer(sdk, callee, scope);
    if (!method || !HANDLER_METHODS.has(method)) return false;
    if (method === "use" || method === "all") return true;
    // app.post("/mcp", handler), app.route("/mcp").post(handler)
    if (index > 0) return true;
    const receiver = unwrapExpression(callee.object);
    return receiver.type === "CallExpression" && unwrapExpression(receiver.callee).type === "MemberExpression" && memberName(unwrapExpression(receiver.callee) as TSESTree.MemberExpression) === "route";
  }
  return callee.type === "Identifier" && isHttpCreateServer(sdk, callee, scope);
}
