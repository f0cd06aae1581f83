import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../cli/helpers.js";
import { runAction } from "../action/helpers.js";

// Property (issue 13): over generated hostile trees - links into and out of the tree, to /dev/zero, link loops,
// FIFOs, deep, odd and largish files, hostile names - the CLI and the Action bundle (dist/index.js, with real
// GITHUB_* files) exit with 0, 1 or 2, write nothing outside the tree, and locate every finding (line and column
// >= 1, within the file). A generous kill timeout guards against hangs (a hang fails the property); no time is asserted.

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

const HANG_GUARD_MS = 120_000;

/** Paths the tool reads or writes (config files of several clients, ignore files, its own files, report folders), and hostile names. */
const PATHS = [
  ".mcp.json",
  ".cursor/mcp.json",
  ".vscode/mcp.json",
  "sub/.mcp.json",
  ".codex/config.toml",
  ".continue/mcpServers/x.yaml",
  "server.ts",
  ".gitignore",
  "sub/.gitignore",
  "mcp-lint.config.json",
  "mcp-lint-suppressions.json",
  "out",
  "out/report.json",
  "sub/report.json",
  "--fix",
  "-o=out.json",
  "odd name\nwith newline/.mcp.json",
  "::error file=x::/.mcp.json",
  "ünï ★/.mcp.json",
];

const config = (n: number) => JSON.stringify({ mcpServers: Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, { command: "npx", args: [`pkg-${i}`], env: { API_KEY: "sk-live-0123456789abcdef0123" } }])) }, null, 2);
const CONTENTS = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(config),
  fc.constant('mcpServers: !!omap\n  - a:\n      command: npx\n'),
  fc.constant('[mcp_servers.a]\ncommand = "npx"\nargs = ["pkg"]\n'),
  fc.integer({ min: 1, max: 3000 }).map((d) => `{"mcpServers": ${"[".repeat(d)}${"]".repeat(d)}}`),
  fc.integer({ min: 1, max: 3000 }).map((d) => `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst x = ${"(".repeat(d)}1${")".repeat(d)};\nconsole.log(x);\n`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";${"console.log(1);".repeat(n)}`),
  fc.constant(`{"ignores": ["${"a".repeat(70_000)}"]}`),
  fc.constant('{"mcpServers": {"a": {"command": "node", "' + "k".repeat(200_000) + '": 1}}}'),
  fc.string({ maxLength: 200 }),
  fc.constant("\uFEFF{}"),
  fc.constant("null"),
);

type Kind =
  | { t: "file"; content: string }
  | { t: "fifo" }
  | { t: "link-devzero" }
  | { t: "link-outside-file" }
  | { t: "link-outside-dir" }
  | { t: "link-inside"; target: number }
  | { t: "link-loop" }
  | { t: "read-only"; content: string };

const KIND: fc.Arbitrary<Kind> = fc.oneof(
  { weight: 4, arbitrary: CONTENTS.map((content) => ({ t: "file" as const, content })) },
  { weight: 1, arbitrary: fc.constant({ t: "fifo" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "link-devzero" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "link-outside-file" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "link-outside-dir" as const }) },
  { weight: 1, arbitrary: fc.nat(20).map((target) => ({ t: "link-inside" as const, target })) },
  { weight: 1, arbitrary: fc.constant({ t: "link-loop" as const }) },
  { weight: 1, arbitrary: CONTENTS.map((content) => ({ t: "read-only" as const, content })) },
);

const TREE = fc.array(fc.record({ path: fc.constantFrom(...PATHS), kind: KIND }), { minLength: 1, maxLength: 8 });

/** Builds the tree in a fresh project folder (a git work tree) and a folder outside it that links point into. */
function build(tree: Array<{ path: string; kind: Kind }>): { dir: string; outside: string } {
  const dir = temp("mcp-lint-hostile-");
  mkdirSync(join(dir, ".git"));
  const outside = temp("mcp-lint-outside-");
  writeFileSync(join(outside, "victim.json"), config(2));
  mkdirSync(join(outside, "folder"));
  writeFileSync(join(outside, "folder", "mcp.json"), config(1));
  const made: string[] = [];
  for (const { path: relative, kind } of tree) {
    const path = join(dir, relative);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      continue; // a file or link made earlier is in the way
    }
    try {
      lstatSync(path);
      continue; // first entry of a path wins
    } catch {
      // free
    }
    switch (kind.t) {
      case "file":
        writeFileSync(path, kind.content);
        break;
      case "read-only":
        writeFileSync(path, kind.content, { mode: 0o444 });
        break;
      case "fifo":
        execFileSync("mkfifo", [path]);
        break;
      case "link-devzero":
        symlinkSync("/dev/zero", path);
        break;
      case "link-outside-file":
        symlinkSync(join(outside, "victim.json"), path);
        break;
      case "link-outside-dir":
        symlinkSync(join(outside, "folder"), path);
        break;
      case "link-inside":
        if (made.length === 0) writeFileSync(path, config(1));
        else symlinkSync(made[kind.target % made.length]!, path);
        break;
      case "link-loop":
        symlinkSync(path, path);
        break;
    }
    made.push(path);
  }
  return { dir, outside };
}

/** Names, kinds, sizes and contents of everything under `root` (links not followed). */
function snapshot(root: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${p}:${s.mode}:${s.size}:${s.isFile() ? readFileSync(p, "utf8") : ""}`);
    }
  };
  walk(root);
  return out.join("\n");
}

/** The lines of a file that can be read as a regular file, or undefined (FIFO, device, loop, missing). */
function linesOf(file: string): string[] | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const fd = openSync(file, "r");
    closeSync(fd);
    return readFileSync(file, "utf8").split(/\r\n|\r|\n/);
  } catch {
    return undefined;
  }
}

function expectLocated(file: string, line: number, column: number): void {
  expect(line).toBeGreaterThanOrEqual(1);
  expect(column).toBeGreaterThanOrEqual(1);
  const lines = linesOf(file);
  if (!lines) {
    expect([line, column]).toEqual([1, 1]);
    return;
  }
  expect(line).toBeLessThanOrEqual(lines.length);
  // A fixed file is reported as it is after the fix: its positions are within the new text.
  expect(column).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
}

const ARGS = fc.constantFrom<string[]>([], ["--fix"], ["--suppress-all"], ["-o", "out/report.json"], ["-o", "sub/report.json"]);

describe("hostile trees", () => {
  it("the CLI: exit 0, 1 or 2, nothing written outside the tree, every finding located", () => {
    fc.assert(
      fc.property(TREE, ARGS, (tree, extra) => {
        const { dir, outside } = build(tree);
        const before = snapshot(outside);
        const env = { ...process.env };
        delete env.NODE_OPTIONS;
        const r = spawnSync(process.execPath, [BIN, "-f", "json", ...extra], { cwd: dir, env, encoding: "utf8", timeout: HANG_GUARD_MS, killSignal: "SIGKILL", maxBuffer: 256 * 1024 * 1024 });
        expect(r.error, "mcp-lint hung (killed by the hang guard)").toBeUndefined();
        expect(r.signal).toBeNull();
        expect([0, 1, 2]).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
        expect(r.stderr).not.toContain("internal error");
        expect(snapshot(outside)).toBe(before);
        const report = extra[0] === "-o" ? (linesOf(join(dir, extra[1]!)) ? readFileSync(join(dir, extra[1]!), "utf8") : "") : r.stdout;
        if (r.status !== 2 && report) {
          for (const result of JSON.parse(report) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>) {
            for (const m of result.messages) {
              expect(m.ruleId).not.toBe("internal-error");
              expectLocated(result.filePath, m.line, m.column);
            }
          }
        }
      }),
      { numRuns: 12, seed: Number(process.env.MCP_LINT_FC_SEED ?? 1313), endOnFailure: true },
    );
  }, 900_000);

  it("the Action (dist/index.js, real GITHUB_* files): exit 0 or 1, nothing written outside the workspace, every SARIF result located", () => {
    fc.assert(
      fc.property(TREE, fc.constantFrom("out/mcp-lint.sarif", "sub/x.sarif", "out"), (tree, sarifFile) => {
        const { dir, outside } = build(tree);
        const before = snapshot(outside);
        const run = runAction(dir, { inputs: { "sarif-file": sarifFile }, killAfterMs: HANG_GUARD_MS });
        expect([0, 1]).toContain(run.status);
        expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
        expect(snapshot(outside)).toBe(before);
        const sarifPath = run.outputs["sarif-file"];
        if (!sarifPath) return; // not written (refused: a link or a folder in the way), which the log says
        const log = JSON.parse(readFileSync(sarifPath, "utf8")) as {
          runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
        };
        for (const result of log.runs[0]!.results) {
          expect(result.ruleId).not.toBe("internal-error");
          const { artifactLocation, region } = result.locations[0]!.physicalLocation;
          expectLocated(join(dir, decodeURIComponent(artifactLocation.uri)), region.startLine, region.startColumn);
        }
      }),
      { numRuns: 8, seed: Number(process.env.MCP_LINT_FC_SEED ?? 1313), endOnFailure: true },
    );
  }, 900_000);
});
