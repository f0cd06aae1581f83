/**
 * The MCP TypeScript SDK as the code rules see it: which module specifiers are
 * the SDK, which exported classes and functions the rules rely on, what each of
 * them is (its role), and what is deprecated. This is the ONE place that knows
 * SDK names; rules ask `sdkSymbol()` / `sdkModule()` and never compare module
 * strings themselves.
 *
 * Two package lines ship side by side (verified against the installed tarballs,
 * SDK 1.32.2 and the v2 packages 2.x; test/core/code/sdk-catalog.test.ts imports
 * every module listed here and fails when a listed name disappears):
 *
 * - v1 `@modelcontextprotocol/sdk`: deep imports `@modelcontextprotocol/sdk/<path>.js`
 *   (the `./*` export maps onto `dist/esm/*` and `dist/cjs/*`, so the `.js` suffix is
 *   required at run time) plus the `./client` and `./server` barrels (`Client`, and
 *   the low-level `Server` only). The bare `@modelcontextprotocol/sdk` specifier is
 *   in the exports map but its target is missing from the tarball.
 * - v2 split packages: `@modelcontextprotocol/client` (+ `/stdio`),
 *   `@modelcontextprotocol/server` (+ `/stdio`), `@modelcontextprotocol/node`,
 *   `@modelcontextprotocol/express` and the frozen `@modelcontextprotocol/server-legacy`
 *   (`/sse`, `/auth`).
 */

export type SdkLine = "v1" | "v2";

/**
 * What a symbol is, for the rules:
 * - `client`: `Client` (speaks to one server through a client transport).
 * - `server`: `McpServer` and the low-level `Server`.
 * - `client-transport`: a client transport aimed at a URL (Streamable HTTP, SSE, WebSocket).
 * - `stdio-client-transport`: `StdioClientTransport` (spawns the server process itself).
 * - `server-transport`: an HTTP server transport (Streamable HTTP in its Node, web-standard
 *   and per-request forms, and the deprecated SSE one).
 * - `stdio-server-transport`: `StdioServerTransport` (owns the process's stdin/stdout).
 * - `in-memory-transport`: `InMemoryTransport` (tests; `createLinkedPair()`).
 * - `stdio-server-entry`: v2 `serveStdio(factory)`: runs a stdio server.
 * - `http-handler`: v2 `createMcpHandler(factory)` and `toNodeHandler(handler)`: serve MCP over HTTP.
 * - `express-app`: `createMcpExpressApp()` / `createMcpHonoApp()`: an app with Host (and in v2 Origin) validation.
 * - `host-validation`: Host / Origin header validation middleware and helpers (DNS-rebinding protection).
 * - `auth`: bearer-token authentication middleware.
 */
export type SdkRole =
  | "client"
  | "server"
  | "client-transport"
  | "stdio-client-transport"
  | "server-transport"
  | "stdio-server-transport"
  | "in-memory-transport"
  | "stdio-server-entry"
  | "http-handler"
  | "express-app"
  | "host-validation"
  | "auth";

/** The MCP transport a transport class implements. WebSocket is not an MCP spec transport. */
export type SdkTransportKind = "stdio" | "streamable-http" | "sse" | "websocket" | "in-memory";

export interface SdkDeprecation {
  /** First SDK version whose JSDoc carries `@deprecated` (v1 line). */
  since: string;
  /** What to use instead, as a short phrase for messages. */
  use: string;
  /** Where it lives in v2, when it moved or was removed. */
  v2?: string;
}

export interface SdkSymbol {
  name: string;
  kind: "class" | "function";
  role: SdkRole;
  transport?: SdkTransportKind;
  /** The constructor's first argument is the endpoint URL (`new X(new URL(...))`). */
  takesUrl?: boolean;
  /** The low-level protocol server (`Server`), as opposed to `McpServer`. */
  lowLevel?: boolean;
  deprecated?: SdkDeprecation;
  /** Not exported by any v2 package. */
  removedInV2?: boolean;
}

export interface SdkModule {
  /** Canonical specifier, as users should write it. */
  specifier: string;
  line: SdkLine;
  /** Names the rules rely on that this module exports (verified by the catalog test). */
  exports: readonly string[];
  /** The whole module is a deprecated compatibility package. */
  legacy?: boolean;
}

const SSE_DEPRECATION_SERVER: SdkDeprecation = {
  since: "1.21.1",
  use: "Streamable HTTP (StreamableHTTPServerTransport; in v2 NodeStreamableHTTPServerTransport from @modelcontextprotocol/node)",
  v2: "@modelcontextprotocol/server-legacy/sse",
};

const SSE_DEPRECATION_CLIENT: SdkDeprecation = {
  since: "1.21.1",
  use: "StreamableHTTPClientTransport (falling back to SSE only for servers that still need it)",
};

/** Every SDK symbol a rule relies on, by exported name. */
export const SDK_SYMBOLS: Readonly<Record<string, SdkSymbol>> = Object.freeze({
  Client: { name: "Client", kind: "class", role: "client" },
  McpServer: { name: "McpServer", kind: "class", role: "server" },
  Server: {
    name: "Server",
    kind: "class",
    role: "server",
    lowLevel: true,
    deprecated: { since: "1.21.1", use: "McpServer (the low-level Server is for advanced cases only)" },
  },
  StdioClientTransport: { name: "StdioClientTransport", kind: "class", role: "stdio-client-transport", transport: "stdio" },
  StreamableHTTPClientTransport: {
    name: "StreamableHTTPClientTransport",
    kind: "class",
    role: "client-transport",
    transport: "streamable-http",
    takesUrl: true,
  },
  SSEClientTransport: {
    name: "SSEClientTransport",
    kind: "class",
    role: "client-transport",
    transport: "sse",
    takesUrl: true,
    deprecated: SSE_DEPRECATION_CLIENT,
  },
  WebSocketClientTransport: {
    name: "WebSocketClientTransport",
    kind: "class",
    role: "client-transport",
    transport: "websocket",
    takesUrl: true,
    removedInV2: true,
  },
  StdioServerTransport: { name: "StdioServerTransport", kind: "class", role: "stdio-server-transport", transport: "stdio" },
  StreamableHTTPServerTransport: {
    name: "StreamableHTTPServerTransport",
    kind: "class",
    role: "server-transport",
    transport: "streamable-http",
    removedInV2: true,
  },
  NodeStreamableHTTPServerTransport: {
    name: "NodeStreamableHTTPServerTransport",
    kind: "class",
    role: "server-transport",
    transport: "streamable-http",
  },
  WebStandardStreamableHTTPServerTransport: {
    name: "WebStandardStreamableHTTPServerTransport",
    kind: "class",
    role: "server-transport",
    transport: "streamable-http",
  },
  PerRequestHTTPServerTransport: {
    name: "PerRequestHTTPServerTransport",
    kind: "class",
    role: "server-transport",
    transport: "streamable-http",
  },
  SSEServerTransport: {
    name: "SSEServerTransport",
    kind: "class",
    role: "server-transport",
    transport: "sse",
    deprecated: SSE_DEPRECATION_SERVER,
  },
  InMemoryTransport: { name: "InMemoryTransport", kind: "class", role: "in-memory-transport", transport: "in-memory" },
  serveStdio: { name: "serveStdio", kind: "function", role: "stdio-server-entry" },
  createMcpHandler: { name: "createMcpHandler", kind: "function", role: "http-handler" },
  toNodeHandler: { name: "toNodeHandler", kind: "function", role: "http-handler" },
  createMcpExpressApp: { name: "createMcpExpressApp", kind: "function", role: "express-app" },
  // @modelcontextprotocol/hono: the same defaults as createMcpExpressApp (host 127.0.0.1 => Host validation,
  // allowedHosts => Host validation), per the SDK's packages/middleware/hono source.
  createMcpHonoApp: { name: "createMcpHonoApp", kind: "function", role: "express-app" },
  hostHeaderValidation: { name: "hostHeaderValidation", kind: "function", role: "host-validation" },
  localhostHostValidation: { name: "localhostHostValidation", kind: "function", role: "host-validation" },
  originValidation: { name: "originValidation", kind: "function", role: "host-validation" },
  localhostOriginValidation: { name: "localhostOriginValidation", kind: "function", role: "host-validation" },
  validateHostHeader: { name: "validateHostHeader", kind: "function", role: "host-validation" },
  validateOriginHeader: { name: "validateOriginHeader", kind: "function", role: "host-validation" },
  hostHeaderValidationResponse: { name: "hostHeaderValidationResponse", kind: "function", role: "host-validation" },
  originValidationResponse: { name: "originValidationResponse", kind: "function", role: "host-validation" },
  requireBearerAuth: { name: "requireBearerAuth", kind: "function", role: "auth" },
} satisfies Record<string, SdkSymbol>);

const V1 = "@modelcontextprotocol/sdk";

/** Every SDK module the rules know, with the names (of SDK_SYMBOLS) each exports. */
export const SDK_MODULES: readonly SdkModule[] = Object.freeze([
  // v1: barrels
  { specifier: `${V1}/client`, line: "v1", exports: ["Client"] },
  { specifier: `${V1}/server`, line: "v1", exports: ["Server"] },
  // v1: deep imports
  { specifier: `${V1}/client/index.js`, line: "v1", exports: ["Client"] },
  { specifier: `${V1}/client/stdio.js`, line: "v1", exports: ["StdioClientTransport"] },
  { specifier: `${V1}/client/streamableHttp.js`, line: "v1", exports: ["StreamableHTTPClientTransport"] },
  { specifier: `${V1}/client/sse.js`, line: "v1", exports: ["SSEClientTransport"] },
  { specifier: `${V1}/client/websocket.js`, line: "v1", exports: ["WebSocketClientTransport"] },
  { specifier: `${V1}/server/index.js`, line: "v1", exports: ["Server"] },
  { specifier: `${V1}/server/mcp.js`, line: "v1", exports: ["McpServer"] },
  { specifier: `${V1}/server/stdio.js`, line: "v1", exports: ["StdioServerTransport"] },
  { specifier: `${V1}/server/streamableHttp.js`, line: "v1", exports: ["StreamableHTTPServerTransport"] },
  { specifier: `${V1}/server/webStandardStreamableHttp.js`, line: "v1", exports: ["WebStandardStreamableHTTPServerTransport"] },
  { specifier: `${V1}/server/sse.js`, line: "v1", exports: ["SSEServerTransport"] },
  { specifier: `${V1}/server/express.js`, line: "v1", exports: ["createMcpExpressApp"] },
  {
    specifier: `${V1}/server/middleware/hostHeaderValidation.js`,
    line: "v1",
    exports: ["hostHeaderValidation", "localhostHostValidation"],
  },
  { specifier: `${V1}/server/auth/middleware/bearerAuth.js`, line: "v1", exports: ["requireBearerAuth"] },
  { specifier: `${V1}/inMemory.js`, line: "v1", exports: ["InMemoryTransport"] },
  // v2
  {
    specifier: "@modelcontextprotocol/client",
    line: "v2",
    exports: ["Client", "StreamableHTTPClientTransport", "SSEClientTransport", "InMemoryTransport"],
  },
  { specifier: "@modelcontextprotocol/client/stdio", line: "v2", exports: ["StdioClientTransport"] },
  {
    specifier: "@modelcontextprotocol/server",
    line: "v2",
    exports: [
      "McpServer",
      "Server",
      "WebStandardStreamableHTTPServerTransport",
      "PerRequestHTTPServerTransport",
      "InMemoryTransport",
      "createMcpHandler",
      "validateHostHeader",
      "validateOriginHeader",
      "hostHeaderValidationResponse",
      "originValidationResponse",
      "requireBearerAuth",
    ],
  },
  { specifier: "@modelcontextprotocol/server/stdio", line: "v2", exports: ["StdioServerTransport", "serveStdio"] },
  {
    specifier: "@modelcontextprotocol/node",
    line: "v2",
    exports: ["NodeStreamableHTTPServerTransport", "toNodeHandler", "hostHeaderValidation", "localhostHostValidation", "originValidation", "localhostOriginValidation"],
  },
  {
    specifier: "@modelcontextprotocol/express",
    line: "v2",
    exports: ["createMcpExpressApp", "hostHeaderValidation", "localhostHostValidation", "originValidation", "localhostOriginValidation", "requireBearerAuth"],
  },
  { specifier: "@modelcontextprotocol/hono", line: "v2", exports: ["createMcpHonoApp", "hostHeaderValidation", "localhostHostValidation", "originValidation", "localhostOriginValidation"] },
  { specifier: "@modelcontextprotocol/server-legacy", line: "v2", exports: ["SSEServerTransport", "requireBearerAuth"], legacy: true },
  { specifier: "@modelcontextprotocol/server-legacy/sse", line: "v2", exports: ["SSEServerTransport"], legacy: true },
  { specifier: "@modelcontextprotocol/server-legacy/auth", line: "v2", exports: ["requireBearerAuth"], legacy: true },
] satisfies SdkModule[]);

/** v2 package names (their subpaths are SDK modules too). */
export const SDK_V2_PACKAGES: readonly string[] = Object.freeze([
  "@modelcontextprotocol/client",
  "@modelcontextprotocol/server",
  "@modelcontextprotocol/node",
  "@modelcontextprotocol/express",
  "@modelcontextprotocol/hono",
  "@modelcontextprotocol/fastify",
  "@modelcontextprotocol/server-legacy",
  "@modelcontextprotocol/core",
]);

const byCanonical = new Map(SDK_MODULES.map((m) => [m.specifier, m]));

/**
 * The SDK line a specifier belongs to, or undefined when it is not the MCP SDK.
 * Any `@modelcontextprotocol/sdk/...` deep import is v1 (also `types.js`,
 * `shared/protocol.js`...), any subpath of a v2 package is v2.
 */
export function sdkLineOf(specifier: string): SdkLine | undefined {
  if (specifier === V1 || specifier.startsWith(`${V1}/`)) return "v1";
  if (!specifier.startsWith("@modelcontextprotocol/")) return undefined;
  for (const pkg of SDK_V2_PACKAGES) if (specifier === pkg || specifier.startsWith(`${pkg}/`)) return "v2";
  return undefined;
}

/** Is this module specifier (as written) part of the MCP SDK? */
export function isSdkSpecifier(specifier: string): boolean {
  return sdkLineOf(specifier) !== undefined;
}

/**
 * The specifier as the catalog spells it: `dist/esm/`, `dist/cjs/` folders and
 * a missing `.js` suffix of v1 deep imports are normalised away (those imports
 * are broken at run time, but their intent is clear).
 */
export function canonicalSpecifier(specifier: string): string {
  if (!specifier.startsWith(`${V1}/`)) return specifier;
  let rest = specifier.slice(V1.length + 1).replace(/^dist\/(?:esm|cjs)\//, "");
  if (rest === "client" || rest === "server") return `${V1}/${rest}`;
  rest = rest.replace(/\.(?:js|cjs|mjs|ts|d\.ts)$/, "");
  if (rest === "client" || rest === "server") rest += "/index";
  return `${V1}/${rest}.js`;
}

/** sdkModule() by specifier as written (the rules look the same few specifiers up again and again). */
const moduleBySpecifier = new Map<string, SdkModule | null>();

/** The catalog entry of a module specifier (after normalisation), if it is one the rules know. */
export function sdkModule(specifier: string): SdkModule | undefined {
  let hit = moduleBySpecifier.get(specifier);
  if (hit === undefined) {
    hit = byCanonical.get(canonicalSpecifier(specifier)) ?? null;
    if (moduleBySpecifier.size >= 1024) moduleBySpecifier.clear();
    moduleBySpecifier.set(specifier, hit);
  }
  return hit ?? undefined;
}

/**
 * The catalog symbol for `name` imported from `specifier`, or undefined when the
 * specifier is not the SDK or the name is not one the rules rely on. Names are
 * accepted from any SDK module (a wrong barrel is an import problem, not a
 * reason to lose track of what the code means to build).
 */
export function sdkSymbol(specifier: string, name: string): SdkSymbol | undefined {
  if (!isSdkSpecifier(specifier)) return undefined;
  return Object.hasOwn(SDK_SYMBOLS, name) ? SDK_SYMBOLS[name] : undefined;
}

/** Every symbol with one of these roles. */
export function symbolsWithRole(...roles: SdkRole[]): SdkSymbol[] {
  return Object.values(SDK_SYMBOLS).filter((s) => roles.includes(s.role));
}

/** Client request methods (v1 and v2 `Client`) that need a completed `connect()`. */
export const CLIENT_REQUEST_METHODS: ReadonlySet<string> = new Set([
  "callTool",
  "listTools",
  "listResources",
  "listResourceTemplates",
  "readResource",
  "subscribeResource",
  "unsubscribeResource",
  "listPrompts",
  "getPrompt",
  "complete",
  "setLoggingLevel",
  "ping",
  "request",
  "notification",
  "sendRootsListChanged",
  "getServerCapabilities",
  "getServerVersion",
  "getInstructions",
]);

/** Transport callbacks that `Protocol.connect()` wraps; assigning them after connect replaces the SDK's handler. */
export const TRANSPORT_CALLBACKS: ReadonlySet<string> = new Set(["onclose", "onerror", "onmessage"]);

/** Keys of MCP tool annotations: an object literal with only these is annotations, not an input shape. */
export const TOOL_ANNOTATION_KEYS: ReadonlySet<string> = new Set(["title", "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]);

/** Deprecated `McpServer` registration methods (v1 since 1.21.1; removed in v2) and their replacements. */
export const DEPRECATED_REGISTRATION: Readonly<Record<string, string>> = Object.freeze({
  tool: "registerTool",
  prompt: "registerPrompt",
  resource: "registerResource",
});

/**
 * The server capability each request method needs before a low-level `Server` may handle it: `setRequestHandler`
 * throws "Server does not support <capability> (required for <method>)" when the server's capabilities lack it
 * (Server.assertRequestHandlerCapability; read in @modelcontextprotocol/sdk 1.32.2 and @modelcontextprotocol/server
 * 2.4.0, and run on both). Keyed by the method and by the name of its request schema in the SDK's types
 * (v1 takes the schema, v2 the method string).
 */
export const REQUEST_CAPABILITY: Readonly<Record<string, { method: string; capability: string }>> = (() => {
  const table: Array<[string, string, string]> = [
    ["ListToolsRequestSchema", "tools/list", "tools"],
    ["CallToolRequestSchema", "tools/call", "tools"],
    ["ListPromptsRequestSchema", "prompts/list", "prompts"],
    ["GetPromptRequestSchema", "prompts/get", "prompts"],
    ["ListResourcesRequestSchema", "resources/list", "resources"],
    ["ListResourceTemplatesRequestSchema", "resources/templates/list", "resources"],
    ["ReadResourceRequestSchema", "resources/read", "resources"],
    ["CompleteRequestSchema", "completion/complete", "completions"],
    ["SetLevelRequestSchema", "logging/setLevel", "logging"],
  ];
  const out: Record<string, { method: string; capability: string }> = {};
  for (const [schema, method, capability] of table) out[schema] = out[method] = { method, capability };
  return Object.freeze(out);
})();
