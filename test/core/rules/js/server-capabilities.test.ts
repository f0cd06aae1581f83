import { serverCapabilities } from "../../../../packages/core/src/rules/js/server-capabilities.js";
import { tester } from "./tester.js";

const IMPORTS = `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nimport { ListToolsRequestSchema, CallToolRequestSchema, ListPromptsRequestSchema } from "@modelcontextprotocol/sdk/types.js";\n`;
const handler = `async () => ({ tools: [] })`;

tester().run("server-capabilities", serverCapabilities, {
  valid: [
    { code: IMPORTS + `const server = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});\nserver.setRequestHandler(CallToolRequestSchema, ${handler});` },
    // capabilities the file cannot read: not judged
    { code: IMPORTS + `const server = new Server({ name: "x", version: "1" }, { capabilities: caps });\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});` },
    { code: IMPORTS + `const server = new Server({ name: "x", version: "1" }, { capabilities: { ...base } });\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});` },
    { code: IMPORTS + `const server = new Server({ name: "x", version: "1" }, options);\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});` },
    // registerCapabilities() may add it before the handler
    { code: IMPORTS + `const server = new Server({ name: "x", version: "1" });\nserver.registerCapabilities({ tools: {} });\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});` },
    // methods that need no capability, and schemas of other packages
    { code: IMPORTS + `import { PingSchema } from "./mine.js";\nconst server = new Server({ name: "x", version: "1" });\nserver.setRequestHandler(PingSchema, ${handler});` },
    // McpServer wires capabilities itself
    { code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";\nconst s = new McpServer({ name: "x", version: "1" });\ns.server.setRequestHandler(ListToolsRequestSchema, ${handler});` },
  ],
  invalid: [
    {
      code: IMPORTS + `const server = new Server({ name: "x", version: "1" }, { capabilities: { prompts: {} } });\nserver.setRequestHandler(ListPromptsRequestSchema, ${handler});\nserver.setRequestHandler(ListToolsRequestSchema, ${handler});`,
      errors: [{ messageId: "missingCapability", data: { handler: "ListToolsRequestSchema", capability: "tools", method: "tools/list" }, line: 5, column: 26, endColumn: 48 }],
    },
    // no options at all
    {
      code: IMPORTS + `const server = new Server({ name: "x", version: "1" });\nserver.setRequestHandler(CallToolRequestSchema, ${handler});`,
      errors: [{ messageId: "missingCapability", data: { handler: "CallToolRequestSchema", capability: "tools", method: "tools/call" }, line: 4 }],
    },
    // v2: the method string, on a this.server member
    {
      code: `import { Server } from "@modelcontextprotocol/server";\nclass S {\n  server = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });\n  start() { this.server.setRequestHandler("resources/list", ${handler}); }\n}`,
      errors: [{ messageId: "missingCapability", data: { handler: '"resources/list"', capability: "resources", method: "resources/list" }, line: 4 }],
    },
  ],
});
