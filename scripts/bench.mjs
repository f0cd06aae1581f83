#!/usr/bin/env node
// `npm run bench`: what ships (dist/cli.js, dist/index.js), run as whole processes, against baselines measured in
// the same run, rounds interleaved (baseline and mcp-lint alternate, so load changes hit both). CPU time (user + sys
// of the child, from /usr/bin/time) is the measure the targets use; wall time and peak RSS are printed too.
// Every ratio is printed next to its target (issue 15). docs/benchmarks.md records method and figures.
//
// A case is one entry in CASES: { id, title, rounds, prepare(), base(ctx), ours(ctx), check?(ctx, base, ours),
// targets: [{ metric: "cpu" | "wall" | "rss", ratio: "ours/base" | "base/ours", max? | min? }] } (neither: printed
// for information), where base/ours
// return { label, argv, cwd?, env? } (argv[0] is the program). A case with measure(ctx) instead of base/ours
// returns { base: {cpu, wall}, ours: {cpu, wall} } for one round (used for the in-process per-file ratio).
//
// Usage: npm run bench [-- --quick] [-- --only id,id] [-- --rounds N]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH = join(ROOT, ".bench");
const NODE = process.execPath;
const CLI = join(ROOT, "dist/cli.js");
const ACTION = join(ROOT, "dist/index.js");
const ESLINT = join(ROOT, "node_modules/eslint/bin/eslint.js");
const TIME = "/usr/bin/time";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ONLY = flag("only")?.split(",");
const ROUNDS = flag("rounds") ? Number(flag("rounds")) : undefined;

for (const need of [CLI, ACTION, join(ROOT, "packages/core/dist/index.js")]) {
  if (!existsSync(need)) throw new Error(`${relative(ROOT, need)} is missing: run \`npm run build && npm run build:action\` first.`);
}
if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure a child process's CPU time and peak RSS.`);

// ---------------------------------------------------------------------------------------------------------------
// Corpora (deterministic, under the git-ignored .bench/)

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** Every dialect fixture (clean) and the broken example setup (with findings), with the path suffix that names the dialect. */
async function configTemplates() {
  const { dialectForPath, getDialect } = await import("../packages/core/dist/index.js");
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const templates = [];
  for (const [dir, dirty] of [
    [join(ROOT, "test/fixtures/dialects"), false],
    [join(ROOT, "examples/broken-setup"), true],
  ]) {
    for (const file of walk(dir)) {
      const d = dialectForPath(file);
      if (!d) continue;
      // The shortest path tail that still names the same dialect.
      const parts = relative(dir, file).split("/");
      let suffix;
      for (let n = 1; n <= parts.length && !suffix; n++) {
        const tail = parts.slice(-n).join("/");
        if (dialectForPath(`/x/${tail}`)?.id === d.id) suffix = tail;
      }
      templates.push({ suffix, dialect: d.id, format: d.format, schema: getDialect(d.id).schema, text: readFileSync(file, "utf8"), dirty });
    }
  }
  return templates;
}

/** N config files of every dialect and format, ~18 % with findings (12.5 % from the broken setup; the Claude Code fixture has one). */
async function configCorpus(n) {
  const dir = join(BENCH, `configs-mixed-${n}`);
  if (existsSync(join(dir, ".manifest.json"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const templates = await configTemplates();
  const clean = templates.filter((t) => !t.dirty);
  const dirty = templates.filter((t) => t.dirty);
  seed = 42;
  for (let i = 0; i < n; i++) {
    const t = rand() < 0.125 ? dirty[i % dirty.length] : clean[i % clean.length];
    // Vary the text a little (a pinned version), so files are not byte-identical.
    const text = t.text.replace(/@(\d+)\.(\d+)\.(\d+)/, (_, a, b) => `@${a}.${b}.${i % 50}`);
    const file = join(dir, `g${String(Math.floor(i / 100)).padStart(3, "0")}`, `project-${i}`, t.suffix);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const kinds = [...new Map(templates.map((t) => [t.suffix, { suffix: `/${t.suffix}`, dialect: t.dialect, format: t.format }])).values()];
  const schemas = Object.fromEntries(templates.map((t) => [t.dialect, t.schema]));
  writeFileSync(join(dir, ".manifest.json"), JSON.stringify({ kinds, schemas }));
  return dir;
}

/** A small repository with only configs: the dialect fixtures and the broken example setup. */
function smallConfigRepo() {
  const dir = join(BENCH, "configs-repo");
  if (existsSync(join(dir, ".done"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, "test/fixtures/dialects"), join(dir, "fixtures"), { recursive: true });
  cpSync(join(ROOT, "examples/broken-setup"), join(dir, "setup"), { recursive: true });
  writeFileSync(join(dir, ".done"), "");
  return dir;
}

/** Packages installed in node_modules, as they are installed (bundles and source maps included, declaration files left out). */
const REAL_TREE = [
  "@modelcontextprotocol/sdk/dist",
  "@modelcontextprotocol/client/dist",
  "@modelcontextprotocol/server/dist",
  "@modelcontextprotocol/server-legacy/dist",
  "@modelcontextprotocol/core/dist",
  "@modelcontextprotocol/node/dist",
  "@modelcontextprotocol/express/dist",
  "eslint/lib",
  "@eslint",
  "espree",
  "eslint-scope",
  "esquery",
  "typescript-eslint/dist",
  "@typescript-eslint",
  "zod",
];
const CODE = /\.(?:[cm]?[jt]s)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

function realCodeTree(quick) {
  const dir = join(BENCH, quick ? "code-real-quick" : "code-real");
  const done = join(dir, ".done");
  if (existsSync(done)) return { dir, ...JSON.parse(readFileSync(done, "utf8")) };
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  const copy = (from, to) => {
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (e.name === "node_modules") continue;
      const src = join(from, e.name);
      const dst = join(to, e.name);
      if (e.isDirectory()) copy(src, dst);
      else if (e.isFile() && ((CODE.test(e.name) && !DECLARATION.test(e.name)) || e.name.endsWith(".map"))) {
        mkdirSync(to, { recursive: true });
        cpSync(src, dst);
        if (!e.name.endsWith(".map")) files++;
      }
    }
  };
  for (const p of quick ? REAL_TREE.slice(0, 8) : REAL_TREE) copy(join(ROOT, "node_modules", p), join(dir, "tree", p));
  // The same rules for eslint: mcp-lint's code rules as a flat-config plugin; TypeScript files with
  // @typescript-eslint/parser, JavaScript with ESLint's default parser (what a project would configure).
  writeFileSync(
    join(dir, "eslint.config.mjs"),
    `import tsParser from "@typescript-eslint/parser";
import { codeRules, codeRuleMeta } from ${JSON.stringify(join(ROOT, "packages/core/dist/index.js"))};
const rules = Object.fromEntries(codeRuleMeta.filter((m) => m.recommended).map((m) => ["mcp-lint/" + m.id, m.severity === "error" ? "error" : "warn"]));
const plugins = { "mcp-lint": { rules: codeRules } };
export default [
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], languageOptions: { ecmaVersion: "latest" }, linterOptions: { reportUnusedDisableDirectives: "off" }, plugins, rules },
  { files: ["**/*.ts", "**/*.mts", "**/*.cts"], languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" }, linterOptions: { reportUnusedDisableDirectives: "off" }, plugins, rules },
];
`,
  );
  writeFileSync(done, JSON.stringify({ files }));
  return { dir, files };
}

/** One MCP server and one plain TypeScript module, for the cold starts. */
function coldStartFiles() {
  const dir = join(BENCH, "cold");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ".mcp.json"), JSON.stringify({ mcpServers: { github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github@2025.4.8"] } } }, null, 2) + "\n");
  writeFileSync(join(dir, "server.ts"), mcpModule(1, true));
  return dir;
}

/** Generated MCP modules (half servers, half clients), for the per-file ratio. */
function mcpModule(i, server = i % 2 === 0) {
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

function perFileCorpus(n) {
  const dir = join(BENCH, `mcp-modules-${n}`);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = join(dir, `module${i}.ts`);
    if (!existsSync(file)) writeFileSync(file, mcpModule(i));
    files.push(file);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Cases

const cleanEnv = () => {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || ["NODE_OPTIONS", "FORCE_COLOR", "DEBUG", "CI"].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: "1" };
};

const heavyRounds = QUICK ? 2 : 3;
const lightRounds = QUICK ? 5 : 9;

export /** What the one-.ts-file cold start has to load (the lean parser's modules and ESLint's Linter), from node_modules. */
const COLD_FLOOR = ["@typescript-eslint/typescript-estree", "@typescript-eslint/scope-manager", "eslint"].map((m) => `require(${JSON.stringify(m)})`).join(";");

const CASES = [
  {
    id: "configs",
    title: `configs: ${QUICK ? "2,000" : "10,000"} mixed files (17 dialects; JSON, JSONC, YAML, TOML; ~18 % with findings), whole process`,
    rounds: heavyRounds,
    prepare: async () => ({ dir: await configCorpus(QUICK ? 2000 : 10_000) }),
    base: ({ dir }) => ({ label: "floor: walk + read + parse + ajv validate, one thread", argv: [NODE, join(ROOT, "scripts/bench/config-floor.mjs"), dir] }),
    ours: ({ dir }) => ({ label: "dist/cli.js (discovery, all rules, JSON report)", argv: [NODE, CLI, dir, "--no-config-lookup", "--format", "json", "--output-file", join(BENCH, "configs-out.json")] }),
    check: (_ctx, base) => {
      const floor = JSON.parse(base.stdout);
      const report = JSON.parse(readFileSync(join(BENCH, "configs-out.json"), "utf8"));
      const withFindings = report.filter((r) => r.messages.length > 0).length;
      return `floor: ${floor.files} files (${floor.invalid} schema-invalid); mcp-lint: ${report.length} files, ${withFindings} with findings (${((100 * withFindings) / report.length).toFixed(1)} %)`;
    },
    targets: [{ metric: "cpu", ratio: "ours/base", max: 2.0 }],
  },
  {
    id: "code",
    title: "code: a real tree from node_modules (MCP SDK dist incl. bundles, ESLint, typescript-eslint, zod)",
    rounds: heavyRounds,
    prepare: async () => realCodeTree(QUICK),
    base: ({ dir }) => ({ label: "eslint CLI, same rules (espree for JS, TS parser for TS)", argv: [NODE, ESLINT, "--format", "json", "-o", join(BENCH, "code-eslint.json"), "tree"], cwd: dir }),
    ours: ({ dir }) => ({ label: "dist/cli.js", argv: [NODE, CLI, "tree", "--no-config-lookup", "--format", "json", "--output-file", join(dir, "code-ours.json")], cwd: dir }),
    check: ({ files, dir }) => {
      const count = (path) => JSON.parse(readFileSync(path, "utf8")).reduce((n, r) => n + r.messages.filter((m) => m.ruleId === null || m.ruleId.startsWith("mcp-lint/") || !m.ruleId.includes("/")).length, 0);
      // Each report where its side wrote it (ours inside the tree's folder: the CLI writes no report outside the project).
      return `${files} source files; findings: eslint ${count(join(BENCH, "code-eslint.json"))}, mcp-lint ${count(join(dir, "code-ours.json"))} (mcp-lint skips bundles and build output with source maps)`;
    },
    targets: [
      { metric: "cpu", ratio: "base/ours", min: 5 },
      { metric: "rss", ratio: "ours/base", max: 1.0 },
    ],
  },
  {
    id: "code-all",
    title: "code: the same tree with bundles and build output linted too (config overrides name every file), for comparison",
    // One round (no target): eslint on the whole tree is most of the bench's time.
    rounds: 1,
    prepare: async () => {
      const tree = realCodeTree(QUICK);
      writeFileSync(join(tree.dir, "mcp-lint.all.json"), JSON.stringify({ overrides: [{ files: ["tree/**"], rules: {} }] }));
      return tree;
    },
    base: ({ dir }) => ({ label: "eslint CLI, same rules (espree for JS, TS parser for TS)", argv: [NODE, ESLINT, "--format", "json", "-o", join(BENCH, "code-eslint.json"), "tree"], cwd: dir }),
    ours: ({ dir }) => ({ label: "dist/cli.js --config (overrides: tree/**)", argv: [NODE, CLI, "tree", "--config", "mcp-lint.all.json", "--format", "json", "--output-file", join(dir, "code-all-ours.json")], cwd: dir }),
    targets: [{ metric: "cpu", ratio: "base/ours" }, { metric: "rss", ratio: "ours/base" }],
  },
  {
    id: "per-file",
    title: `per MCP file, in one warm process: the code pass (ESLint Linter + rules) against typescript-estree's plain parse()`,
    rounds: QUICK ? 3 : 5,
    prepare: async () => ({ files: perFileCorpus(100) }),
    measure: ({ files }) => {
      const r = spawnSync(NODE, [join(ROOT, "scripts/bench/per-file.mjs"), ...files], { encoding: "utf8", env: cleanEnv(), maxBuffer: 16 << 20 });
      if (r.status !== 0) throw new Error(`per-file.mjs failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    labels: { base: "typescript-estree parse(), 100 MCP files", ours: "lintSourceText(), 100 MCP files" },
    targets: [{ metric: "cpu", ratio: "ours/base", max: 1.5 }],
  },
  {
    id: "cold-config",
    title: "cold start: dist/cli.js on one .mcp.json",
    rounds: lightRounds,
    prepare: async () => ({ dir: coldStartFiles() }),
    base: () => ({ label: "node -e 0", argv: [NODE, "-e", "0"] }),
    ours: ({ dir }) => ({ label: "dist/cli.js .mcp.json", argv: [NODE, CLI, ".mcp.json", "--no-config-lookup"], cwd: dir }),
    targets: [{ metric: "cpu", ratio: "ours/base", max: 2.0 }, { metric: "wall", ratio: "ours/base", max: 2.0 }],
  },
  {
    id: "cold-code",
    title: "cold start: dist/cli.js on one MCP .ts file",
    rounds: lightRounds,
    prepare: async () => ({ dir: coldStartFiles() }),
    base: () => ({ label: "node -e 0", argv: [NODE, "-e", "0"] }),
    ours: ({ dir }) => ({ label: "dist/cli.js server.ts", argv: [NODE, CLI, "server.ts", "--no-config-lookup"], cwd: dir }),
    targets: [{ metric: "cpu", ratio: "ours/base", max: 4.0 }, { metric: "wall", ratio: "ours/base", max: 4.0 }],
  },
  {
    // The floor of cold-code on Node 20: loading what one .ts file needs, as installed, and nothing else.
    id: "cold-floor",
    title: "cold-code's floor: node loading typescript, typescript-estree, scope-manager and ESLint (no linting)",
    rounds: lightRounds,
    prepare: async () => ({}),
    base: () => ({ label: "node -e 0", argv: [NODE, "-e", "0"] }),
    ours: () => ({ label: "require(typescript-estree, scope-manager, eslint)", argv: [NODE, "-e", COLD_FLOOR] }),
    targets: [{ metric: "cpu", ratio: "ours/base" }, { metric: "wall", ratio: "ours/base" }],
  },
  {
    id: "cold-floor-ts",
    title: "part of that floor: node loading typescript alone",
    rounds: lightRounds,
    prepare: async () => ({}),
    base: () => ({ label: "node -e 0", argv: [NODE, "-e", "0"] }),
    ours: () => ({ label: "require(typescript)", argv: [NODE, "-e", 'require("typescript")'] }),
    targets: [{ metric: "cpu", ratio: "ours/base" }],
  },
  {
    id: "action",
    title: "the Action (dist/index.js) against the CLI (dist/cli.js) on a repository with only configs (25 files)",
    rounds: lightRounds,
    prepare: async () => {
      const dir = smallConfigRepo();
      const runner = join(BENCH, "runner");
      mkdirSync(runner, { recursive: true });
      return { dir, runner };
    },
    base: ({ dir }) => ({ label: "dist/cli.js .", argv: [NODE, CLI, "."], cwd: dir }),
    ours: ({ dir, runner }) => {
      writeFileSync(join(runner, "summary"), "");
      writeFileSync(join(runner, "output"), "");
      return {
        label: "dist/index.js (Action)",
        argv: [NODE, ACTION],
        cwd: dir,
        env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: join(runner, "summary"), GITHUB_OUTPUT: join(runner, "output"), RUNNER_TEMP: runner },
      };
    },
    targets: [{ metric: "cpu", ratio: "ours/base", max: 1.2 }, { metric: "wall", ratio: "ours/base", max: 1.2 }],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Measuring

/** Runs a command under /usr/bin/time: CPU (user + sys) and peak RSS of the child, wall time around it. */
function runProcess(cmd) {
  const timeFile = join(BENCH, ".time");
  const t0 = performance.now();
  const r = spawnSync(TIME, ["-f", "%U %S %M", "-o", timeFile, ...cmd.argv], {
    cwd: cmd.cwd ?? ROOT,
    env: { ...cleanEnv(), ...cmd.env },
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  const wall = performance.now() - t0;
  const [user, sys, rssKb] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.argv.join(" ")} exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { cpu: (user + sys) * 1000, wall, rss: rssKb / 1024, stdout: r.stdout, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);

const cases = CASES.filter((c) => !ONLY || ONLY.includes(c.id));
console.log(`mcp-lint bench${QUICK ? " (--quick)" : ""}: Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const started = performance.now();
const contexts = new Map();
for (const c of cases) contexts.set(c.id, await c.prepare());

const samples = new Map(cases.map((c) => [c.id, { base: [], ours: [] }]));
const checks = new Map();
const maxRounds = Math.max(...cases.map((c) => ROUNDS ?? c.rounds));
for (let round = 0; round < maxRounds; round++) {
  for (const c of cases) {
    if (round >= (ROUNDS ?? c.rounds)) continue;
    const ctx = contexts.get(c.id);
    const s = samples.get(c.id);
    if (c.measure) {
      const m = c.measure(ctx);
      s.base.push(m.base);
      s.ours.push(m.ours);
      continue;
    }
    // Alternate which side goes first, so neither always runs with a warmer page cache.
    const order = round % 2 === 0 ? ["base", "ours"] : ["ours", "base"];
    const runs = {};
    for (const side of order) {
      runs[side] = runProcess(c[side](ctx));
      s[side].push(runs[side]);
    }
    if (round === 0 && c.check) checks.set(c.id, c.check(ctx, runs.base, runs.ours));
  }
}

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
let met = 0;
let total = 0;
const summary = [];
for (const c of cases) {
  const ctx = contexts.get(c.id);
  const s = samples.get(c.id);
  const labels = c.measure ? c.labels : { base: c.base(ctx).label, ours: c.ours(ctx).label };
  console.log(`\n${c.title}  [${s.ours.length} rounds]`);
  for (const side of ["base", "ours"]) {
    const cpu = s[side].map((x) => x.cpu);
    const wall = s[side].map((x) => x.wall);
    const rss = s[side].map((x) => x.rss).filter((x) => x !== undefined);
    console.log(
      `  ${labels[side].padEnd(58)} CPU ${fmt(min(cpu)).padStart(8)} min ${fmt(median(cpu)).padStart(8)} med | wall ${fmt(min(wall)).padStart(8)} min ${fmt(median(wall)).padStart(8)} med${rss.length ? ` | peak RSS ${max(rss).toFixed(0)} MB` : ""}`,
    );
  }
  if (checks.has(c.id)) console.log(`  ${checks.get(c.id)}`);
  for (const t of c.targets) {
    const pick = (side) => (t.metric === "rss" ? max(s[side].map((x) => x.rss)) : median(s[side].map((x) => x[t.metric])));
    const pickMin = (side) => (t.metric === "rss" ? min(s[side].map((x) => x.rss)) : min(s[side].map((x) => x[t.metric])));
    const [a, b] = t.ratio === "ours/base" ? ["ours", "base"] : ["base", "ours"];
    const ratio = pick(a) / pick(b);
    const ratioMin = pickMin(a) / pickMin(b);
    const what = t.metric === "rss" ? "peak RSS" : `${t.metric.toUpperCase()} (median)`;
    let line = `${c.id}: ${t.ratio} ${what} ${ratio.toFixed(2)}x (of minima ${ratioMin.toFixed(2)}x)`;
    if (t.max !== undefined || t.min !== undefined) {
      // A target without max or min is printed for information only.
      const ok = t.max !== undefined ? ratio <= t.max : ratio >= t.min;
      total++;
      if (ok) met++;
      line += `, target ${t.max !== undefined ? `<= ${t.max.toFixed(2)}x` : `>= ${t.min.toFixed(2)}x`}: ${ok ? "met" : "NOT MET"}`;
    } else line += " (no target)";
    console.log(`  ${line}`);
    summary.push(line);
  }
}
console.log(`\nSummary (${met}/${total} targets met, ${((performance.now() - started) / 1000).toFixed(0)} s, load average now ${loadavg()[0].toFixed(2)}):`);
for (const line of summary) console.log(`  ${line}`);

// The whole bench (no --only): the Python and scaling benches follow, as `npm run bench` promises. Run from here, not
// chained in package.json, so that `npm run bench -- --only …` reaches this script (npm appends arguments to the
// last command of a chain only).
if (!ONLY) {
  for (const [script, extra] of [["bench-python.mjs", QUICK ? ["--quick"] : []], ["bench-scaling.mjs", []]]) {
    const r = spawnSync(NODE, [join(ROOT, "scripts", script), ...extra], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
