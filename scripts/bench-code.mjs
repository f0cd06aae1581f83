#!/usr/bin/env node
// Code benchmark: a generated 2,000-file TypeScript repository, 5 % of whose modules use MCP.
//   1. mcp-lint CLI vs the eslint CLI running the same code rules on the same files (target: >= 5x faster).
//   2. Per MCP file: mcp-lint's code pass vs bare typescript-estree parsing of the same files (target: <= 1.3x).
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { parse } from "@typescript-eslint/typescript-estree";
import { lintSourceText } from "../packages/core/dist/code/runner.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const FILES = 2000;
const corpus = join(root, ".bench", "code-2000");

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function plainModule(i) {
  const lines = [`import { helper${i % 7} } from "../lib/helpers";`, `export interface Item${i} { id: number; name: string; tags: string[] }`];
  for (let f = 0; f < 12; f++) {
    lines.push(`export function fn${i}_${f}(items: Item${i}[], limit = ${f + 1}): Item${i}[] {`);
    lines.push(`  const out = items.filter((x) => x.id % ${f + 2} === 0).slice(0, limit);`);
    lines.push(`  for (const item of out) item.tags.push(String(helper${i % 7}(item.id)));`);
    lines.push(`  return out.sort((a, b) => a.name.localeCompare(b.name));`);
    lines.push(`}`);
  }
  return lines.join("\n") + "\n";
}

function mcpModule(i) {
  const server = rand() < 0.5;
  const lines = server
    ? [
        `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";`,
        `import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";`,
        `import { z } from "zod";`,
        `const server = new McpServer({ name: "svc-${i}", version: "1.0.0" });`,
      ]
    : [
        `import { Client } from "@modelcontextprotocol/sdk/client/index.js";`,
        `import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";`,
        `const client = new Client({ name: "app-${i}", version: "1.0.0" });`,
      ];
  for (let t = 0; t < 10; t++) {
    if (server) {
      lines.push(`server.registerTool("tool_${t}", { description: "Tool ${t}", inputSchema: { q: z.string() } }, async ({ q }) => {`);
      lines.push(`  const hits = [q, q.toUpperCase(), q.length.toString()].filter(Boolean);`);
      lines.push(`  ${t === 3 && i % 3 === 0 ? "console.log(hits);" : "console.error(hits);"}`);
      lines.push(`  return { content: [{ type: "text", text: hits.join(", ") }] };`);
      lines.push(`});`);
    } else {
      lines.push(`export async function call${t}(arg: string) {`);
      lines.push(`  const res = await client.callTool({ name: "tool_${t}", arguments: { q: arg } });`);
      lines.push(`  return res.content;`);
      lines.push(`}`);
    }
  }
  if (server) lines.push(`await server.connect(new StdioServerTransport());`);
  else lines.push(`await client.connect(new StdioClientTransport({ command: ${i % 4 === 0 ? `"npx -y srv-${i}"` : `"node", args: ["/srv/${i}.js"]`} }));`);
  return lines.join("\n") + "\n";
}

function generate() {
  if (existsSync(join(corpus, ".done"))) return JSON.parse(readFileSync(join(corpus, ".done"), "utf8"));
  rmSync(corpus, { recursive: true, force: true });
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const mcp = i % 20 === 0; // 5 %
    const file = join(corpus, "src", `area${Math.floor(i / 50)}`, `module${i}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, mcp ? mcpModule(i) : plainModule(i));
    files.push({ file, mcp });
  }
  mkdirSync(join(corpus, "lib"), { recursive: true });
  // The same rules, for the eslint CLI: mcp-lint's code rules as a flat-config plugin.
  const core = join(root, "packages/core/dist/index.js");
  writeFileSync(
    join(corpus, "eslint.config.mjs"),
    `import parser from "@typescript-eslint/parser";
import { codeRules, codeRuleMeta } from ${JSON.stringify(core)};
export default [{
  files: ["**/*.ts"],
  languageOptions: { parser, ecmaVersion: "latest", sourceType: "module" },
  plugins: { "mcp-lint": { rules: codeRules } },
  rules: Object.fromEntries(codeRuleMeta.filter((m) => m.recommended).map((m) => ["mcp-lint/" + m.id, m.severity === "error" ? "error" : "warn"])),
}];
`,
  );
  writeFileSync(join(corpus, ".done"), JSON.stringify(files));
  return files;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = generate();
const mcpFiles = files.filter((f) => f.mcp).map((f) => ({ file: f.file, text: readFileSync(f.file, "utf8") }));
console.log(`Corpus: ${files.length} TypeScript files, ${mcpFiles.length} of them MCP modules, in ${corpus.replace(root, "")}`);

// 1. Whole-repository runs, as a user runs them.
const mcpLintBin = join(root, "packages/cli/bin/mcp-lint.js");
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");
const lintRuns = [];
const eslintRuns = [];
let lintFindings = 0;
let eslintFindings = 0;
for (let i = 0; i < 3; i++) {
  const a = timeProcess([mcpLintBin, "src", "--format", "json", "--no-config-lookup"], corpus);
  lintRuns.push(a.ms);
  lintFindings = JSON.parse(a.stdout).reduce((n, r) => n + r.messages.length, 0);
  const b = timeProcess([eslintBin, "--format", "json", "src"], corpus);
  eslintRuns.push(b.ms);
  eslintFindings = JSON.parse(b.stdout).reduce((n, r) => n + r.messages.length, 0);
}
const lintMs = median(lintRuns);
const eslintMs = median(eslintRuns);

// 2. Per MCP file, in process and warm: our code pass vs a bare typescript-estree parse.
const parseOptions = { loc: true, range: true, comment: true, tokens: true, jsx: false };
await lintSourceText("warm.ts", mcpFiles[0].text);
const ours = [];
const bare = [];
for (let round = 0; round < 5; round++) {
  let t0 = performance.now();
  for (const f of mcpFiles) parse(f.text, parseOptions);
  bare.push(performance.now() - t0);
  t0 = performance.now();
  for (const f of mcpFiles) await lintSourceText(f.file, f.text);
  ours.push(performance.now() - t0);
}
const oursMs = median(ours);
const bareMs = median(bare);

const row = (name, ms) => `${name.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms`;
console.log(row("eslint CLI, same code rules, 2,000 files (median of 3)", eslintMs));
console.log(row("mcp-lint CLI, 2,000 files (median of 3)", lintMs));
console.log(`findings: mcp-lint ${lintFindings}, eslint ${eslintFindings}`);
const speedup = eslintMs / lintMs;
console.log(`speed-up over eslint: ${speedup.toFixed(1)}x (target >= 5x) ${speedup >= 5 ? "OK" : "UNDER TARGET"}`);
console.log(row(`typescript-estree parse, ${mcpFiles.length} MCP files (median of 5)`, bareMs));
console.log(row(`mcp-lint code pass, ${mcpFiles.length} MCP files (median of 5)`, oursMs));
const ratio = oursMs / bareMs;
console.log(`MCP-file time / bare parse: ${ratio.toFixed(2)}x (target <= 1.3x) ${ratio <= 1.3 ? "OK" : "OVER TARGET"}`);
// Detail only (the target above is the median ratio): each round, so warm-up and GC pauses show.
const rounds = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
console.log(`  rounds, ms: bare ${rounds(bare)} | mcp-lint ${rounds(ours)} | fastest round each: ${(Math.min(...ours) / Math.min(...bare)).toFixed(2)}x`);
