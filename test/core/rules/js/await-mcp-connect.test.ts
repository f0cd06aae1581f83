import { awaitMcpConnect } from "../../../../packages/core/src/rules/js/await-mcp-connect.js";
import { commonjs, tester } from "./tester.js";

const CLI = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nconst client = new Client({ name: "c", version: "1" });\nconst transport = new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp"));\n`;

tester().run("await-mcp-connect", awaitMcpConnect, {
  valid: [
    { code: CLI + `await client.connect(transport);\nconst tools = await client.listTools();` },
    { code: CLI + `async function main() { await client.connect(transport); return client.callTool({ name: "x", arguments: {} }); }` },
    // a kept promise that is awaited later
    { code: CLI + `const ready = client.connect(transport);\nawait ready;\nawait client.listTools();` },
    // Promise.all of both halves (in-memory test pattern)
    { code: CLI + `await Promise.all([client.connect(transport), server.connect(other)]);\nawait client.listTools();` },
    // requests inside the .then callback run after the handshake
    { code: CLI + `client.connect(transport).then(() => client.listTools());` },
    // floating without a later request: reported only with reportFloating
    { code: CLI + `client.connect(transport);` },
    // a later request on another client
    { code: CLI + `const other = new Client({ name: "o", version: "1" });\nclient.connect(transport);\nawait other.listTools();` },
    // a later use in another function is not ordered with this one
    { code: CLI + `function start() { client.connect(transport); }\nasync function later() { return client.listTools(); }` },
    // a non-MCP connect followed by a generic method
    { code: CLI + `db.connect(url);\nawait db.ping();` },
    // the request before the connect
    { code: CLI + `async function f() { await client.listTools(); client.connect(transport); }` },
  ],
  invalid: [
    {
      code: CLI + `client.connect(transport);\nconst tools = await client.listTools();`,
      errors: [
        {
          messageId: "race",
          data: { method: "listTools", line: 6 },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 26,
          suggestions: [{ messageId: "addAwait", output: CLI + `await client.connect(transport);\nconst tools = await client.listTools();` }],
        },
      ],
    },
    {
      code: CLI + `async function main() {\n  void client.connect(transport);\n  await client.callTool({ name: "x", arguments: {} });\n}`,
      errors: [
        {
          messageId: "race",
          data: { method: "callTool", line: 7 },
          line: 6,
          column: 8,
          endColumn: 33,
          suggestions: [{ messageId: "addAwait", output: CLI + `async function main() {\n  await client.connect(transport);\n  await client.callTool({ name: "x", arguments: {} });\n}` }],
        },
      ],
    },
    {
      // handled with .catch, but not waited for
      code: CLI + `client.connect(transport).catch(console.error);\nconsole.log(await client.listTools());`,
      errors: [
        {
          messageId: "race",
          line: 5,
          column: 1,
          endColumn: 26,
          suggestions: [{ messageId: "addAwait", output: CLI + `await client.connect(transport).catch(console.error);\nconsole.log(await client.listTools());` }],
        },
      ],
    },
    {
      // no suggestion where await cannot be written (sync function)
      code: CLI + `function main() {\n  client.connect(transport);\n  client.listPrompts().then(console.log);\n}`,
      errors: [{ messageId: "race", data: { method: "listPrompts", line: 7 }, line: 6, column: 3, suggestions: [] }],
    },
    {
      // class member client built elsewhere: distinctive request methods identify it
      code: `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nclass Hub { async start(t) { this.client.connect(t); const { tools } = await this.client.listTools(); return tools; } }`,
      errors: [
        {
          messageId: "race",
          line: 2,
          column: 30,
          endColumn: 52,
          suggestions: [{ messageId: "addAwait", output: `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nclass Hub { async start(t) { await this.client.connect(t); const { tools } = await this.client.listTools(); return tools; } }` }],
        },
      ],
    },
    {
      // CommonJS: no top-level await, so no suggestion
      code: `const { Client } = require("@modelcontextprotocol/sdk/client/index.js");\nconst c = new Client({ name: "c", version: "1" });\nc.connect(t);\nc.listTools().then(console.log);`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "race", line: 3, column: 1, endColumn: 13, suggestions: [] }],
    },
    {
      code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst server = new McpServer({ name: "s", version: "1" });\nserver.connect(new StdioServerTransport());`,
      options: [{ reportFloating: true }],
      errors: [
        {
          messageId: "floating",
          line: 4,
          column: 1,
          endColumn: 43,
          suggestions: [
            {
              messageId: "addAwait",
              output: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst server = new McpServer({ name: "s", version: "1" });\nawait server.connect(new StdioServerTransport());`,
            },
          ],
        },
      ],
    },
  ],
});
