import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { methodCall, sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { canAwaitAt, enclosingFunction, findVariableFrom, memberPath, outerParent, walk, type Node } from "../../code/js/ast.js";
import { CLIENT_REQUEST_METHODS } from "../../code/js/sdk-catalog.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "race" | "floating" | "addAwait";
type Options = [{ reportFloating: boolean }];

/** Request methods distinctive enough to identify an MCP client even when its construction is not in sight. */
const DISTINCTIVE = new Set([
  "callTool",
  "listTools",
  "listResources",
  "listResourceTemplates",
  "readResource",
  "subscribeResource",
  "unsubscribeResource",
  "listPrompts",
  "getPrompt",
  "setLoggingLevel",
  "getServerCapabilities",
  "getServerVersion",
  "getInstructions",
]);

/** Same receiver: the same variable, or the same `this.a.b` path. */
function sameReceiver(sdk: SdkFile, a: Node, b: Node): boolean {
  const pa = memberPath(a);
  const pb = memberPath(b);
  if (!pa || !pb || pa.join(".") !== pb.join(".")) return false;
  if (pa[0] === "this") return true;
  const va = findVariableFrom(sdk.scopeOf(a), pa[0]!);
  const vb = findVariableFrom(sdk.scopeOf(b), pb[0]!);
  return va === vb;
}

export const awaitMcpConnect = createCodeRule<Options, MessageIds>({
  name: "await-mcp-connect",
  meta: {
    type: "problem",
    docs: {
      description: "Await `connect()` before sending requests: an un-awaited connect races the initialize handshake",
      recommended: true,
      severity: "error",
    },
    hasSuggestions: true,
    messages: {
      race: "connect() is not awaited, so {{method}}() on line {{line}} is sent before the initialize handshake finishes (\"Not connected\", or HTTP 400 over Streamable HTTP). Await connect(), inside try/catch, before sending requests.",
      floating:
        "The promise of connect() is dropped: a failed connection becomes an unhandled rejection and anything sent next races the handshake. Await it (or handle it with .catch()).",
      addAwait: "Await the connect() call.",
    },
    schema: [
      {
        type: "object",
        properties: {
          reportFloating: {
            type: "boolean",
            description: "Also report an un-awaited connect() of a Client or server built in this module when nothing is sent after it.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportFloating: false }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const sourceType = context.languageOptions.sourceType;

    /** `await` in place of `void`, or before the dropped expression. */
    function suggestions(dropped: Node): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!canAwaitAt(dropped, sourceType)) return [];
      return [
        {
          messageId: "addAwait",
          fix: (fixer) =>
            dropped.type === "UnaryExpression"
              ? fixer.replaceTextRange([dropped.range[0], dropped.argument.range[0]], "await ")
              : fixer.insertTextBefore(dropped, "await "),
        },
      ];
    }

    return {
      CallExpression(node) {
        const mc = methodCall(node, "connect");
        if (!mc || node.arguments.length === 0) return;
        // Dropped: `x.connect(t);`, `void x.connect(t);`, or `x.connect(t).catch(...);` (handled, but not waited for)
        let { parent } = outerParent(node);
        let handled = false;
        if (parent?.type === "MemberExpression" && parent.object === outerParent(node).child) {
          const chained = outerParent(parent);
          const name = parent.property.type === "Identifier" ? parent.property.name : "";
          if (!["then", "catch", "finally"].includes(name) || chained.parent?.type !== "CallExpression") return;
          handled = true;
          parent = outerParent(chained.parent).parent;
        } else if (parent?.type === "UnaryExpression" && parent.operator === "void") {
          parent = outerParent(parent).parent;
        }
        if (parent?.type !== "ExpressionStatement") return;
        const statement = parent;
        const tracked = sdk.instancesOf(mc.receiver).filter((c) => c.resolved.symbol.role === "client" || c.resolved.symbol.role === "server");
        const isClientKnown = sdk.classesOf(mc.receiver).some((r) => r.symbol.role === "client");
        const fn = enclosingFunction(node);
        const scopeRoot: Node = fn ? fn.body : sdk.sourceCode.ast;

        // The first request on the same receiver after the connect, in the same function.
        let first: { method: string; call: TSESTree.CallExpression } | undefined;
        walk(scopeRoot, sdk.sourceCode.visitorKeys, (n) => {
          if (first) return false;
          if (n !== scopeRoot && (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression")) return false;
          if (n.range[1] <= statement.range[0]) return false; // entirely before
          if (n.range[0] >= statement.range[0] && n.range[1] <= statement.range[1]) return false; // the connect statement itself
          if (n.type !== "CallExpression" || n.range[0] < statement.range[1]) return undefined;
          const req = methodCall(n);
          if (!req) return undefined;
          const wanted = isClientKnown ? CLIENT_REQUEST_METHODS.has(req.name) : DISTINCTIVE.has(req.name);
          if (wanted && sameReceiver(sdk, req.receiver, mc.receiver)) first = { method: req.name, call: n };
          return undefined;
        });
        if (first) {
          context.report({
            node,
            messageId: "race",
            data: { method: first.method, line: first.call.loc.start.line },
            suggest: suggestions(statement.expression),
          });
          return;
        }
        if (options.reportFloating && !handled && tracked.length > 0) {
          context.report({ node, messageId: "floating", suggest: suggestions(statement.expression) });
        }
      },
    };
  },
});
