import { noFixedSleepBeforeConnect } from "../../../../packages/core/src/rules/js/no-fixed-sleep-before-connect.js";
import { commonjs, tester } from "./tester.js";

const STDIO = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\nconst client = new Client({ name: "c", version: "1" });\nconst transport = new StdioClientTransport({ command: "node", args: ["server.js"] });\n`;
const HTTP = `import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";\nconst client = new Client({ name: "c", version: "1" });\n`;

tester().run("no-fixed-sleep-before-connect", noFixedSleepBeforeConnect, {
  valid: [
    { code: STDIO + `await client.connect(transport);` },
    // retry loop with backoff: the good pattern
    {
      code: HTTP + `for (let i = 0; i < 5; i++) {\n  await new Promise((r) => setTimeout(r, 2 ** i * 100));\n  try { await client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp"))); break; } catch {}\n}`,
    },
    // a readiness check between the wait and the connect
    { code: HTTP + `await sleep(100);\nawait waitForHealth("http://localhost:3000/health");\nawait client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));` },
    // a wait after the connect
    { code: STDIO + `await client.connect(transport);\nawait new Promise((r) => setTimeout(r, 500));` },
    // a condition wait is not a fixed sleep
    { code: HTTP + `await wait(() => serverReady);\nawait client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));` },
    // a promise that does more than sleep
    { code: HTTP + `await new Promise((resolve) => { child.stderr.on("data", (d) => { if (String(d).includes("ready")) resolve(); }); setTimeout(resolve, 5000); });\nawait client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));` },
    // not an MCP connect
    { code: HTTP + `await sleep(1000);\nawait db.connect("postgres://x");` },
    // too far back
    { code: HTTP + `await sleep(1000);\nconst a = 1;\nconst b = 2;\nconst c = 3;\nawait client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));` },
  ],
  invalid: [
    {
      code: STDIO + `await new Promise((r) => setTimeout(r, 2000));\nawait client.connect(transport);`,
      errors: [
        {
          messageId: "stdio",
          data: { duration: "2000 ms" },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 46,
          suggestions: [{ messageId: "removeWait", output: STDIO + `await client.connect(transport);` }],
        },
      ],
    },
    {
      code: HTTP + `const DELAY = 1500;\nawait sleep(DELAY);\nconst t = new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp"));\nawait client.connect(t);`,
      errors: [{ messageId: "http", data: { duration: "1500 ms" }, line: 4, column: 1, endColumn: 19, suggestions: [] }],
    },
    {
      code: `import { setTimeout as pause } from "node:timers/promises";\n` + HTTP + `async function main() {\n  await pause(300);\n  await client.connect(new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp")));\n}`,
      errors: [{ messageId: "http", data: { duration: "300 ms" }, line: 5, column: 3, endColumn: 19, suggestions: [] }],
    },
    {
      code: `import timers from "timers/promises";\n` + STDIO + `async function main() {\n  await timers.setTimeout(1000);\n  await client.connect(transport);\n}`,
      errors: [
        {
          messageId: "stdio",
          line: 7,
          column: 3,
          suggestions: [{ messageId: "removeWait", output: `import timers from "timers/promises";\n` + STDIO + `async function main() {\n  await client.connect(transport);\n}` }],
        },
      ],
    },
    {
      // CommonJS
      code: `const { Client } = require("@modelcontextprotocol/sdk/client/index.js");\nconst { StreamableHTTPClientTransport } = require("@modelcontextprotocol/sdk/client/streamableHttp.js");\nasync function main() {\n  const c = new Client({ name: "c", version: "1" });\n  await delay(500);\n  await c.connect(new StreamableHTTPClientTransport(new URL(process.env.URL)));\n}`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "http", data: { duration: "500 ms" }, line: 5, column: 3, endColumn: 19, suggestions: [] }],
    },
  ],
});
