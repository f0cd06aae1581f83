#!/usr/bin/env node
// Scaling benchmark: time per input byte of the worst input shapes found (issue 13) at 10 kB, 100 kB, 1 MB and
// 5 MB. Linear cost keeps the time per byte flat; a shape whose time per byte at 5 MB is more than 2x its time
// per byte at 10 kB (ignoring the smallest size's fixed costs below 100 kB) is flagged and the script exits 1.
//
// Each run is the whole path a user pays for: lintFiles on the file (read, parse, rules, fingerprints) and the
// SARIF and stylish reports of the result.
//   node scripts/bench-scaling.mjs [--sizes 10000,100000] [--shapes servers,toml]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { lintFiles } from "../packages/core/dist/engine/lint-files.js";
import { formatResults } from "../packages/core/dist/formatters/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, ".bench", "scaling");

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (opt("--sizes") ?? "10000,100000,1000000,5000000").split(",").map(Number);

/** Repeats `unit(i)` until the text is at least `bytes` long. */
function fill(head, unit, tail, bytes, sep = "") {
  const parts = [head];
  let n = head.length + tail.length;
  for (let i = 0; n < bytes; i++) {
    const u = (i ? sep : "") + unit(i);
    parts.push(u);
    n += u.length;
  }
  parts.push(tail);
  return parts.join("");
}

const SERVER_HEAD = 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nconst server = new McpServer({ name: "s", version: "1.0.0" });\n';
const SERVER_TAIL = "\nawait server.connect(new StdioServerTransport());\n";

/** The worst shapes: file name and text of about `bytes` bytes. */
const SHAPES = {
  // Many servers in one config file (each with a finding: npx without -y).
  servers: (bytes) => [".mcp.json", fill('{"mcpServers": {\n', (i) => `"s${i}": {"command": "npx", "args": ["pkg-${i}"]}`, "\n}}\n", bytes, ",\n")],
  // Codex TOML, one table per server.
  toml: (bytes) => [".codex/config.toml", fill("", (i) => `[mcp_servers.s${i}]\ncommand = "npx"\nargs = ["pkg-${i}"]\n\n`, "", bytes)],
  // One unknown key of the whole size (did-you-mean against every known key).
  "long-key": (bytes) => [".mcp.json", `{"mcpServers": {"a": {"command": "node", "${"x".repeat(Math.max(1, bytes - 60))}": 1}}}\n`],
  // An MCP stdio server with one console.log per line.
  "console-lines": (bytes) => ["server.ts", fill(SERVER_HEAD, (i) => `console.log("line ${i}");\n`, SERVER_TAIL, bytes)],
  // The same on one minified line: every finding is on the same (huge) line.
  "one-line": (bytes) => ["min.js", fill(SERVER_HEAD.replace(/\n/g, ""), (i) => `console.log(${i});`, SERVER_TAIL.replace(/\n/g, ""), bytes)],
};
const shapeNames = (opt("--shapes") ?? Object.keys(SHAPES).join(",")).split(",");

async function timeOne(file, text) {
  rmSync(dir, { recursive: true, force: true });
  const abs = join(dir, file);
  mkdirSync(join(abs, ".."), { recursive: true });
  writeFileSync(abs, text);
  const start = performance.now();
  const run = await lintFiles([file], { cwd: dir, noConfigLookup: true });
  formatResults("sarif", run.results, { cwd: dir });
  formatResults("stylish", run.results, { cwd: dir });
  const ms = performance.now() - start;
  return { ms, findings: run.results.reduce((n, r) => n + r.findings.length, 0) };
}

const fmt = (x, d = 2) => x.toFixed(d);
const rows = [];
let failed = false;
// Warm up the code paths (ESLint loading, schema compilation) so the first size is not charged for them.
for (const name of shapeNames) await timeOne(...SHAPES[name](2000));
for (const name of shapeNames) {
  const perByte = [];
  for (const size of SIZES) {
    const [file, text] = SHAPES[name](size);
    // Best of 3 below 1 MB (small runs are noisy), one run above.
    const runs = size < 1_000_000 ? 3 : 1;
    let best;
    for (let r = 0; r < runs; r++) {
      const t = await timeOne(file, text);
      if (!best || t.ms < best.ms) best = t;
    }
    const nsPerByte = (best.ms * 1e6) / text.length;
    perByte.push(nsPerByte);
    rows.push({ name, bytes: text.length, ms: best.ms, findings: best.findings, nsPerByte });
  }
  // The largest rise of the time per byte from a smaller size to a larger one.
  let growth = 1;
  for (let j = 0; j < perByte.length; j++) for (let i = j + 1; i < perByte.length; i++) growth = Math.max(growth, perByte[i] / perByte[j]);
  const flagged = growth > 2;
  if (flagged) failed = true;
  rows.push({ name, growth, flagged });
}
rmSync(dir, { recursive: true, force: true });

console.log("| shape | bytes | findings | ms | ns per byte |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  if ("growth" in r) console.log(`| **${r.name}**: largest rise of ns per byte | | | | **${fmt(r.growth)}×**${r.flagged ? " ⚠ more than 2× (not linear)" : ""} |`);
  else console.log(`| ${r.name} | ${r.bytes.toLocaleString("en")} | ${r.findings.toLocaleString("en")} | ${fmt(r.ms, 1)} | ${fmt(r.nsPerByte)} |`);
}
if (failed) {
  console.log("\nA shape's time per byte grew more than 2x between sizes: some cost is not linear in the input size.");
  process.exitCode = 1;
}
