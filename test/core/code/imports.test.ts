import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { sdkFile } from "../../../packages/core/src/code/js/analysis.js";

interface Probe {
  sdk: boolean;
  constructions: Array<{ name: string; module: string; target: string }>;
  calls: string[];
}

/** Runs the SDK model over `code` (TS parser, or espree for `.js`) and returns what it saw. */
function probe(code: string, filename = "file.ts", sourceType: "module" | "commonjs" = "module"): Probe {
  let result: Probe = { sdk: false, constructions: [], calls: [] };
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      const sdk = sdkFile(context);
      if (!sdk) return {};
      result = {
        sdk: true,
        constructions: sdk.constructions.map((c) => ({ name: c.resolved.symbol.name, module: c.resolved.module, target: c.target.kind })),
        calls: sdk.calls.map((c) => c.resolved.symbol.name),
      };
      return {};
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.js", "**/*.mjs", "**/*.cjs"],
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { "probe/probe": "error" },
        languageOptions: { sourceType, ...(filename.endsWith(".ts") ? { parser: tsParser as never } : {}) },
      },
    ],
    { filename },
  );
  expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  return result;
}

const names = (p: Probe) => p.constructions.map((c) => c.name);

describe("SDK import tracking", () => {
  it("named, aliased, default and namespace ESM imports", () => {
    const p = probe(
      [
        `import { Client as C } from "@modelcontextprotocol/sdk/client/index.js";`,
        `import * as stdio from "@modelcontextprotocol/sdk/client/stdio.js";`,
        `import mcp from "@modelcontextprotocol/sdk/server/mcp.js";`,
        `new C({ name: "c", version: "1" });`,
        `const t = new stdio.StdioClientTransport({ command: "node" });`,
        `export const s = new mcp.McpServer({ name: "s", version: "1" });`,
      ].join("\n"),
    );
    expect(p.constructions).toEqual([
      { name: "Client", module: "@modelcontextprotocol/sdk/client/index.js", target: "dropped" },
      { name: "StdioClientTransport", module: "@modelcontextprotocol/sdk/client/stdio.js", target: "variable" },
      { name: "McpServer", module: "@modelcontextprotocol/sdk/server/mcp.js", target: "escaped" },
    ]);
  });

  it("CommonJS require with and without destructuring, member access and inline", () => {
    const p = probe(
      [
        `const { Client, Client: Other } = require("@modelcontextprotocol/sdk/client/index.js");`,
        `const sse = require("@modelcontextprotocol/sdk/client/sse.js");`,
        `const StdioClientTransport = require("@modelcontextprotocol/sdk/client/stdio.js").StdioClientTransport;`,
        `new Client({}); new Other({}); new sse.SSEClientTransport(u); new StdioClientTransport({});`,
        `new (require("@modelcontextprotocol/sdk/server/mcp.js").McpServer)({});`,
      ].join("\n"),
      "file.cjs",
      "commonjs",
    );
    expect(names(p)).toEqual(["Client", "Client", "SSEClientTransport", "StdioClientTransport", "McpServer"]);
  });

  it("await import() destructuring and namespace, v2 packages", () => {
    const p = probe(
      [
        `const { McpServer } = await import("@modelcontextprotocol/server");`,
        `const stdio = await import("@modelcontextprotocol/server/stdio");`,
        `new McpServer({}); new stdio.StdioServerTransport(); stdio.serveStdio(() => x);`,
      ].join("\n"),
      "file.mjs",
    );
    expect(names(p)).toEqual(["McpServer", "StdioServerTransport"]);
    expect(p.calls).toEqual(["serveStdio"]);
  });

  it("TS import = require", () => {
    const p = probe(`import sdk = require("@modelcontextprotocol/sdk/client/index.js");\nnew sdk.Client({});`);
    expect(names(p)).toEqual(["Client"]);
  });

  it("never resolves look-alikes: other modules, shadowing locals, type-only imports", () => {
    const p = probe(
      [
        `import { Client } from "@modelcontextprotocol/sdk/client/index.js";`,
        `import { McpServer } from "./my-mcp.js";`,
        `import type { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";`,
        `new McpServer();`,
        `function f(Client: any) { return new Client(); }`,
        `{ class Client {} new Client(); }`,
        `new (StdioServerTransport as any)();`,
      ].join("\n"),
    );
    expect(p.sdk).toBe(true);
    expect(names(p)).toEqual([]);
  });

  it("files that import no MCP module have no SDK model", () => {
    expect(probe(`import { Client } from "pg";\nnew Client();`).sdk).toBe(false);
    expect(probe(`// see @modelcontextprotocol/sdk docs\nclass McpServer {}\nnew McpServer();`).sdk).toBe(false);
    expect(probe(`import x from "@modelcontextprotocol/server-everything";`).sdk).toBe(false);
  });

  it("normalises broken-but-clear v1 specifiers", () => {
    const p = probe(`import { McpServer } from "@modelcontextprotocol/sdk/server/mcp";\nimport { Client } from "@modelcontextprotocol/sdk/dist/esm/client/index.js";\nnew McpServer({}); new Client({});`);
    expect(names(p)).toEqual(["McpServer", "Client"]);
  });

  it("tracks where instances go", () => {
    const p = probe(
      [
        `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";`,
        `let a; a = new McpServer({});`,
        `class K { #s = new McpServer({}); t: McpServer; constructor() { this.t = new McpServer({}); } }`,
        `new McpServer({}).connect(x);`,
        `f(new McpServer({}));`,
      ].join("\n"),
    );
    expect(p.constructions.map((c) => c.target)).toEqual(["variable", "member", "member", "receiver", "escaped"]);
  });
});
