import { mcpServerMustConnect } from "../../../../packages/core/src/rules/js/mcp-server-must-connect.js";
import { commonjs, tester } from "./tester.js";

const V1 = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\n`;
const V2 = `import { McpServer } from "@modelcontextprotocol/server";\nimport { serveStdio } from "@modelcontextprotocol/server/stdio";\n`;

tester().run("mcp-server-must-connect", mcpServerMustConnect, {
  valid: [
    // the module answers JSON-RPC itself (replies with jsonrpc "2.0", dispatches on MCP method names): issue 12
    { code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nconst server = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });\n` + `export async function POST(req) {\n  const { id, method } = await req.json();\n  if (method === "tools/list") return Response.json({ jsonrpc: "2.0", id, result: { tools: [] } });\n  return Response.json({ jsonrpc: "2.0", id, error: { code: -32601, message: "no" } });\n}` },
    { code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nconst server = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });\n` + `function reply(id, method) {\n  switch (method) {\n    case "tools/call": return { "jsonrpc": "2.0", id, result: {} };\n  }\n}` },
    { code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nawait server.connect(new StdioServerTransport());` },
    // connect in another function of the module
    { code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nasync function main() { await server.connect(new StdioServerTransport()); }\nmain();` },
    // factory: returned
    { code: V1 + `export function createServer() { const s = new McpServer({ name: "x", version: "1" }); s.registerTool("t", {}, async () => ({ content: [] })); return s; }` },
    // factory returning an object holding it
    { code: V1 + `export const createServer = () => { const server = new McpServer({ name: "x", version: "1" }); return { server, cleanup() {} }; };` },
    // exported
    { code: V1 + `export const server = new McpServer({ name: "x", version: "1" });` },
    { code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nexport default server;` },
    { code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nexport { server };` },
    // v2 factory pattern
    { code: V2 + `serveStdio(() => new McpServer({ name: "x", version: "1" }));` },
    { code: V2 + `const server = new McpServer({ name: "x", version: "1" });\nserveStdio(() => server);` },
    // the low-level server is connected through .server
    { code: V1 + `const mcp = new McpServer({ name: "x", version: "1" });\nawait mcp.server.connect(new StdioServerTransport());` },
    // a public class member may be connected by the class's users
    { code: V1 + `export class App { server = new McpServer({ name: "x", version: "1" }); }` },
    // a private member connected in another method
    { code: V1 + `class App { private server: McpServer; constructor() { this.server = new McpServer({ name: "x", version: "1" }); } async run() { await this.server.connect(new StdioServerTransport()); } }` },
    // CommonJS export
    { code: `const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");\nconst server = new McpServer({ name: "x", version: "1" });\nmodule.exports = { server };`, filename: "server.cjs", languageOptions: commonjs },
    // a non-SDK McpServer
    { code: `import { McpServer } from "../code/fake.js";\nimport "@modelcontextprotocol/sdk/types.js";\nconst s = new McpServer();` },
  ],
  invalid: [
    // a jsonrpc reply without any dispatch on MCP methods does not answer MCP: still reported
    {
      code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nconst server = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });\n` + `export const ok = (id) => ({ jsonrpc: "2.0", id, result: {} });`,
      errors: [{ messageId: "notConnected", line: 2 }],
    },
    {
      code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nserver.registerTool("t", {}, async () => ({ content: [] }));`,
      errors: [{ messageId: "notConnected", data: { name: "McpServer" }, line: 3, column: 20, endLine: 3, endColumn: 29 }],
    },
    {
      // the transport is built, but the server never connects to it
      code: V1 + `const server = new McpServer({ name: "x", version: "1" });\nconst transport = new StdioServerTransport();\ntransport.onclose = () => {};`,
      errors: [{ messageId: "notConnected", line: 3, column: 20 }],
    },
    {
      code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nnew Server({ name: "x", version: "1" }, { capabilities: {} });`,
      errors: [{ messageId: "notConnected", data: { name: "Server" }, line: 2, column: 5, endColumn: 11 }],
    },
    {
      // a private class member never connected
      code: V1 + `class App { #server = new McpServer({ name: "x", version: "1" }); start() { this.#server.registerTool("t", {}, async () => ({ content: [] })); } }`,
      errors: [{ messageId: "notConnected", line: 3, column: 27, endColumn: 36 }],
    },
    {
      // CommonJS namespace require
      code: `const mcp = require("@modelcontextprotocol/sdk/server/mcp.js");\nconst s = new mcp.McpServer({ name: "x", version: "1" });\ns.registerTool("t", {}, async () => ({ content: [] }));`,
      filename: "server.js",
      languageOptions: commonjs,
      errors: [{ messageId: "notConnected", line: 2, column: 15, endColumn: 28 }],
    },
    {
      code: V2 + `const s = new McpServer({ name: "x", version: "1" });\ns.registerTool("t", {}, async () => ({ content: [] }));`,
      filename: "server.mjs",
      errors: [{ messageId: "notConnected", line: 3, column: 15 }],
    },
  ],
});
