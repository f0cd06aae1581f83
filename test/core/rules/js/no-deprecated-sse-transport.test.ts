import { noDeprecatedSseTransport } from "../../../../packages/core/src/rules/js/no-deprecated-sse-transport.js";
import { commonjs, tester } from "./tester.js";

const CLIENT = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nimport { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";\n`;

tester().run("no-deprecated-sse-transport", noDeprecatedSseTransport, {
  valid: [
    { code: CLIENT + `await client.connect(new StreamableHTTPClientTransport(new URL(u)));` },
    // the documented client fallback
    {
      code: CLIENT + `try {\n  await client.connect(new StreamableHTTPClientTransport(new URL(u)));\n} catch {\n  try {\n    const t = new SSEClientTransport(new URL(u));\n    await client.connect(t);\n  } catch (e) { throw e; }\n}`,
    },
    // a server serving both endpoints for old clients
    {
      code: `import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\napp.get("/sse", (req, res) => new SSEServerTransport("/messages", res));\napp.post("/mcp", (req, res) => new StreamableHTTPServerTransport({}));`,
    },
    // a type-only mention is not a use
    { code: `import type { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";\nlet t: SSEServerTransport | undefined;` },
    // a same-named local class
    { code: `import "@modelcontextprotocol/sdk/types.js";\nclass SSEClientTransport {}\nnew SSEClientTransport();` },
  ],
  invalid: [
    {
      code: `import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";\napp.get("/sse", async (req, res) => { const t = new SSEServerTransport("/messages", res); await server.connect(t); });`,
      errors: [{ messageId: "sseServer", line: 2, column: 53, endLine: 2, endColumn: 71 }],
    },
    {
      // v2 legacy package
      code: `import { SSEServerTransport } from "@modelcontextprotocol/server-legacy/sse";\nconst t = new SSEServerTransport("/messages", res);`,
      filename: "server.mjs",
      errors: [{ messageId: "sseServer", line: 2, column: 15, endColumn: 33 }],
    },
    {
      code: CLIENT + `await client.connect(new SSEClientTransport(new URL(u)));`,
      errors: [{ messageId: "sseClient", line: 4, column: 26, endColumn: 44 }],
    },
    {
      // v2 client package still ships it, deprecated
      code: `import { SSEClientTransport } from "@modelcontextprotocol/client";\nnew SSEClientTransport(new URL(u));`,
      errors: [{ messageId: "sseClient", line: 2, column: 5 }],
    },
    {
      // with the option off, the fallback is reported too
      code: CLIENT + `try { await client.connect(new StreamableHTTPClientTransport(new URL(u))); } catch { await client.connect(new SSEClientTransport(new URL(u))); }`,
      options: [{ allowBackwardCompatibility: false }],
      errors: [{ messageId: "sseClient", line: 4 }],
    },
    {
      // CommonJS
      code: `const { SSEServerTransport } = require("@modelcontextprotocol/sdk/server/sse.js");\nmodule.exports = (res) => new SSEServerTransport("/messages", res);`,
      filename: "sse.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "sseServer", line: 2, column: 31 }],
    },
  ],
});
