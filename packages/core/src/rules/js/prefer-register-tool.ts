import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { methodCall, sdkFile } from "../../code/js/analysis.js";
import { unwrapExpression, type Node } from "../../code/js/ast.js";
import { DEPRECATED_REGISTRATION, sdkLineOf, TOOL_ANNOTATION_KEYS } from "../../code/js/sdk-catalog.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "deprecated" | "removed" | "useRegister";
type Options = [];


type ArgKind = "string" | "shape" | "annotations" | "function" | "unknown";

function argKind(node: Node): ArgKind {
  const n = unwrapExpression(node);
  if ((n.type === "Literal" && typeof n.value === "string") || n.type === "TemplateLiteral") return "string";
  if (n.type === "ArrowFunctionExpression" || n.type === "FunctionExpression") return "function";
  if (n.type === "ObjectExpression") {
    if (n.properties.some((p) => p.type !== "Property")) return "unknown";
    // The SDK treats {} as an (empty) input shape.
    if (n.properties.length === 0) return "shape";
    const keys = n.properties.map((p) => (p.type === "Property" && p.key.type === "Identifier" ? p.key.name : ""));
    if (keys.every((k) => TOOL_ANNOTATION_KEYS.has(k))) return "annotations";
    if (keys.some((k) => TOOL_ANNOTATION_KEYS.has(k) && k !== "title")) return "unknown";
    return "shape";
  }
  return "unknown";
}

/** The registerX config object entries for the arguments between the name (and uri) and the callback, when unambiguous. */
function configFor(method: string, kinds: ArgKind[]): string[] | undefined {
  const sig = kinds.join(",");
  if (method === "tool") {
    switch (sig) {
      case "":
        return [];
      case "string":
        return ["description"];
      case "shape":
        return ["inputSchema"];
      case "annotations":
        return ["annotations"];
      case "string,shape":
        return ["description", "inputSchema"];
      case "string,annotations":
        return ["description", "annotations"];
      case "shape,annotations":
        return ["inputSchema", "annotations"];
      case "string,shape,annotations":
        return ["description", "inputSchema", "annotations"];
      default:
        return undefined;
    }
  }
  if (method === "prompt") {
    switch (sig) {
      case "":
        return [];
      case "string":
        return ["description"];
      case "shape":
        return ["argsSchema"];
      case "string,shape":
        return ["description", "argsSchema"];
      default:
        return undefined;
    }
  }
  return undefined;
}

export const preferRegisterTool = createCodeRule<Options, MessageIds>({
  name: "prefer-register-tool",
  meta: {
    type: "suggestion",
    docs: {
      description: "Use McpServer.registerTool/registerPrompt/registerResource instead of the deprecated tool()/prompt()/resource()",
      recommended: true,
      severity: "warning",
    },
    hasSuggestions: true,
    messages: {
      deprecated:
        "McpServer.{{method}}() is deprecated since SDK 1.21.1 and removed in v2, and its overloads guess whether an object is a schema or annotations. Use {{replacement}}(name, { description, … }, callback).",
      removed:
        "McpServer.{{method}}() does not exist in the v2 SDK (@modelcontextprotocol/server): this call throws a TypeError. Use {{replacement}}(name, { description, … }, callback).",
      useRegister: "Rewrite as {{replacement}}().",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const { sourceCode } = context;
    return {
      CallExpression(node) {
        const mc = methodCall(node);
        if (!mc || !Object.hasOwn(DEPRECATED_REGISTRATION, mc.name)) return;
        const servers = sdk.classesOf(mc.receiver).filter((r) => r.symbol.name === "McpServer");
        if (servers.length === 0) return;
        const replacement = DEPRECATED_REGISTRATION[mc.name]!;
        const v2 = servers.every((r) => sdkLineOf(r.module) === "v2");
        const callee = unwrapExpression(node.callee) as TSESTree.MemberExpression;
        context.report({
          node: callee.property,
          messageId: v2 ? "removed" : "deprecated",
          data: { method: mc.name, replacement },
          suggest: suggestion(node, callee, mc.name, replacement),
        });
      },
    };

    function suggestion(
      call: TSESTree.CallExpression,
      callee: TSESTree.MemberExpression,
      method: string,
      replacement: string,
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      const args = call.arguments;
      if (callee.computed || args.some((a) => a.type === "SpreadElement") || args.length < 2) return [];
      const cb = args[args.length - 1]!;
      if (argKind(cb) === "unknown" && unwrapExpression(cb).type !== "Identifier") return [];
      const rename = (fixer: TSESLint.RuleFixer) => fixer.replaceText(callee.property, replacement);
      if (method === "resource") {
        // resource(name, uri, cb) → registerResource(name, uri, {}, cb); resource(name, uri, metadata, cb) → registerResource(...same)
        if (args.length === 3) return [{ messageId: "useRegister", data: { replacement }, fix: (fixer) => [rename(fixer), fixer.insertTextBefore(cb, "{}, ")] }];
        if (args.length === 4) return [{ messageId: "useRegister", data: { replacement }, fix: (fixer) => [rename(fixer)] }];
        return [];
      }
      const middle = args.slice(1, -1);
      const keys = configFor(method, middle.map(argKind));
      if (!keys) return [];
      if (middle.length === 0) {
        return [{ messageId: "useRegister", data: { replacement }, fix: (fixer) => [rename(fixer), fixer.insertTextBefore(cb, "{}, ")] }];
      }
      const config = `{ ${middle.map((a, i) => `${keys[i]}: ${sourceCode.getText(a)}`).join(", ")} }`;
      return [
        {
          messageId: "useRegister",
          data: { replacement },
          fix: (fixer) => [rename(fixer), fixer.replaceTextRange([middle[0]!.range[0], middle[middle.length - 1]!.range[1]], config)],
        },
      ];
    }
  },
});
