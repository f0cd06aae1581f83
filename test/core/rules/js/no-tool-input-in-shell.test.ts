import { noToolInputInShell } from "../../../../packages/core/src/rules/js/no-tool-input-in-shell.js";
import { commonjs, tester } from "./tester.js";

const H = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { exec, execSync, execFile, spawn } from "node:child_process";
import { z } from "zod";
const server = new McpServer({ name: "s", version: "1" });
`;
// line 5 is the first line after H

tester().run("no-tool-input-in-shell", noToolInputInShell, {
  valid: [
    // constant command
    { code: H + `server.registerTool("up", { inputSchema: { x: z.string() } }, async ({ x }) => { execSync("uptime"); return { content: [] }; });` },
    // argv array without a shell
    { code: H + `server.registerTool("ls", { inputSchema: { dir: z.string() } }, async ({ dir }) => { execFile("ls", ["-la", dir]); return { content: [] }; });` },
    { code: H + `server.registerTool("ls", { inputSchema: { dir: z.string() } }, async ({ dir }) => { spawn("git", ["log", dir], { shell: false }); return { content: [] }; });` },
    // shell: true but nothing from the tool input
    { code: H + `server.registerTool("b", { inputSchema: { dir: z.string() } }, async ({ dir }) => { spawn("npm", ["run", "build"], { shell: true }); return { content: [{ type: "text", text: dir }] }; });` },
    // a number or a length is not command text
    { code: H + `server.registerTool("h", { inputSchema: { n: z.number() } }, async ({ n }) => { execSync(\`head -n \${Number(n)} log.txt\`); execSync("seq " + n.length); return { content: [] }; });` },
    // no inputSchema: the first parameter is the request context, not tool input
    { code: H + `server.registerTool("s", { description: "d" }, async (extra) => { execSync(\`echo \${extra.sessionId}\`); return { content: [] }; });` },
    // tool(name, description, cb): no arguments either
    { code: H + `server.tool("s", "d", async (extra) => { execSync("echo " + extra.sessionId); return { content: [] }; });` },
    // exec of another module
    { code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { exec } from "./db.js";\nconst server = new McpServer({ name: "s", version: "1" });\nserver.registerTool("q", { inputSchema: {} }, async ({ q }) => { exec(q); return { content: [] }; });` },
    // a function of the file that no registration names
    { code: H + `async function handleFind({ name }) { execSync("find . -name " + name); }\nserver.registerTool("find", { inputSchema: { name: z.string() } }, async ({ name }) => ({ content: [{ type: "text", text: name }] }));` },
    // a shell call outside any tool handler
    { code: H + `const cmd = process.argv[2];\nexecSync(cmd);` },
    // a sanitiser in between
    { code: H + `import quote from "shell-quote";\nserver.registerTool("g", { inputSchema: { p: z.string() } }, async ({ p }) => { execSync("grep x " + quote.quote([p])); return { content: [] }; });` },
    // another request handler than tools/call
    { code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nimport { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";\nimport { execSync } from "child_process";\nconst server = new Server({ name: "s", version: "1" }, { capabilities: { tools: {} } });\nserver.setRequestHandler(ListToolsRequestSchema, async (req) => { execSync("ls " + req.params.cursor); return { tools: [] }; });` },
  ],
  invalid: [
    {
      // template string with a destructured argument
      code: H + `server.registerTool("run", { inputSchema: { dir: z.string() } }, async ({ dir }) => {\n  const out = execSync(\`ls -la \${dir}\`);\n  return { content: [{ type: "text", text: String(out) }] };\n});`,
      errors: [{ messageId: "shellCommand", data: { call: "execSync", source: "dir", via: "registerTool", helper: "" }, line: 6, column: 24, endLine: 6 }],
    },
    {
      // through variables, concatenation and a string method
      code: H + `server.registerTool("grep", { inputSchema: { pattern: z.string() } }, async (args) => {\n  const p = args.pattern.trim();\n  let cmd = "grep -r " + p;\n  cmd += " .";\n  exec(cmd, () => {});\n  return { content: [] };\n});`,
      errors: [{ messageId: "shellCommand", data: { call: "exec", source: "cmd", via: "registerTool", helper: "" }, line: 9, column: 8, endLine: 9, endColumn: 11 }],
    },
    {
      // shell: true with a tool argument in the argv
      code: H + `server.tool("build", { target: z.string() }, async ({ target }) => {\n  spawn("make", [target], { stdio: "pipe", shell: true });\n  return { content: [] };\n});`,
      errors: [{ messageId: "shellOption", data: { call: "spawn", source: "target", via: "tool", helper: "" }, line: 6, column: 44, endLine: 6, endColumn: 55 }],
    },
    {
      // sh -c with a tool argument
      code: H + `server.registerTool("sh", { inputSchema: { q: z.string() } }, async ({ q }) => {\n  execFile("bash", ["-c", \`echo \${q}\`]);\n  return { content: [] };\n});`,
      errors: [{ messageId: "shellWrapper", data: { call: "execFile", shell: "bash", flag: "-c", source: "q", via: "registerTool", helper: "" }, line: 6, column: 27, endLine: 6 }],
    },
    {
      // promisified exec, low-level Server, request.params.arguments
      code: `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nimport { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";\nimport { exec } from "node:child_process";\nimport { promisify } from "node:util";\nconst execAsync = promisify(exec);\nconst server = new Server({ name: "s", version: "1" }, { capabilities: { tools: {} } });\nserver.setRequestHandler(CallToolRequestSchema, async (request) => {\n  const { command } = request.params.arguments;\n  const { stdout } = await execAsync(command);\n  return { content: [{ type: "text", text: stdout }] };\n});`,
      errors: [{ messageId: "shellCommand", data: { call: "execAsync", source: "command", via: "setRequestHandler(CallToolRequestSchema)", helper: "" }, line: 9, column: 38, endLine: 9, endColumn: 45 }],
    },
    {
      // a helper of the same file that the handler hands its input to; the same helper with a constant is fine
      code: H + `function run(cmd: string) {\n  return execSync(cmd, { encoding: "utf8" });\n}\nserver.registerTool("find", { inputSchema: { name: z.string() } }, async ({ name }) => {\n  run("date");\n  return { content: [{ type: "text", text: run("find . -name " + name) }] };\n});`,
      errors: [{ messageId: "shellCommand", data: { call: "execSync", source: "cmd", via: "registerTool", helper: " (in `run`, which it calls with it)" }, line: 6, column: 19, endLine: 6, endColumn: 22 }],
    },
    {
      // the callback is a function of the file, named at the registration
      code: H + `async function handleFind({ name }) {\n  return { content: [{ type: "text", text: execSync(\`find . -name \${name}\`).toString() }] };\n}\nserver.registerTool("find", { inputSchema: { name: z.string() } }, handleFind);`,
      errors: [{ messageId: "shellCommand", data: { call: "execSync", source: "name", via: "registerTool", helper: "" }, line: 6, column: 53 }],
    },
    {
      // CommonJS module object
      code: `const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");\nconst cp = require("child_process");\nconst mcp = new McpServer({ name: "s", version: "1" });\nmcp.registerTool("open", { inputSchema: {} }, async ({ file }) => {\n  cp.execSync("open " + file);\n  return { content: [] };\n});`,
      filename: "s.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "shellCommand", data: { call: "cp.execSync", source: "file", via: "registerTool", helper: "" }, line: 5, column: 15, endLine: 5, endColumn: 29 }],
    },
    {
      // TypeScript: a typed parameter, a function expression handler
      code: H + `server.registerTool("kill", { inputSchema: { pid: z.string() } }, async function (input: { pid: string }) {\n  execSync("kill " + input.pid as string);\n  return { content: [] };\n});`,
      errors: [{ messageId: "shellCommand", data: { call: "execSync", source: "input", via: "registerTool", helper: "" }, line: 6, column: 12 }],
    },
  ],
});
