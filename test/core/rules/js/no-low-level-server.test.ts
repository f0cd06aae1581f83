import { noLowLevelServer } from "../../../../packages/core/src/rules/js/no-low-level-server.js";
import { commonjs, tester } from "./tester.js";

tester().run("no-low-level-server", noLowLevelServer, {
  valid: [
    { code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nnew McpServer({ name: "x", version: "1" });` },
    // http.Server, net.Server and friends are not MCP's
    { code: `import { Server } from "node:http";\nimport "@modelcontextprotocol/sdk/types.js";\nnew Server();` },
    { code: `import { Server } from "socket.io";\nnew Server(3000);` },
  ],
  invalid: [
    {
      code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nconst s = new Server({ name: "x", version: "1" }, { capabilities: { tools: {} } });`,
      errors: [{ messageId: "lowLevel", line: 2, column: 15, endLine: 2, endColumn: 21 }],
    },
    { code: `import { Server } from "@modelcontextprotocol/sdk/server";\nnew Server({ name: "x", version: "1" });`, errors: [{ messageId: "lowLevel", line: 2, column: 5 }] },
    { code: `import { Server as LowLevel } from "@modelcontextprotocol/server";\nnew LowLevel({ name: "x", version: "1" });`, filename: "s.mjs", errors: [{ messageId: "lowLevel", line: 2, column: 5, endColumn: 13 }] },
    {
      code: `const { Server } = require("@modelcontextprotocol/sdk/server/index.js");\nnew Server({ name: "x", version: "1" });`,
      filename: "s.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "lowLevel", line: 2 }],
    },
  ],
});
