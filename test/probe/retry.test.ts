import dns from "node:dns";
import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { probe, type ProbeProgress } from "../../packages/probe/src/index.js";
import { fixture, freePort, project, removeProjects, startNode, stopAll } from "./helpers.js";

afterAll(async () => {
  await stopAll();
  removeProjects();
});

function vscode(name: string, server: object): string {
  return project({ ".vscode/mcp.json": { servers: { [name]: server } } });
}

describe("probe: which failures are retried, and how long it waits", () => {
  it("a connection reset is retried once, not --retries times (something that is not HTTP resets every connection)", async () => {
    // A listener that resets every connection at once, as a TLS port does with a plain-HTTP request.
    const server: Server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as { port: number }).port;
      const dir = vscode("reset", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
      const lines: string[] = [];
      const run = await probe([], { cwd: dir, retries: 3, backoffMs: 1, log: (l) => lines.push(l) });
      const s = run.servers[0]!;
      expect(s).toMatchObject({ status: "failed", attempts: 2 });
      expect(s.finding?.ruleId).toBe("probe-connection-refused");
      expect(s.finding!.message).toBe(
        `The connection to 127.0.0.1:${port} was closed before any HTTP answer (2 attempts): something listens there but does not speak HTTP, or it expects https://. Check the port and the scheme.`,
      );
      expect(lines.filter((l) => l.includes(": retry "))).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("a temporary DNS failure (EAI_AGAIN) is retried", async () => {
    // No resolver can be made to fail temporarily on demand: the system lookup answers EAI_AGAIN for this one name,
    // exactly as getaddrinfo reports it (the rest of the run is real: fetch, the SDK client, the probe).
    const host = "mcp-lint-probe.eai-again.test";
    const lookup = dns.lookup;
    const patched = function (this: unknown, hostname: string, options: unknown, callback?: unknown) {
      if (hostname === host) {
        const cb = (typeof options === "function" ? options : callback) as (error: Error) => void;
        const error = Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: "EAI_AGAIN", errno: -3001, syscall: "getaddrinfo", hostname });
        process.nextTick(cb, error);
        return {};
      }
      return (lookup as (...args: unknown[]) => unknown).call(this, hostname, options, callback);
    };
    (dns as { lookup: unknown }).lookup = patched;
    try {
      const dir = vscode("flaky-dns", { type: "http", url: `http://${host}/mcp` });
      const lines: string[] = [];
      const run = await probe([], { cwd: dir, retries: 2, backoffMs: 1, log: (l) => lines.push(l) });
      const s = run.servers[0]!;
      expect(s).toMatchObject({ status: "failed", attempts: 3 });
      expect(s.finding?.ruleId).toBe("probe-host-not-found");
      expect(s.finding!.message).toBe(
        `The DNS lookup of ${host} failed temporarily (EAI_AGAIN, 3 attempts). Check the network connection and the DNS server, then probe again.`,
      );
      expect(lines.filter((l) => l.includes(": retry "))).toEqual([
        `.vscode/mcp.json: flaky-dns: retry 1/2 in 0.00 s: temporary DNS failure (EAI_AGAIN)`,
        `.vscode/mcp.json: flaky-dns: retry 2/2 in 0.00 s: temporary DNS failure (EAI_AGAIN)`,
      ]);
    } finally {
      (dns as { lookup: unknown }).lookup = lookup;
    }
  });

  it("HTTP 429 is retried after the Retry-After the server sends, and then succeeds", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--busy", "1", "--retry-after", "1"], { ready: /listening/ });
    const dir = vscode("busy", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const lines: string[] = [];
    const run = await probe([], { cwd: dir, retries: 3, backoffMs: 1, log: (l) => lines.push(l) });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "ok", attempts: 2, counts: { tools: 1 } });
    expect(lines).toContain(".vscode/mcp.json: busy: retry 1/3 in 1.00 s: rate limited (HTTP 429)");
    expect(s.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it("HTTP 429 that persists: a rate-limit finding after the retries; Retry-After is capped at 10 s", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--busy", "1000", "--retry-after", "0"], { ready: /listening/ });
    const dir = vscode("limited", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const run = await probe([], { cwd: dir, retries: 1, backoffMs: 1 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 2 });
    expect(s.finding?.ruleId).toBe("probe-http-status");
    expect(s.finding!.message).toBe(
      `POST http://127.0.0.1:${port}/mcp answered 429 Too Many Requests (2 attempts): the server is up but rate limited this client (too many requests). Wait, then probe again; if it persists, check the server's rate limits or the credentials' quota.`,
    );

    // An hour's Retry-After waits 10 s at most (the run is aborted as soon as the wait is announced).
    const slow = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(slow), "--busy", "1000", "--retry-after", "3600"], { ready: /listening/ });
    const controller = new AbortController();
    const waits: number[] = [];
    const onProgress = (e: ProbeProgress) => {
      if (e.type !== "retry-wait") return;
      waits.push(e.delayMs);
      controller.abort();
    };
    const aborted = await probe([], { cwd: vscode("hour", { type: "http", url: `http://127.0.0.1:${slow}/mcp` }), retries: 1, onProgress, signal: controller.signal });
    expect(waits).toEqual([10_000]);
    expect(aborted.servers[0]).toMatchObject({ status: "aborted", attempts: 1 });
  });
});
