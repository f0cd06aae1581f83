import { noStdioCommandLine } from "../../../../packages/core/src/rules/js/no-stdio-command-line.js";
import { commonjs, tester } from "./tester.js";

const V1 = `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\n`;
const V2 = `import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";\n`;

tester().run("no-stdio-command-line", noStdioCommandLine, {
  valid: [
    { code: V1 + `new StdioClientTransport({ command: "npx", args: ["-y", "pkg"] });` },
    // a path with spaces is one program
    { code: V1 + `new StdioClientTransport({ command: "C:/Program Files/nodejs/node.exe", args: ["s.js"] });` },
    { code: V1 + `new StdioClientTransport({ command: "/Applications/My App/bin/server" });` },
    // dynamic values are not judged
    { code: V1 + `new StdioClientTransport({ command: cfg.command, args: cfg.args });` },
    // another class named the same
    { code: `import { StdioClientTransport } from "my-lib";\nnew StdioClientTransport({ command: "npx -y pkg" });` },
  ],
  invalid: [
    {
      code: V1 + `new StdioClientTransport({ command: "npx -y @modelcontextprotocol/server-everything" });`,
      output: V1 + `new StdioClientTransport({ command: "npx", args: ["-y", "@modelcontextprotocol/server-everything"] });`,
      errors: [{ messageId: "commandLine", data: { program: '"npx"', count: 2 }, line: 2, column: 37, endLine: 2, endColumn: 85 }],
    },
    {
      // existing args array: the words go first; single quotes kept
      code: V2 + `const t = new StdioClientTransport({\n  command: 'node --inspect',\n  args: ['server.js'],\n});`,
      output: V2 + `const t = new StdioClientTransport({\n  command: 'node',\n  args: ['--inspect', 'server.js'],\n});`,
      errors: [{ messageId: "commandLine", line: 3, column: 12, endColumn: 28 }],
    },
    {
      // empty args array
      code: V1 + `new StdioClientTransport({ command: "uvx mcp-server-time", args: [] });`,
      output: V1 + `new StdioClientTransport({ command: "uvx", args: ["mcp-server-time"] });`,
      errors: [{ messageId: "commandLine", line: 2, column: 37 }],
    },
    {
      // through a const params object
      code: V1 + `const params = { command: "python -m my_server", env: {} };\nnew StdioClientTransport(params);`,
      output: V1 + `const params = { command: "python", args: ["-m", "my_server"], env: {} };\nnew StdioClientTransport(params);`,
      errors: [{ messageId: "commandLine", line: 2, column: 27, endColumn: 48 }],
    },
    {
      // shell syntax: reported, not fixed
      code: V1 + `new StdioClientTransport({ command: "node server.js > log.txt" });`,
      output: null,
      errors: [{ messageId: "commandLine" }],
    },
    {
      // a template with expressions: reported, not fixed
      code: V1 + "new StdioClientTransport({ command: `npx -y ${pkg}` });",
      output: null,
      errors: [{ messageId: "commandLine", line: 2, column: 37, endColumn: 52 }],
    },
    {
      // args that are not an array literal: no fix
      code: V1 + `new StdioClientTransport({ command: "npx -y", args: extra });`,
      output: null,
      errors: [{ messageId: "commandLine" }],
    },
    {
      // CommonJS
      code: `const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");\nnew StdioClientTransport({ command: "docker run -i --rm mcp/time" });`,
      output: `const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");\nnew StdioClientTransport({ command: "docker", args: ["run", "-i", "--rm", "mcp/time"] });`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "commandLine", data: { program: '"docker"', count: 4 } }],
    },
  ],
});
