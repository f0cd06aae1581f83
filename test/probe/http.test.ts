import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer, type Server } from "node:https";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probe, type ProbeProgress } from "../../packages/probe/src/index.js";
import { EVERYTHING, HALF, fixture, freePort, project, removeProjects, startNode, stopAll } from "./helpers.js";

afterAll(async () => {
  await stopAll();
  removeProjects();
});

const j = JSON.stringify;

/** A VS Code workspace config (`servers` + `type`) with one server. */
function vscode(name: string, server: object): string {
  return project({ ".vscode/mcp.json": { servers: { [name]: server } } });
}

describe("probe: URL servers (real servers on loopback)", () => {
  it("reaches @modelcontextprotocol/server-everything over Streamable HTTP", async () => {
    const port = await freePort();
    await startNode([EVERYTHING, "streamableHttp"], { env: { PORT: String(port) }, ready: /listening on port/ });
    const dir = vscode("everything", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ file: ".vscode/mcp.json", name: "everything", transport: "http", target: `http://127.0.0.1:${port}`, status: "ok", attempts: 1 });
    expect(s.server?.name).toMatch(/everything/);
    expect(s.server?.version).toMatch(/\d/);
    expect(s.counts?.tools).toBeGreaterThan(0);
    expect(run.results).toEqual([expect.objectContaining({ file: ".vscode/mcp.json", dialect: "vscode", findings: [] })]);
  });

  it("uses the SSE client where the config says SSE (server-everything's legacy SSE endpoint)", async () => {
    const port = await freePort();
    await startNode([EVERYTHING, "sse"], { env: { PORT: String(port) }, ready: /running on port/ });
    const dir = vscode("legacy-sse", { type: "sse", url: `http://127.0.0.1:${port}/sse` });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ transport: "sse", status: "ok", attempts: 1 });
    expect(s.counts?.tools).toBeGreaterThan(0);
  });

  it("retries while a server is still starting (it listens after ~700 ms) and then succeeds", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--delay", "700"]);
    const dir = vscode("late", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const lines: string[] = [];
    const run = await probe([], { cwd: dir, retries: 8, backoffMs: 100, random: HALF, log: (l) => lines.push(l) });
    const s = run.servers[0]!;
    expect(s.status).toBe("ok");
    expect(s.attempts).toBeGreaterThan(1);
    expect(s.server).toMatchObject({ name: "probe-http-fixture", version: "0.4.0" });
    expect(s.counts).toEqual({ tools: 1 });
    expect(s.finding).toBeUndefined();
    expect(lines).toContain(".vscode/mcp.json: late: retry 1/8 in 0.08 s: connection refused");
    expect(lines.some((l) => l.startsWith(`.vscode/mcp.json: late: attempt ${s.attempts}/9: ok after `))).toBe(true);
  });

  it("reports a refused connection after retries + 1 attempts, with the backoff schedule in the log", async () => {
    const port = await freePort();
    const dir = project({
      ".vscode/mcp.json": `{
  "servers": {
    "nobody": { "type": "http", "url": "http://127.0.0.1:${port}/mcp" }
  }
}
`,
    });
    const lines: string[] = [];
    const events: ProbeProgress[] = [];
    const run = await probe([], { cwd: dir, retries: 3, backoffMs: 40, random: HALF, log: (l) => lines.push(l), onProgress: (e) => events.push(e) });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 4, transport: "http", target: `http://127.0.0.1:${port}` });
    expect(s.finding).toMatchObject({ ruleId: "probe-connection-refused", severity: "error", pointer: "/servers/nobody/url", line: 3, column: 40, endLine: 3, endColumn: 63 + String(port).length });
    expect(s.finding!.message).toBe(
      `Connection to 127.0.0.1:${port} refused (4 attempts): nothing listens there. Start the server first (VS Code does not start URL servers), or fix the port: the config may point at the wrong one.`,
    );
    // Equal jitter with random() = 0.5: 3/4 of 40, 80, 160 ms.
    const retries = lines.filter((l) => l.includes(": retry "));
    expect(retries).toEqual([
      ".vscode/mcp.json: nobody: retry 1/3 in 0.03 s: connection refused",
      ".vscode/mcp.json: nobody: retry 2/3 in 0.06 s: connection refused",
      ".vscode/mcp.json: nobody: retry 3/3 in 0.12 s: connection refused",
    ]);
    expect(events.filter((e) => e.type === "retry-wait").map((e) => (e.type === "retry-wait" ? e.delayMs : 0))).toEqual([30, 60, 120]);
    expect(events.filter((e) => e.type === "attempt")).toHaveLength(4);
    expect(s.durationMs).toBeGreaterThanOrEqual(200);
  });

  it("answers 404 on the configured path: suggests /mcp for Streamable HTTP, without retrying", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port)], { ready: /listening/ });
    const dir = vscode("wrong-path", { type: "http", url: `http://127.0.0.1:${port}/sse` });
    const run = await probe([], { cwd: dir, retries: 3, backoffMs: 1 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-http-status", severity: "error", pointer: "/servers/wrong-path/url" });
    expect(s.finding!.message).toBe(
      `POST http://127.0.0.1:${port}/sse answered 404 Not Found: nothing serves MCP at this path. /sse is where legacy SSE servers listen; Streamable HTTP servers usually serve /mcp. Change the path to /mcp (http://127.0.0.1:${port}/mcp), or, if the server only speaks SSE, set "type": "sse".`,
    );
  });

  it("configured as SSE on a Streamable HTTP endpoint: says to switch the type", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port)], { ready: /listening/ });
    const dir = vscode("legacy", { type: "sse", url: `http://127.0.0.1:${port}/mcp` });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", transport: "sse", attempts: 1 });
    expect(s.finding?.ruleId).toBe("probe-http-status");
    expect(s.finding!.message).toContain(`GET http://127.0.0.1:${port}/mcp answered 405 Method Not Allowed: this endpoint does not serve an SSE stream.`);
    expect(s.finding!.message).toContain('set "type": "http"');
  });

  it("answers 401 with WWW-Authenticate: auth-required (a warning), OAuth named; skipped without credentials", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "auth"], { ready: /listening/ });
    const dir = vscode("oauth", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const run = await probe([], { cwd: dir, retries: 3, backoffMs: 1 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "skipped", attempts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-auth-required", severity: "warning", pointer: "/servers/oauth/url" });
    expect(s.finding!.message).toContain(`POST http://127.0.0.1:${port}/mcp answered 401 Unauthorized: the server is up and wants credentials.`);
    expect(s.finding!.message).toContain("It uses OAuth");
  });

  it("401 although a token is configured: failed, names the header, never its value", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "auth"], { ready: /listening/ });
    const token = "ghp_8kT2fLm9Qp3Wn7Rb1Yc6Hd4Fg0Js5AzXvBn9";
    const dir = project({
      ".vscode/mcp.json": { servers: { api: { type: "http", url: `http://127.0.0.1:${port}/mcp`, headers: { Authorization: "Bearer ${env:API_TOKEN}" } } } },
    });
    const lines: string[] = [];
    const run = await probe([], { cwd: dir, env: { ...process.env, API_TOKEN: token }, log: (l) => lines.push(l) });
    const s = run.servers[0]!;
    expect(s.status).toBe("failed");
    // The client cannot connect with the credentials it has: an error (the server is up, but unusable as configured).
    expect(s.finding).toMatchObject({ ruleId: "probe-auth-required", severity: "error" });
    expect(s.finding!.message).toContain('The configured credentials ("Authorization") did not satisfy it');
    expect(j(run) + lines.join("\n")).not.toContain(token);
  });

  it("only credentials count as sent: a User-Agent header leaves an OAuth server skipped; userinfo not sent is not named", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "auth"], { ready: /listening/ });
    const dir = project({
      ".vscode/mcp.json": {
        servers: {
          agent: { type: "http", url: `http://127.0.0.1:${port}/mcp`, headers: { "User-Agent": "probe-test/1.0", Accept: "application/json, text/event-stream" } },
          // The configured Authorization header is sent; the URL's user:password is not.
          both: { type: "http", url: `http://carol:userinfo-pw@127.0.0.1:${port}/mcp`, headers: { Authorization: "Bearer configured-token-1" } },
        },
      },
    });
    const run = await probe([], { cwd: dir, retries: 0 });
    const [agent, both] = run.servers;
    expect(agent).toMatchObject({ status: "skipped", attempts: 1 });
    expect(agent!.finding).toMatchObject({ ruleId: "probe-auth-required", severity: "warning" });
    expect(agent!.finding!.message).toContain("It uses OAuth");
    expect(agent!.finding!.message).not.toContain("User-Agent");
    expect(both).toMatchObject({ status: "failed" });
    expect(both!.finding!.message).toContain('The configured credentials ("Authorization") did not satisfy it');
    expect(both!.finding!.message).not.toContain("user:password of the URL");
  });

  it("a server that never answers the DELETE ending its session is still ok, within about a second more", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "sticky"], { ready: /listening/ });
    const dir = vscode("sticky", { type: "http", url: `http://127.0.0.1:${port}/mcp` });
    const run = await probe([], { cwd: dir, retries: 0, timeoutMs: 2500 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "ok", attempts: 1, counts: { tools: 1 } });
    expect(s.server).toMatchObject({ name: "probe-http-fixture", version: "0.4.0" });
    expect(s.finding).toBeUndefined();
    expect(s.durationMs).toBeGreaterThanOrEqual(900);
    expect(s.durationMs).toBeLessThan(2500);
  });

  it("tcp://host:25565 is not attempted: unsupported scheme, naming Minecraft, located at the URL", async () => {
    const dir = project({
      ".vscode/mcp.json": `{
  "servers": {
    "game": { "type": "http", "url": "tcp://127.0.0.1:25565" }
  }
}
`,
    });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 0, target: "tcp://127.0.0.1:25565" });
    expect(s.finding).toMatchObject({ ruleId: "probe-unsupported-scheme", severity: "error", line: 3, column: 38, endLine: 3, endColumn: 61 });
    expect(s.finding!.message).toContain("tcp:// is not an MCP transport: MCP has only stdio, Streamable HTTP and SSE");
    expect(s.finding!.message).toContain("Port 25565 is Minecraft's; nothing there speaks MCP.");
  });

  it("a web page instead of an MCP endpoint is a protocol finding", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "web"], { ready: /listening/ });
    const dir = vscode("site", { type: "http", url: `http://127.0.0.1:${port}/` });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s.finding?.ruleId).toBe("probe-protocol");
    expect(s.finding!.message).toContain(`POST http://127.0.0.1:${port}/ answered with "text/html" instead of JSON or an event stream`);
  });

  it("an unresolvable host is host-not-found, without retries (unless the lookup failed only temporarily)", async () => {
    const dir = vscode("typo", { type: "http", url: "http://mcp-lint-probe.invalid/mcp" });
    const run = await probe([], { cwd: dir, retries: 3, backoffMs: 1 });
    const s = run.servers[0]!;
    // Without a DNS server (some sandboxes), the lookup fails with EAI_AGAIN, which is retried.
    expect(s).toMatchObject({ status: "failed", attempts: s.finding?.message.includes("EAI_AGAIN") ? 4 : 1 });
    expect(s.finding?.ruleId).toBe("probe-host-not-found");
    expect(s.finding!.message).toMatch(/^The (host mcp-lint-probe\.invalid cannot be resolved|DNS lookup of mcp-lint-probe\.invalid failed)/);
  });

  const openssl = (() => {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  // openssl makes the certificate; CI machines have it (Debian), so there the test never skips.
  it.skipIf(!openssl && !process.env.CI)("a self-signed certificate is a TLS finding naming the error code", async () => {
    const dir = project({});
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
      { stdio: "ignore" },
    );
    const server: Server = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (_req, res) => {
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as { port: number }).port;
      const config = project({ ".vscode/mcp.json": { servers: { secure: { type: "http", url: `https://127.0.0.1:${port}/mcp` } } } });
      const run = await probe([], { cwd: config, retries: 3, backoffMs: 1 });
      const s = run.servers[0]!;
      expect(s).toMatchObject({ status: "failed", attempts: 1 });
      expect(s.finding?.ruleId).toBe("probe-tls");
      expect(s.finding!.message).toBe(
        `The TLS certificate of 127.0.0.1:${port} is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT), so clients refuse the connection. Use a certificate from a trusted CA, or trust your own CA where the client runs (NODE_EXTRA_CA_CERTS for Node.js-based clients).`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
