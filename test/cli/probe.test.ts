import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, isAlive, NODE, project, readPid, removeProjects, waitFor, EVERYTHING, fixture } from "../probe/helpers.js";
import { BIN, ROOT, runCli } from "./helpers.js";

/**
 * `mcp-lint probe` end to end: the real binary (and the self-contained dist/cli.js that pre-commit installs), real
 * servers (server-everything over stdio, the SDK fixture servers), real processes to clean up.
 */

afterAll(() => removeProjects());

function mixedProject(port: number): string {
  return project({
    ".mcp.json": {
      mcpServers: {
        everything: { command: NODE, args: [EVERYTHING, "stdio"] },
        crashes: { command: NODE, args: [fixture("exit-at-once.mjs")] },
        missing: { command: "mcp-lint-no-such-command-4f1c" },
        refused: { type: "http", url: `http://127.0.0.1:${port}/mcp` },
      },
    },
  });
}

describe("mcp-lint probe", () => {
  it("starts every server, reports each failure at its entry, and ends with the summary table", async () => {
    const port = await freePort();
    const dir = mixedProject(port);
    const r = runCli(["probe", "--retries", "1", "--backoff", "20", "--timeout", "20000"], { cwd: dir });
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stdout.split("\n");
    // stylish: the file, then one located line per failure (at the entry key, the command, the url).
    expect(lines).toContain(".mcp.json");
    expect(r.stdout).toMatch(/^\s+10:\d+\s+error\s+.*exited with code 3.*probe-exited$/m);
    expect(r.stdout).toMatch(/^\s+17:\d+\s+error\s+.*not found.*probe-command-not-found$/m);
    expect(r.stdout).toMatch(new RegExp(`^\\s+21:\\d+\\s+error\\s+.*127\\.0\\.0\\.1:${port}.*probe-connection-refused$`, "m"));
    expect(r.stdout).not.toMatch(/everything.*probe-/);
    // The table: one row per server, then the tally.
    for (const name of ["everything", "crashes", "missing", "refused"]) expect(r.stdout).toMatch(new RegExp(`^\\s*${name}\\b.*$`, "m"));
    expect(r.stdout).toMatch(/^4 servers: 1 ok, 3 failed$/m);
    // Not a terminal: no progress line.
    expect(r.stderr).toBe("");
  }, 60_000);

  it("--format json keeps stdout machine-readable; the table goes to stderr", async () => {
    const port = await freePort();
    const dir = mixedProject(port);
    const r = runCli(["probe", "--format", "json", "--server", "refused", "--server", "missing", "--retries", "0"], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    expect(results.flatMap((x) => x.messages.map((m) => [m.ruleId, m.line]))).toEqual([
      ["probe-command-not-found", 17],
      ["probe-connection-refused", 21],
    ]);
    expect(r.stderr).toMatch(/^2 servers: 2 failed$/m);
  }, 30_000);

  it("--verbose shows each attempt and the backoff schedule on stderr", async () => {
    const port = await freePort();
    const dir = mixedProject(port);
    const r = runCli(["probe", "--verbose", "--server", "refused", "--retries", "2", "--backoff", "40"], { cwd: dir });
    expect(r.status).toBe(1);
    const log = r.stderr.split("\n").filter((l) => l.startsWith("mcp-lint probe: "));
    expect(log.filter((l) => /attempt/i.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(log.filter((l) => /retry 1\/2 in \d/.test(l))).toHaveLength(1);
    expect(log.filter((l) => /retry 2\/2 in \d/.test(l))).toHaveLength(1);
    expect(r.stdout).toMatch(/^\s*refused\s.*\bfailed\s+3\s/m);
  }, 30_000);

  it("says what is wrong with bad options (exit 2) and has its own help", async () => {
    const dir = mixedProject(await freePort());
    for (const args of [["--retries", "many"], ["--timeout", "0"], ["--format", "xml"], ["--bogus"]]) {
      const r = runCli(["probe", ...args], { cwd: dir });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^mcp-lint( probe)?: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const unknown = runCli(["probe", "--server", "nope"], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("nope");
    const help = runCli(["probe", "--help"], { cwd: dir });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^mcp-lint probe \[options\]/);
    expect(runCli(["--help"], { cwd: dir }).stdout).toContain("mcp-lint probe [paths]");
  }, 30_000);

  it("plain `mcp-lint` never starts a server", async () => {
    const pidFile = join(project({}), "pid");
    const dir = project({ ".mcp.json": { mcpServers: { hang: { command: NODE, args: [fixture("hang.mjs"), "--pid-file", pidFile] } } } });
    const r = runCli(["."], { cwd: dir });
    expect(r.status).toBe(0);
    await new Promise((res) => setTimeout(res, 300));
    expect(existsSync(pidFile)).toBe(false);
  });

  it("Ctrl-C stops the servers it started and exits 130", async () => {
    const pidFile = join(project({}), "pid");
    const dir = project({
      ".mcp.json": { mcpServers: { stuck: { command: NODE, args: [fixture("hang.mjs"), "--ignore-sigterm", "--pid-file", pidFile] } } },
    });
    const child = spawn(NODE, [BIN, "probe", "--timeout", "60000"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const serverPid = await readPid(pidFile);
    expect(isAlive(serverPid)).toBe(true);
    const t0 = Date.now();
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(stderr).toContain("interrupted");
    await waitFor(() => !isAlive(serverPid), 5000, "the server to be gone");
  }, 30_000);

  it("works from the self-contained bundle that pre-commit installs (dist/cli.js)", () => {
    const dir = project({ ".vscode/mcp.json": { servers: { everything: { type: "stdio", command: NODE, args: [EVERYTHING, "stdio"] } } } });
    const bundle = join(ROOT, "dist/cli.js");
    expect(readFileSync(bundle, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
    const r = runCli(["probe"], { cwd: dir, bin: bundle });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s*everything\s.*\bok\b/m);
    expect(r.stdout).toMatch(/^1 server: 1 ok$/m);
  }, 30_000);
});

describe("mcp-lint probe on a terminal", () => {
  it("keeps one progress line per server up to date on stderr, and ends each with its result", async () => {
    const { run } = await import("../../packages/cli/src/cli.js");
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          everything: { command: NODE, args: [EVERYTHING, "stdio"] },
          missing: { command: "mcp-lint-no-such-command-4f1c" },
        },
      },
    });
    let out = "";
    let err = "";
    const code = await run(["probe"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
      stdout: { write: (t: string) => (out += t), isTTY: true },
      stderr: { write: (t: string) => (err += t), isTTY: true },
      onInterrupt: () => () => undefined,
    });
    expect(code).toBe(1);
    // Status lines are rewritten in place (carriage return + erase line), results stay, one per line.
    expect(err).toContain("\r\x1b[2K");
    const finals = err.split("\n").map((l) => {
      const erase = l.lastIndexOf("\x1b[2K");
      return erase < 0 ? l : l.slice(erase + "\x1b[2K".length);
    });
    expect(finals.filter((l) => /^everything \(\.mcp\.json\): ok\b/.test(l))).toHaveLength(1);
    expect(finals.filter((l) => /^missing \(\.mcp\.json\): failed\b/.test(l))).toHaveLength(1);
    expect(out).toMatch(/^2 servers: 1 ok, 1 failed$/m);
  }, 30_000);
});

describe("mcp-lint probe and the mcp-lint config file", () => {
  it("-c uses that config's ignores: an ignored config's servers are not started", async () => {
    const marker = join(project({}), "RAN");
    const script = join(project({ "marker.mjs": `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "");\n` }), "marker.mjs");
    const dir = project({
      "fixtures/.mcp.json": { mcpServers: { ignored: { command: NODE, args: [script] } } },
      "lint-ci.json": { ignores: ["fixtures/**"] },
    });
    const r = runCli(["probe", "-c", "lint-ci.json"], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain("no MCP servers found");
    expect(existsSync(marker)).toBe(false);
    // Without the config, the same server is started.
    const all = runCli(["probe", "--no-config-lookup"], { cwd: dir });
    expect(all.stdout).toMatch(/^\s*ignored\s/m);
    await waitFor(() => existsSync(marker), 5000, "the marker");
  }, 30_000);

  it("--backoff is at most 10000 ms (the cap of every delay)", async () => {
    const r = runCli(["probe", "--backoff", "20000"], { cwd: project({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--backoff needs a whole number from 0 to 10000");
  });
});
