import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { EVERYTHING, NODE, fixture, freePort, project, removeProjects, startNode, stopAll } from "../probe/helpers.js";
import { BIN, runCli } from "./helpers.js";

/**
 * `mcp-lint probe --wait`, `--url`, `-- command`: the real binary against real servers. Deadlines are generous and
 * never asserted; the schedule is read from the verbose log.
 */

afterAll(async () => {
  await stopAll();
  removeProjects();
});

/** Runs the CLI in the background; `when(re, then)` runs `then` once stderr matches. */
function background(args: string[], cwd: string) {
  const child = spawn(NODE, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const hooks: Array<{ re: RegExp; then: () => void }> = [];
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const h of hooks.splice(0)) (h.re.test(stderr) ? h.then : () => hooks.push(h))();
  });
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((r) => child.once("close", (status) => r({ status, stdout, stderr })));
  return { done, when: (re: RegExp, then: () => void) => hooks.push({ re, then }) };
}

describe("mcp-lint probe --wait", () => {
  it("waits for a server that starts late: exit 0; attempts and the jittered backoff schedule from the verbose log", async () => {
    const port = await freePort();
    const run = background(["probe", "--url", `http://127.0.0.1:${port}/mcp`, "--wait", "2m", "--backoff", "40", "--verbose"], project({}));
    // Start the server only after three refused attempts: the count does not depend on timing.
    run.when(/: retry 3 in /, () => void startNode([fixture("http-server.mjs"), "--port", String(port)]));
    const r = await run.done;
    expect(r.status, r.stderr).toBe(0);
    const verbose = r.stderr.split("\n").filter((l) => l.startsWith("mcp-lint probe: (command line): "));
    const attempts = verbose.filter((l) => / attempt \d+: http /.test(l)).length;
    expect(attempts).toBeGreaterThanOrEqual(4);
    const delays = verbose.filter((l) => l.includes(": retry ")).map((l) => /: retry (\d+) in (\d+\.\d\d) s: connection refused$/.exec(l)!);
    expect(delays.map((m) => Number(m[1]))).toEqual(Array.from({ length: attempts - 1 }, (_, i) => i + 1));
    for (const m of delays) {
      // Equal jitter: between half and all of min(40 ms · 2^(k-1), 10 s), shown rounded to 0.01 s.
      const base = Math.min(40 * 2 ** (Number(m[1]) - 1), 10_000) / 1000;
      expect(Number(m[2])).toBeGreaterThanOrEqual(base / 2 - 0.005);
      expect(Number(m[2])).toBeLessThanOrEqual(base + 0.005);
    }
    // Not a terminal: one progress line per state change (started, refused, up), not one per attempt.
    const progress = r.stderr.split("\n").filter((l) => l.startsWith(`mcp-lint probe: 127.0.0.1:${port}: `));
    expect(progress).toHaveLength(3);
    expect(progress[0]).toBe(`mcp-lint probe: 127.0.0.1:${port}: starting http http://127.0.0.1:${port}`);
    expect(progress[1]).toMatch(/: retry 1 in \d\.\d\d s: connection refused$/);
    expect(progress[2]).toMatch(new RegExp(`: ok · probe-http-fixture 0\\.4\\.0 .* ${attempts} attempts\\)$`));
    expect(r.stdout).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port}\\s+\\(command line\\)\\s+http\\s+\\S+\\s+ok\\s+${attempts}\\s`, "m"));
  }, 180_000);

  it("a server that never comes up: exit 1 at the deadline, with the diagnosis located on the command line", async () => {
    const port = await freePort();
    const r = runCli(["probe", "--url", `http://127.0.0.1:${port}/mcp`, "--wait", "1500ms", "--backoff", "50", "--format", "json"], { cwd: project({}) });
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string; line: number; column: number }> }>;
    expect(result!.messages).toEqual([
      expect.objectContaining({ ruleId: "probe-connection-refused", line: 1, column: 1, message: expect.stringMatching(/It was still not up when the wait of 1\.5 s ended\.$/) as unknown }),
    ]);
    expect(r.stderr).toMatch(/^mcp-lint probe: 1 of 1 not up: 127\.0\.0\.1:\d+ \(failed\)$/m);
  }, 60_000);

  it("a command that is not found stops a 10-minute wait at once (one attempt, no retry)", () => {
    const r = runCli(["probe", "--wait", "10m", "--verbose", "--", "mcp-lint-no-such-command-9d2e", "--stdio"], { cwd: project({}) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\s+1:1\s+error\s+"mcp-lint-no-such-command-9d2e" was not found on PATH.*probe-command-not-found$/m);
    expect(r.stdout).toMatch(/\sfailed\s+1\s/);
    // No config key holds this command: the advice names none.
    expect(r.stdout).toContain("or give its absolute path");
    expect(r.stdout).not.toContain('"command"');
    expect(r.stderr).not.toMatch(/: retry /);
  }, 60_000);
});

describe("mcp-lint probe without a config file", () => {
  it("--url reaches server-everything over Streamable HTTP", async () => {
    const port = await freePort();
    await startNode([EVERYTHING, "streamableHttp"], { env: { PORT: String(port) }, ready: /listening on port/ });
    const r = runCli(["probe", "--url", `http://127.0.0.1:${port}/mcp`, "--wait", "60s"], { cwd: project({}) });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\sok\s+1\s+.*everything.*\d+ tools/);
  }, 90_000);

  it("-- node … over stdio, with --env and --cwd", () => {
    const dir = project({ "sub/server.mjs": `import ${JSON.stringify(fixture("stdio-server.mjs"))};\n` });
    const r = runCli(["probe", "--env", "SUFFIX=v42", "--cwd", "sub", "--", NODE, "server.mjs", "--name-env", "SUFFIX"], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\sok\s+1\s+.*probe-fixture v42/);
  });

  it.each([
    [["--wait", "30"], /--wait needs a duration such as 30s, 2m, 500ms or 1h, not "30" \(a unit is needed: 30s or 30ms\?\)/],
    [["--wait", "soon"], /--wait needs a duration such as 30s, 2m, 500ms or 1h, not "soon"\./],
    [["--wait", "0s"], /--wait needs a duration from 1ms to 24h/],
    [["--wait", "2m", "--retries", "3"], /--wait and --retries do not go together/],
    [["--url", "http://a/mcp", "--", "node"], /either --url or a command after "--", not both/],
    [["--url", "http://a/mcp", ".mcp.json"], /with --url no config file is read/],
    [["--url", "ftp://a/mcp"], /--url needs an http:\/\/ or https:\/\/ URL/],
    [["--url", "http://a/mcp", "--header", "no colon"], /--header needs "Name: value"/],
    [["--env", "A=1", ".mcp.json"], /--env goes with a command after "--"/],
    [["--sse"], /--sse goes with --url/],
    [["--"], /Name the command to probe after "--"/],
  ])("usage error: %j", (args, message) => {
    const r = runCli(["probe", ...args], { cwd: project({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});
