import { noSharedServerInstance } from "../../../../packages/core/src/rules/js/no-shared-server-instance.js";
import { tester } from "./tester.js";

const IMPORTS = `import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
const app = express();
`;

tester().run("no-shared-server-instance", noSharedServerInstance, {
  valid: [
    // Stateless, the SDK's way: server and transport per request.
    {
      code: `${IMPORTS}app.post("/mcp", async (req, res) => {
  const server = new McpServer({ name: "x", version: "1" });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => { transport.close(); server.close(); });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
    },
    // Stateful: a map of transports by session id, a new server per session (from a factory).
    {
      code: `${IMPORTS}import { randomUUID } from "node:crypto";
const transports = {};
function getServer() { return new McpServer({ name: "x", version: "1" }); }
app.post("/mcp", async (req, res) => {
  const id = req.headers["mcp-session-id"];
  let transport = id ? transports[id] : undefined;
  if (!transport) {
    transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sid) => { transports[sid] = transport; } });
    const server = getServer();
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});`,
    },
    // One server connected once to one stdio transport at module level.
    {
      code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
const server = new McpServer({ name: "x", version: "1" });
await server.connect(new StdioServerTransport());`,
    },
    // A module-level stateful transport connected once at startup: not a per-request connect.
    {
      code: `${IMPORTS}import { randomUUID } from "node:crypto";
const server = new McpServer({ name: "x", version: "1" });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
await server.connect(transport);
app.post("/mcp", (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    // The server is reassigned inside the handler: a new one per request.
    {
      code: `${IMPORTS}let server;
app.post("/mcp", async (req, res) => {
  server = new McpServer({ name: "x", version: "1" });
  const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(t);
  await t.handleRequest(req, res, req.body);
});`,
    },
    // Connect outside any HTTP handler (a setTimeout callback, a plain function): not this rule's pattern.
    {
      code: `${IMPORTS}const server = new McpServer({ name: "x", version: "1" });
function start() { const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); return server.connect(t); }
start();`,
    },
    // The transport comes from somewhere this file cannot see (a helper): not reported.
    {
      code: `${IMPORTS}import { makeTransport } from "./t.js";
const server = new McpServer({ name: "x", version: "1" });
app.post("/mcp", async (req, res) => { const t = makeTransport(); await server.connect(t); await t.handleRequest(req, res); });`,
    },
    // Not an MCP server: a Map.get with a callback is no route.
    {
      code: `${IMPORTS}const server = new McpServer({ name: "x", version: "1" });
[1].map(() => { const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); return server.connect(t); });`,
    },
    // A factory passed in (untyped, or returning a new server): a new server per request.
    {
      code: `import express from "express";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
export function serve(createServer: () => Server) {
  const app = express();
  app.post("/mcp", async (req: express.Request, res: express.Response) => {
    const server = createServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
}`,
    },
    // A module-level value from a factory that may return something else: unknown, not reported.
    {
      code: `${IMPORTS}import { other } from "./o.js";
function make(flag) { if (flag) return other; return new McpServer({ name: "x", version: "1" }); }
const server = make(true);
app.post("/mcp", async (req, res) => { await server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })); });`,
    },
    // A typed parameter of the handler itself is not shared by this file's doing.
    {
      code: `import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
export const handle = (app: any) => app.post("/mcp", async (req: any, res: any, server: McpServer) => {
  await server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }));
});`,
    },
  ],
  invalid: [
    // Shared server, per-request transport (Express).
    {
      code: `${IMPORTS}const server = new McpServer({ name: "x", version: "1" });
app.post("/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [{ messageId: "sharedServer", line: 8, column: 9, endLine: 8, endColumn: 34 }],
    },
    // Shared stateless transport (connected once, used by every request).
    {
      code: `${IMPORTS}const server = new McpServer({ name: "x", version: "1" });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
await server.connect(transport);
app.post("/mcp", async (req, res) => {
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [{ messageId: "sharedTransport", line: 9, column: 9, endLine: 9, endColumn: 52 }],
    },
    // Stateful sessions sharing one server: the second session's connect throws (≥ 1.26) or leaks (< 1.26).
    {
      code: `${IMPORTS}import { randomUUID } from "node:crypto";
const server = new McpServer({ name: "x", version: "1" });
const transports = new Map();
async function handleMcp(req, res) {
  let transport = transports.get(req.headers["mcp-session-id"]);
  if (!transport) {
    transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
    await server.connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
}
app.post("/mcp", handleMcp);`,
      errors: [{ messageId: "sharedServer", line: 12, column: 11 }],
    },
    // node:http createServer listener, low-level Server, transport built inline.
    {
      code: `import { createServer } from "node:http";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
const server = new Server({ name: "x", version: "1" }, { capabilities: {} });
createServer(async (req, res) => {
  await server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }));
}).listen(3000);`,
      errors: [{ messageId: "sharedServer", line: 6, column: 9, data: { name: "Server" } }],
    },
    // Hono, TypeScript.
    {
      code: `import { Hono } from "hono";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
const app = new Hono();
const server: McpServer = new McpServer({ name: "x", version: "1" });
app.all("/mcp", async (c) => {
  const t = new WebStandardStreamableHTTPServerTransport();
  await server.connect(t);
  return t.handleRequest(c.req.raw);
});`,
      errors: [{ messageId: "sharedServer", line: 8 }],
    },
    // A server from this file's factory, made once at module level.
    {
      code: `${IMPORTS}function createServer() {
  const s = new McpServer({ name: "x", version: "1" });
  s.registerTool("ping", { description: "ping" }, async () => ({ content: [] }));
  return s;
}
const server = createServer();
app.post("/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [{ messageId: "sharedServer", line: 13, column: 9, data: { name: "McpServer" } }],
    },
    {
      code: `${IMPORTS}const build = () => new McpServer({ name: "x", version: "1" });
const server = build();
app.all("/mcp", async (req, res) => { await server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })); });`,
      errors: [{ messageId: "sharedServer", line: 7, column: 45 }],
    },
    // A server handed in as a typed parameter and connected per request (one server for every client).
    {
      code: `import express from "express";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
export function serve(server: Server) {
  const app = express();
  app.post("/mcp", async (req: express.Request, res: express.Response) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
}`,
      errors: [{ messageId: "sharedServer", line: 8, column: 11, data: { name: "Server" } }],
    },
  ],
});
