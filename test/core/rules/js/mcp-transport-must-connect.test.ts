import { mcpTransportMustConnect } from "../../../../packages/core/src/rules/js/mcp-transport-must-connect.js";
import { commonjs, tester } from "./tester.js";

const SRV = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\n`;
const CLI = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\n`;

tester().run("mcp-transport-must-connect", mcpTransportMustConnect, {
  valid: [
    { code: SRV + `const server = new McpServer({ name: "x", version: "1" });\nawait server.connect(new StdioServerTransport());` },
    { code: SRV + `const t = new StdioServerTransport();\nt.onerror = (e) => console.error(e);\nawait createServer().connect(t);` },
    { code: CLI + `const client = new Client({ name: "c", version: "1" });\nconst transport = new StdioClientTransport({ command: "node", args: ["s.js"] });\nawait client.connect(transport);` },
    // handed to someone else
    { code: CLI + `export function makeTransport() { const t = new StdioClientTransport({ command: "node" }); return t; }` },
    { code: CLI + `const t = new StdioClientTransport({ command: "node" });\nconnectWithRetry(t);` },
    { code: CLI + `const transports = {};\ntransports.a = new StdioClientTransport({ command: "node" });` },
    // driven by hand on purpose
    { code: CLI + `const t = new StdioClientTransport({ command: "node" });\nt.onmessage = (m) => console.error(m);\nawait t.start();\nawait t.send({ jsonrpc: "2.0", id: 1, method: "ping" });` },
    // session map pattern (v1 HTTP)
    {
      code: `import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconst transports = {};\napp.post("/mcp", async (req, res) => { const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID(), onsessioninitialized: (id) => { transports[id] = transport; } }); await getServer().connect(transport); await transport.handleRequest(req, res, req.body); });`,
    },
    // chained start() is manual use
    { code: SRV + `await new StdioServerTransport().start();` },
    // public member of a class
    { code: SRV + `export class S { transport = new StdioServerTransport(); }` },
  ],
  invalid: [
    {
      code: SRV + `const server = new McpServer({ name: "x", version: "1" });\nconst transport = new StdioServerTransport();\nawait server.connect();`,
      errors: [{ messageId: "notConnected", data: { name: "StdioServerTransport" }, line: 4, column: 23, endLine: 4, endColumn: 43 }],
    },
    {
      // singleton HTTP transport used without ever being connected
      code: `import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconst transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });\napp.post("/mcp", (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [{ messageId: "notConnected", data: { name: "StreamableHTTPServerTransport" }, line: 2, column: 23, endColumn: 52 }],
    },
    {
      code: `import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";\nexport default { fetch: (req) => new WebStandardStreamableHTTPServerTransport().handleRequest(req) };`,
      errors: [{ messageId: "notConnected", line: 2, column: 38, endColumn: 78 }],
    },
    {
      code: CLI + `new StdioClientTransport({ command: "node", args: ["s.js"] });`,
      errors: [{ messageId: "notConnected", line: 3, column: 5, endColumn: 25 }],
    },
    {
      code: `const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");\nconst t = new StdioClientTransport({ command: "node" });\nt.onclose = () => {};`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "notConnected", line: 2, column: 15 }],
    },
    {
      code: `import { NodeStreamableHTTPServerTransport } from "@modelcontextprotocol/node";\nconst t = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });\nexport async function handler(req, res) { await t.handleRequest(req, res); }`,
      filename: "server.mjs",
      errors: [{ messageId: "notConnected", line: 2, column: 15 }],
    },
  ],
});
