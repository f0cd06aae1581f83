import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The pre-commit hook as users run it: the real `pre-commit` tool (Debian package `pre-commit`, installed by .ci/run)
 * installs this repository as a `language: node` hook — it packs the root package.json and installs the tarball,
 * whose `mcp-lint` bin is dist/cli.js — and runs it on a temporary git repository.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

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

  it("selects JavaScript and TypeScript sources, and not lockfiles, declaration files or other files", () => {
    for (const path of ["src/server.ts", "a.js", "b.mjs", "c.cjs", "d.mts", "e.cts", "f.tsx", "g.jsx"]) expect(selected(path), path).toBe(true);
    for (const path of ["package-lock.json", "web/pnpm-lock.yaml", "npm-shrinkwrap.json", "types/index.d.ts", "x.d.mts", "README.md", "a.py", "Makefile", "server.json.bak"]) {
      expect(selected(path), path).toBe(false);
    }
  });
});

function readmeBlock(name: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const m = new RegExp(`<!-- ${name}-start -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}-end -->`).exec(readme);
  if (!m) throw new Error(`README.md has no ${name} block`);
  return m[1]!;
}

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
    for (const ext of ["json", "jsonc", "yaml", "yml", "toml", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"]) expect(extensions).toContain(ext);
    for (const ext of ["md", "py", "txt", "lock"]) expect(selected(`dir/file.${ext}`), ext).toBe(false);
  });
});

function hasPreCommit(): boolean {
  return spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
}

// .ci/run installs pre-commit; on a developer machine without it, this part is skipped (and says so).
const available = hasPreCommit();
if (!available && process.env.CI) throw new Error("pre-commit is not installed: .ci/run installs it with apt-get (package pre-commit)");

describe.skipIf(!available)("pre-commit try-repo (the real tool)", () => {
  let temp: string;
  let repo: string;
  let env: Record<string, string>;

  function git(...args: string[]): void {
    execFileSync("git", args, { cwd: repo, env, stdio: "ignore" });
  }

  function tryRepo(...args: string[]): { status: number | null; output: string } {
    const r = spawnSync("pre-commit", ["try-repo", ROOT, "mcp-lint", "--color", "never", ...args], { cwd: repo, env, encoding: "utf8" });
    return { status: r.status, output: r.stdout + r.stderr };
  }

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "mcp-lint-pre-commit-"));
    repo = join(temp, "repo");
    mkdirSync(join(repo, "src"), { recursive: true });
    env = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("npm_") && !k.startsWith("GIT_")) env[k] = v;
    // One pre-commit home for every run here: the hook is installed once, as pre-commit caches it for users.
    Object.assign(env, {
      PRE_COMMIT_HOME: join(temp, "pre-commit-home"),
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    });
    git("init", "-q", "-b", "main");
    // Not MCP: read and skipped quietly.
    writeFileSync(join(repo, "package.json"), '{ "name": "app", "private": true }\n');
    writeFileSync(join(repo, "src/util.ts"), "export const add = (a: number, b: number) => a + b;\n");
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("fails on a broken MCP config with the located findings", () => {
    writeFileSync(
      join(repo, ".mcp.json"),
      '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "."] },\n  }\n}\n',
    );
    git("add", "-A");
    const { status, output } = tryRepo("--all-files");
    expect(status, output).toBe(1);
    expect(output).toMatch(/^mcp-lint\.+Failed$/m);
    expect(output).toMatch(/^\.mcp\.json$/m);
    expect(output).toMatch(/^\s+3:24\s+warning\s+.*"-y".*\bnpx-yes$/m);
    expect(output).toMatch(/^\s+3:89\s+error\s+Trailing commas .*\bstrict-json$/m);
    expect(output).not.toMatch(/package\.json|util\.ts/);
  }, 240_000);

  it("passes once the config is fixed", () => {
    writeFileSync(
      join(repo, ".mcp.json"),
      '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] }\n  }\n}\n',
    );
    git("add", "-A");
    const { status, output } = tryRepo("--all-files");
    expect(output).toMatch(/^mcp-lint\.+Passed$/m);
    expect(status, output).toBe(0);
    git("commit", "-q", "-m", "fixed");
  }, 240_000);

  it("checks only the staged files it is given", () => {
    // A broken config that is not staged is not pre-commit's business; the staged, fixed one passes.
    mkdirSync(join(repo, ".cursor"));
    writeFileSync(join(repo, ".cursor/mcp.json"), '{ "mcpServers": { "x": { "url": "tcp://localhost:25565" }, } }\n');
    writeFileSync(join(repo, "src/util.ts"), "export const add = (a: number, b: number): number => a + b;\n");
    git("add", "src/util.ts");
    const passed = tryRepo();
    expect(passed.output).toMatch(/^mcp-lint\.+Passed$/m);
    expect(passed.status, passed.output).toBe(0);

    git("add", ".cursor/mcp.json");
    const failed = tryRepo();
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toMatch(/^\.cursor\/mcp\.json$/m);
    expect(failed.output).toContain("25565");
  }, 240_000);
});
