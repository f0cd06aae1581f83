import { noLateTransportCallbacks } from "../../../../packages/core/src/rules/js/no-late-transport-callbacks.js";
import { commonjs, tester } from "./tester.js";

const CLI = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\nconst client = new Client({ name: "c", version: "1" });\nconst t = new StdioClientTransport({ command: "node", args: ["s.js"] });\n`;

tester().run("no-late-transport-callbacks", noLateTransportCallbacks, {
  valid: [
    // issue 12: a handler that chains the one connect() installed
    { code: CLI + `await client.connect(t);\nconst prev = t.onclose;\nt.onclose = () => {\n  prev?.();\n  console.error("closed");\n};` },
    { code: CLI + `t.onclose = () => console.error("closed");\nt.onerror = (e) => console.error(e);\nawait client.connect(t);` },
    // Protocol-level callbacks are chained by the SDK
    { code: CLI + `await client.connect(t);\nclient.onclose = () => console.error("closed");\nclient.onerror = (e) => console.error(e);` },
    // another transport
    { code: CLI + `await client.connect(t);\nconst other = new StdioClientTransport({ command: "x" });\nother.onclose = () => {};` },
    // a later assignment in another function is not ordered with this connect
    { code: CLI + `async function start() { await client.connect(t); }\nfunction watch() { t.onclose = () => {}; }` },
    // other properties
    { code: CLI + `await client.connect(t);\nt.sessionId = undefined;` },
  ],
  invalid: [
    {
      code: CLI + `await client.connect(t);\nt.onclose = () => console.error("closed");`,
      errors: [{ messageId: "late", data: { callback: "onclose", protocolCallback: "onclose", effect: 'pending requests hang until their timeout instead of failing with "Connection closed"' }, line: 6, column: 1, endLine: 6, endColumn: 10 }],
    },
    {
      code: CLI + `async function main() {\n  await client.connect(t);\n  t.onerror = (e) => console.error(e);\n  t.onmessage = (m) => console.error(m);\n}`,
      errors: [
        { messageId: "late", data: { callback: "onerror", protocolCallback: "onerror", effect: "transport errors no longer reach the protocol layer" }, line: 7, column: 3, endColumn: 12 },
        { messageId: "late", data: { callback: "onmessage", protocolCallback: "setRequestHandler()", effect: "no message reaches the protocol layer any more" }, line: 8, column: 3 },
      ],
    },
    {
      // server side, class members
      code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nclass App {\n  private server = new McpServer({ name: "x", version: "1" });\n  private transport = new StdioServerTransport();\n  async run() {\n    await this.server.connect(this.transport);\n    this.transport.onclose = () => process.exit(0);\n  }\n}`,
      errors: [{ messageId: "late", line: 8, column: 5, endColumn: 27 }],
    },
    {
      // CommonJS, not awaited
      code: `const { Client } = require("@modelcontextprotocol/sdk/client/index.js");\nconst c = new Client({ name: "c", version: "1" });\nc.connect(transport).then(() => {});\ntransport.onclose = () => {};`,
      filename: "c.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "late", line: 4, column: 1 }],
    },
  ],
});
