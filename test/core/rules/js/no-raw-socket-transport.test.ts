import { noRawSocketTransport } from "../../../../packages/core/src/rules/js/no-raw-socket-transport.js";
import { commonjs, tester } from "./tester.js";

const INIT = `const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "c", version: "1" } } };\n`;

tester().run("no-raw-socket-transport", noRawSocketTransport, {
  valid: [
    // a net server opened only to find a free port (listen(0), read the port, close): not a transport (issue 12)
    {
      code: INIT + `import net from "node:net";\nfunction freePort() { return new Promise((resolve) => { const srv = net.createServer(); srv.listen(0, () => { const port = srv.address().port; srv.close(() => resolve(port)); }); }); }`,
    },
    {
      code: INIT + `import { createServer } from "node:net";\nasync function freePort() { const probe = createServer().listen(0); await once(probe, "listening"); const { port } = probe.address(); probe.close(); return port; }`,
    },
    // an MCP server whose tool talks TCP to a backend (Blender, Unity, TcpSocketMCP...): no MCP payload on the socket
    {
      code: `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport net from "node:net";\nconst s = new McpServer({ name: "x", version: "1" });\ns.registerTool("send", {}, async () => { const sock = net.connect(9876, "localhost"); sock.write("{}"); return { content: [] }; });`,
    },
    // LSP over TCP also says "initialize"
    {
      code: `import net from "node:net";\nconst sock = net.connect(6005);\nsock.write(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: 1, rootUri: null, capabilities: {} } }));`,
    },
    // MCP payload but no socket
    { code: INIT + `await fetch("http://localhost:3000/mcp", { method: "POST", body: JSON.stringify(init) });` },
    // a local function called connect is not net.connect
    { code: INIT + `function connect() {}\nconnect(3000);` },
    // comparing a non-MCP method
    { code: `import net from "node:net";\nnet.createServer((c) => c.on("data", (d) => { if (JSON.parse(d).method === "ping2") c.end(); }));` },
    // a same-named import from another package
    { code: INIT + `import { connect } from "../code/net.js";\nconnect(3000);` },
  ],
  invalid: [
    {
      code: INIT + `import net from "node:net";\nconst sock = net.createConnection(3000);\nsock.write(JSON.stringify(init));`,
      errors: [{ messageId: "rawSocket", data: { api: "net.createConnection" }, line: 3, column: 14, endLine: 3, endColumn: 40 }],
    },
    {
      code: INIT + `import * as net from "net";\nconst sock = new net.Socket();\nsock.connect(25565, "localhost");`,
      errors: [{ messageId: "rawSocket", data: { api: "net.Socket" }, line: 3, column: 14, endColumn: 30 }],
    },
    {
      code: INIT + `import { connect as dial } from "node:tls";\ndial(443, "h");`,
      errors: [{ messageId: "rawSocket", data: { api: "tls.connect" }, line: 3, column: 1, endColumn: 15 }],
    },
    {
      // a hand-written JSON string and CommonJS
      code: `const net = require("net");\nconst s = net.connect({ port: 3000 });\ns.write('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}\\n');`,
      filename: "client.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "rawSocket", data: { api: "net.connect" }, line: 2, column: 11, endColumn: 38 }],
    },
    {
      // a raw-TCP "MCP server"
      code: `const { createServer } = require("node:net");\ncreateServer((c) => c.on("data", (d) => { const m = JSON.parse(d); if (m.method === "tools/list") c.write(JSON.stringify({ jsonrpc: "2.0", id: m.id, result: { tools: [] } })); })).listen(3000);`,
      filename: "server.js",
      languageOptions: commonjs,
      errors: [{ messageId: "rawSocket", data: { api: "net.createServer" }, line: 2, column: 1 }],
    },
    {
      // with reportInSdkModules, any raw socket in an SDK module
      code: `import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport net from "node:net";\nnet.connect(3000);`,
      options: [{ reportInSdkModules: true }],
      errors: [{ messageId: "rawSocket", line: 3, column: 1, endColumn: 18 }],
    },
  ],
});
