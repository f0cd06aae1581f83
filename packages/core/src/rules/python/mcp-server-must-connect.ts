import { definePythonRule } from "./types.js";

type MessageIds = "notServed" | "lowLevelNotRun";

/** Methods that register handlers or read the server: using the server only through them does not serve it. */
const REGISTRATION = new Set([
  "tool",
  "resource",
  "prompt",
  "add_tool",
  "add_resource",
  "add_prompt",
  "remove_tool",
  "custom_route",
  "list_tools",
  "call_tool",
  "list_resources",
  "read_resource",
  "list_prompts",
  "get_prompt",
  "list_resource_templates",
  "completion",
  "set_logging_level",
  "subscribe_resource",
  "unsubscribe_resource",
  "progress_notification",
  "create_initialization_options",
  "get_capabilities",
  "name",
  "settings",
]);

const MAX_BINDINGS = 64;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const mcpServerMustConnect = definePythonRule<MessageIds>({
  meta: {
    id: "mcp-server-must-connect",
    description: "An MCP server built in a module must be run or served (or handed to code that does)",
    severity: "error",
    recommended: true,
    messages: {
      notServed:
        "This {{name}} is never run or served and does not leave this function, so it never answers: the process exits at once and the client sees \"Connection closed\". Call {{target}}.run() (stdio by default), or return it from a factory that something serves.",
      lowLevelNotRun:
        "This low-level Server is never run: nothing calls `await {{target}}.run(read, write, {{target}}.create_initialization_options())` (for stdio, inside `async with stdio_server() as (read, write):`), and `mcp run` / `fastmcp run` serve only high-level servers. The process serves nothing and the client sees \"Connection closed\".",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const text = file.text;
    // Each binding is looked for in the whole text: the count is bounded so that a generated file with thousands of
    // servers stays linear (no real module builds more than a handful).
    for (const b of file.bindingsOf("server", "lowlevel-server").slice(0, MAX_BINDINGS)) {
      const lowLevel = b.call.symbol.role === "lowlevel-server";
      // A module-level high-level server is served by `mcp run file.py` / `fastmcp run file.py:obj` / `mcp dev`.
      if (!lowLevel && b.moduleLevel) continue;
      // `self.server = ...`: whoever holds the object may serve a public member (`app.server.run()`); only a
      // private one (`self._server`) is known to this class alone, and is looked for as `._server` anywhere.
      const member = /^\w+\.(\w+)$/.exec(b.target)?.[1];
      if (b.target.includes(".") && (!member || !member.startsWith("_"))) continue;
      // Every other mention of the name must be `name.<registration method>`; anything else (run, an app,
      // passed on, returned, stored) may serve it.
      const assignment = b.call.node.parent!;
      const left = assignment.childForFieldName("left")!;
      const pattern = member
        ? new RegExp(`\\.${escapeRegExp(member)}(?!\\w)(\\s*\\.\\s*(\\w+))?`, "g")
        : new RegExp(`(?<![\\w.])${escapeRegExp(b.target)}(?!\\w)(\\s*\\.\\s*(\\w+))?`, "g");
      let servedOrEscapes = false;
      for (const m of text.matchAll(pattern)) {
        const at = m.index;
        if (at >= left.startIndex && at < left.endIndex) continue; // the binding itself
        const method = m[2];
        if (method !== undefined && REGISTRATION.has(method)) continue;
        // Passed to stdio_server as a thread argument or similar: still not run (stdio-server-usage says why).
        servedOrEscapes = true;
        break;
      }
      if (servedOrEscapes) continue;
      report({
        messageId: lowLevel ? "lowLevelNotRun" : "notServed",
        data: { name: b.call.symbol.short, target: b.target },
        node: b.call.node,
      });
    }
  },
});
