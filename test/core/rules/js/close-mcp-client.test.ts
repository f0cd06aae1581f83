import { closeMcpClient } from "../../../../packages/core/src/rules/js/close-mcp-client.js";
import { commonjs, tester } from "./tester.js";

const IMP = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\n`;
const NEW = `const client = new Client({ name: "c", version: "1" });\n`;
const CONNECT = `await client.connect(new StdioClientTransport({ command: "node", args: ["server.js"] }));\nconsole.log(await client.callTool({ name: "x", arguments: {} }));\n`;

tester().run("close-mcp-client", closeMcpClient, {
  valid: [
    { code: IMP + NEW + CONNECT + `await client.close();` },
    { code: IMP + NEW + `try {\n` + CONNECT + `} finally {\n  await client.close();\n}` },
    // closing the transport ends the child too
    { code: IMP + NEW + `const t = new StdioClientTransport({ command: "node" });\nawait client.connect(t);\nawait client.listTools();\nawait t.close();` },
    // explicit exit
    { code: IMP + NEW + CONNECT + `process.exit(0);` },
    // a library module: the client lives as long as the process
    { code: IMP + NEW + CONNECT + `export function tools() { return client.listTools(); }` },
    // a long-lived client held by a class or handed on
    { code: IMP + `class Hub { async add() { const client = new Client({ name: "c", version: "1" }); await client.connect(new StdioClientTransport({ command: "x" })); this.clients.push(client); } }` },
    { code: IMP + NEW + CONNECT + `registry.set("x", client);` },
    // used later from callbacks: long-lived
    { code: IMP + NEW + CONNECT + `app.get("/tools", async (req, res) => res.json(await client.listTools()));` },
    // HTTP transport: out of scope
    { code: `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\n` + NEW + `await client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));\nawait client.listTools();` },
  ],
  invalid: [
    {
      code: IMP + NEW + CONNECT,
      errors: [{ messageId: "notClosed", line: 3, column: 20, endLine: 3, endColumn: 26 }],
    },
    {
      code: IMP + `async function main() {\n  const client = new Client({ name: "c", version: "1" });\n  const transport = new StdioClientTransport({ command: "node", args: ["s.js"] });\n  await client.connect(transport);\n  console.log(await client.listTools());\n}\nmain();`,
      errors: [{ messageId: "notClosed", line: 4, column: 22 }],
    },
    {
      code: `const { Client } = require("@modelcontextprotocol/sdk/client/index.js");\nconst { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");\nasync function run() {\n  const c = new Client({ name: "c", version: "1" });\n  c.onerror = (e) => console.error(e);\n  await c.connect(new StdioClientTransport({ command: "node", args: ["s.js"] }));\n  await c.ping();\n}\nrun();`,
      filename: "script.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "notClosed", line: 4, column: 17 }],
    },
  ],
});
