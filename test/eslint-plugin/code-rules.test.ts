import * as vitest from "vitest";
import { RuleTester } from "@typescript-eslint/rule-tester";
import mcpLint from "@mcp-lint/eslint-plugin";
import { codeRules } from "@mcp-lint/core";
import "./helpers.js";

/** Smoke cases of the code rules as the plugin exposes them (their full tests are in test/core/rules/js/). */

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.describeSkip = vitest.describe.skip;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;
RuleTester.itSkip = vitest.it.skip;

const tester = new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the plugin's rules are typed as ESLint's, the tester wants typescript-eslint's
const rule = (id: string): any => mcpLint.rules[id];

const SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\n`;
const CLIENT = `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\n`;

vitest.describe("code rules in the plugin", () => {
  vitest.it("are core's rules: the same create function and the same meta, plus meta.languages", () => {
    for (const [id, core] of Object.entries(codeRules)) {
      const exposed = mcpLint.rules[id]!;
      vitest.expect(exposed.create).toBe(core.create);
      const { languages, ...meta } = exposed.meta as typeof core.meta & { languages?: string[] };
      vitest.expect(meta).toEqual(core.meta);
      vitest.expect(languages).toEqual(["js/js"]);
    }
  });
});

tester.run("no-stdout-in-stdio-server", rule("no-stdout-in-stdio-server"), {
  valid: [
    { code: SERVER + `const s = new McpServer({ name: "a", version: "1" });\nconsole.error("ok");\nawait s.connect(new StdioServerTransport());`, filename: "server.ts" },
    // Not MCP code.
    { code: `console.log("hello");`, filename: "util.ts" },
  ],
  invalid: [
    {
      code: SERVER + `const s = new McpServer({ name: "a", version: "1" });\nconsole.log("hi");\nawait s.connect(new StdioServerTransport());`,
      filename: "server.ts",
      errors: [
        {
          messageId: "console",
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: "useStderr",
              data: { replacement: "console.error()" },
              output: SERVER + `const s = new McpServer({ name: "a", version: "1" });\nconsole.error("hi");\nawait s.connect(new StdioServerTransport());`,
            },
          ],
        },
      ],
    },
  ],
});

tester.run("no-stdio-command-line", rule("no-stdio-command-line"), {
  valid: [{ code: CLIENT + `new StdioClientTransport({ command: "npx", args: ["-y", "pkg"] });`, filename: "client.ts" }],
  invalid: [
    {
      code: CLIENT + `new StdioClientTransport({ command: "npx -y pkg" });`,
      filename: "client.ts",
      output: CLIENT + `new StdioClientTransport({ command: "npx", args: ["-y", "pkg"] });`,
      errors: [{ messageId: "commandLine", line: 2, column: 37, endColumn: 49 }],
    },
  ],
});

tester.run("mcp-transport-target", rule("mcp-transport-target"), {
  valid: [
    {
      code: `import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nnew StreamableHTTPClientTransport(new URL("https://example.com/mcp"));`,
      filename: "client.ts",
    },
  ],
  invalid: [
    {
      code: `import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nnew StreamableHTTPClientTransport(new URL("tcp://localhost:25565"));`,
      filename: "client.ts",
      errors: [{ messageId: "scheme", data: { transport: "StreamableHTTPClientTransport", scheme: "tcp" }, line: 2 }],
    },
  ],
});
