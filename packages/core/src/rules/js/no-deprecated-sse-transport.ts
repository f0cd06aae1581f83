import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type Construction, type SdkFile } from "../../code/js/analysis.js";
import { contains, isFunction, type Node } from "../../code/js/ast.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "sseServer" | "sseClient";
type Options = [{ allowBackwardCompatibility: boolean }];

/** Inside the `catch` of a `try` that first tries Streamable HTTP (the SDK's documented client fallback). */
function isClientFallback(c: Construction, sdk: SdkFile): boolean {
  const streamable = sdk.constructions.filter((o) => o.resolved.symbol.name === "StreamableHTTPClientTransport");
  for (let n: Node | undefined = c.node.parent; n; n = n.parent) {
    if (n.type === "CatchClause" && n.parent?.type === "TryStatement") {
      const tryBlock = n.parent.block;
      if (streamable.some((s) => contains(tryBlock, s.node))) return true;
    }
    if (isFunction(n)) {
      // `function connectSse()` called from a catch is out of reach; stop at the function boundary.
      break;
    }
  }
  return false;
}

export const noDeprecatedSseTransport = createCodeRule<Options, MessageIds>({
  name: "no-deprecated-sse-transport",
  meta: {
    type: "suggestion",
    docs: {
      description: "The HTTP+SSE transport is deprecated: serve and connect with Streamable HTTP",
      recommended: true,
      severity: "warning",
    },
    messages: {
      sseServer:
        "SSEServerTransport is the HTTP+SSE transport that Streamable HTTP replaced in the 2025-03-26 spec (deprecated since SDK 1.21.1; v2 keeps it only in the frozen @modelcontextprotocol/server-legacy/sse). Serve Streamable HTTP: StreamableHTTPServerTransport, or NodeStreamableHTTPServerTransport from @modelcontextprotocol/node in v2.",
      sseClient:
        "SSEClientTransport speaks the deprecated HTTP+SSE transport (deprecated since SDK 1.21.1). Connect with StreamableHTTPClientTransport, and fall back to SSE in its catch only for servers that still need it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowBackwardCompatibility: {
            type: "boolean",
            description:
              "Allow SSE next to Streamable HTTP: a client that falls back to SSE in the catch of a Streamable HTTP attempt, and a server module that serves both.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowBackwardCompatibility: true }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        const servesStreamable = sdk.constructions.some(
          (c) => c.resolved.symbol.role === "server-transport" && c.resolved.symbol.transport === "streamable-http",
        );
        for (const c of sdk.constructions) {
          const name = c.resolved.symbol.name;
          if (name === "SSEServerTransport") {
            // Serving both endpoints is the spec's own backwards-compatibility advice for servers.
            if (options.allowBackwardCompatibility && servesStreamable) continue;
            context.report({ node: c.node.callee as TSESTree.Node, messageId: "sseServer" });
          } else if (name === "SSEClientTransport") {
            if (options.allowBackwardCompatibility && isClientFallback(c, sdk)) continue;
            context.report({ node: c.node.callee as TSESTree.Node, messageId: "sseClient" });
          }
        }
      },
    };
  },
});
