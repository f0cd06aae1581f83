import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/js/analysis.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "lowLevel";
type Options = [];

export const noLowLevelServer = createCodeRule<Options, MessageIds>({
  name: "no-low-level-server",
  meta: {
    type: "suggestion",
    docs: {
      description: "Build servers with McpServer; the low-level Server class is deprecated for ordinary use",
      recommended: false,
      severity: "warning",
    },
    messages: {
      lowLevel:
        "The low-level Server is deprecated since SDK 1.21.1 (still deprecated in v2) except for advanced cases: with it you write the request handlers, schemas and capability wiring yourself. Use McpServer with registerTool/registerPrompt/registerResource; its .server gives the low-level object when you need it.",
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
          if (c.resolved.symbol.lowLevel) context.report({ node: c.node.callee as TSESTree.Node, messageId: "lowLevel" });
        }
      },
    };
  },
});
