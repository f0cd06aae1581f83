import { mcpTransportTarget } from "../../../../packages/core/src/rules/js/mcp-transport-target.js";
import { urlFacts } from "../../../../packages/core/src/code/transport-urls.js";
import { describe, expect, it } from "vitest";
import { commonjs, tester } from "./tester.js";

const V1_HTTP = `import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\n`;
const V1_SSE = `import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";\n`;
const V2 = `import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";\n`;

describe("urlFacts", () => {
  it("reads scheme, host and port, never beyond the authority", () => {
    expect(urlFacts("http://user:pw@localhost:3000/mcp?x=1", true)).toEqual({ scheme: "http", host: "localhost", port: 3000 });
    expect(urlFacts("tcp://127.0.0.1:25565", true)).toEqual({ scheme: "tcp", host: "127.0.0.1", port: 25565 });
    expect(urlFacts("localhost:3000/mcp", true)).toEqual({ schemeless: true, host: "localhost", port: 3000 });
    expect(urlFacts("localhost:", false)).toEqual({ schemeless: true, host: "localhost" });
    expect(urlFacts("http://localhost:", false)).toEqual({ scheme: "http" });
    expect(urlFacts("http://[::1]:6379/", true)).toEqual({ scheme: "http", host: "[::1]", port: 6379 });
    expect(urlFacts("/mcp", true)).toBeUndefined();
  });
});

tester().run("mcp-transport-target", mcpTransportTarget, {
  valid: [
    { code: `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\nconst t = new StdioClientTransport({ command: "node", args: ["s.js"] });\nconst u = new StdioClientTransport(params);\nconst v = new StdioClientTransport({ ...params });` },
    { code: V1_HTTP + `new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp"));` },
    { code: V1_HTTP + `new StreamableHTTPClientTransport(new URL("https://example.com/mcp"));` },
    { code: V1_HTTP + "const port = 8080;\nnew StreamableHTTPClientTransport(new URL(`http://localhost:${port}/mcp`));" },
    { code: V1_HTTP + `new StreamableHTTPClientTransport(new URL(process.env.MCP_URL));` },
    { code: V1_HTTP + `new StreamableHTTPClientTransport(new URL("/mcp", "http://localhost:3000"));` },
    // allowed by option
    { code: V1_HTTP + `new StreamableHTTPClientTransport(new URL("http://localhost:6379/mcp"));`, options: [{ allowPorts: [6379] }] },
    // a mineflayer-style TCP connection to 25565 is not an MCP transport
    { code: V1_HTTP + `import mineflayer from "mineflayer";\nmineflayer.createBot({ host: "localhost", port: 25565 });` },
    // the same class name from another package is not the SDK's
    { code: `import { StreamableHTTPClientTransport } from "../code/my-transport.js";\nnew StreamableHTTPClientTransport(new URL("tcp://x:1"));` },
    // a shadowing local is not the import
    {
      code: V1_HTTP + `function f(StreamableHTTPClientTransport) { return new StreamableHTTPClientTransport(new URL("tcp://x:1")); }`,
    },
    // no MCP import at all
    { code: `class StreamableHTTPClientTransport {}\nnew StreamableHTTPClientTransport(new URL("tcp://x:25565"));` },
    // a shadowed URL class is not WHATWG's
    { code: V1_HTTP + `const URL = (s) => s;\nnew StreamableHTTPClientTransport(URL("tcp://x"));` },
    // WebSocket transport takes ws:
    {
      code: `import { WebSocketClientTransport } from "@modelcontextprotocol/sdk/client/websocket.js";\nnew WebSocketClientTransport(new URL("ws://localhost:3000/mcp"));`,
    },
  ],
  invalid: [
    // a stdio client transport without a command: start() (run by connect()) throws a TypeError (issue 12)
    {
      code: `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";\nconst t = new StdioClientTransport();`,
      errors: [{ messageId: "noCommand", line: 2 }],
    },
    {
      code: `import { StdioClientTransport } from "@modelcontextprotocol/client";\nconst t = new StdioClientTransport({ args: ["server.js"] });`,
      errors: [{ messageId: "noCommand", line: 2 }],
    },
    {
      code: V1_HTTP + `const t = new StreamableHTTPClientTransport(new URL("tcp://127.0.0.1:3000"));`,
      errors: [{ messageId: "scheme", data: { scheme: "tcp", transport: "StreamableHTTPClientTransport" }, line: 2, column: 53, endLine: 2, endColumn: 75 }],
    },
    {
      code: V2 + `new StreamableHTTPClientTransport(new URL('ws://localhost:3000/mcp'));`,
      errors: [{ messageId: "scheme", data: { scheme: "ws", transport: "StreamableHTTPClientTransport" }, line: 2, column: 43, endLine: 2, endColumn: 68 }],
    },
    {
      code: V1_SSE + `new SSEClientTransport(new URL("udp://h:9"));`,
      errors: [{ messageId: "scheme", line: 2, column: 32, endColumn: 43 }],
    },
    {
      // scheme-less host:port
      code: V1_HTTP + `new StreamableHTTPClientTransport(new URL("localhost:3000/mcp"));`,
      errors: [{ messageId: "noScheme", data: { target: "localhost:3000", first: "localhost", transport: "StreamableHTTPClientTransport" }, line: 2, column: 43, endColumn: 63 }],
    },
    {
      // template with a scheme-less prefix
      code: V1_HTTP + "new StreamableHTTPClientTransport(new URL(`127.0.0.1:${port}`));",
      errors: [{ messageId: "noScheme", line: 2, column: 43, endColumn: 62 }],
    },
    {
      // Minecraft, through a const
      code: V1_HTTP + `const MCP_URL = "http://localhost:25565/mcp";\nconst url = new URL(MCP_URL);\nnew StreamableHTTPClientTransport(url);`,
      errors: [{ messageId: "port", data: { port: 25565, service: "Minecraft", transport: "StreamableHTTPClientTransport" }, line: 2, column: 17, endLine: 2, endColumn: 45 }],
    },
    {
      // a fallback default after ?? / ||
      code: V1_HTTP + `new StreamableHTTPClientTransport(new URL(process.env.URL ?? "http://db:5432/mcp"));`,
      errors: [{ messageId: "port", data: { port: 5432, service: "PostgreSQL", transport: "StreamableHTTPClientTransport" }, line: 2, column: 62, endColumn: 82 }],
    },
    {
      // namespace import
      code: `import * as http from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nnew http.StreamableHTTPClientTransport(new URL("tcp://h:1"));`,
      errors: [{ messageId: "scheme", line: 2, column: 48, endColumn: 59 }],
    },
    {
      // aliased import, Redis port
      code: `import { StreamableHTTPClientTransport as T } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nnew T(new URL("http://127.0.0.1:6379"));`,
      errors: [{ messageId: "port", data: { port: 6379, service: "Redis", transport: "StreamableHTTPClientTransport" }, line: 2, column: 15, endColumn: 38 }],
    },
    {
      // CommonJS require with destructuring, .cjs
      code: `const { StreamableHTTPClientTransport } = require("@modelcontextprotocol/sdk/client/streamableHttp.js");\nnew StreamableHTTPClientTransport(new URL("tcp://h:1"));`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "scheme", line: 2, column: 43, endColumn: 54 }],
    },
    {
      // CommonJS namespace require
      code: `const sdk = require("@modelcontextprotocol/sdk/client/sse.js");\nnew sdk.SSEClientTransport(new URL("localhost:8080"));`,
      filename: "client.js",
      languageOptions: commonjs,
      errors: [{ messageId: "noScheme", line: 2, column: 36, endColumn: 52 }],
    },
    {
      // dynamic import, .mjs
      code: `const { StreamableHTTPClientTransport } = await import("@modelcontextprotocol/sdk/client/streamableHttp.js");\nnew StreamableHTTPClientTransport(new URL("http://localhost:27017"));`,
      filename: "client.mjs",
      errors: [{ messageId: "port", data: { port: 27017, service: "MongoDB", transport: "StreamableHTTPClientTransport" }, line: 2, column: 43, endColumn: 67 }],
    },
    {
      // a string passed straight in (JS)
      code: V1_HTTP + `new StreamableHTTPClientTransport("tcp://h:1");`,
      filename: "client.js",
      errors: [{ messageId: "scheme", line: 2, column: 35, endColumn: 46 }],
    },
  ],
});
