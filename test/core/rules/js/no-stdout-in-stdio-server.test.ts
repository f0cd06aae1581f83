import { noStdoutInStdioServer } from "../../../../packages/core/src/rules/js/no-stdout-in-stdio-server.js";
import { commonjs, tester } from "./tester.js";

const V1 = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst server = new McpServer({ name: "x", version: "1" });\n`;
const CONNECT = `\nawait server.connect(new StdioServerTransport());`;

tester().run("no-stdout-in-stdio-server", noStdoutInStdioServer, {
  valid: [
    // a printer of any name that the file only calls right before process.exit() (a CLI flag path) (issue 12)
    { code: V1 + `function showSystemPrompt() {\n  console.log(PROMPT);\n}\nif (process.argv.includes("--show-prompt")) {\n  showSystemPrompt();\n  process.exit(0);\n}` + CONNECT },
    // after server.close() in a SIGINT handler the JSON-RPC channel is gone: output reaches a terminal (issue 12)
    { code: V1 + `process.on("SIGINT", async () => { await server.close(); console.log("bye"); process.exitCode = 0; });` + CONNECT },
    { code: V1 + `process.on("SIGINT", async () => { await server.close(); httpServer.close(() => { console.log("closed"); }); process.exit(0); });` + CONNECT },
    { code: V1 + `const transport = new StdioServerTransport();\nprocess.on("SIGTERM", () => { transport.close(); process.stdout.write("closed\\n"); });\nawait server.connect(transport);` },
    { code: V1 + `console.error("starting");\nconsole.warn("w");\nconsole.trace("t");\nprocess.stderr.write("x");` + CONNECT },
    // not a stdio server
    {
      code: `import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconsole.log("listening");\nconst t = new StreamableHTTPServerTransport({});`,
    },
    // no MCP import at all
    { code: `console.log("hello");\nprocess.stdout.write("x");` },
    // shadowed console
    { code: V1 + `function f(console) { console.log("x"); }` + CONNECT },
    // guards: console.log redirected, process.stdout.write filtered
    { code: V1 + `console.log = console.error;\nconsole.log("now on stderr");` + CONNECT },
    {
      code: V1 + `const original = process.stdout.write.bind(process.stdout);\nprocess.stdout.write = (chunk, ...rest) => { if (String(chunk).startsWith("{")) return original(chunk, ...rest); return process.stderr.write(chunk); };\nprocess.stdout.write("filtered");` + CONNECT,
    },
    // HTTP-only branch of a dual-transport server
    {
      code: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nif (mode === "http") {\n  const t = new StreamableHTTPServerTransport({});\n  console.log("HTTP mode");\n  app.listen(3000, () => console.log("listening"));\n} else {\n  await server.connect(new StdioServerTransport());\n}`,
    },
    // a mode switch where the HTTP side lives in another module
    {
      code: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nimport { startHttp } from "../code/http.js";\nif (process.env.HTTP) {\n  startHttp(server);\n  console.log("HTTP server started");\n} else if (process.env.SSE) console.log("sse");\nelse {\n  await server.connect(new StdioServerTransport());\n}`,
    },
    {
      code: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nswitch (mode) {\n  case "http":\n    console.log("http");\n    break;\n  default:\n    await server.connect(new StdioServerTransport());\n}`,
    },
    // usage text printed before exiting
    { code: V1 + `if (process.argv.includes("--help")) {\n  console.log("usage: server [--help]");\n  process.exit(0);\n}` + CONNECT },
    // a StdioServerTransport on other streams
    { code: V1 + `console.log("x");\nawait server.connect(new StdioServerTransport(socket, socket));` },
    // console.group without a label prints nothing
    { code: V1 + `console.group();` + CONNECT },
    // issue 12: help and version printers called on --help / --version paths that return before the transport exists
    {
      code: V1 + `function showHelp() {\n  console.log("usage: server [--help]");\n}\nasync function showVersion() {\n  console.log("v1");\n}\nconst printUsage = () => console.log("usage");\nif (process.argv.includes("--help")) { showHelp(); } else if (process.argv.includes("--version")) { await showVersion(); } else {` + CONNECT + `\n}`,
    },
  ],
  invalid: [
    // the same printer also called where the server keeps running: reported
    {
      code: V1 + `function showSystemPrompt() {\n  console.log(PROMPT);\n}\nif (process.argv.includes("--show-prompt")) {\n  showSystemPrompt();\n  process.exit(0);\n}\nshowSystemPrompt();` + CONNECT,
      errors: [{ messageId: "console", line: 5, suggestions: 1 }],
    },
    // a write before close() still goes to the client; closing something else does not end the channel
    {
      code: V1 + `process.on("SIGINT", async () => { console.log("bye"); await server.close(); });` + CONNECT,
      errors: [{ messageId: "console", suggestions: 1 }],
    },
    {
      code: V1 + `process.on("SIGINT", async () => { await db.close(); console.log("bye"); });` + CONNECT,
      errors: [{ messageId: "console", suggestions: 1 }],
    },
    {
      code: V1 + `console.log("Server started");` + CONNECT,
      errors: [
        {
          messageId: "console",
          data: { method: "log" },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 12,
          suggestions: [{ messageId: "useStderr", data: { replacement: "console.error()" }, output: V1 + `console.error("Server started");` + CONNECT }],
        },
      ],
    },
    {
      code: V1 + `server.registerTool("t", {}, async () => {\n  process.stdout.write("working...");\n  console.table([1]);\n  return { content: [] };\n});` + CONNECT,
      errors: [
        {
          messageId: "stdoutWrite",
          line: 5,
          column: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: "useStderr",
              data: { replacement: "process.stderr.write()" },
              output: V1 + `server.registerTool("t", {}, async () => {\n  process.stderr.write("working...");\n  console.table([1]);\n  return { content: [] };\n});` + CONNECT,
            },
          ],
        },
        { messageId: "console", data: { method: "table" }, line: 6, column: 3, endColumn: 16, suggestions: [] },
      ],
    },
    {
      // v2 serveStdio, info and debug
      code: `import { McpServer } from "@modelcontextprotocol/server";\nimport { serveStdio } from "@modelcontextprotocol/server/stdio";\nconsole.info("a");\nserveStdio(() => new McpServer({ name: "x", version: "1" }));`,
      filename: "server.mjs",
      errors: [
        {
          messageId: "console",
          data: { method: "info" },
          line: 3,
          column: 1,
          endColumn: 13,
          suggestions: [{ messageId: "useStderr", output: `import { McpServer } from "@modelcontextprotocol/server";\nimport { serveStdio } from "@modelcontextprotocol/server/stdio";\nconsole.error("a");\nserveStdio(() => new McpServer({ name: "x", version: "1" }));` }],
        },
      ],
    },
    {
      // CommonJS; the guard only covers the method it replaces
      code: `const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");\nconsole.log = console.error;\nconsole.debug("d");\nconsole.count("c");\nserver.connect(new StdioServerTransport());`,
      filename: "server.cjs",
      languageOptions: commonjs,
      errors: [
        { messageId: "console", data: { method: "debug" }, line: 3, suggestions: [{ messageId: "useStderr", output: `const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");\nconsole.log = console.error;\nconsole.error("d");\nconsole.count("c");\nserver.connect(new StdioServerTransport());` }] },
        { messageId: "console", data: { method: "count" }, line: 4, suggestions: [] },
      ],
    },
    {
      // imported process, and the stdio transport on process.stdout explicitly
      code: `import process from "node:process";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nprocess.stdout.write("hi\\n");\nnew StdioServerTransport(process.stdin, process.stdout);`,
      errors: [{ messageId: "stdoutWrite", line: 3, column: 1, endColumn: 21, suggestions: [{ messageId: "useStderr", output: `import process from "node:process";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nprocess.stderr.write("hi\\n");\nnew StdioServerTransport(process.stdin, process.stdout);` }] }],
    },
    {
      // before the mode switch: runs in stdio mode too
      code: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nif (verbose) console.info("starting");\nif (process.env.HTTP) startHttp();\nelse await server.connect(new StdioServerTransport());`,
      errors: [{ messageId: "console", line: 2, column: 14, suggestions: [{ messageId: "useStderr", output: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nif (verbose) console.error("starting");\nif (process.env.HTTP) startHttp();\nelse await server.connect(new StdioServerTransport());` }] }],
    },
    {
      // in the stdio branch of a dual-transport server
      code: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nif (mode === "http") {\n  new StreamableHTTPServerTransport({});\n} else {\n  console.log("stdio mode");\n  await server.connect(new StdioServerTransport());\n}`,
      errors: [{ messageId: "console", line: 6, column: 3, suggestions: [{ messageId: "useStderr", output: `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nif (mode === "http") {\n  new StreamableHTTPServerTransport({});\n} else {\n  console.error("stdio mode");\n  await server.connect(new StdioServerTransport());\n}` }] }],
    },
  ],
});
