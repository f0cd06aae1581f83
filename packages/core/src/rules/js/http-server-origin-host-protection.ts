import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { isHttpCreateServer, ROUTE_METHODS } from "../../code/js/http.js";
import {
  constInit,
  findVariableFrom,
  isFunction,
  isGlobalReference,
  memberPath,
  nodeIndex,
  nodesOfType,
  objectProperty,
  staticString,
  unwrapExpression,
  type Node,
  type Scope,
} from "../../code/js/ast.js";
import { isModuleObject, memberName, resolveImport } from "../../code/js/imports.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "listenAll" | "expressAppAll" | "bindLoopback";
type Options = [{ additionalGuards: string[] }];

/** Host / Origin validation and auth helpers (the SDK's, and the same names anywhere). */
const GUARD_NAMES = new Set([
  "hostHeaderValidation",
  "localhostHostValidation",
  "originValidation",
  "localhostOriginValidation",
  "validateHostHeader",
  "validateOriginHeader",
  "hostHeaderValidationResponse",
  "originValidationResponse",
  "requireBearerAuth",
]);
/** Middleware named like authentication. */
const AUTH_NAME = /auth|bearer|jwt|passport|api[-_]?key|(?:verify|check|require|validate)[-_]?token|token[-_]?(?:guard|check|verify)/i;
const ALL_INTERFACES = new Set(["0.0.0.0", "::", "[::]", "::0", ""]);

type Where = { kind: "none" } | { kind: "literal"; node: Node; value: string } | { kind: "loopback-or-unknown" };

export const httpServerOriginHostProtection = createCodeRule<Options, MessageIds>({
  name: "http-server-origin-host-protection",
  meta: {
    type: "problem",
    docs: {
      description:
        "An MCP HTTP server listening on every interface needs Host/Origin validation (DNS-rebinding protection) or authentication",
      recommended: true,
      severity: "warning",
      securitySeverity: 6.5,
    },
    hasSuggestions: true,
    messages: {
      listenAll:
        "This MCP HTTP server listens on {{where}} without Host/Origin validation or authentication, so other machines, and web pages through DNS rebinding, can call its tools. Validate Host (createMcpExpressApp(), hostHeaderValidation()) or require auth (requireBearerAuth); for local use bind to 127.0.0.1.",
      expressAppAll:
        "{{factory}}() with host {{host}} and no allowedHosts skips its Host-header validation (the SDK only prints a warning), and nothing else here authenticates. Pass allowedHosts (the host names clients use) or add auth.",
      bindLoopback: "Listen on 127.0.0.1 only.",
    },
    schema: [
      {
        type: "object",
        properties: {
          additionalGuards: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Names of your own middleware / functions that validate Host or Origin or authenticate.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ additionalGuards: [] }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const servesHttp =
      sdk.constructions.some((c) => c.resolved.symbol.role === "server-transport") ||
      sdk.calls.some((c) => c.resolved.symbol.role === "http-handler" || c.resolved.symbol.role === "express-app");
    if (!servesHttp) return {};
    const extraGuards = new Set(options.additionalGuards);

    return {
      Program() {
        if (isProtected(sdk, extraGuards)) return;
        const { sourceCode } = context;

        // createMcpExpressApp({ host: "0.0.0.0" }) without allowedHosts
        for (const call of sdk.calls) {
          if (call.resolved.symbol.role !== "express-app") continue;
          const opts = call.node.arguments[0];
          const obj = opts && unwrapExpression(opts).type === "ObjectExpression" ? (unwrapExpression(opts) as TSESTree.ObjectExpression) : undefined;
          const host = obj && objectProperty(obj, "host");
          if (!obj || !host || objectProperty(obj, "allowedHosts")) continue;
          const value = hostValue(host.value, sdk.scopeOf(host));
          if (value.kind === "literal" && ALL_INTERFACES.has(value.value)) {
            context.report({ node: value.node as TSESTree.Node, messageId: "expressAppAll", data: { host: JSON.stringify(value.value), factory: call.resolved.symbol.name } });
          }
        }

        for (const node of nodesOfType(sourceCode, "CallExpression")) {
          const callee = unwrapExpression(node.callee);
          if (callee.type !== "MemberExpression") {
            // Hono's serve({ fetch, port, hostname })
            if (callee.type === "Identifier") {
              const r = resolveImport(sdk.imports, callee, sdk.scopeOf(node));
              if (r && r.module === "@hono/node-server" && r.name === "serve") checkOptionsObject(node, "hostname");
            }
            continue;
          }
          const name = memberName(callee);
          if (name === "serve" && memberPath(callee)?.join(".") === "Bun.serve" && isGlobalReference(sdk.scopeOf(node), "Bun")) {
            checkOptionsObject(node, "hostname");
            continue;
          }
          if (name !== "listen" || !isHttpApp(callee.object, sdk)) continue;
          const [first, second] = node.arguments;
          if (!first) continue;
          if (unwrapExpression(first).type === "ObjectExpression") {
            checkOptionsObject(node, "host");
            continue;
          }
          const where = second ? listenHost(second, sdk.scopeOf(second)) : ({ kind: "none" } as Where);
          report(callee, where, first);
        }

        function checkOptionsObject(call: TSESTree.CallExpression, key: string): void {
          const arg = call.arguments[0];
          const obj = arg && unwrapExpression(arg).type === "ObjectExpression" ? (unwrapExpression(arg) as TSESTree.ObjectExpression) : undefined;
          if (!obj || obj.properties.some((p) => p.type === "SpreadElement")) return;
          const prop = objectProperty(obj, key);
          const where = prop ? hostValue(prop.value, sdk!.scopeOf(prop)) : ({ kind: "none" } as Where);
          if (where.kind === "literal" && ALL_INTERFACES.has(where.value)) {
            context.report({ node: where.node as TSESTree.Node, messageId: "listenAll", data: { where: `${JSON.stringify(where.value)} (every interface)` }, suggest: [replaceHost(where.node)] });
          } else if (where.kind === "none") {
            context.report({ node: (call.callee as TSESTree.Node), messageId: "listenAll", data: { where: `every interface (no ${key} given)` } });
          }
        }

        function report(callee: TSESTree.MemberExpression, where: Where, port: Node): void {
          if (where.kind === "none") {
            context.report({
              node: callee.property,
              messageId: "listenAll",
              data: { where: "every interface (no host given)" },
              suggest: [{ messageId: "bindLoopback", fix: (fixer) => fixer.insertTextAfter(port as TSESTree.Node, ', "127.0.0.1"') }],
            });
          } else if (where.kind === "literal" && ALL_INTERFACES.has(where.value)) {
            context.report({
              node: where.node as TSESTree.Node,
              messageId: "listenAll",
              data: { where: `${JSON.stringify(where.value)} (every interface)` },
              suggest: [replaceHost(where.node)],
            });
          }
        }

        function replaceHost(node: Node): TSESLint.SuggestionReportDescriptor<MessageIds> {
          const raw = sourceCode.getText(node as TSESTree.Node);
          const q = raw.startsWith("'") ? "'" : raw.startsWith("`") ? "`" : '"';
          return { messageId: "bindLoopback", fix: (fixer) => fixer.replaceText(node as TSESTree.Node, `${q}127.0.0.1${q}`) };
        }
      },
    };
  },
});

/** The host of `listen(port, host?, cb?)`: none (callback or nothing), a literal, or something we cannot tell. */
function listenHost(arg: Node, scope: Scope): Where {
  const n = unwrapExpression(arg);
  if (isFunction(n)) return { kind: "none" };
  if (n.type === "Identifier") {
    const v = findVariableFrom(scope, n.name);
    if (v?.defs.some((d) => d.type === "FunctionName")) return { kind: "none" };
    const init = constInit(v);
    if (init && isFunction(unwrapExpression(init))) return { kind: "none" };
  }
  return hostValue(n, scope);
}

function hostValue(node: Node, scope: Scope): Where {
  const n = unwrapExpression(node);
  if (n.type === "LogicalExpression" && (n.operator === "??" || n.operator === "||")) return hostValue(n.right, scope);
  if (n.type === "Identifier") {
    const variable = findVariableFrom(scope, n.name);
    const init = constInit(variable);
    if (init) return hostValue(init, scope);
    // `function start(port = 3000, host = "0.0.0.0")`: a parameter written only in its own list, with a default.
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const pattern = def?.type === "Parameter" ? (def.name as Node).parent : undefined;
    if (pattern?.type === "AssignmentPattern" && pattern.left === def!.name && variable!.references.every((r) => !r.isWrite() || r.init)) {
      return hostValue(pattern.right, scope);
    }
    return { kind: "loopback-or-unknown" };
  }
  const s = staticString(n, scope);
  if (s && s.complete) return { kind: "literal", node: s.node, value: s.value };
  return { kind: "loopback-or-unknown" };
}

/** An Express app (`express()`, `createMcpExpressApp()`) or a Node HTTP server (`http.createServer()`), directly or via a const. */
function isHttpApp(node: Node, sdk: SdkFile, depth = 0): boolean {
  const n = unwrapExpression(node);
  if (n.type === "Identifier" && depth < 3) {
    const init = constInit(findVariableFrom(sdk.scopeOf(n), n.name));
    return init ? isHttpApp(init, sdk, depth + 1) : false;
  }
  if (n.type !== "CallExpression") return false;
  const scope = sdk.scopeOf(n);
  const callee = unwrapExpression(n.callee);
  if (isModuleObject(sdk.imports, callee, scope, ["express"])) return true;
  const sym = sdk.symbolOf(callee);
  if (sym?.symbol.role === "express-app") return true;
  return isHttpCreateServer(sdk, callee, scope);
}

/** Anything in the module that validates Host/Origin or authenticates. */
function isProtected(sdk: SdkFile, extraGuards: ReadonlySet<string>): boolean {
  if (sdk.calls.some((c) => c.resolved.symbol.role === "host-validation" || c.resolved.symbol.role === "auth")) return true;
  // createMcpExpressApp() validates Host unless its host is all-interfaces without allowedHosts.
  for (const c of sdk.calls) {
    if (c.resolved.symbol.role !== "express-app") continue;
    const arg = c.node.arguments[0];
    if (!arg) return true;
    const obj = unwrapExpression(arg);
    if (obj.type !== "ObjectExpression") return true; // options we cannot read: assume the default
    if (objectProperty(obj, "allowedHosts")) return true;
    const host = objectProperty(obj, "host");
    if (!host) return true;
    const v = hostValue(host.value, sdk.scopeOf(host));
    if (v.kind !== "literal" || !ALL_INTERFACES.has(v.value)) return true;
  }
  let found = false;
  for (const node of nodeIndex(sdk.sourceCode).all) {
    if (found) break;
    switch (node.type) {
      case "CallExpression": {
        const callee = unwrapExpression(node.callee);
        const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : undefined;
        if (name && (GUARD_NAMES.has(name) || extraGuards.has(name))) found = true;
        // app.use(authMiddleware), app.post("/mcp", requireAuth, handler)
        if (name && ROUTE_METHODS.has(name) && callee.type === "MemberExpression") {
          for (const a of node.arguments) {
            const arg = unwrapExpression(a);
            const argName =
              arg.type === "Identifier"
                ? arg.name
                : arg.type === "CallExpression"
                  ? calleeName(arg.callee)
                  : arg.type === "MemberExpression"
                    ? memberName(arg)
                    : undefined;
            if (argName && (AUTH_NAME.test(argName) || extraGuards.has(argName))) found = true;
          }
        }
        // req.get("host"), req.header("origin"), headers.get("host")
        if (callee.type === "MemberExpression" && ["get", "header"].includes(memberName(callee) ?? "")) {
          const a = node.arguments[0];
          if (a && a.type === "Literal" && typeof a.value === "string" && /^(host|origin)$/i.test(a.value)) found = true;
        }
        continue;
      }
      case "MemberExpression": {
        const path = memberPath(node);
        if (!path || path.length < 2) continue;
        const last = path[path.length - 1]!.toLowerCase();
        const prev = path[path.length - 2]!.toLowerCase();
        if (prev === "headers" && (last === "host" || last === "origin" || last === "authorization")) found = true;
        continue;
      }
      case "Property": {
        // enableDnsRebindingProtection: true together with an allow-list
        if (node.key.type === "Identifier" && node.key.name === "enableDnsRebindingProtection") {
          const v = unwrapExpression(node.value);
          const obj = node.parent;
          if (v.type === "Literal" && v.value === true && obj?.type === "ObjectExpression") {
            if (objectProperty(obj, "allowedHosts") || objectProperty(obj, "allowedOrigins")) found = true;
          }
        }
        continue;
      }
      default:
        continue;
    }
  }
  return found;
}

function calleeName(node: Node): string | undefined {
  const n = unwrapExpression(node);
  if (n.type === "Identifier") return n.name;
  if (n.type === "MemberExpression") return memberName(n);
  return undefined;
}
