import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readmeBlock, repoEnv, ROOT, runIn } from "./helpers.js";

/**
 * The pre-commit hook as users run it: the real `pre-commit` tool (Debian package `pre-commit`, installed by .ci/run)
 * installs this repository as a `language: node` hook — it packs the root package.json and installs the tarball,
 * whose `mcp-lint` bin is dist/cli.js — and runs it on a temporary git repository.
 */


interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
  types: string[];
  pass_filenames: boolean;
  require_serial: boolean;
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const hook = hooks[0]!;

/** pre-commit matches `files` / `exclude` with Python's re.search on the path relative to the repository root. */
function selected(path: string): boolean {
  return new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe(".pre-commit-hooks.yaml", () => {
  it("defines one node hook that passes the file names to mcp-lint", () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: "mcp-lint", language: "node", pass_filenames: true, types: ["file"] });
    expect(hook.entry.split(" ")[0]).toBe("mcp-lint");
    // Explicitly named files that the user's mcp-lint config ignores are skipped without a warning.
    expect(hook.entry).toContain("--no-warn-ignored");
    // The options end with "--": every file name pre-commit appends is a path, even one named "--output-file=x".
    expect(hook.entry.split(" ").at(-1)).toBe("--");
  });

  it("selects the config file of every supported client", () => {
    const fixtures = walk(join(ROOT, "test/fixtures/dialects")).map((p) => relative(join(ROOT, "test/fixtures/dialects"), p).split(sep).join("/"));
    expect(fixtures.length).toBeGreaterThanOrEqual(17);
    for (const path of fixtures) {
      // Both where the fixture sits inside a project and at a repository's root.
      expect(selected(path), path).toBe(true);
      expect(selected(path.split("/").slice(1).join("/")), path).toBe(true);
    }
    for (const path of ["opencode.jsonc", "mcp.yml", ".continue/config.yaml", "server.json", "settings.json"]) expect(selected(path), path).toBe(true);
  });

  it("selects JavaScript, TypeScript and Python sources, and not lockfiles, declaration files or other files", () => {
    for (const path of ["src/server.ts", "a.js", "b.mjs", "c.cjs", "d.mts", "e.cts", "f.tsx", "g.jsx", "a.py", "pkg/server.py"]) expect(selected(path), path).toBe(true);
    for (const path of ["package-lock.json", "web/pnpm-lock.yaml", "npm-shrinkwrap.json", "types/index.d.ts", "x.d.mts", "README.md", "a.pyc", "Makefile", "server.json.bak"]) {
      expect(selected(path), path).toBe(false);
    }
  });
});

describe("the README snippets", () => {
  it("pre-commit: this repository's hook at the released version", () => {
    const config = parse(readmeBlock("pre-commit")) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(config.repos).toEqual([{ repo: "https://github.com/mcp-lint/mcp-lint", rev: `v${version}`, hooks: [{ id: hook.id }] }]);
  });

  it("lint-staged: the same command on the same file types as the hook", () => {
    const config = JSON.parse(readmeBlock("lint-staged")) as { "lint-staged": Record<string, string> };
    const [[glob, command]] = Object.entries(config["lint-staged"]) as [[string, string]];
    expect(command).toBe(hook.entry);
    const extensions = /^\*\.\{([a-z,]+)\}$/.exec(glob)![1]!.split(",");
    for (const ext of extensions) expect(selected(`dir/file.${ext}`), ext).toBe(true);
    // …and every extension the hook selects is in the glob.
    for (const ext of ["json", "jsonc", "yaml", "yml", "toml", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "py"]) expect(extensions).toContain(ext);
    for (const ext of ["md", "pyc", "txt", "lock"]) expect(selected(`dir/file.${ext}`), ext).toBe(false);
  });
});

function hasPreCommit(): boolean {
  return spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
}

// .ci/run installs pre-commit; on a developer machine without it, this part is skipped (and says so).
const available = hasPreCommit();
if (!available && process.env.CI) throw new Error("pre-commit is not installed: .ci/run installs it with apt-get (package pre-commit)");

describe.skipIf(!available)("the real pre-commit tool", () => {
  let temp: string;
  let repo: string;
  let env: Record<string, string>;

  function git(...args: string[]): { status: number | null; output: string } {
    return runIn(repo, env, "git", args);
  }

  function preCommit(...args: string[]): { status: number | null; output: string } {
    return runIn(repo, env, "pre-commit", [...args, "--color", "never"]);
  }

  const BROKEN = '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "."] },\n  }\n}\n';
  const FIXED = '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] }\n  }\n}\n';

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "mcp-lint-pre-commit-"));
    repo = join(temp, "repo");
    mkdirSync(join(repo, "src"), { recursive: true });
    // pre-commit's cache of installed hooks, shared by the runs below (try-repo always installs afresh).
    env = repoEnv({ PRE_COMMIT_HOME: join(temp, "pre-commit-home") });
    git("init", "-q", "-b", "main");
    // Not MCP: read and skipped quietly.
    writeFileSync(join(repo, "package.json"), '{ "name": "app", "private": true }\n');
    writeFileSync(join(repo, "src/util.ts"), "export const add = (a: number, b: number) => a + b;\n");
    writeFileSync(join(repo, "src/util.py"), "def add(a, b):\n    return a + b\n");
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("try-repo: a broken MCP config and a broken Python MCP server fail the hook with the located findings; files named like options are files", () => {
    writeFileSync(join(repo, ".mcp.json"), BROKEN);
    writeFileSync(join(repo, "src/server.py"), readFileSync(join(ROOT, "test/fixtures/python/threaded-stdio-server.py")));
    // Committed files named like options (issue 13): the hook ends its options with "--", so they are linted as
    // files, and can neither turn the run into --print-config (which passed it) nor redirect the report.
    // Each has a finding (a trailing comma), so the report lists it by name when it is linted as a file.
    const optionLike = '{ "mcpServers": { "x": { "command": "npx", "args": ["-y", "pkg@1.0.0"] }, } }\n';
    writeFileSync(join(repo, "--print-config=a.json"), optionLike);
    writeFileSync(join(repo, "--output-file=victim.json"), optionLike);
    writeFileSync(join(repo, "victim.json"), '{ "not": "mcp" }\n');
    git("add", "-A");
    const { status, output } = preCommit("try-repo", ROOT, "mcp-lint", "--all-files");
    expect(status, output).toBe(1);
    expect(output).toMatch(/^mcp-lint\.+Failed$/m);
    expect(output).toMatch(/^\.mcp\.json$/m);
    // npx-yes is an info outside recommended since issue 12: not reported by default.
    expect(output).not.toMatch(/\bnpx-yes$/m);
    expect(output).toMatch(/^\s+3:89\s+error\s+Trailing commas .*\bstrict-json$/m);
    expect(output).toMatch(/^src\/server\.py$/m);
    expect(output).toMatch(/^\s+6:10\s+error\s+The low-level `Server\(\)` is built without its name.*\bmcp-api-mismatch$/m);
    expect(output).toMatch(/^\s+7:25\s+error\s+stdio_server is passed as a callable .*\bstdio-server-usage$/m);
    expect(output).toMatch(/^\s+9:1\s+warning\s+A fixed 1 s wait .*\bno-fixed-sleep-before-connect$/m);
    expect(output).toMatch(/^\s+10:1\s+error\s+print\(\) writes to stdout.*\bno-stdout-in-stdio-server$/m);
    expect(output).not.toMatch(/package\.json|util\.ts|util\.py/);
    expect(output).toMatch(/^--print-config=a\.json$/m);
    expect(output).toMatch(/^--output-file=victim\.json$/m);
    expect(readFileSync(join(repo, "victim.json"), "utf8")).toBe('{ "not": "mcp" }\n');
    // Out of the way of the runs below, which expect the repository to pass once .mcp.json is fixed.
    for (const f of ["--print-config=a.json", "--output-file=victim.json", "victim.json", "src/server.py"]) rmSync(join(repo, f));
    git("add", "-A");
  }, 240_000);

  it("installs from a clean pre-commit cache without the development toolchain: under 30 MB (time reported, not asserted)", () => {
    // Its own empty PRE_COMMIT_HOME: what a new user's first `pre-commit install-hooks` clones and installs.
    const home = join(temp, "clean-home");
    const clean = repoEnv({ PRE_COMMIT_HOME: home });
    const dir = join(temp, "clean-repo");
    mkdirSync(dir);
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    runIn(dir, clean, "git", ["init", "-q", "-b", "main"]);
    writeFileSync(join(dir, ".pre-commit-config.yaml"), `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: mcp-lint\n`);
    const started = process.hrtime.bigint();
    const installed = runIn(dir, clean, "pre-commit", ["install-hooks", "--color", "never"]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(installed.status, installed.output).toBe(0);
    const bytes = Number(execFileSync("du", ["-sb", home], { encoding: "utf8" }).split("\t")[0]);
    console.log(`pre-commit install-hooks from a clean cache: ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB in PRE_COMMIT_HOME`);
    expect(bytes).toBeLessThan(30e6);
    // The hook's environment holds the root package alone (its bin is dist/cli.js), none of the toolchain.
    const envLib = walk(home).filter((p) => /node_env-[^/]+\/lib\/node_modules\//.test(p));
    const topLevel = new Set(envLib.map((p) => /lib\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)![1]));
    expect([...topLevel]).toEqual(["mcp-lint-monorepo"]);
    expect(walk(home).some((p) => /\/node_modules\/(?:typescript|eslint|vitest)\//.test(p))).toBe(false);
  }, 240_000);

  describe("installed from .pre-commit-config.yaml (this repository at its HEAD commit)", () => {
    beforeAll(() => {
      const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
      writeFileSync(join(repo, ".pre-commit-config.yaml"), `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: mcp-lint\n`);
      git("add", ".pre-commit-config.yaml");
    });

    it("`pre-commit run` fails on the broken config, then passes once it is fixed", () => {
      const failed = preCommit("run", "--all-files");
      expect(failed.status, failed.output).toBe(1);
      expect(failed.output).toMatch(/^\s+3:89\s+error\s+Trailing commas .*\bstrict-json$/m);

      writeFileSync(join(repo, ".mcp.json"), FIXED);
      git("add", "-A");
      const passed = preCommit("run", "--all-files");
      expect(passed.output).toMatch(/^mcp-lint\.+Passed$/m);
      expect(passed.status, passed.output).toBe(0);
      // And the same through try-repo, as in the first test.
      const tried = preCommit("try-repo", ROOT, "mcp-lint", "--all-files");
      expect(tried.output).toMatch(/^mcp-lint\.+Passed$/m);
      expect(tried.status, tried.output).toBe(0);
      expect(git("commit", "-q", "-m", "fixed").status).toBe(0);
    }, 240_000);

    it("as the git hook: a commit that stages a broken config is refused; only staged files are checked", () => {
      expect(preCommit("install").status).toBe(0);
      // A broken config that is not staged is not the commit's business: the commit goes through.
      mkdirSync(join(repo, ".cursor"));
      writeFileSync(join(repo, ".cursor/mcp.json"), '{ "mcpServers": { "x": { "url": "tcp://localhost:25565" }, } }\n');
      writeFileSync(join(repo, "src/util.ts"), "export const add = (a: number, b: number): number => a + b;\n");
      git("add", "src/util.ts");
      const ok = git("commit", "-m", "types");
      expect(ok.status, ok.output).toBe(0);
      expect(ok.output).toMatch(/^mcp-lint\.+Passed$/m);

      git("add", ".cursor/mcp.json");
      const refused = git("commit", "-m", "cursor");
      expect(refused.status, refused.output).toBe(1);
      expect(refused.output).toMatch(/^\.cursor\/mcp\.json$/m);
      expect(refused.output).toContain("25565");
      expect(git("log", "--format=%s").output.split("\n")).not.toContain("cursor");
    }, 240_000);
  });
});
