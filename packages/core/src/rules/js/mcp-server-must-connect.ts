import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type Construction, type InstanceUse } from "../../code/js/analysis.js";
import { nodesOfType } from "../../code/js/ast.js";
import { MCP_WIRE_METHODS } from "../../code/js/prefilter.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "notConnected";
type Options = [];

/**
 * Is the instance connected (`x.connect(...)`), or does it leave the file's
 * sight (returned, exported, passed on, stored, `x.server` read...)? Only an
 * instance that does neither is certainly never connected.
 */
export function connectedOrEscapes(uses: InstanceUse[]): boolean {
  return uses.some(
    (u) =>
      u.kind === "escape" ||
      u.kind === "argument" ||
      (u.kind === "call" && u.method === "connect") ||
      // `x.connect` read without a call (bound, passed on), and `mcp.server` (the low-level server) escape too
      u.kind === "read",
  );
}

/** Constructions whose instance is certainly never connected. */
export function neverConnected(c: Construction, uses: InstanceUse[], escapes: (uses: InstanceUse[]) => boolean): boolean {
  switch (c.target.kind) {
    case "dropped":
      return true;
    case "escaped":
      return false;
    case "receiver":
      return false;
    case "member":
      // A public member may be connected by whoever holds the object.
      return c.target.isPrivate && !escapes(uses);
    case "variable":
      return !escapes(uses);
  }
}

export const mcpServerMustConnect = createCodeRule<Options, MessageIds>({
  name: "mcp-server-must-connect",
  meta: {
    type: "problem",
    docs: {
      description: "An McpServer / Server built in a module must be connected to a transport (or handed to code that does)",
      recommended: true,
      severity: "error",
    },
    messages: {
      notConnected:
        "This {{name}} is never connected to a transport, so it never answers: the process exits or idles and clients see \"Connection closed\". Call `await server.connect(transport)` (e.g. new StdioServerTransport()), or return/export it from a factory that serveStdio()/createMcpHandler() or another module connects.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        // A module that answers JSON-RPC itself (builds `{ jsonrpc: "2.0", … }` replies and dispatches on MCP method
        // names) serves without connecting: a Server built there only holds handlers (or is left over), no client waits on it.
        if (answersJsonRpcItself(context.sourceCode)) return;
        for (const c of sdk.constructions) {
          if (c.resolved.symbol.role !== "server") continue;
          if (!neverConnected(c, sdk.usesOf(c), connectedOrEscapes)) continue;
          context.report({ node: c.node.callee as TSESTree.Node, messageId: "notConnected", data: { name: c.resolved.symbol.name } });
        }
      },
    };
  },
});

const WIRE_METHODS = new Set(MCP_WIRE_METHODS);

/** The file writes JSON-RPC replies (`jsonrpc: "2.0"`) and compares a value with an MCP method name (`=== "tools/list"`, `case "tools/call":`). */
function answersJsonRpcItself(sourceCode: Parameters<typeof nodesOfType>[0]): boolean {
  const isMethod = (n: TSESTree.Node | null | undefined): boolean => n?.type === "Literal" && typeof n.value === "string" && WIRE_METHODS.has(n.value);
  const replies = nodesOfType(sourceCode, "Property").some(
    (p) => !p.computed && ((p.key.type === "Identifier" && p.key.name === "jsonrpc") || (p.key.type === "Literal" && p.key.value === "jsonrpc")) && p.value.type === "Literal" && p.value.value === "2.0",
  );
  if (!replies) return false;
  return (
    nodesOfType(sourceCode, "BinaryExpression").some((b) => (b.operator === "===" || b.operator === "==") && (isMethod(b.left) || isMethod(b.right))) ||
    nodesOfType(sourceCode, "SwitchCase").some((c) => isMethod(c.test))
  );
}
