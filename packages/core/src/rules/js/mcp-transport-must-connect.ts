import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type InstanceUse } from "../../code/js/analysis.js";
import { createCodeRule } from "./create-rule.js";
import { neverConnected } from "./mcp-server-must-connect.js";

type MessageIds = "notConnected";
type Options = [];

const TRANSPORT_ROLES = new Set(["client-transport", "stdio-client-transport", "server-transport", "stdio-server-transport"]);

/** Driving a transport by hand (`t.start()`, `t.send()`, `t.onmessage = ...`) is deliberate low-level use. */
const MANUAL_METHODS = new Set(["start", "send"]);

function connectedOrEscapes(uses: InstanceUse[]): boolean {
  return uses.some((u) => {
    if (u.kind === "argument") return true; // to connect(...) or to anything else: out of sight either way
    if (u.kind === "escape") return true;
    if (u.kind === "read") return false;
    if (u.kind === "call") return MANUAL_METHODS.has(u.method);
    return u.property === "onmessage";
  });
}

export const mcpTransportMustConnect = createCodeRule<Options, MessageIds>({
  name: "mcp-transport-must-connect",
  meta: {
    type: "problem",
    docs: {
      description: "A transport built in a module must be passed to connect() (or handed to code that does)",
      recommended: true,
      severity: "error",
    },
    messages: {
      notConnected:
        "This {{name}} is never passed to connect(), so no client or server ever uses it. Pass it to `await server.connect(transport)` / `await client.connect(transport)` (connect() also starts it).",
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
          if (!TRANSPORT_ROLES.has(c.resolved.symbol.role)) continue;
          // `server.connect(new StdioServerTransport())` is an argument: escaped, fine.
          if (c.target.kind === "receiver") {
            // `new X().handleRequest(...)`: used, never connected (unless driven by hand or just closed)
            const use = sdk.usesOf(c)[0];
            if (use?.kind !== "call" || MANUAL_METHODS.has(use.method) || use.method === "close") continue;
            context.report({ node: c.node.callee as TSESTree.Node, messageId: "notConnected", data: { name: c.resolved.symbol.name } });
            continue;
          }
          if (!neverConnected(c, sdk.usesOf(c), connectedOrEscapes)) continue;
          context.report({ node: c.node.callee as TSESTree.Node, messageId: "notConnected", data: { name: c.resolved.symbol.name } });
        }
      },
    };
  },
});
