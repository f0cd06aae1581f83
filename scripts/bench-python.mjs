#!/usr/bin/env node
// Benchmark of the Python pass, against baselines measured in the same run (CPU time, min and median of
// interleaved rounds):
//   1. per Python MCP file: the whole pass (prefilter, parse, shared analysis, every Python rule, directives)
//      against the tree-sitter parse alone of the same texts (target: within 1.5x);
//   2. whole processes of the shipped bundle (dist/cli.js, start-up and discovery included): a tree of config
//      files alone, against the same tree plus 2,000 .py files of which 5 % use MCP (target: adds under 20 %).
// The Python files are generated here (realistic FastMCP / low-level servers and plain modules), never copied.
// Usage: node scripts/bench-python.mjs [--quick] [--rounds N]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { allRules } from "../packages/core/dist/index.js";
import { lintPythonText } from "../packages/core/dist/code/python/runner.js";
import { parsePython } from "../packages/core/dist/code/python/parser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const roundsAt = args.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : quick ? 3 : 7;
const PY_FILES = quick ? 400 : 2000;
const CONFIG_FILES = quick ? 400 : 2000;
const work = join(root, ".bench", `python-v2-${PY_FILES}`);

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const words = ["user", "order", "file", "report", "issue", "query", "page", "item", "note", "task"];

function body(name, indent) {
  const pad = " ".repeat(indent);
  const lines = [
    `${pad}"""Return the ${name} matching the filters.`,
    `${pad}`,
    `${pad}Args: limit: how many; print(x) in a docstring is not a call."""`,
    `${pad}results = []`,
    `${pad}for i in range(limit):`,
    `${pad}    if i % 3 == 0 and name.startswith("${name[0]}"):`,
    `${pad}        results.append({"id": i, "name": f"{name}-{i}", "tags": [t.lower() for t in tags]})`,
    `${pad}    elif i > 100:`,
    `${pad}        break`,
    `${pad}logger.info("found %d ${name}s", len(results))`,
    `${pad}return {"items": results, "total": len(results)}`,
  ];
  return lines.join("\n");
}

function pythonModule(mcp) {
  const out = [];
  const kind = mcp ? pick(["fastmcp1", "fastmcp1", "fastmcp2", "lowlevel", "client"]) : "plain";
  out.push("import logging", "import sys", "from typing import Any");
  if (kind === "fastmcp1") out.push("from mcp.server.fastmcp import FastMCP", "", 'mcp = FastMCP("bench")');
  if (kind === "fastmcp2") out.push("from fastmcp import FastMCP", "", 'mcp = FastMCP("bench")');
  if (kind === "lowlevel") out.push("import anyio", "from mcp.server.lowlevel import Server", "from mcp.server.stdio import stdio_server", "", 'server = Server("bench")');
  if (kind === "client") out.push("from mcp import ClientSession, StdioServerParameters", "from mcp.client.stdio import stdio_client");
  out.push("", "logger = logging.getLogger(__name__)", "");
  const n = 6 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) {
    const name = `${pick(words)}_${i}`;
    if (kind === "fastmcp1" || kind === "fastmcp2") out.push("@mcp.tool()");
    out.push(`${rand() < 0.5 ? "async " : ""}def get_${name}(name: str, limit: int = 10, tags: list[str] | None = None) -> dict[str, Any]:`);
    out.push(body(name, 4), "");
    if (rand() < 0.3) out.push(`class ${name.replace(/_\d+$/, "").replace(/^\w/, (c) => c.toUpperCase())}Store${i}:`, "    def __init__(self):", "        self.items: dict[str, Any] = {}", "");
  }
  if (kind === "lowlevel") {
    out.push("async def main():", "    async with stdio_server() as (read, write):", "        await server.run(read, write, server.create_initialization_options())", "", 'if __name__ == "__main__":', "    anyio.run(main)");
  } else if (kind === "client") {
    out.push(
      "async def main():",
      '    params = StdioServerParameters(command="python", args=["server.py"])',
      "    async with stdio_client(params) as (read, write):",
      "        async with ClientSession(read, write) as session:",
      "            await session.initialize()",
      "            print(await session.list_tools())",
    );
  } else if (kind !== "plain") {
    out.push('if __name__ == "__main__":', "    mcp.run()");
  } else {
    out.push('if __name__ == "__main__":', '    print(get_user_0("x"))');
  }
  return out.join("\n") + "\n";
}

function configFile(i) {
  const servers = {};
  const count = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < count; k++) {
    servers[`s${k}`] =
      rand() < 0.6
        ? { command: "npx", args: [...(rand() < 0.8 ? ["-y"] : []), `@acme/mcp-${pick(words)}@1.${k}.0`] }
        : { type: "http", url: pick(["https://mcp.example.com/mcp", "http://localhost:3000/mcp", "tcp://localhost:25565"]) };
  }
  const path = pick([".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json"]);
  return { path: join(`p${i}`, path), text: JSON.stringify(path === ".vscode/mcp.json" ? { servers } : { mcpServers: servers }, null, 2) };
}

function generate() {
  if (existsSync(join(work, ".done"))) return;
  rmSync(work, { recursive: true, force: true });
  const configs = join(work, "configs");
  const mixed = join(work, "mixed");
  for (let i = 0; i < CONFIG_FILES; i++) {
    const c = configFile(i);
    for (const base of [configs, mixed]) {
      mkdirSync(join(base, c.path, ".."), { recursive: true });
      writeFileSync(join(base, c.path), c.text);
    }
  }
  mkdirSync(join(work, "mcp-py"), { recursive: true });
  for (let i = 0; i < PY_FILES; i++) {
    const isMcp = i % 20 === 0; // 5 %
    const text = pythonModule(isMcp);
    // Python packages hold several modules: 20 per package folder, next to the projects' configs.
    const dir = join(mixed, `p${Math.floor(i / 20)}`, "pkg");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `m${i}.py`), text);
  }
  for (let i = 0; i < 200; i++) writeFileSync(join(work, "mcp-py", `s${i}.py`), pythonModule(true));
  writeFileSync(join(work, ".done"), "");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);

/** CPU time (user + sys, ms) of this process while `fn` runs. */
async function cpuMs(fn) {
  const start = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** CPU (user + sys, ms) and wall time of a whole process, from GNU time. */
function processCost(argv, cwd) {
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S %e", ...argv], { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const last = r.stderr.trim().split("\n").pop();
  const [user, sys, wall] = last.split(" ").map(Number);
  if (![user, sys, wall].every(Number.isFinite)) throw new Error(`could not time ${argv.join(" ")}: ${r.stderr}`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { cpu: (user + sys) * 1000, wall: wall * 1000, status: r.status };
}

generate();
const texts = readdirSync(join(work, "mcp-py")).map((f) => readFileSync(join(work, "mcp-py", f), "utf8"));
const everyRule = Object.fromEntries(allRules.filter((r) => r.languages.includes("python")).map((r) => [r.id, { severity: r.severity }]));

// Warm up both paths (grammar load, JIT, wasm tier-up) over every text, so that both are measured warm.
for (const t of [...texts, ...texts]) {
  (await parsePython(t)).delete();
  await lintPythonText("s.py", t, { rules: everyRule });
}

const parseTimes = [];
const passTimes = [];
let findings = 0;
for (let r = 0; r < ROUNDS; r++) {
  parseTimes.push(
    await cpuMs(async () => {
      for (const t of texts) (await parsePython(t)).delete();
    }),
  );
  passTimes.push(
    await cpuMs(async () => {
      for (const t of texts) findings += (await lintPythonText("s.py", t, { rules: everyRule })).findings.length;
    }),
  );
}

const cli = join(root, "dist/cli.js");
const configsOnly = [];
const withPython = [];
// The floor of any pass over the MCP files of the mixed tree: a fresh process that loads the grammar and parses
// those files, nothing else (no walk, no rules), less an empty node process. No Python pass can add less than that.
const mcpFiles = [];
for (let i = 0; i < PY_FILES; i += 20) mcpFiles.push(join(work, "mixed", `p${Math.floor(i / 20)}`, "pkg", `m${i}.py`));
const floorScript = join(work, "floor.mjs");
writeFileSync(
  floorScript,
  `import { readFileSync } from "node:fs";\nimport { parsePython } from ${JSON.stringify(join(root, "packages/core/dist/code/python/parser.js"))};\n` +
    `for (const f of ${JSON.stringify(mcpFiles)}) (await parsePython(readFileSync(f, "utf8"))).delete();\n`,
);
const floor = [];
const empty = [];
for (let r = 0; r < ROUNDS; r++) {
  floor.push(processCost([process.execPath, floorScript], work));
  empty.push(processCost([process.execPath, "-e", "0"], work));
}
for (let r = 0; r < ROUNDS; r++) {
  // The report goes to a file inside the tree (mcp-lint writes nothing outside it); both runs must succeed.
  configsOnly.push(processCost([process.execPath, cli, "--no-config-lookup", "-f", "json", "-o", "report.json", "."], join(work, "configs")));
  withPython.push(processCost([process.execPath, cli, "--no-config-lookup", "-f", "json", "-o", "report.json", "."], join(work, "mixed")));
}

const rows = [
  ["Python MCP file: whole pass / tree-sitter parse", texts.length, min(passTimes) / min(parseTimes), median(passTimes) / median(parseTimes), 1.5],
  [
    `dist/cli.js: ${CONFIG_FILES} configs + ${PY_FILES} .py (5 % MCP) / configs alone (CPU)`,
    CONFIG_FILES + PY_FILES,
    min(withPython.map((x) => x.cpu)) / min(configsOnly.map((x) => x.cpu)),
    median(withPython.map((x) => x.cpu)) / median(configsOnly.map((x) => x.cpu)),
    1.2,
  ],
  [
    "  the same, wall time",
    CONFIG_FILES + PY_FILES,
    min(withPython.map((x) => x.wall)) / min(configsOnly.map((x) => x.wall)),
    median(withPython.map((x) => x.wall)) / median(configsOnly.map((x) => x.wall)),
    1.2,
  ],
];
const floorAdds = (pick) => 1 + (pick(floor.map((x) => x.cpu)) - pick(empty.map((x) => x.cpu))) / pick(configsOnly.map((x) => x.cpu));
rows.push([`  floor: grammar load + parse of the ${mcpFiles.length} MCP files alone, added to the configs run (CPU)`, mcpFiles.length, floorAdds(min), floorAdds(median), 1.2]);
console.log(`\nPython pass (${ROUNDS} interleaved rounds, CPU time unless said; ${findings / ROUNDS} findings per pass round)`);
console.log(`  parse alone: min ${min(parseTimes).toFixed(0)} ms, whole pass: min ${min(passTimes).toFixed(0)} ms over ${texts.length} files`);
console.log(`  configs alone: min ${min(configsOnly.map((x) => x.cpu)).toFixed(0)} ms CPU; with the .py files: ${min(withPython.map((x) => x.cpu)).toFixed(0)} ms CPU`);
console.log("| case | files | ratio (min) | ratio (median) | target |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [name, files, rmin, rmed, target] of rows) {
  console.log(`| ${name} | ${files} | ${rmin.toFixed(2)}x | ${rmed.toFixed(2)}x | <= ${target}x ${rmed <= target ? "met" : "NOT met"} |`);
}
