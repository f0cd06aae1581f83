import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isCodeFile, lintSourceText, mightBeMcpCode } from "../../../packages/core/src/code/js/runner.js";

const SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
const server = new McpServer({ name: "x", version: "1" });
console.log("starting");
await server.connect(new StdioServerTransport());
`;

describe("code runner", () => {
  it("knows source files and skips declaration files", () => {
    for (const f of ["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs"]) expect(isCodeFile(f)).toBe(true);
    for (const f of ["a.d.ts", "a.json", "a.md", "a.tsbuildinfo"]) expect(isCodeFile(f)).toBe(false);
  });

  it("prefilters files that cannot be MCP code without parsing them", async () => {
    expect(mightBeMcpCode(`import x from "y"; console.log(1)`)).toBe(false);
    expect(mightBeMcpCode(SERVER)).toBe(true);
    // The raw-socket rule's trigger: a socket module and an MCP method written, with or without "initialize".
    expect(mightBeMcpCode(`import net from "node:net";\nsocket.write(JSON.stringify({ jsonrpc: "2.0", method: "initialize" }))`)).toBe(true);
    expect(mightBeMcpCode(`const net = require('net');\ns.write('{"method":"tools/call"}')`)).toBe(true);
    expect(mightBeMcpCode(`socket.write(JSON.stringify({ jsonrpc: "2.0", method: "initialize" }))`)).toBe(false);
    // ESLint's no-mixed-requires names "net" and says "uninitialized": no MCP method in quotes.
    expect(mightBeMcpCode(`const BUILTINS = ["fs", "net"];\nconst DECL_UNINITIALIZED = "uninitialized";`)).toBe(false);
    expect(mightBeMcpCode(`import net from "node:net";\ns.write("{\\"method\\":\\"initialize\\"}");`)).toBe(true);
  });

  it("parses only files that import or require an MCP SDK package, not ones that merely mention it", () => {
    for (const yes of [
      `import { Client } from "@modelcontextprotocol/sdk/client/index.js";`,
      `import type { Tool } from '@modelcontextprotocol/sdk/types.js';`,
      `export * from "@modelcontextprotocol/server";`,
      `const { McpServer } = require( "@modelcontextprotocol/sdk/server/mcp.js" );`,
      `const m = await import(\`@modelcontextprotocol/client\`);`,
      `import x = require("@modelcontextprotocol/sdk/client/index.js");`,
      `import "@modelcontextprotocol/node";`,
      `import { a } from /* the SDK */ "@modelcontextprotocol/server";`,
      `/* header */ import { a } from "@modelcontextprotocol/server";`,
      `x;import{Client as C}from"@modelcontextprotocol/sdk/client/index.js";`,
    ]) {
      expect(mightBeMcpCode(yes), yes).toBe(true);
    }
    for (const no of [
      `/**\n * Example:\n * import { McpServer } from "@modelcontextprotocol/server";\n */\nexport const x = 1;`,
      `// import { Client } from "@modelcontextprotocol/sdk/client/index.js";\nexport {};`,
      `const name = "@modelcontextprotocol/sdk"; console.log(name);`,
      `const p = require.resolve("@modelcontextprotocol/sdk");`,
      `const docs = "see https://www.npmjs.com/package/@modelcontextprotocol/sdk";`,
    ]) {
      expect(mightBeMcpCode(no), no).toBe(false);
    }
  });

  it("reports a raw-socket MCP client that writes tools/call without an initialize (the prefilter lets it through)", async () => {
    const raw = await lintSourceText("a.cjs", `const net = require("net");\nconst s = net.connect({ port: 3000 });\ns.write('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}\\n');\n`);
    expect(raw.findings.map((f) => [f.ruleId, f.line])).toEqual([["no-raw-socket-transport", 2]]);
    const r = await lintSourceText("a.ts", `console.log("hi")`);
    expect(r.skipped).toBe("not-mcp");
  });

  it("parses .js files with espree, and what espree rejects with the TypeScript parser (same findings either way)", async () => {
    // A top-level `return` is a syntax error for espree in a module; TypeScript parses it (a semantic error only).
    const text = SERVER + "if (process.env.SKIP) return;\n";
    for (const file of ["server.js", "server.mjs"]) {
      const espree = await lintSourceText(file, text, { jsParser: "espree" });
      const typescript = await lintSourceText(file, text, { jsParser: "typescript" });
      expect(espree.findings.map((f) => [f.ruleId, f.line, f.column]), file).toEqual([["no-stdout-in-stdio-server", 4, 1]]);
      expect(espree).toEqual(typescript);
    }
  });

  it("reports through ESLint's Linter with exact positions and suggestions", async () => {
    const r = await lintSourceText("src/server.ts", SERVER);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ["no-stdout-in-stdio-server", "error", 4, 1, 4, 12],
    ]);
    expect(r.findings[0]!.suggestions?.[0]?.fix.text).toBe("error");
    expect(r.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("checks files wherever they are and however their extension is written (node_modules/, .git-like folders, A.TS)", async () => {
    for (const file of ["A.TS", "lib/Server.MJS", "node_modules/pkg/server.ts", "../outside/server.cts", "/abs/.hidden/server.ts"]) {
      const r = await lintSourceText(file, SERVER);
      expect(r.findings.map((f) => [f.ruleId, f.line, f.column]), file).toEqual([["no-stdout-in-stdio-server", 4, 1]]);
    }
  });

  it("honours eslint-disable directives as ESLint does", async () => {
    const text = SERVER.replace(`console.log("starting");`, `// eslint-disable-next-line mcp-lint/no-stdout-in-stdio-server\nconsole.log("starting");`);
    expect((await lintSourceText("src/server.ts", text)).findings).toEqual([]);
  });

  it("applies rule settings, including off and info", async () => {
    const off = await lintSourceText("s.ts", SERVER, { rules: { "no-stdout-in-stdio-server": { severity: "off" } } });
    expect(off.findings).toEqual([]);
    const info = await lintSourceText("s.ts", SERVER, { rules: { "no-stdout-in-stdio-server": { severity: "info" } } });
    expect(info.findings.map((f) => f.severity)).toEqual(["info"]);
  });

  it("fixes with ESLint's verifyAndFix", async () => {
    const text = `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
const client = new Client({ name: "c", version: "1" });
await client.connect(new StdioClientTransport({ command: "npx -y some-server" }));
`;
    const r = await lintSourceText("c.mjs", text, { fix: true });
    expect(r.output).toContain(`command: "npx", args: ["-y", "some-server"]`);
    expect(r.findings.filter((f) => f.ruleId === "no-stdio-command-line")).toEqual([]);
  });

  it("turns a parse error into a located finding, never a throw", async () => {
    const r = await lintSourceText("bad.ts", `import "@modelcontextprotocol/sdk/client/index.js";\nconst = ;\n`);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "syntax", severity: "error", line: 2 });
  });

  it("ignores disable comments that name other plugins' rules", async () => {
    const text = `${SERVER}// eslint-disable-next-line @typescript-eslint/no-explicit-any\nconst x: any = 1;\n`;
    const r = await lintSourceText("s.ts", text);
    expect(r.findings.map((f) => f.ruleId)).toEqual(["no-stdout-in-stdio-server"]);
  });

  it("gives the same findings when files are linted in turn and again (per-file caches are dropped after each file)", async () => {
    const client = `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
const client = new Client({ name: "c", version: "1" });
await client.connect(new StdioClientTransport({ command: "npx -y some-server" }));
`;
    const first = [await lintSourceText("s.ts", SERVER), await lintSourceText("c.mjs", client), await lintSourceText("c.ts", client)];
    const again = [await lintSourceText("c.ts", client), await lintSourceText("s.ts", SERVER), await lintSourceText("c.mjs", client)];
    expect(first[0].findings.map((f) => f.ruleId)).toEqual(["no-stdout-in-stdio-server"]);
    expect(first[1].findings.map((f) => f.ruleId)).toContain("no-stdio-command-line");
    expect([again[1], again[2], again[0]]).toEqual(first);
  });

  it("keeps no file's AST once its findings are made, not even the last file's (which ESLint's Linter holds)", () => {
    // A real process with a full garbage collection on demand, on the built runner: a WeakRef to the last statement of
    // each linted file's AST (taken from the Linter right after verify) must be cleared. Without the runner emptying
    // the Linter's last SourceCode, the last file's stays reachable through it.
    const runner = fileURLToPath(new URL("../../../packages/core/dist/code/js/runner.js", import.meta.url));
    const script = `
import { Linter } from "eslint";
import { setTimeout as tick } from "node:timers/promises";
const { lintSourceText } = await import(${JSON.stringify(runner)});
const refs = [];
const verify = Linter.prototype.verify;
Linter.prototype.verify = function (...args) {
  const messages = verify.apply(this, args);
  refs.push(new WeakRef(this.getSourceCode().ast.body.at(-1)));
  return messages;
};
const text = (i) => 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\\nconst s' + i + ' = new McpServer({ name: "x", version: "1" });\\ns' + i + '.registerTool("t", {}, async () => ({ content: [] }));\\n';
for (let i = 0; i < 4; i++) await lintSourceText("m" + i + (i % 2 ? ".mjs" : ".ts"), text(i));
await tick(1);
globalThis.gc();
await tick(1);
console.log(JSON.stringify(refs.map((r) => r.deref() !== undefined)));
`;
    const r = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8", cwd: fileURLToPath(new URL("../../..", import.meta.url)) });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([false, false, false, false]);
  });
});
