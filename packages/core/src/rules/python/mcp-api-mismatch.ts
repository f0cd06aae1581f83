import { hasSplat, keywordArg, methodName, methodObject, parseImport, positionalArgs, stringValue, type PyCall, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import type { PySymbol } from "../../code/python/sdk-catalog.js";
import { definePythonRule, type PythonRuleContext } from "./types.js";

type MessageIds =
  | "serverWithoutName"
  | "runKeywordMcp1"
  | "unknownTransport"
  | "ctorRunKeyword"
  | "ctorUnknownKeyword"
  | "fastmcpRemovedKeyword"
  | "titleNotInstructions"
  | "serverPositionalV2";

/*
 * Signatures, read from the packages' source:
 * - mcp 1.29.0 FastMCP.__init__ (explicit keywords since 1.12.3; 1.12.2 and earlier took **settings and ignored
 *   unknown ones); FastMCP.run(transport="stdio", mount_path=None) raises ValueError("Unknown transport: ...")
 *   for anything but "stdio", "sse", "streamable-http".
 * - mcp 2.0.0 (and main) MCPServer.__init__: no **kwargs; run(transport, **kwargs) takes host / port / paths for the
 *   HTTP transports and checks the transport the same way.
 * - fastmcp 2.8.0 … 2.14.7 FastMCP.__init__: explicit keywords, host / port / paths / log_level / debug deprecated;
 *   fastmcp 3.0 … 3.4.7: **kwargs that raise TypeError for any key (the removed ones with advice).
 *   run(transport) accepts "stdio", "http", "sse", "streamable-http" (run_async raises ValueError otherwise).
 * - low-level Server.__init__(name, ...) in both lines: `name` is required.
 */
const MCP1_CTOR = new Set(
  "name instructions website_url icons auth_server_provider token_verifier event_store retry_interval tools debug log_level host port mount_path sse_path message_path streamable_http_path json_response stateless_http max_request_body_size warn_on_duplicate_resources warn_on_duplicate_tools warn_on_duplicate_prompts dependencies lifespan auth transport_security".split(
    " ",
  ),
);
const MCP1_RUN = new Set(["transport", "mount_path"]);
const MCP2_CTOR = new Set(
  "name title description instructions website_url icons version auth_server_provider token_verifier tools resources extensions debug log_level warn_on_duplicate_resources warn_on_duplicate_tools warn_on_duplicate_prompts dependencies lifespan auth resource_security request_state_security cache_hints subscriptions middleware".split(
    " ",
  ),
);
/** MCPServer.run() keywords in mcp 2.x (its HTTP overloads): passing them to the constructor is the 1.x habit. */
const MCP2_RUN_KEYWORDS = new Set([
  "host",
  "port",
  "transport",
  "mount_path",
  "sse_path",
  "message_path",
  "streamable_http_path",
  "json_response",
  "stateless_http",
  "event_store",
  "retry_interval",
  "max_request_body_size",
  "transport_security",
]);
/** fastmcp FastMCP.__init__ keywords of 3.x (3.0.0 … 3.4.7). */
const FASTMCP3_CTOR = new Set(
  "name instructions version website_url icons auth middleware providers transforms lifespan tools on_duplicate mask_error_details dereference_schemas strict_input_validation list_page_size tasks session_state_store sampling_handler sampling_handler_behavior client_log_level experimental_capabilities".split(
    " ",
  ),
);
/** fastmcp FastMCP.__init__ keywords that 2.8 … 2.14 accept and 3.x removed (FastMCP() raises TypeError there). */
const FASTMCP2_ONLY_CTOR = new Set(
  "cache_expiration_seconds on_duplicate_tools on_duplicate_resources on_duplicate_prompts resource_prefix_format tool_serializer dependencies include_tags exclude_tags tool_transformations include_fastmcp_meta log_level debug host port sse_path message_path streamable_http_path json_response stateless_http".split(
    " ",
  ),
);
/** Where fastmcp's removed constructor keywords go: run() passes them on to run_http_async() (2.14 and 3.x). */
const FASTMCP_RUN_MOVED: Record<string, string> = {
  host: "host",
  port: "port",
  log_level: "log_level",
  json_response: "json_response",
  stateless_http: "stateless_http",
  sse_path: "path",
  streamable_http_path: "path",
};
const MCP_TRANSPORTS = ["stdio", "sse", "streamable-http"];
const FASTMCP_TRANSPORTS = ["stdio", "http", "sse", "streamable-http"];

/** The SDK server a call's receiver is: a variable bound once to one kind of server, or a direct `FastMCP(...)` call. */
export function serverOf(file: PyFile, object: Node | undefined): PySymbol | undefined {
  if (!object) return undefined;
  if (object.type === "call") {
    const c = file.sdkCalls.find((s) => s.node.id === object.id);
    return c?.symbol.role === "server" ? c.symbol : undefined;
  }
  if (object.type !== "identifier" && object.type !== "attribute") return undefined;
  const bound = file.bindings.filter((b) => b.target === object.text);
  if (bound.length === 0) return undefined;
  const symbol = bound[0]!.call.symbol;
  if (symbol.role !== "server" || bound.some((b) => b.call.symbol.line !== symbol.line)) return undefined;
  return symbol;
}

/**
 * The class name a call was written with is imported in more than one way in this file (`try: from fastmcp import
 * FastMCP` / `except ImportError: from mcp.server.fastmcp import FastMCP`): the package at run time is unknown.
 */
function ambiguousImport(file: PyFile, callee: Node): boolean {
  const head = /^[A-Za-z_]\w*/.exec(callee.text)?.[0];
  if (head === undefined) return false;
  // Counted from the import statements' text (no walk over the tree).
  let count = 0;
  for (const stmt of file.importStatements) {
    for (const [name, alias, module] of parseImport(stmt.text)) {
      const bound = alias ?? (module !== undefined ? name : name.split(".")[0]);
      if (bound === head) count++;
    }
  }
  return count > 1;
}

function keywordArgs(call: Node): Node[] {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return [];
  return args.namedChildren.filter((a): a is Node => a?.type === "keyword_argument");
}

/** The transport argument of a run() call: `run("http")` or `run(transport="http")`. */
function transportArg(call: Node): Node | undefined {
  return keywordArg(call, "transport") ?? positionalArgs(call)[0];
}

function looksLikeInstructions(arg: Node): boolean {
  if (arg.type === "identifier" || arg.type === "attribute") return /instruction|description|prompt/i.test(arg.text);
  const v = stringValue(arg);
  if (v !== undefined) return v.trim().split(/\s+/).length >= 6;
  // A concatenated or triple-quoted block of text.
  return arg.type === "concatenated_string";
}

export const mcpApiMismatch = definePythonRule<MessageIds>({
  meta: {
    id: "mcp-api-mismatch",
    description:
      "Calls that another Python MCP package or line accepts but this one rejects or misreads (Server() without a name, host/port on mcp 1.x FastMCP.run(), transport=\"http\" on the mcp package)",
    severity: "error",
    recommended: true,
    messages: {
      serverWithoutName:
        "The low-level `Server()` is built without its name: `Server.__init__()` has a required `name` parameter in mcp 1.x and 2.x, so this raises TypeError (missing 1 required positional argument: 'name') when this line runs. Pass it: `Server(\"my-server\")`.",
      runKeywordMcp1:
        "`{{keyword}}=` is not a parameter of `FastMCP.run()` in mcp 1.x (it takes only `transport` and `mount_path`): this raises TypeError (unexpected keyword argument '{{keyword}}') at start-up.{{advice}}",
      unknownTransport:
        "`{{value}}` is not a transport of {{package}} `{{cls}}.run()`, which accepts {{accepted}}: it raises ValueError(\"Unknown transport: {{value}}\") at start-up.{{advice}}",
      ctorRunKeyword:
        "`{{keyword}}=` is not a parameter of `MCPServer()` in mcp 2.x: this raises TypeError (unexpected keyword argument '{{keyword}}'). In mcp 2.x it is passed to run(): `{{server}}.run(\"streamable-http\", {{keyword}}=...)`.",
      ctorUnknownKeyword: "`{{keyword}}=` is not a parameter of `{{cls}}()` in {{versions}}: this raises TypeError (unexpected keyword argument '{{keyword}}').{{advice}}",
      fastmcpRemovedKeyword:
        "`{{keyword}}=` was removed from fastmcp's `FastMCP()` in fastmcp 3.0, where it raises TypeError; fastmcp 2.x accepts it{{deprecated}}.{{advice}}",
      serverPositionalV2:
        "In mcp 2.x the low-level `Server()` takes only its name positionally (`version`, `instructions` and the rest are keyword-only), so this raises TypeError (takes 2 positional arguments). This file uses mcp 2.x (it imports mcp.server.mcpserver, MCPServer or mcp.Client). Pass `version=...` by keyword.",
      titleNotInstructions:
        "In mcp 2.x the second positional parameter of `MCPServer()` is `title`, not `instructions` as in mcp 1.x `FastMCP(name, instructions)`: this text becomes the server's title and the server sends no instructions. Pass it as `instructions=...`.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    // Low-level Server() without its name (both lines).
    for (const c of file.callsOf("lowlevel-server")) {
      if (hasSplat(c.node) || positionalArgs(c.node).length > 0 || keywordArg(c.node, "name")) continue;
      report({ messageId: "serverWithoutName", node: c.node });
    }
    // mcp 2.x made everything after the low-level Server's name keyword-only (1.x: Server(name, version, instructions, ...)).
    const v2 = file.lines.has("mcp2") && !file.lines.has("mcp1");
    if (v2) {
      for (const c of file.callsOf("lowlevel-server")) {
        const extra = positionalArgs(c.node)[1];
        if (!extra || hasSplat(c.node)) continue;
        report({ messageId: "serverPositionalV2", node: extra });
      }
    }
    // Constructors of the high-level servers.
    for (const c of file.callsOf("server")) {
      if (hasSplat(c.node) || ambiguousImport(file, c.callee)) continue;
      checkConstructor(file, c, report);
    }
    // server.run(...): by the callee's text first, then the tree for those calls only.
    for (const site of file.calls) {
      if (!site.calleeText.endsWith(".run")) continue;
      const call = site.node;
      const callee = call.childForFieldName("function");
      if (methodName(callee) !== "run") continue;
      const symbol = serverOf(file, methodObject(callee));
      if (!symbol) continue;
      const ctor = file.sdkCalls.find((s) => s.symbol === symbol);
      if (ctor && ambiguousImport(file, ctor.callee)) continue;
      checkRun(call, symbol, methodObject(callee)!.text, report);
    }
  },
});

type Report = PythonRuleContext<MessageIds, Record<string, unknown>>["report"];

function checkConstructor(file: PyFile, c: PyCall, report: Report): void {
  const server = file.bindings.find((b) => b.call === c)?.target ?? "server";
  for (const kw of keywordArgs(c.node)) {
    const nameNode = kw.childForFieldName("name");
    const keyword = nameNode?.text;
    if (!nameNode || !keyword) continue;
    if (c.symbol.line === "mcp1" && !MCP1_CTOR.has(keyword)) {
      report({
        messageId: "ctorUnknownKeyword",
        data: { keyword, cls: "FastMCP", versions: "mcp 1.12.3 and later (1.12.2 and earlier ignored unknown keywords silently)", advice: keyword === "version" ? " mcp 1.x FastMCP has no version parameter (mcp 2.x MCPServer has)." : "" },
        node: kw,
      });
    } else if (c.symbol.line === "mcp2" && !MCP2_CTOR.has(keyword)) {
      if (MCP2_RUN_KEYWORDS.has(keyword)) report({ messageId: "ctorRunKeyword", data: { keyword, server }, node: kw });
      else report({ messageId: "ctorUnknownKeyword", data: { keyword, cls: "MCPServer", versions: "mcp 2.x", advice: "" }, node: kw });
    } else if (c.symbol.line === "fastmcp" && !FASTMCP3_CTOR.has(keyword)) {
      if (FASTMCP2_ONLY_CTOR.has(keyword)) {
        const moved = FASTMCP_RUN_MOVED[keyword];
        report({
          messageId: "fastmcpRemovedKeyword",
          data: {
            keyword,
            deprecated: moved || keyword === "debug" || keyword === "message_path" ? " with a DeprecationWarning since 2.8" : "",
            advice: moved ? ` Pass it to run(): \`${server}.run(transport="http", ${moved}=...)\`.` : "",
          },
          node: kw,
          severity: "warning",
        });
      } else {
        report({
          messageId: "ctorUnknownKeyword",
          data: { keyword, cls: "FastMCP", versions: "fastmcp 2.8 and later (2.x and 3.x)", advice: keyword === "transport" ? ` Pass the transport to run(): \`${server}.run(transport=...)\`.` : "" },
          node: kw,
        });
      }
    }
  }
  if (c.symbol.line === "mcp2") {
    const second = positionalArgs(c.node)[1];
    if (second && looksLikeInstructions(second)) report({ messageId: "titleNotInstructions", node: second, severity: "warning" });
  }
}

function checkRun(call: Node, symbol: PySymbol, server: string, report: Report): void {
  if (hasSplat(call)) return;
  if (symbol.line === "mcp1") {
    for (const kw of keywordArgs(call)) {
      const keyword = kw.childForFieldName("name")?.text;
      if (!keyword || MCP1_RUN.has(keyword)) continue;
      const advice =
        keyword === "host" || keyword === "port"
          ? ` In mcp 1.x host and port belong to the constructor: \`FastMCP("name", host=..., port=...)\` (run() takes them in the fastmcp package and in mcp 2.x MCPServer).`
          : "";
      report({ messageId: "runKeywordMcp1", data: { keyword, advice }, node: kw });
    }
  }
  const transport = transportArg(call);
  const value = stringValue(transport);
  if (!transport || value === undefined) return;
  const accepted = symbol.line === "fastmcp" ? FASTMCP_TRANSPORTS : MCP_TRANSPORTS;
  if (accepted.includes(value)) return;
  const normalized = value.toLowerCase().replace(/_/g, "-");
  let advice = "";
  if (symbol.line !== "fastmcp" && (normalized === "http" || normalized === "streamable-http" || normalized === "streamablehttp"))
    advice = ` Use \`${server}.run(transport="streamable-http")\` (only the fastmcp package also accepts "http").`;
  else if (accepted.includes(normalized)) advice = ` Use "${normalized}".`;
  report({
    messageId: "unknownTransport",
    data: {
      value,
      package: symbol.line === "fastmcp" ? "fastmcp's" : symbol.line === "mcp1" ? "mcp 1.x" : "mcp 2.x",
      cls: symbol.short,
      accepted: accepted.map((t) => `"${t}"`).join(", "),
      advice,
    },
    node: transport,
  });
}
