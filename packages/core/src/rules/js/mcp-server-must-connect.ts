import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type Construction, type InstanceUse } from "../../code/js/analysis.js";
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
        for (const c of sdk.constructions) {
          if (c.resolved.symbol.role !== "server") continue;
          if (!neverConnected(c, sdk.usesOf(c), connectedOrEscapes)) continue;
          context.report({ node: c.node.callee as TSESTree.Node, messageId: "notConnected", data: { name: c.resolved.symbol.name } });
        }
      },
    };
  },
});
