import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { methodCall, sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { insideLoop, isFunction, isGlobalReference, staticNumber, statementOf, unwrapExpression, walk, type Node } from "../../code/js/ast.js";
import { memberName, resolveImport } from "../../code/js/imports.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "stdio" | "http" | "removeWait";
type Options = [{ lookBehind: number }];

const SLEEP_NAMES = /^(?:sleep|delay|wait|pause|timeout|setTimeoutAsync|sleepMs|delayMs)$/i;
const TIMERS_PROMISES = ["timers/promises", "node:timers/promises"];

/** If `stmt` is an awaited fixed wait, the node to report and its duration (when known). */
export function fixedWait(stmt: Node, sdk: SdkFile): { node: Node; ms?: number } | undefined {
  if (stmt.type !== "ExpressionStatement") return undefined;
  const expr = unwrapExpression(stmt.expression);
  if (expr.type !== "AwaitExpression") return undefined;
  const arg = unwrapExpression(expr.argument);
  const scope = sdk.scopeOf(arg);
  // await new Promise(r => setTimeout(r, N))
  if (arg.type === "NewExpression" && arg.callee.type === "Identifier" && arg.callee.name === "Promise" && isGlobalReference(scope, "Promise")) {
    const executor = arg.arguments[0];
    if (!executor || !isFunction(executor)) return undefined;
    let ms: number | undefined;
    let found = false;
    walk(executor.body, sdk.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === "setTimeout" && n.arguments.length >= 2) {
        found = true;
        ms = staticNumber(n.arguments[1]!, sdk.scopeOf(n));
      }
      return undefined;
    });
    if (!found) return undefined;
    // Only a promise whose whole job is the timer (no other statements that might poll).
    const body = executor.body;
    if (body.type === "BlockStatement" && body.body.length !== 1) return undefined;
    return { node: expr, ...(ms !== undefined ? { ms } : {}) };
  }
  if (arg.type !== "CallExpression" || arg.arguments.length === 0) return undefined;
  const callee = unwrapExpression(arg.callee);
  // setTimeout / scheduler.wait of timers/promises, under any local name
  const imported = resolveImport(sdk.imports, callee, scope);
  if (imported && TIMERS_PROMISES.includes(imported.module)) {
    if (imported.name !== "setTimeout" && imported.name !== "wait") return undefined;
    const ms = staticNumber(arg.arguments[0]!, scope);
    return { node: expr, ...(ms !== undefined ? { ms } : {}) };
  }
  if (callee.type === "MemberExpression") {
    const obj = unwrapExpression(callee.object);
    const prop = memberName(callee);
    // timers.setTimeout(N) where timers is timers/promises; scheduler.wait(N)
    const objImport = resolveImport(sdk.imports, obj, scope);
    if (objImport && TIMERS_PROMISES.includes(objImport.module) && (prop === "setTimeout" || prop === "wait")) {
      const ms = staticNumber(arg.arguments[0]!, scope);
      return { node: expr, ...(ms !== undefined ? { ms } : {}) };
    }
  }
  const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? memberName(callee) : undefined;
  if (name === undefined || !SLEEP_NAMES.test(name) || name.toLowerCase() === "settimeout") return undefined;
  const ms = staticNumber(arg.arguments[0]!, scope);
  // `wait(condition)` or `delay(fn)` are not sleeps: require a number, or a name that says so.
  if (ms === undefined && !/^(?:sleep|delay)/i.test(name)) return undefined;
  if (arg.arguments[0]!.type === "ArrowFunctionExpression" || arg.arguments[0]!.type === "FunctionExpression") return undefined;
  return { node: expr, ...(ms !== undefined ? { ms } : {}) };
}

/** Does the statement await something (another readiness check would make the wait reasonable)? */
function awaitsSomething(stmt: Node, sdk: SdkFile): boolean {
  let found = false;
  walk(stmt, sdk.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === "AwaitExpression" || n.type === "YieldExpression") found = true;
    return undefined;
  });
  return found;
}

export const noFixedSleepBeforeConnect = createCodeRule<Options, MessageIds>({
  name: "no-fixed-sleep-before-connect",
  meta: {
    type: "suggestion",
    docs: {
      description: "Do not wait a fixed time before connect(): rely on the transport, or retry with backoff",
      recommended: true,
      severity: "warning",
    },
    hasSuggestions: true,
    messages: {
      stdio:
        "A fixed {{duration}} wait before connect() is not needed: StdioClientTransport spawns the server itself and connect() resolves only after the initialize handshake. Remove the wait.",
      http: "A fixed {{duration}} wait before connect() is a guess that is too long on a fast machine and too short on a slow one. Retry connect() with exponential backoff (a new Client and transport per attempt), or poll a readiness signal.",
      removeWait: "Remove the wait.",
    },
    schema: [
      {
        type: "object",
        properties: {
          lookBehind: { type: "integer", minimum: 1, maximum: 10, description: "How many statements before connect() may hold the wait." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ lookBehind: 3 }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const sourceCode = context.sourceCode;

    /** "stdio" / "http" when the connect is a client's connect to a known kind of transport. */
    function clientConnectKind(call: TSESTree.CallExpression, receiver: Node): "stdio" | "http" | undefined {
      const arg = call.arguments[0];
      if (!arg) return undefined;
      const a = unwrapExpression(arg);
      const transports =
        a.type === "NewExpression" ? sdk!.constructions.filter((c) => c.node === a) : sdk!.instancesOf(a);
      const roles = transports.map((c) => c.resolved.symbol.role);
      if (roles.includes("stdio-client-transport")) return "stdio";
      if (roles.includes("client-transport")) return "http";
      const isClient = sdk!.instancesOf(receiver).some((c) => c.resolved.symbol.role === "client");
      return isClient ? "http" : undefined;
    }

    return {
      CallExpression(node) {
        const mc = methodCall(node, "connect");
        if (!mc || node.arguments.length === 0) return;
        const kind = clientConnectKind(node, mc.receiver);
        if (!kind) return;
        // A wait inside a retry loop is the good pattern.
        if (insideLoop(node)) return;
        const where = statementOf(node);
        if (!where) return;
        const index = where.list.indexOf(where.statement);
        for (let i = index - 1; i >= 0 && i >= index - options.lookBehind; i--) {
          const prev = where.list[i]!;
          const wait = fixedWait(prev, sdk);
          if (wait) {
            const duration = wait.ms !== undefined ? `${wait.ms} ms` : "time";
            const next = sourceCode.getTokenAfter(prev as TSESTree.Node, { includeComments: true });
            const suggest: TSESLint.ReportSuggestionArray<MessageIds> =
              kind === "stdio" && next
                ? [{ messageId: "removeWait", fix: (fixer) => fixer.removeRange([prev.range[0], next.range[0]]) }]
                : [];
            context.report({ node: wait.node as TSESTree.Node, messageId: kind, data: { duration }, suggest });
            return;
          }
          if (awaitsSomething(prev, sdk)) return;
        }
      },
    };
  },
});
