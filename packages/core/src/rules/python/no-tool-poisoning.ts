import { keywordArg, methodName, methodObject, positionalArgs, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { decoratedHandlers, receiverAt, receiversOf } from "../../code/python/receivers.js";
import { decodedString } from "../../code/python/strings.js";
import { ALL_KINDS, DEFAULT_KINDS, scanAgentText, signalSeverityCap } from "../../security/agent-text.js";
import { noToolPoisoning, OPTIONS_SCHEMA } from "../js/no-tool-poisoning.js";
import { definePythonRule } from "./types.js";

type MessageIds = "hidden" | "heuristic";

/** FastMCP / MCPServer / fastmcp decorators that register what clients show the model. */
const DECORATORS = new Set(["tool", "prompt", "resource"]);
/** Literal pieces looked at per argument (`"a" "b"` implicit concatenation). */
const MAX_PIECES = 64;
/** `mcp.types` classes whose name, title and description a client shows the model, by qualified name. */
const TYPE_OBJECTS: ReadonlyMap<string, string> = new Map(
  ["Tool", "Prompt", "PromptArgument", "Resource", "ResourceTemplate"].flatMap((t) => {
    const what = t === "PromptArgument" ? "prompt argument" : t === "ResourceTemplate" ? "resource template" : t.toLowerCase();
    // The `mcp` package itself re-exports Tool and Resource (mcp/__init__.py, 1.29.0 and main).
    return [[`mcp.types.${t}`, what] as const, ...(t === "Tool" || t === "Resource" ? [[`mcp.${t}`, what] as const] : [])];
  }),
);
/** `"description": …` pairs looked at in one input schema dict. */
const MAX_SCHEMA_PAIRS = 512;
/** Calls looked at in one function's parameter list. */
const MAX_PARAMETER_CALLS = 256;

/** The string literals an argument is written in: a literal, or the parts of an implicit concatenation. */
function literals(expr: Node | null | undefined, depth = 0): Node[] {
  if (!expr || depth > 8) return [];
  if (expr.type === "parenthesized_expression") return literals(expr.namedChildren[0], depth + 1);
  if (expr.type === "string") return [expr];
  if (expr.type === "concatenated_string") return expr.namedChildren.filter((c): c is Node => c?.type === "string").slice(0, MAX_PIECES);
  return [];
}

/** The one function of the file with this name (none when there are several: which one is passed is not known). */
function onlyFunctionNamed(file: PyFile, name: string): Node | undefined {
  const defs = file.nodes("function_definition").filter((d) => d.childForFieldName("name")?.text === name);
  return defs.length === 1 ? defs[0] : undefined;
}

/** The docstring of a function: its body's first statement, when that is a string. */
function docstring(fn: Node): Node | undefined {
  const first = fn.childForFieldName("body")?.namedChildren.find((c) => c?.type !== "comment");
  if (first?.type !== "expression_statement") return undefined;
  const s = first.namedChildren[0];
  return s?.type === "string" || s?.type === "concatenated_string" ? s : undefined;
}

/**
 * Python side of no-tool-poisoning: the names, titles and descriptions given to `@mcp.tool`, `@mcp.prompt` and
 * `@mcp.resource` of a FastMCP / MCPServer / fastmcp server, and the decorated function's docstring when no
 * description is given (what the SDKs send as the description: `description or fn.__doc__` in mcp,
 * `inspect.getdoc(fn)` in fastmcp). Same scanner, messages and severities as the JavaScript rule.
 */
export const noToolPoisoningPython = definePythonRule<MessageIds, { htmlComments?: boolean }>({
  meta: {
    id: "no-tool-poisoning",
    description: noToolPoisoning.meta.docs!.description,
    severity: "error",
    recommended: true,
    securitySeverity: noToolPoisoning.meta.docs!.securitySeverity!,
    messages: noToolPoisoning.meta.messages,
    schema: [OPTIONS_SCHEMA],
    defaultOptions: { htmlComments: false },
  },
  check({ file, options, report }) {
    const receivers = receiversOf(file, "server");
    const kinds = options.htmlComments === true ? ALL_KINDS : DEFAULT_KINDS;
    const seen = new Set<number>();

    const scan = (expr: Node | null | undefined, what: string): void => {
      for (const node of literals(expr)) {
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        const decoded = decodedString(node);
        if (!decoded) continue;
        for (const s of scanAgentText(decoded.text, { what, kinds })) {
          const cap = signalSeverityCap(s.kind);
          report({
            messageId: cap ? "heuristic" : "hidden",
            data: { explanation: s.explanation },
            ...(decoded.start !== undefined ? { range: [decoded.start + s.offset, decoded.start + s.offset + s.length] as [number, number] } : { node }),
            ...(cap ? { severity: cap } : {}),
          });
        }
      }
    };

    /** No description given: the SDKs send the docstring (`description or fn.__doc__`). */
    const noDescription = (description: Node | undefined): boolean =>
      description === undefined || description.type === "none" || decodedString(description)?.text === "";

    for (const { fn, method, decorator } of decoratedHandlers(file, receivers, DECORATORS)) {
      let description: Node | undefined;
      if (decorator.type === "call") {
        const positional = positionalArgs(decorator);
        // tool(name, title, description) and prompt(name, title, description) in mcp; resource(uri, *, name, title, description).
        const at = (i: number): Node | undefined => (method === "resource" ? undefined : positional[i]);
        scan(keywordArg(decorator, "name") ?? at(0), `${method} name`);
        scan(keywordArg(decorator, "title") ?? at(1), `${method} title`);
        description = keywordArg(decorator, "description") ?? at(2);
        scan(description, `${method} description`);
      }
      // Parameter descriptions (`x: Annotated[str, Field(description="…")]`, `x: str = Field(description="…")`): the
      // input schema's descriptions, the counterpart of zod's `.describe()`.
      const params = fn.childForFieldName("parameters");
      for (const call of params ? params.descendantsOfType("call").slice(0, MAX_PARAMETER_CALLS) : []) {
        if (call && /(?:^|\.)Field$/.test(call.childForFieldName("function")?.text ?? "")) scan(keywordArg(call, "description"), `${method} input description`);
      }
      // The docstring is the description only when none is given (`description or fn.__doc__`).
      if (noDescription(description)) scan(docstring(fn), `${method} description (the docstring)`);
    }

    // `mcp.add_tool(fn, name, title, description)` (mcp's FastMCP and MCPServer since 1.10; before, `name, description`:
    // the third argument is then read as a title, with the same signals): the decorator's arguments as a call, and the
    // docstring of the function passed when no description is given. fastmcp 2's `add_tool(tool)` takes a Tool object:
    // its one argument names no function of the file, so nothing is read from it.
    for (const c of file.calls) {
      if (!c.calleeText.endsWith("add_tool") || c.node.type !== "call") continue;
      const callee = c.node.childForFieldName("function");
      if (methodName(callee) !== "add_tool" || !receiverAt(receivers, methodObject(callee))) continue;
      const positional = positionalArgs(c.node);
      scan(keywordArg(c.node, "name") ?? positional[1], "tool name");
      scan(keywordArg(c.node, "title") ?? positional[2], "tool title");
      const description = keywordArg(c.node, "description") ?? positional[3];
      scan(description, "tool description");
      const passed = keywordArg(c.node, "fn") ?? positional[0];
      const fn = passed?.type === "identifier" && noDescription(description) ? onlyFunctionNamed(file, passed.text) : undefined;
      if (fn) scan(docstring(fn), "tool description (the docstring)");
    }

    // Low-level servers: the `mcp.types` objects a list handler returns (`types.Tool(name=…, description=…,
    // inputSchema={…})`): what the client shows the model, wherever in the file they are built.
    for (const c of file.calls) {
      const q = file.qualifyText(c.calleeText);
      const what = q === undefined ? undefined : TYPE_OBJECTS.get(q);
      if (!what || c.node.type !== "call") continue;
      for (const key of ["name", "title", "description"]) scan(keywordArg(c.node, key), `${what} ${key}`);
      const schema = keywordArg(c.node, "inputSchema");
      for (const pair of schema ? schema.descendantsOfType("pair").slice(0, MAX_SCHEMA_PAIRS) : []) {
        if (pair && decodedString(pair.childForFieldName("key"))?.text === "description") scan(pair.childForFieldName("value"), `${what} input description`);
      }
    }
  },
});
