import { hasSplat, keywordArg, positionalArgs, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { definePythonRule } from "./types.js";

type MessageIds = "callable" | "notEntered" | "streamsUnused" | "missingInitOptions";

/** The `with_item` whose value is this call (`async with stdio_server() as (r, w):`), if any. */
function withItemOf(call: Node): Node | undefined {
  let n = call.parent;
  if (n?.type === "as_pattern") n = n.parent;
  return n?.type === "with_item" ? n : undefined;
}

/** `async with` (not a plain `with`, which raises at run time for an async context manager). */
function isAsyncWith(withItem: Node): boolean {
  const stmt = withItem.parent?.parent;
  return stmt?.type === "with_statement" && stmt.firstChild?.type === "async";
}

/** Names bound by `as (read, write)` / `as streams`. */
function boundNames(withItem: Node): string[] {
  const value = withItem.childForFieldName("value");
  if (value?.type !== "as_pattern") return [];
  const alias = value.childForFieldName("alias");
  if (!alias) return [];
  return alias.descendantsOfType("identifier").map((n) => n!.text);
}

/** `enter_async_context(stdio_server())`, `stack.enter_async_context(...)`: entered by an exit stack. */
function enteredByStack(call: Node): boolean {
  const parent = call.parent?.type === "argument_list" ? call.parent.parent : undefined;
  const callee = parent?.childForFieldName("function");
  return callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "enter_async_context";
}

/** Some call in `body` takes one of `names` as an argument (the streams are handed on). */
function streamsHandedOn(file: PyFile, body: Node, names: string[]): boolean {
  if (names.length === 0) return false;
  const from = body.startIndex;
  const to = body.endIndex;
  for (const c of file.calls) {
    if (c.start < from || c.start >= to) continue;
    for (const id of c.args.descendantsOfType("identifier")) if (id && names.includes(id.text)) return true;
  }
  return false;
}

export const stdioServerUsage = definePythonRule<MessageIds>({
  meta: {
    id: "stdio-server-usage",
    description: "stdio_server() is an async context manager that yields the (read, write) streams a low-level Server must run on",
    severity: "error",
    recommended: true,
    messages: {
      callable:
        "stdio_server is passed as a callable here ({{how}}): calling it only builds an async context manager that is never entered, so nothing is served and nothing is raised. Enter it and run the server on its streams: `async with stdio_server() as (read, write): await server.run(read, write, server.create_initialization_options())`.",
      notEntered:
        "stdio_server() is called but not entered with `async with`: it returns an async context manager and opens nothing, so the server never reads stdin. Use `async with stdio_server() as (read, write): await server.run(read, write, server.create_initialization_options())`.",
      streamsUnused:
        "The (read, write) streams of stdio_server() are never handed to a server in this block, so nothing answers the client and the block ends at once. Call `await server.run(read, write, server.create_initialization_options())` inside it.",
      missingInitOptions:
        "Server.run() takes three arguments (read_stream, write_stream, initialization_options): without the third it raises TypeError when the server starts. Pass `server.create_initialization_options()`.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    // stdio_server passed on uncalled: a thread target, asyncio.run(stdio_server), ...
    for (const ref of file.referencesOf("stdio-server")) {
      if (ref.parent?.type === "call" && ref.parent.childForFieldName("function")?.id === ref.id) continue;
      const arg = ref.parent?.type === "keyword_argument" ? ref.parent : ref;
      const call = arg.parent?.parent;
      const callee = call?.type === "call" ? call.childForFieldName("function")?.text : undefined;
      const where = `${callee ?? "a call"}()`;
      const how = arg.type === "keyword_argument" ? `${arg.childForFieldName("name")?.text}=${ref.text} of ${where}` : `an argument of ${where}`;
      report({ messageId: "callable", data: { how }, node: ref });
    }
    for (const call of file.callsOf("stdio-server")) {
      const item = withItemOf(call.node);
      if (!item) {
        if (enteredByStack(call.node)) continue;
        report({ messageId: "notEntered", node: call.node });
        continue;
      }
      if (!isAsyncWith(item)) {
        report({ messageId: "notEntered", node: call.node });
        continue;
      }
      const stmt = item.parent!.parent!;
      const body = stmt.childForFieldName("body");
      if (body && !streamsHandedOn(file, body, boundNames(item))) report({ messageId: "streamsUnused", node: call.node });
    }
    // Low-level Server.run(read, write) without initialization options.
    const runs = new Set(file.bindingsOf("lowlevel-server").map((b) => `${b.target}.run`));
    for (const c of runs.size > 0 ? file.calls : []) {
      if (!runs.has(c.calleeText.replace(/\s+/g, "")) || hasSplat(c.node)) continue;
      if (positionalArgs(c.node).length === 2 && !keywordArg(c.node, "initialization_options")) report({ messageId: "missingInitOptions", node: c.node });
    }
  },
});


