import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, parseJsonOutput, read, tempDir, write, writeConfig } from "./helpers.js";

// Committed symbolic links and special files (issue 13): every file read is a regular file under a size cap,
// a link is followed only inside the tree, every file written is written inside the tree without following a
// link. Real links, FIFOs and /dev/zero, through the real CLI.

/** The CLI, with a hang guard (a generous kill timeout, reported as a failure: the point is that it never hangs). */
function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !["NO_COLOR", "FORCE_COLOR", "DEBUG", "NODE_OPTIONS"].includes(k)) env[k] = v;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL" });
  if (r.error || r.signal) throw new Error(`mcp-lint did not finish (${r.error?.message ?? r.signal}): it hung or was killed`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NPX = '{ "mcpServers": { "a": { "command": "npx", "args": ["pkg@1.0.0"] } } }\n';
const FIXED = '{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] } } }\n';

/** A project (a git work tree: a `.git` folder) and a folder outside it with a file the project must not reach. */
function setup(): { dir: string; outside: string; victim: string } {
  const dir = tempDir();
  mkdirSync(join(dir, ".git"));
  writeConfig(dir, { rules: { "npx-yes": "error" } });
  const outside = tempDir();
  const victim = write(outside, "victim.json", '{ "mcpServers": { "x": { "command": "npx", "args": ["outside-secret-value"] } } }\n');
  return { dir, outside, victim };
}

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

function messages(stdout: string, file: string): Array<{ ruleId: string; message: string; line: number; column: number }> {
  return parseJsonOutput(stdout).find((r) => r.filePath.endsWith(file))?.messages ?? [];
}

describe("files read: regular files only, under a size cap, links only inside the tree", () => {
  it("a .gitignore that is a link to /dev/zero, or a FIFO, neither hangs nor eats memory", () => {
    const { dir } = setup();
    symlinkSync("/dev/zero", join(dir, ".gitignore"));
    mkdirSync(join(dir, "sub"));
    mkfifo(join(dir, "sub", ".gitignore"));
    write(dir, "sub/.mcp.json", NPX);
    const r = run(["-f", "json"], dir);
    expect(r.status).toBe(1);
    expect(messages(r.stdout, "sub/.mcp.json").map((m) => m.ruleId)).toEqual(["npx-yes"]);
  });

  it("mcp-lint.config.json as a link to /dev/zero, or as a FIFO: a clear message, exit 2", () => {
    const { dir } = setup();
    write(dir, ".mcp.json", NPX);
    const config = join(dir, "mcp-lint.config.json");
    execFileSync("rm", [config]);
    symlinkSync("/dev/zero", config);
    let r = run([], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("mcp-lint.config.json");
    expect(r.stderr).toContain("is a symbolic link to a path outside the project, so it was not followed");
    execFileSync("rm", [config]);
    mkfifo(config);
    r = run([], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is not a regular file");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("the suppressions file as a FIFO or a link to /dev/zero: a clear message, exit 2", () => {
    const { dir } = setup();
    write(dir, ".mcp.json", NPX);
    mkfifo(join(dir, "mcp-lint-suppressions.json"));
    let r = run([], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("The suppressions file is not a regular file");
    symlinkSync("/dev/zero", join(dir, "other-suppressions.json"));
    r = run(["--suppressions-location", "other-suppressions.json"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("symbolic link to a path outside the project");
  });

  it("config files that are FIFOs, links to /dev/zero or out of the tree: located read findings, the file outside never read", () => {
    const { dir, victim } = setup();
    mkfifo(join(dir, ".mcp.json"));
    mkdirSync(join(dir, ".cursor"));
    symlinkSync("/dev/zero", join(dir, ".cursor", "mcp.json"));
    mkdirSync(join(dir, ".vscode"));
    symlinkSync(victim, join(dir, ".vscode", "mcp.json"));
    write(dir, "ok/.mcp.json", NPX);
    const r = run(["-f", "json"], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain("outside-secret-value");
    const fifo = messages(r.stdout, ".mcp.json").filter((m) => m.ruleId === "read-error");
    expect(messages(r.stdout, "/.mcp.json")).toBeDefined();
    const byFile = Object.fromEntries(parseJsonOutput(r.stdout).map((f) => [f.filePath.slice(dir.length + 1), f.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
    expect(byFile[".mcp.json"]).toEqual([["read-error", 1, 1, expect.stringContaining("not a regular file")]]);
    expect(byFile[".cursor/mcp.json"]).toEqual([["read-error", 1, 1, expect.stringContaining("symbolic link to a path outside the project")]]);
    expect(byFile[".vscode/mcp.json"]).toEqual([["read-error", 1, 1, expect.stringContaining("symbolic link to a path outside the project")]]);
    expect(byFile["ok/.mcp.json"]!.map((m) => m[0])).toEqual(["npx-yes"]);
    expect(fifo).toHaveLength(1);
    // Named explicitly (as pre-commit passes staged paths): the same findings, not "neither a file nor a folder".
    const named = run(["-f", "json", ".mcp.json", ".cursor/mcp.json"], dir);
    expect(named.status).toBe(1);
    expect(parseJsonOutput(named.stdout).map((f) => f.messages[0]!.ruleId)).toEqual(["read-error", "read-error"]);
  });

  it("a link inside the tree is still followed and linted", () => {
    const { dir } = setup();
    write(dir, "shared/mcp.json", NPX);
    mkdirSync(join(dir, ".cursor"));
    symlinkSync("../shared/mcp.json", join(dir, ".cursor", "mcp.json"));
    const r = run(["-f", "json", ".cursor"], dir);
    expect(r.status).toBe(1);
    expect(messages(r.stdout, ".cursor/mcp.json").map((m) => m.ruleId)).toEqual(["npx-yes"]);
  });

  it("a file over 10 MiB is a located finding, not read", () => {
    const { dir } = setup();
    write(dir, ".mcp.json", `{ "mcpServers": {}, "pad": "${"x".repeat(10 * 1024 * 1024)}" }\n`);
    const r = run(["-f", "json"], dir);
    expect(r.status).toBe(1);
    expect(messages(r.stdout, ".mcp.json")).toEqual([expect.objectContaining({ ruleId: "read-error", line: 1, column: 1, message: expect.stringContaining("larger than 10 MiB") })]);
  });
});

describe("files written: inside the tree, never through a link, atomically", () => {
  it("--fix does not write through a link out of the tree", () => {
    const { dir, victim } = setup();
    const before = readFileSync(victim, "utf8");
    symlinkSync(victim, join(dir, ".mcp.json"));
    const r = run(["--fix", "-f", "json"], dir);
    expect(r.status).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe(before);
  });

  it("--fix through a link inside the tree fixes the linked file and keeps the link", () => {
    const { dir } = setup();
    write(dir, "shared/mcp.json", NPX);
    mkdirSync(join(dir, ".cursor"));
    symlinkSync("../shared/mcp.json", join(dir, ".cursor", "mcp.json"));
    const r = run(["--fix", ".cursor/mcp.json"], dir);
    expect(r.status).toBe(0);
    expect(read(dir, "shared/mcp.json")).toBe(FIXED);
    expect(execFileSync("readlink", [join(dir, ".cursor", "mcp.json")], { encoding: "utf8" }).trim()).toBe("../shared/mcp.json");
  });

  it("--fix on a read-only file: a located finding for it, the other files still fixed and reported, no temporary file left", () => {
    const { dir } = setup();
    write(dir, "a/.mcp.json", NPX);
    write(dir, "b/.mcp.json", NPX);
    write(dir, "c/.mcp.json", NPX);
    chmodSync(join(dir, "b/.mcp.json"), 0o444);
    const r = run(["--fix", "-f", "json"], dir);
    expect(r.status).toBe(1);
    expect(read(dir, "a/.mcp.json")).toBe(FIXED);
    expect(read(dir, "b/.mcp.json")).toBe(NPX);
    expect(read(dir, "c/.mcp.json")).toBe(FIXED);
    expect(statSync(join(dir, "b/.mcp.json")).mode & 0o777).toBe(0o444);
    const b = messages(r.stdout, "b/.mcp.json");
    expect(b.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ["write-error", 1, 1],
      ["npx-yes", 1, 37],
    ]);
    expect(b[0]!.message).toContain("read-only");
    expect(messages(r.stdout, "a/.mcp.json")).toEqual([]);
    expect(readdirSync(join(dir, "b")).sort()).toEqual([".mcp.json"]);
  });

  it("--fix keeps the file's permissions", () => {
    const { dir } = setup();
    write(dir, ".mcp.json", NPX);
    chmodSync(join(dir, ".mcp.json"), 0o640);
    expect(run(["--fix"], dir).status).toBe(0);
    expect(statSync(join(dir, ".mcp.json")).mode & 0o777).toBe(0o640);
    expect(read(dir, ".mcp.json")).toBe(FIXED);
  });

  it("--output-file through a committed link (file or folder) out of the tree: refused, nothing written outside", () => {
    const { dir, outside, victim } = setup();
    write(dir, ".mcp.json", NPX);
    const before = readFileSync(victim, "utf8");
    symlinkSync(victim, join(dir, "report.json"));
    let r = run(["-f", "json", "-o", "report.json"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cannot write the report to "report.json" (it is a symbolic link, which is not written through)');
    expect(readFileSync(victim, "utf8")).toBe(before);
    symlinkSync(outside, join(dir, "reports"));
    r = run(["-f", "json", "-o", "reports/new/x.json"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("outside the project");
    expect(existsSync(join(outside, "new"))).toBe(false);
    // Inside the tree, as before.
    r = run(["-f", "json", "-o", "out/x.json"], dir);
    expect(r.status).toBe(1);
    expect(parseJsonOutput(read(dir, "out/x.json")).map((f) => f.filePath)).toEqual([join(dir, ".mcp.json")]);
  });

  it("--suppress-all does not write the baseline through a link out of the tree", () => {
    const { dir, outside } = setup();
    write(dir, ".mcp.json", NPX);
    const target = write(outside, "baseline.json", "{}\n");
    symlinkSync(target, join(dir, "mcp-lint-suppressions.json"));
    const r = run(["--suppress-all"], dir);
    expect(r.status).toBe(2);
    expect(readFileSync(target, "utf8")).toBe("{}\n");
  });

  it("--suppress-all writes the baseline atomically: no temporary file left, the content complete", () => {
    const { dir } = setup();
    write(dir, ".mcp.json", NPX);
    expect(run(["--suppress-all"], dir).status).toBe(0);
    expect(JSON.parse(read(dir, "mcp-lint-suppressions.json"))).toEqual({ ".mcp.json": { "npx-yes": { "/mcpServers/a/command": 1 } } });
    expect(readdirSync(dir).filter((f) => f.includes("mcp-lint-tmp"))).toEqual([]);
  });
});

it("the victim files of these tests are plain files outside every project", () => {
  const { victim } = setup();
  writeFileSync(victim, "x");
  expect(statSync(victim).isFile()).toBe(true);
});
