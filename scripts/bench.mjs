#!/usr/bin/env node
// Benchmark: mcp-lint against a floor measured in the same run.
//   config corpus: 10,000 generated MCP config files (several clients).
//   floor:         read + JSON.parse + ajv validate of the same files with the same schemas (no positions, no rules).
//   mcp-lint:      lintFiles() on the corpus folder: discovery, positioned parse, dialects, schema, every rule.
// Prints medians and the ratio (target: within 2x of the floor). Usage: npm run bench [-- --files N --runs N]
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { dialectForPath, lintFiles } from "../packages/core/dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FILES = opt("files", 10_000);
const RUNS = opt("runs", 5);
const corpus = join(root, ".bench", `configs-${FILES}`);

// Deterministic pseudo-random numbers, so every run lints the same corpus.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const LAYOUTS = [
  { path: ".mcp.json", root: "mcpServers", http: { type: "http" } },
  { path: ".cursor/mcp.json", root: "mcpServers", http: {} },
  { path: ".vscode/mcp.json", root: "servers", http: { type: "http" } },
  { path: "claude_desktop_config.json", root: "mcpServers", http: null },
  { path: ".gemini/settings.json", root: "mcpServers", http: { type: "http" } },
  { path: ".roo/mcp.json", root: "mcpServers", http: { type: "streamable-http" } },
  { path: ".kiro/settings/mcp.json", root: "mcpServers", http: {} },
];

function server(layout) {
  const r = rand();
  if (r < 0.55 || !layout.http) {
    const pkg = pick(["@modelcontextprotocol/server-github", "@playwright/mcp", "mcp-server-fetch", "@acme/tools"]);
    const runner = pick(["npx", "npx", "uvx", "node"]);
    const args = runner === "npx" ? [...(rand() < 0.7 ? ["-y"] : []), `${pkg}@1.${Math.floor(rand() * 9)}.0`] : runner === "node" ? ["/opt/srv/index.js"] : [pkg];
    const s = { command: runner, args };
    if (rand() < 0.4) s.env = { LOG_LEVEL: "info", API_URL: "https://api.example.com" };
    return s;
  }
  const url = pick(["https://mcp.example.com/mcp", "http://localhost:3000/mcp", "https://api.example.org/v1/mcp", "http://127.0.0.1:8080/sse"]);
  const s = { ...layout.http, url };
  if (rand() < 0.3) s.headers = { "X-Client": "bench" };
  return s;
}

function generate() {
  if (existsSync(join(corpus, ".done"))) return JSON.parse(readFileSync(join(corpus, ".done"), "utf8"));
  rmSync(corpus, { recursive: true, force: true });
  const files = [];
  for (let i = 0; i < FILES; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length];
    const servers = {};
    const n = 1 + Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) servers[`server-${k}`] = server(layout);
    const file = join(corpus, `p${String(Math.floor(i / 100)).padStart(3, "0")}`, `project-${i}`, layout.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ [layout.root]: servers }, null, 2) + "\n");
    files.push(file);
  }
  writeFileSync(join(corpus, ".done"), JSON.stringify(files));
  return files;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const files = generate();
// The same ajv (v8) that mcp-lint uses, resolved from the core package.
const Ajv = createRequire(join(root, "packages/core/package.json"))("ajv").default;
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map();
const validatorFor = (file) => {
  const d = dialectForPath(file);
  if (!validators.has(d.id)) validators.set(d.id, ajv.compile(d.schema));
  return validators.get(d.id);
};

async function floor() {
  let invalid = 0;
  for (const file of files) {
    const value = JSON.parse(readFileSync(file, "utf8"));
    if (!validatorFor(file)(value)) invalid++;
  }
  return invalid;
}

let findings = 0;
// Same input as the floor: the list of files. (Discovery of a folder is timed separately below.)
async function mcpLint() {
  const run = await lintFiles(files, { cwd: root, noConfigLookup: true });
  findings = run.results.reduce((n, r) => n + r.findings.length, 0);
  if (run.results.length !== files.length) throw new Error(`linted ${run.results.length} files, expected ${files.length}`);
}

console.log(`Corpus: ${files.length} config files in ${corpus.replace(root, "")}`);
await floor();
await mcpLint(); // warm-up: JIT, schema compilation
const floorTimes = [];
const lintTimes = [];
for (let i = 0; i < RUNS; i++) {
  floorTimes.push(await time(floor));
  lintTimes.push(await time(mcpLint));
}
const f = median(floorTimes);
const l = median(lintTimes);
const discoverStart = performance.now();
await lintFiles([corpus], { cwd: root, noConfigLookup: true });
const withDiscovery = performance.now() - discoverStart;

const cliArgs = [join(root, "packages/cli/bin/mcp-lint.js"), corpus, "--format", "json", "--output-file", join(root, ".bench", "out.json"), "--no-config-lookup"];
const cliStart = performance.now();
const cli = spawnSync(process.execPath, cliArgs, { encoding: "utf8" });
const cliTime = performance.now() - cliStart;

const row = (name, ms) => `${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${((ms * 1000) / files.length).toFixed(1).padStart(7)} µs/file`;
console.log(row("floor: read + JSON.parse + ajv (median)", f));
console.log(row("mcp-lint lintFiles(files), all rules (median)", l));
console.log(row("mcp-lint lintFiles(folder), + discovery (1 run)", withDiscovery));
console.log(row("mcp-lint CLI process, end to end (1 run)", cliTime));
console.log(`findings: ${findings}; CLI exit code: ${cli.status}`);
const ratio = l / f;
console.log(`ratio mcp-lint / floor: ${ratio.toFixed(2)}x (target <= 2.00x) ${ratio <= 2 ? "OK" : "OVER TARGET"}`);
