import { httpServerOriginHostProtection } from "../../../../packages/core/src/rules/js/http-server-origin-host-protection.js";
import { commonjs, tester } from "./tester.js";

const V1 = `import express from "express";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconst app = express();\napp.use(express.json());\napp.post("/mcp", async (req, res) => { const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); await getServer().connect(t); await t.handleRequest(req, res, req.body); });\n`;

tester().run("http-server-origin-host-protection", httpServerOriginHostProtection, {
  valid: [
    // createMcpHonoApp() validates Host (and Origin) for its default loopback host, as createMcpExpressApp() does (issue 12)
    {
      code: `import { createMcpHonoApp } from "@modelcontextprotocol/hono";\nimport { createServer } from "node:http";\nconst app = createMcpHonoApp();\napp.all("/mcp", (c) => t.handleRequest(c.req.raw));\ncreateServer(toNodeListener(app.fetch)).listen(3000, "0.0.0.0");`,
    },
    { code: V1 + `app.listen(3000, "127.0.0.1");` },
    { code: V1 + `app.listen(3000, "localhost", () => console.error("up"));` },
    // an unknown host expression is not judged
    { code: V1 + `app.listen(3000, process.env.HOST);` },
    // Host validation middleware
    { code: `import { hostHeaderValidation } from "@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js";\n` + V1 + `app.use(hostHeaderValidation(["localhost"]));\napp.listen(3000);` },
    // auth
    { code: `import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";\n` + V1 + `app.use("/mcp", requireBearerAuth({ verifier }));\napp.listen(3000, "0.0.0.0");` },
    { code: V1 + `app.use(authMiddleware);\napp.listen(3000);` },
    { code: V1 + `app.post("/admin", checkApiKey, handler);\napp.listen(3000);` },
    // custom Host check (perplexity-style)
    { code: V1 + `app.use((req, res, next) => { if (!allowed.has(req.headers.host)) return res.status(403).end(); next(); });\napp.listen(3000);` },
    // transport-level protection with an allow-list
    {
      code: `import express from "express";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconst app = express();\nconst t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ["127.0.0.1:3000"] });\napp.listen(3000);`,
    },
    // createMcpExpressApp with its default loopback host validates Host (listen(port) still binds all, but Host is checked)
    { code: `import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nconst app = createMcpExpressApp();\nnew StreamableHTTPServerTransport({});\napp.listen(3000);` },
    { code: `import { createMcpExpressApp } from "@modelcontextprotocol/express";\nconst app = createMcpExpressApp({ host: "0.0.0.0", allowedHosts: ["mcp.example.com"] });\napp.listen(3000, "0.0.0.0");` },
    // an express app in a module with no MCP server transport
    { code: `import express from "express";\nimport { Client } from "@modelcontextprotocol/sdk/client/index.js";\nconst app = express();\napp.listen(8090);` },
    // listen on something that is not an HTTP app
    { code: V1 + `const emitter = makeEmitter();\nemitter.listen(3000);` },
    // option: own guard names
    { code: V1 + `app.use(ipAllowList);\napp.listen(3000);`, options: [{ additionalGuards: ["ipAllowList"] }] },
  ],
  invalid: [
    // express loaded with a dynamic import, its default export destructured (issue 12)
    {
      code: V1.replace(`import express from "express";`, `const { default: express } = await import("express");`) + `app.listen(3000, "0.0.0.0");`,
      errors: [{ messageId: "listenAll", line: 6, suggestions: 1 }],
    },
    {
      code: V1.replace(`import express from "express";`, `const express = (await import("express")).default;`) + `app.listen(3000, "0.0.0.0");`,
      errors: [{ messageId: "listenAll", line: 6, suggestions: 1 }],
    },
    // the host comes from a default parameter (issue 12)
    {
      code: V1 + `function start(port = 3000, host = "0.0.0.0") {\n  app.listen(port, host);\n}\nstart();`,
      errors: [{ messageId: "listenAll", suggestions: 1 }],
    },
    {
      code: V1 + `app.listen(3000);`,
      errors: [
        {
          messageId: "listenAll",
          data: { where: "every interface (no host given)" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [{ messageId: "bindLoopback", output: V1 + `app.listen(3000, "127.0.0.1");` }],
        },
      ],
    },
    {
      code: V1 + `const PORT = process.env.PORT || 3000;\napp.listen(PORT, () => {\n  console.error("listening");\n});`,
      errors: [
        {
          messageId: "listenAll",
          line: 7,
          column: 5,
          suggestions: [{ messageId: "bindLoopback", output: V1 + `const PORT = process.env.PORT || 3000;\napp.listen(PORT, "127.0.0.1", () => {\n  console.error("listening");\n});` }],
        },
      ],
    },
    {
      code: V1 + `app.listen(3000, '0.0.0.0');`,
      errors: [
        {
          messageId: "listenAll",
          data: { where: '"0.0.0.0" (every interface)' },
          line: 6,
          column: 18,
          endColumn: 27,
          suggestions: [{ messageId: "bindLoopback", output: V1 + `app.listen(3000, '127.0.0.1');` }],
        },
      ],
    },
    {
      // env fallback
      code: V1 + `const HOST = process.env.HOST ?? "::";\napp.listen(3000, HOST);`,
      errors: [{ messageId: "listenAll", data: { where: '"::" (every interface)' }, line: 6, column: 34, endColumn: 38, suggestions: [{ messageId: "bindLoopback", output: V1 + `const HOST = process.env.HOST ?? "127.0.0.1";\napp.listen(3000, HOST);` }] }],
    },
    {
      // createMcpExpressApp on all interfaces without allowedHosts
      code: `import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";\nconst app = createMcpExpressApp({ host: "0.0.0.0" });\napp.listen(3000, "0.0.0.0");`,
      errors: [
        { messageId: "expressAppAll", data: { host: '"0.0.0.0"', factory: "createMcpExpressApp" }, line: 2, column: 41, endColumn: 50 },
        { messageId: "listenAll", line: 3, column: 18, suggestions: [{ messageId: "bindLoopback", output: `import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";\nconst app = createMcpExpressApp({ host: "0.0.0.0" });\napp.listen(3000, "127.0.0.1");` }] },
      ],
    },
    {
      // node:http server with a v2 handler
      code: `import http from "node:http";\nimport { NodeStreamableHTTPServerTransport } from "@modelcontextprotocol/node";\nconst server = http.createServer(async (req, res) => { const t = new NodeStreamableHTTPServerTransport({}); await build().connect(t); await t.handleRequest(req, res); });\nserver.listen({ port: 3000, host: "0.0.0.0" });`,
      filename: "server.mjs",
      errors: [{ messageId: "listenAll", line: 4, column: 35, endColumn: 44, suggestions: [{ messageId: "bindLoopback", output: `import http from "node:http";\nimport { NodeStreamableHTTPServerTransport } from "@modelcontextprotocol/node";\nconst server = http.createServer(async (req, res) => { const t = new NodeStreamableHTTPServerTransport({}); await build().connect(t); await t.handleRequest(req, res); });\nserver.listen({ port: 3000, host: "127.0.0.1" });` }] }],
    },
    {
      // Hono serve() without hostname
      code: `import { serve } from "@hono/node-server";\nimport { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";\nconst t = new WebStandardStreamableHTTPServerTransport({});\nserve({ fetch: app.fetch, port: 3000 });`,
      errors: [{ messageId: "listenAll", data: { where: "every interface (no hostname given)" }, line: 4, column: 1, endColumn: 6 }],
    },
    {
      // CommonJS, SSE server
      code: `const express = require("express");\nconst { SSEServerTransport } = require("@modelcontextprotocol/sdk/server/sse.js");\nconst app = express();\napp.get("/sse", (req, res) => server.connect(new SSEServerTransport("/messages", res)));\napp.listen(8080);`,
      filename: "server.cjs",
      languageOptions: commonjs,
      errors: [{ messageId: "listenAll", line: 5, column: 5, suggestions: [{ messageId: "bindLoopback", output: `const express = require("express");\nconst { SSEServerTransport } = require("@modelcontextprotocol/sdk/server/sse.js");\nconst app = express();\napp.get("/sse", (req, res) => server.connect(new SSEServerTransport("/messages", res)));\napp.listen(8080, "127.0.0.1");` }] }],
    },
  ],
});
