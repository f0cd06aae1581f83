import { preferRegisterTool } from "../../../../packages/core/src/rules/js/prefer-register-tool.js";
import { commonjs, tester } from "./tester.js";

const V1 = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { z } from "zod";\nconst server = new McpServer({ name: "x", version: "1" });\n`;
const cb = `async () => ({ content: [] })`;

tester().run("prefer-register-tool", preferRegisterTool, {
  valid: [
    { code: V1 + `server.registerTool("t", { description: "d" }, ${cb});` },
    // the AI SDK's tool() helper, and other objects with a tool method
    { code: V1 + `import { tool } from "ai";\nconst t = tool({ description: "d" });\nagent.tool("x", ${cb});` },
    // the low-level Server has no tool()
    { code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nconst s = new Server({ name: "x", version: "1" }, {});\ns.tool("t", ${cb});` },
    // an untyped parameter may be anything
    { code: V1 + `export function register(s) { s.tool("t", ${cb}); }` },
  ],
  invalid: [
    {
      code: V1 + `server.tool("t", ${cb});`,
      errors: [
        {
          messageId: "deprecated",
          data: { method: "tool", replacement: "registerTool" },
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 12,
          suggestions: [{ messageId: "useRegister", data: { replacement: "registerTool" }, output: V1 + `server.registerTool("t", {}, ${cb});` }],
        },
      ],
    },
    {
      code: V1 + `server.tool("add", "Adds numbers", { a: z.number(), b: z.number() }, ${cb});`,
      errors: [
        {
          messageId: "deprecated",
          suggestions: [{ messageId: "useRegister", output: V1 + `server.registerTool("add", { description: "Adds numbers", inputSchema: { a: z.number(), b: z.number() } }, ${cb});` }],
        },
      ],
    },
    {
      // annotations are recognised by their keys
      code: V1 + `server.tool("rm", "Deletes", { path: z.string() }, { destructiveHint: true }, ${cb});`,
      errors: [
        {
          messageId: "deprecated",
          suggestions: [{ messageId: "useRegister", output: V1 + `server.registerTool("rm", { description: "Deletes", inputSchema: { path: z.string() }, annotations: { destructiveHint: true } }, ${cb});` }],
        },
      ],
    },
    {
      // an identifier between name and callback is ambiguous (shape or annotations): no suggestion
      code: V1 + `server.tool("t", "d", schema, ${cb});`,
      errors: [{ messageId: "deprecated", suggestions: [] }],
    },
    {
      code: V1 + `server.prompt("p", "A prompt", { topic: z.string() }, ({ topic }) => ({ messages: [] }));`,
      errors: [
        {
          messageId: "deprecated",
          data: { method: "prompt", replacement: "registerPrompt" },
          suggestions: [{ messageId: "useRegister", output: V1 + `server.registerPrompt("p", { description: "A prompt", argsSchema: { topic: z.string() } }, ({ topic }) => ({ messages: [] }));` }],
        },
      ],
    },
    {
      code: V1 + `server.resource("r", "file:///x", async (uri) => ({ contents: [] }));\nserver.resource("m", "file:///m", { mimeType: "text/plain" }, async (uri) => ({ contents: [] }));`,
      errors: [
        {
          messageId: "deprecated",
          data: { method: "resource", replacement: "registerResource" },
          line: 4,
          suggestions: [{ messageId: "useRegister", output: V1 + `server.registerResource("r", "file:///x", {}, async (uri) => ({ contents: [] }));\nserver.resource("m", "file:///m", { mimeType: "text/plain" }, async (uri) => ({ contents: [] }));` }],
        },
        {
          messageId: "deprecated",
          line: 5,
          suggestions: [{ messageId: "useRegister", output: V1 + `server.resource("r", "file:///x", async (uri) => ({ contents: [] }));\nserver.registerResource("m", "file:///m", { mimeType: "text/plain" }, async (uri) => ({ contents: [] }));` }],
        },
      ],
    },
    {
      // a parameter typed as McpServer (type-only import)
      code: `import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nexport function registerTools(server: McpServer) {\n  server.tool("t", ${cb});\n}`,
      errors: [{ messageId: "deprecated", line: 3, column: 10, suggestions: [{ messageId: "useRegister", output: `import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nexport function registerTools(server: McpServer) {\n  server.registerTool("t", {}, ${cb});\n}` }] }],
    },
    {
      // a class member typed as McpServer
      code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nclass App {\n  private server: McpServer;\n  setup() { this.server.tool("t", ${cb}); }\n}`,
      errors: [{ messageId: "deprecated", line: 4, column: 25, suggestions: [{ messageId: "useRegister", output: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nclass App {\n  private server: McpServer;\n  setup() { this.server.registerTool("t", {}, ${cb}); }\n}` }] }],
    },
    {
      // v2: the method does not exist any more
      code: `import { McpServer } from "@modelcontextprotocol/server";\nconst s = new McpServer({ name: "x", version: "1" });\ns.tool("t", ${cb});`,
      errors: [{ messageId: "removed", line: 3, column: 3, suggestions: [{ messageId: "useRegister", output: `import { McpServer } from "@modelcontextprotocol/server";\nconst s = new McpServer({ name: "x", version: "1" });\ns.registerTool("t", {}, ${cb});` }] }],
    },
    {
      // CommonJS
      code: `const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");\nconst s = new McpServer({ name: "x", version: "1" });\ns.tool("t", "d", ${cb});`,
      filename: "server.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "deprecated", suggestions: [{ messageId: "useRegister", output: `const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");\nconst s = new McpServer({ name: "x", version: "1" });\ns.registerTool("t", { description: "d" }, ${cb});` }] }],
    },
  ],
});
