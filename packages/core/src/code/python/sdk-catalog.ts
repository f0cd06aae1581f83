/**
 * The Python MCP packages as the Python rules see them: which dotted names are
 * the SDK's classes and functions, what each one is (its role), and which
 * package line it belongs to. This is the ONE place that knows Python SDK
 * names: rules ask `pySymbol()` and never compare module strings themselves.
 *
 * Package lines (checked against the packages' own source: python-sdk tags
 * v1.29.0 and v2.0.0rc1 / main 57394b0, fastmcp v2.14 and v3.x):
 * - `mcp` 1.x: high-level `FastMCP` in `mcp.server.fastmcp`, low-level `Server`.
 * - `mcp` 2.x: `FastMCP` renamed `MCPServer` (`mcp.server.mcpserver`), `mcp.server.fastmcp`
 *   removed, `Client` added, `streamablehttp_client` and the WebSocket client removed.
 * - `fastmcp` 2.x/3.x (standalone, on top of `mcp` 1.x): `FastMCP`, `Client`, transports.
 */

/** The package line a symbol belongs to. "mcp" = both lines of the `mcp` package. */
export type PyLine = "mcp1" | "mcp2" | "mcp" | "fastmcp";

/**
 * What a symbol is:
 * - `server`: a high-level server (`FastMCP`, `MCPServer`, fastmcp's `FastMCP`): `.run()` serves it.
 * - `lowlevel-server`: `mcp.server.lowlevel.Server`: served by `await server.run(read, write, init_options)`.
 * - `stdio-server`: `stdio_server()`, an async context manager yielding (read, write) over the process's stdio.
 * - `client-session`: `ClientSession(read, write)`: must be entered, then `await session.initialize()`.
 * - `client`: v2 `mcp.Client` and fastmcp's `Client`: connect and initialize on `async with`.
 * - `stdio-params`: `StdioServerParameters(command=, args=)`.
 * - `stdio-client`, `sse-client`, `http-client`, `ws-client`: client transports (async context managers).
 * - `stdio-transport`, `http-transport`, `sse-transport`: fastmcp client transport classes.
 * - `sse-server-transport`, `http-session-manager`: low-level HTTP server transports.
 * - `transport-security`: `TransportSecuritySettings` (DNS-rebinding protection).
 * - `session-group`: `ClientSessionGroup`.
 * - `sse-params`, `http-params`: `SseServerParameters(url=)` / `StreamableHttpParameters(url=)` of `ClientSessionGroup.connect_to_server`.
 */
export type PyRole =
  | "server"
  | "lowlevel-server"
  | "stdio-server"
  | "client-session"
  | "client"
  | "stdio-params"
  | "stdio-client"
  | "sse-client"
  | "http-client"
  | "ws-client"
  | "stdio-transport"
  | "http-transport"
  | "sse-transport"
  | "sse-server-transport"
  | "http-session-manager"
  | "transport-security"
  | "session-group"
  | "sse-params"
  | "http-params";

export interface PySymbol {
  /** Canonical dotted name (the first path below). */
  name: string;
  /** Short name as users write it. */
  short: string;
  role: PyRole;
  line: PyLine;
  /** Deprecated in code (`@deprecated`) or by the spec, with what to use instead. */
  deprecated?: { since: string; use: string };
}

interface Entry extends Omit<PySymbol, "name" | "short"> {
  paths: string[];
}

const ENTRIES: Entry[] = [
  { role: "server", line: "mcp1", paths: ["mcp.server.fastmcp.FastMCP", "mcp.server.FastMCP", "mcp.server.fastmcp.server.FastMCP"] },
  { role: "server", line: "mcp2", paths: ["mcp.server.mcpserver.MCPServer", "mcp.server.MCPServer", "mcp.server.mcpserver.server.MCPServer"] },
  { role: "server", line: "fastmcp", paths: ["fastmcp.FastMCP", "fastmcp.server.FastMCP", "fastmcp.server.server.FastMCP"] },
  { role: "lowlevel-server", line: "mcp", paths: ["mcp.server.lowlevel.Server", "mcp.server.Server", "mcp.server.lowlevel.server.Server"] },
  { role: "stdio-server", line: "mcp", paths: ["mcp.server.stdio.stdio_server", "mcp.stdio_server"] },
  { role: "client-session", line: "mcp", paths: ["mcp.client.session.ClientSession", "mcp.ClientSession", "mcp.client.ClientSession"] },
  { role: "session-group", line: "mcp", paths: ["mcp.client.session_group.ClientSessionGroup", "mcp.ClientSessionGroup"] },
  { role: "client", line: "mcp2", paths: ["mcp.client.client.Client", "mcp.Client", "mcp.client.Client"] },
  { role: "client", line: "fastmcp", paths: ["fastmcp.Client", "fastmcp.client.Client", "fastmcp.client.client.Client"] },
  { role: "stdio-params", line: "mcp", paths: ["mcp.client.stdio.StdioServerParameters", "mcp.StdioServerParameters"] },
  { role: "stdio-client", line: "mcp", paths: ["mcp.client.stdio.stdio_client", "mcp.stdio_client"] },
  { role: "sse-client", line: "mcp", paths: ["mcp.client.sse.sse_client"], deprecated: { since: "spec 2025-03-26", use: "streamable_http_client" } },
  { role: "http-client", line: "mcp", paths: ["mcp.client.streamable_http.streamable_http_client"] },
  {
    role: "http-client",
    line: "mcp1",
    paths: ["mcp.client.streamable_http.streamablehttp_client"],
    deprecated: { since: "mcp 1.24.0", use: "streamable_http_client" },
  },
  { role: "ws-client", line: "mcp1", paths: ["mcp.client.websocket.websocket_client"], deprecated: { since: "mcp 1.28.0", use: "streamable_http_client" } },
  {
    role: "stdio-transport",
    line: "fastmcp",
    paths: [
      "fastmcp.client.transports.StdioTransport",
      "fastmcp.client.StdioTransport",
      "fastmcp.client.transports.PythonStdioTransport",
      "fastmcp.client.PythonStdioTransport",
      "fastmcp.client.transports.NodeStdioTransport",
      "fastmcp.client.NodeStdioTransport",
    ],
  },
  {
    role: "http-transport",
    line: "fastmcp",
    paths: ["fastmcp.client.transports.StreamableHttpTransport", "fastmcp.client.StreamableHttpTransport"],
  },
  {
    role: "sse-transport",
    line: "fastmcp",
    paths: ["fastmcp.client.transports.SSETransport", "fastmcp.client.SSETransport"],
    deprecated: { since: "spec 2025-03-26", use: "StreamableHttpTransport" },
  },
  { role: "sse-server-transport", line: "mcp", paths: ["mcp.server.sse.SseServerTransport"], deprecated: { since: "spec 2025-03-26", use: "StreamableHTTPSessionManager" } },
  { role: "http-session-manager", line: "mcp", paths: ["mcp.server.streamable_http_manager.StreamableHTTPSessionManager"] },
  { role: "transport-security", line: "mcp", paths: ["mcp.server.transport_security.TransportSecuritySettings"] },
  { role: "sse-params", line: "mcp", paths: ["mcp.client.session_group.SseServerParameters"] },
  { role: "http-params", line: "mcp", paths: ["mcp.client.session_group.StreamableHttpParameters"] },
];

const BY_PATH = new Map<string, PySymbol>();
for (const e of ENTRIES) {
  const name = e.paths[0]!;
  const symbol: PySymbol = { name, short: name.slice(name.lastIndexOf(".") + 1), role: e.role, line: e.line, ...(e.deprecated ? { deprecated: e.deprecated } : {}) };
  for (const p of e.paths) BY_PATH.set(p, Object.freeze(symbol));
}

/** The SDK symbol a fully qualified dotted name denotes, if any. */
export function pySymbol(qualified: string | undefined): PySymbol | undefined {
  return qualified === undefined ? undefined : BY_PATH.get(qualified);
}

/** Every (dotted path, symbol) pair the catalog knows (tests check each path against the packages' exports, code/python/exports.json). */
export function pySymbolEntries(): IterableIterator<[string, PySymbol]> {
  return BY_PATH.entries();
}

/** Top-level packages whose imports are tracked. */
export const PY_PACKAGES: readonly string[] = ["mcp", "fastmcp"];

/**
 * Cheap test for "this Python file may use MCP": an import of `mcp` or `fastmcp`
 * (`import mcp`, `from mcp.server... import`, `from fastmcp import`). Every Python
 * rule needs such an import, so skipping other files changes no result.
 */
const PY_MCP_IMPORT = /^[ \t]*(?:from[ \t]+(?:mcp|fastmcp)(?:[ \t.]|$)|import[ \t]+(?:[\w.]+[ \t]*(?:as[ \t]+\w+)?[ \t]*,[ \t]*)*(?:mcp|fastmcp)(?:[ \t.,]|$))/m;

export function mightBePythonMcp(text: string): boolean {
  if (!text.includes("mcp")) return false;
  return PY_MCP_IMPORT.test(text);
}

/**
 * Coroutine methods (`async def`) of SDK objects, by role: a call of one that is
 * neither awaited nor handed on (a bare statement) builds a coroutine that never
 * runs. Checked against python-sdk v1.29.0 and v2.0.0rc1 (`ClientSession`,
 * `BaseSession`, `mcp.Client`, low-level `Server.run`, `FastMCP`/`MCPServer`
 * `run_*_async`) and fastmcp v2.14.0 / v3.0.0 (`Client` and its mixins,
 * `run_async`, `run_stdio_async`, `run_http_async`). The plain `run()` of the
 * high-level servers is synchronous and not listed.
 */
const SESSION_REQUESTS = [
  "list_tools",
  "call_tool",
  "list_resources",
  "list_resource_templates",
  "read_resource",
  "subscribe_resource",
  "unsubscribe_resource",
  "list_prompts",
  "get_prompt",
  "complete",
  "set_logging_level",
] as const;
export const PY_COROUTINE_METHODS: Readonly<Partial<Record<PyRole, ReadonlySet<string>>>> = {
  "client-session": new Set([...SESSION_REQUESTS, "initialize", "send_ping", "send_request", "send_notification", "send_progress_notification", "send_roots_list_changed"]),
  client: new Set([
    ...SESSION_REQUESTS,
    "initialize",
    "ping",
    "send_ping",
    "send_progress_notification",
    "send_roots_list_changed",
    "close",
    "list_tools_mcp",
    "call_tool_mcp",
    "list_resources_mcp",
    "read_resource_mcp",
    "list_prompts_mcp",
    "get_prompt_mcp",
  ]),
  "lowlevel-server": new Set(["run"]),
  server: new Set(["run_async", "run_stdio_async", "run_sse_async", "run_streamable_http_async", "run_http_async"]),
};

/**
 * `ClientSession` requests that a server answers only after the initialize handshake
 * (v1.29.0 `ServerSession._received_request` and v2 `ServerRunner`: everything but
 * `initialize` and `ping`).
 */
export const PY_SESSION_REQUESTS: ReadonlySet<string> = new Set(SESSION_REQUESTS);

/**
 * Decorator methods that register a request handler on a server: `@mcp.tool()`,
 * `@mcp.resource("uri")`, `@mcp.prompt()` (FastMCP / MCPServer / fastmcp) and the
 * low-level v1 `Server` decorators (`@server.call_tool()`, `@server.list_tools()` ...).
 */
export const PY_HANDLER_DECORATORS: ReadonlySet<string> = new Set([
  "tool",
  "resource",
  "prompt",
  "call_tool",
  "list_tools",
  "list_resources",
  "list_resource_templates",
  "read_resource",
  "list_prompts",
  "get_prompt",
  "completion",
  "subscribe_resource",
  "unsubscribe_resource",
  "set_logging_level",
]);
