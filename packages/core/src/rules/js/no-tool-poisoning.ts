import type { TSESTree } from "@typescript-eslint/utils";
import { namedLikeServer, requestSchemaKey, sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { constInit, findVariableFrom, nodesOfType, objectLiteral, propertyKey, unwrapExpression, walk, type Node } from "../../code/js/ast.js";
import { memberName } from "../../code/js/imports.js";
import { REQUEST_CAPABILITY, TOOL_ANNOTATION_KEYS } from "../../code/js/sdk-catalog.js";
import { ALL_KINDS, DEFAULT_KINDS, NEVER_LEGITIMATE, scanAgentText, type SignalKind } from "../../security/agent-text.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "hidden" | "heuristic";
type Options = [{ htmlComments?: boolean }];

/** What each registration method registers, for the messages. */
const REGISTRATIONS: Readonly<Record<string, "tool" | "prompt" | "resource">> = {
  registerTool: "tool",
  tool: "tool",
  registerPrompt: "prompt",
  prompt: "prompt",
  registerResource: "resource",
  resource: "resource",
};
/** Method names specific enough to trust a receiver named like a server (`server`, `this.mcp`) when its type is not known here. */
const DISTINCT = new Set(["registerTool", "registerPrompt", "registerResource"]);
/** Nodes walked per schema argument, looking for `.describe("…")` and `description: "…"`. */
const MAX_SCHEMA_NODES = 4000;
/** Literal pieces followed per expression (`"a" + "b" + …`, `const` names). */
const MAX_PIECES = 64;

/** A string literal or a template literal without expressions (not tagged), found from an expression. */
type TextNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

/**
 * The literals an expression's text is written in: itself, the pieces of `"a" + "b"`, or the literal a `const` of this
 * file holds. Only text known at lint time; anything computed is left alone.
 */
function textNodes(sdk: SdkFile, expr: Node, out: TextNode[] = [], depth = 0): TextNode[] {
  if (depth > 8 || out.length >= MAX_PIECES) return out;
  const n = unwrapExpression(expr);
  if (n.type === "Literal" && typeof n.value === "string") out.push(n as TSESTree.StringLiteral);
  else if (n.type === "TemplateLiteral" && n.expressions.length === 0 && n.parent?.type !== "TaggedTemplateExpression") out.push(n);
  else if (n.type === "BinaryExpression" && n.operator === "+") {
    textNodes(sdk, n.left as Node, out, depth + 1);
    textNodes(sdk, n.right, out, depth + 1);
  } else if (n.type === "Identifier") {
    const init = constInit(findVariableFrom(sdk.scopeOf(n), n.name));
    if (init) textNodes(sdk, init, out, depth + 1);
  }
  return out;
}

/** The decoded text of a literal, and where its first character sits in the source when the source spells it as is. */
function literalText(node: TextNode): { text: string; start?: number } {
  if (node.type === "Literal") {
    const body = node.raw.slice(1, -1);
    return { text: node.value, ...(body === node.value ? { start: node.range[0] + 1 } : {}) };
  }
  const q = node.quasis[0]!;
  const text = q.value.cooked ?? "";
  // A template's raw text differs from its value where it has escapes (and CRLF line ends, normalised to LF).
  return { text, ...(q.value.raw === text ? { start: node.range[0] + 1 } : {}) };
}

/** The rule's options (the same as no-prompt-injection's), shared with the Python twin. */
export const OPTIONS_SCHEMA = {
  type: "object" as const,
  properties: { htmlComments: { type: "boolean" as const, description: "Also report HTML comments (off by default: real descriptions use them as markers)." } },
  additionalProperties: false,
};

export const noToolPoisoning = createCodeRule<Options, MessageIds>({
  name: "no-tool-poisoning",
  meta: {
    type: "problem",
    docs: {
      description:
        "Tool, prompt and resource names, titles and descriptions in MCP server code must not carry hidden text or instructions aimed at the model (tool poisoning)",
      recommended: true,
      severity: "error",
      securitySeverity: 8.0,
      // The same scheme as no-prompt-injection: hidden characters are errors, text heuristics at most warnings.
      messageMaxSeverity: { heuristic: "warning" },
    },
    messages: {
      hidden: "{{explanation}} The server sends this text to every client (tools/list, prompts/list, resources/list), where the model reads it: this is how tool poisoning reaches a model. Remove it, or suppress this finding if the text is meant for the model.",
      heuristic: "{{explanation}} The server sends this text to every client (tools/list, prompts/list, resources/list), where the model reads it: this is how tool poisoning reaches a model. Remove it, or suppress this finding if the text is meant for the model.",
    },
    schema: [OPTIONS_SCHEMA],
    defaultOptions: [{ htmlComments: false }],
  },
  create(context, [options]) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const kinds: ReadonlySet<SignalKind> = options.htmlComments === true ? ALL_KINDS : DEFAULT_KINDS;
    const { sourceCode } = context;
    return {
      Program() {
        const seen = new Set<Node>();

        /** Scans the text pieces of `expr` (or the pieces already found in it). */
        const scanText = (expr: Node | undefined, what: string, pieces?: TextNode[]): void => {
          if (!expr || expr.type === "SpreadElement") return;
          for (const node of pieces ?? textNodes(sdk, expr)) {
            if (seen.has(node)) continue;
            seen.add(node);
            const { text, start } = literalText(node);
            for (const s of scanAgentText(text, { what, kinds })) {
              const messageId: MessageIds = NEVER_LEGITIMATE.has(s.kind) ? "hidden" : "heuristic";
              const data = { explanation: s.explanation };
              if (start === undefined) context.report({ node, messageId, data });
              else {
                const loc = { start: sourceCode.getLocFromIndex(start + s.offset), end: sourceCode.getLocFromIndex(start + s.offset + s.length) };
                context.report({ loc, messageId, data });
              }
            }
          }
        };

        /** `title` and `description` of a config / metadata object; `annotations.title` of a tool's. */
        const scanConfig = (arg: Node | undefined, kind: string): void => {
          if (!arg || arg.type === "SpreadElement") return;
          const obj = objectLiteral(arg, sdk.scopeOf(arg));
          if (!obj) return;
          for (const p of obj.properties) {
            if (p.type !== "Property") continue;
            const key = propertyKey(p);
            if (key === "title" || key === "description") scanText(p.value, `${kind} ${key}`);
            else if (key === "annotations" && kind === "tool") scanConfig(p.value, kind);
            else if (key === "inputSchema" || key === "argsSchema") scanSchema(p.value, kind);
          }
        };

        /** Descriptions inside an input schema: zod `.describe("…")` and `description: "…"` (zod params, JSON Schema). */
        const scanSchema = (arg: Node | undefined, kind: string): void => {
          if (!arg || arg.type === "SpreadElement") return;
          const root = unwrapExpression(arg);
          const schema = root.type === "Identifier" ? constInit(findVariableFrom(sdk.scopeOf(root), root.name)) : root;
          if (!schema) return;
          const what = kind === "prompt" ? "prompt argument description" : `${kind} input description`;
          let count = 0;
          walk(schema, sourceCode.visitorKeys, (n) => {
            if (++count > MAX_SCHEMA_NODES) return false;
            if (n.type === "CallExpression") {
              const callee = unwrapExpression(n.callee);
              if (callee.type === "MemberExpression" && memberName(callee) === "describe" && n.arguments.length === 1) scanText(n.arguments[0], what);
            } else if (n.type === "Property" && propertyKey(n) === "description") scanText(n.value, what);
            return undefined;
          });
        };

        const listed = new Set<string>();
        for (const call of nodesOfType(sdk.sourceCode, "CallExpression")) {
          const callee = unwrapExpression(call.callee);
          if (callee.type !== "MemberExpression") continue;
          const method = memberName(callee);
          if (method === "setRequestHandler") {
            const list = listMethod(sdk, call);
            if (list) listed.add(list);
            continue;
          }
          if (method === undefined || !Object.hasOwn(REGISTRATIONS, method)) continue;
          if (!isMcpServer(sdk, callee.object, method)) continue;
          const kind = REGISTRATIONS[method]!;
          const args = call.arguments;
          if (args.length === 0 || args.some((a) => a.type === "SpreadElement")) continue;
          scanText(args[0], `${kind} name`);
          switch (method) {
            case "registerTool":
            case "registerPrompt":
              scanConfig(args[1], kind);
              break;
            case "registerResource":
              // registerResource(name, uriOrTemplate, metadata, callback)
              if (args.length >= 4) scanConfig(args[2], kind);
              break;
            case "resource":
              // resource(name, uri, [metadata,] callback)
              if (args.length >= 4) scanConfig(args[2], kind);
              break;
            default:
              // tool(name, [description,] [shape,] [annotations,] cb), prompt(name, [description,] [argsSchema,] cb)
              for (const a of args.slice(1, -1)) {
                const v = unwrapExpression(a);
                const pieces = textNodes(sdk, v);
                if (pieces.length > 0) scanText(v, `${kind} description`, pieces);
                else if (v.type === "ObjectExpression") {
                  const keys = v.properties.map((p) => (p.type === "Property" ? propertyKey(p) : undefined));
                  if (kind === "tool" && keys.length > 0 && keys.every((k) => k !== undefined && TOOL_ANNOTATION_KEYS.has(k))) scanConfig(v, kind);
                  else scanSchema(v, kind);
                }
              }
          }
        }

        // Low-level Server: the tool and prompt objects of a file that answers tools/list or prompts/list. Only object
        // literals with the shape of one (a tool: `name` and `inputSchema`; a prompt: `name` and an `arguments` array).
        if (listed.size === 0) return;
        for (const obj of nodesOfType(sdk.sourceCode, "ObjectExpression")) {
          const props = new Map<string, TSESTree.Property>();
          for (const p of obj.properties) {
            const key = p.type === "Property" && !p.computed ? propertyKey(p) : undefined;
            if (p.type === "Property" && key !== undefined) props.set(key, p);
          }
          const name = props.get("name");
          if (!name) continue;
          const kind = listed.has("tools/list") && props.has("inputSchema") ? "tool" : listed.has("prompts/list") && unwrapExpression(props.get("arguments")?.value ?? obj).type === "ArrayExpression" ? "prompt" : undefined;
          if (!kind) continue;
          scanText(name.value, `${kind} name`);
          const title = props.get("title");
          const description = props.get("description");
          if (title) scanText(title.value, `${kind} title`);
          if (description) scanText(description.value, `${kind} description`);
          if (kind === "tool") {
            scanSchema(props.get("inputSchema")!.value, kind);
            const annotations = props.get("annotations");
            if (annotations) scanConfig(annotations.value, kind);
          } else scanSchema(props.get("arguments")!.value, kind);
        }
      },
    };
  },
});

/** `setRequestHandler(ListToolsRequestSchema | ListPromptsRequestSchema | "tools/list" | "prompts/list", …)`: the list it answers. */
function listMethod(sdk: SdkFile, call: TSESTree.CallExpression): string | undefined {
  const key = requestSchemaKey(sdk, call.arguments[0]);
  const method = key !== undefined && Object.hasOwn(REQUEST_CAPABILITY, key) ? REQUEST_CAPABILITY[key]!.method : undefined;
  return method === "tools/list" || method === "prompts/list" ? method : undefined;
}

/**
 * The receiver is an `McpServer`: constructed or declared as one in this file; for the `register*` methods (names no
 * other common API has), also a receiver named like a server (`server`, `this.mcpServer`) in a file that uses the SDK's
 * server (plain JavaScript has no type annotations to tell).
 */
function isMcpServer(sdk: SdkFile, receiver: Node, method: string): boolean {
  const classes = sdk.classesOf(receiver);
  if (classes.length > 0) return classes.some((c) => c.symbol.name === "McpServer");
  if (!DISTINCT.has(method) || !sdk.uses("server")) return false;
  return namedLikeServer(receiver);
}
