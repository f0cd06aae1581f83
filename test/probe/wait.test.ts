import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { backoffDelay, probe, probeTarget, ServerNotReadyError, waitForServer, type ServerProbe } from "../../packages/probe/src/index.js";
import { EVERYTHING, HALF, NODE, fixture, freePort, pidsWith, project, removeProjects, startNode, stopAll } from "./helpers.js";

/**
 * Wait mode (waitMs, waitForServer, probeTarget): real servers that come up late, never, or can never answer. The
 * deadlines are generous and never asserted: a test waits for log lines, not for time to pass.
 */

afterAll(async () => {
  await stopAll();
  removeProjects();
});

/** A log that resolves `until(pattern)` when a line matching it arrives. */
function recorder() {
  const lines: string[] = [];
  const waiting: Array<{ re: RegExp; resolve: () => void }> = [];
  return {
    lines,
    log: (line: string) => {
      lines.push(line);
      for (const w of waiting.splice(0)) {
        if (w.re.test(line)) w.resolve();
        else waiting.push(w);
      }
    },
    until: (re: RegExp) => new Promise<void>((resolveLine) => (lines.some((l) => re.test(l)) ? resolveLine() : waiting.push({ re, resolve: resolveLine }))),
  };
}

async function notReady(promise: Promise<unknown>): Promise<ServerNotReadyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerNotReadyError);
  return error as ServerNotReadyError;
}

describe("waitForServer: a URL server that comes up late", () => {
  it("retries until the server listens, with the backoff schedule of backoffDelay, then resolves ok", async () => {
    const port = await freePort();
    const rec = recorder();
    const waiting = waitForServer({ url: `http://127.0.0.1:${port}/mcp`, name: "late" }, { waitMs: 120_000, backoffMs: 20, random: HALF, log: rec.log });
    // The server starts only once the probe has been refused three times: no timing decides the count.
    await rec.until(/: retry 3 in /);
    await startNode([fixture("http-server.mjs"), "--port", String(port)], { ready: /listening/ });
    const server: ServerProbe = await waiting;

    expect(server).toMatchObject({ status: "ok", name: "late", file: "(command line)", transport: "http", counts: { tools: 1 } });
    const attempts = rec.lines.filter((l) => /: attempt \d+: http /.test(l)).map((l) => Number(/attempt (\d+):/.exec(l)![1]));
    expect(server.attempts).toBeGreaterThanOrEqual(4);
    expect(attempts).toEqual(Array.from({ length: server.attempts }, (_, i) => i + 1));
    // Wait mode: "attempt N" without "/max", every refused attempt followed by its backoff, the last one ok.
    const retries = rec.lines.filter((l) => l.includes(": retry "));
    expect(retries).toEqual(
      Array.from({ length: server.attempts - 1 }, (_, i) => `(command line): late: retry ${i + 1} in ${(Math.round(backoffDelay(i + 1, 20, HALF) / 10) / 100).toFixed(2)} s: connection refused`),
    );
    expect(rec.lines.at(-2)).toMatch(new RegExp(`: attempt ${server.attempts}: ok after \\d+ ms$`));
  }, 150_000);
});

describe("waitForServer: servers that are not up", () => {
  it("a server that never comes up: the wait ends at the deadline with the diagnosis, which says so", async () => {
    const port = await freePort();
    const rec = recorder();
    const error = await notReady(waitForServer({ url: `http://127.0.0.1:${port}/mcp` }, { waitMs: 1500, backoffMs: 50, log: rec.log }));
    expect(error.probe).toMatchObject({ status: "failed", name: `127.0.0.1:${port}`, transport: "http" });
    expect(error.probe.attempts).toBeGreaterThanOrEqual(2);
    expect(error.probe.finding?.ruleId).toBe("probe-connection-refused");
    expect(error.probe.finding?.message).toMatch(
      new RegExp(`^Connection to 127\\.0\\.0\\.1:${port} refused \\(${error.probe.attempts} attempts\\): .* It was still not up when the wait of 1\\.5 s ended\\.$`),
    );
    expect(error.findings).toEqual([error.probe.finding]);
    expect(error.message).toBe(`http://127.0.0.1:${port}: ${error.probe.finding!.message}`);
    expect(rec.lines.at(-2)).toBe(`(command line): 127.0.0.1:${port}: gave up: the wait of 1.5 s is over`);
  }, 60_000);

  it("a command that is not found stops the wait at once (one attempt), located at the command word", async () => {
    const rec = recorder();
    const error = await notReady(waitForServer({ command: "mcp-lint-no-such-command-77c1", args: ["--stdio"] }, { waitMs: 600_000, log: rec.log }));
    expect(error.probe).toMatchObject({ status: "failed", attempts: 1, name: "mcp-lint-no-such-command-77c1" });
    expect(error.probe.finding).toMatchObject({ ruleId: "probe-command-not-found", file: "(command line)", line: 1, column: 1, endColumn: 30 });
    expect(rec.lines.some((l) => l.includes(": retry "))).toBe(false);
  }, 60_000);

  it("a server that wants credentials (401) or serves a web page stops the wait at once", async () => {
    for (const [mode, status, ruleId] of [
      ["auth", "skipped", "probe-auth-required"],
      ["web", "failed", "probe-protocol"],
    ] as const) {
      const port = await freePort();
      await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", mode], { ready: /listening/ });
      const error = await notReady(waitForServer({ url: `http://127.0.0.1:${port}/mcp` }, { waitMs: 600_000 }));
      expect(error.probe).toMatchObject({ status, attempts: 1 });
      expect(error.probe.finding?.ruleId).toBe(ruleId);
    }
  }, 60_000);

  it("an AbortSignal ends the wait: it rejects with the signal's reason", async () => {
    const port = await freePort();
    const controller = new AbortController();
    const rec = recorder();
    const waiting = waitForServer({ url: `http://127.0.0.1:${port}/mcp` }, { waitMs: 600_000, backoffMs: 20, log: rec.log, signal: controller.signal });
    await rec.until(/: retry 2 in /);
    const reason = new Error("shutting down");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  }, 60_000);
});

describe("probeTarget: a stdio command without a config file", () => {
  it("starts server-everything with the given args and env; the server is stopped afterwards", async () => {
    const marker = `--mcp-lint-marker=${randomUUID()}`;
    const run = await probeTarget({ command: NODE, args: [EVERYTHING, "stdio", marker], env: { MCP_LINT_TEST: "1" } });
    expect(run.servers[0]).toMatchObject({ status: "ok", attempts: 1, transport: "stdio", file: "(command line)" });
    expect(run.servers[0]!.counts?.tools).toBeGreaterThan(0);
    expect(run.results).toEqual([expect.objectContaining({ file: "(command line)", findings: [] })]);
    expect(pidsWith(marker)).toEqual([]);
  }, 60_000);

  it("a server that exits is diagnosed over the whole command line; --env values are redacted from what it prints", async () => {
    const secret = "s3cret-value-4471";
    const run = await probeTarget({ command: NODE, args: [fixture("exit-at-once.mjs")], env: { FIXTURE_API_KEY: secret } }, { waitMs: 600_000 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1 });
    const text = run.results[0]!.source!;
    expect(s.finding).toMatchObject({ ruleId: "probe-exited", line: 1, column: 1, endColumn: text.length + 1 });
    expect(s.finding!.message).toContain("exited with code 3");
    expect(JSON.stringify(run)).not.toContain(secret);
  }, 60_000);

  it("a config-file probe in wait mode retries past --retries' default until the server is up", async () => {
    const port = await freePort();
    const dir = project({ ".vscode/mcp.json": { servers: { api: { type: "http", url: `http://127.0.0.1:${port}/mcp` } } } });
    const rec = recorder();
    const running = probe([], { cwd: dir, waitMs: 120_000, backoffMs: 5, log: rec.log });
    await rec.until(/: retry 6 in /); // more than the 3 retries of a plain probe
    await startNode([fixture("http-server.mjs"), "--port", String(port)], { ready: /listening/ });
    const run = await running;
    expect(run.servers[0]!.status).toBe("ok");
    expect(run.servers[0]!.attempts).toBeGreaterThanOrEqual(7);
  }, 150_000);
});
