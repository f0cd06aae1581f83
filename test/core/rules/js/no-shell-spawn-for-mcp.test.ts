import { noShellSpawnForMcp } from "../../../../packages/core/src/rules/js/no-shell-spawn-for-mcp.js";
import { commonjs, tester } from "./tester.js";

const T = `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\n`;
const C = `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { spawn } from "node:child_process";\n`;

tester().run("no-shell-spawn-for-mcp", noShellSpawnForMcp, {
  valid: [
    { code: T + `new StdioClientTransport({ command: "npx", args: ["-y", "pkg"] });` },
    // a shell running a script file is not a command line
    { code: T + `new StdioClientTransport({ command: "bash", args: ["start-server.sh"] });` },
    { code: C + `spawn(cfg.command, cfg.args, { shell: false });` },
    { code: C + `spawn(cfg.command, cfg.args, { stdio: "pipe" });` },
    // a shell spawn that does not launch an MCP server
    { code: C + `spawn("git", ["status"], { shell: true });` },
    // not a client module
    { code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { spawn } from "node:child_process";\nspawn(cfg.command, [], { shell: true });` },
    // a spawn of another library
    { code: C + `import { spawn as run } from "../code/runner.js";\nrun(cfg.command, [], { shell: true });` },
  ],
  invalid: [
    {
      code: T + `new StdioClientTransport({ command: "bash", args: ["-c", \`npx -y \${pkg}\`] });`,
      errors: [{ messageId: "shellWrapper", data: { shell: "bash", flag: "-c" }, line: 2, column: 37, endLine: 2, endColumn: 43 }],
    },
    {
      code: `import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";\nnew StdioClientTransport({ command: "cmd.exe", args: ["/c", "npx", "-y", "pkg"] });`,
      errors: [{ messageId: "shellWrapper", data: { shell: "cmd.exe", flag: "/c" }, line: 2, column: 37 }],
    },
    {
      code: C + `spawn(server.command, server.args, { stdio: "pipe", shell: true });`,
      errors: [{ messageId: "shellOption", line: 3, column: 53, endLine: 3, endColumn: 64 }],
    },
    {
      // the usual Windows workaround is still a shell
      code: C + `const command = "npx";\nspawn(command, ["-y", pkg], { shell: process.platform === "win32" });`,
      errors: [{ messageId: "shellOption", line: 4, column: 31 }],
    },
    {
      // CommonJS, module object
      code: `const { Client } = require("@modelcontextprotocol/sdk/client/index.js");\nconst cp = require("child_process");\ncp.spawnSync("npx -y some-mcp-server", { shell: true });`,
      filename: "c.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "shellOption", line: 3, column: 42 }],
    },
  ],
});
