import { afterAll, describe, expect, it } from "vitest";
import { formatResults } from "@mcp-lint/core";
import { formatProbeTable, formatProgressLine, probe, type ProbeProgress, type ProbeRun } from "../../packages/probe/src/index.js";
import { NODE, fixture, freePort, project, removeProjects, startNode, stopAll } from "./helpers.js";

afterAll(async () => {
  await stopAll();
  removeProjects();
});

/** Everything a probe run can print: the table, every progress line, every log line, every finding (not the config's own text). */
function allOutput(run: ProbeRun, events: ProbeProgress[], log: string[], cwd: string): string {
  return [
    formatProbeTable(run.servers),
    ...events.map(formatProgressLine),
    ...log,
    formatResults("stylish", run.results, { cwd }),
    formatResults("github", run.results, { cwd }),
    JSON.stringify(run.servers),
  ].join("\n");
}

describe("probe: secrets in arguments, the environment and URLs are redacted", () => {
  it("redacts values after secret-named flags, -H and `Name: value` arguments, and env values by the broad name test or set by the config", async () => {
    const secrets = {
      password: "pw-value-one",
      pw: "pw-value-two",
      token: "tok-value-three",
      apiKey: "key-value-four",
      eqSecret: "eq-value-five",
      header: "hdr-value-six",
      named: "nv-value-seven",
      pg: "pg-value-eight",
      service: "svc-value-nine",
      db: "db-value-ten",
      plain: "cfg-value-eleven",
    };
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          leaky: {
            command: NODE,
            args: [
              fixture("echo-exit.mjs"),
              "--echo-env",
              "PGPASSWORD,SERVICE_KEY,DB_PASS,PLAIN_SETTING",
              "-p",
              "visible-value",
              "--password",
              secrets.password,
              "--pw",
              secrets.pw,
              "--token",
              secrets.token,
              "--api-key",
              secrets.apiKey,
              `--client-secret=${secrets.eqSecret}`,
              "-H",
              `X-Custom: ${secrets.header}`,
              `X-Other: ${secrets.named}`,
            ],
            // Set by the config: redacted whatever its name.
            env: { PLAIN_SETTING: secrets.plain },
          },
        },
      },
    });
    const events: ProbeProgress[] = [];
    const log: string[] = [];
    // Inherited: names core's SECRET_NAME misses (no separator before the word, or a short form).
    const env = { ...process.env, PGPASSWORD: secrets.pg, SERVICE_KEY: secrets.service, DB_PASS: secrets.db };
    const run = await probe([], { cwd: dir, env, log: (l) => log.push(l), onProgress: (e) => events.push(e) });
    const s = run.servers[0]!;
    expect(s.finding?.ruleId).toBe("probe-exited");
    const message = s.finding!.message;
    // `-p` is no name: its value stays.
    expect(message).toContain(
      '"argv: -p visible-value --password [redacted] --pw [redacted] --token [redacted] --api-key [redacted] --client-secret=[redacted] -H [redacted] X-Other: [redacted]"',
    );
    expect(message).toContain('"env: PGPASSWORD=[redacted] SERVICE_KEY=[redacted] DB_PASS=[redacted] PLAIN_SETTING=[redacted]"');
    const out = allOutput(run, events, log, dir);
    for (const [what, value] of Object.entries(secrets)) expect(out, what).not.toContain(value);
  });

  it("shows a command's URL arguments by origin only, elides secret values and drops arguments that are not passed", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          urls: { command: NODE, args: [fixture("echo-exit.mjs"), "https://bob:hunter22@db.example.com:8443/x?sig=s3cr3t-sig", "--token", "tok-value-x", "-H", "Cookie: c00kie-value"] },
          flags: { command: NODE, args: ["--api-key=key-value-y", "X-Api-Key: nv-value-z", "--dsn=postgres://al:pw-value-w@db:5432/app?sslkey=k"] },
          scalars: { command: NODE, args: [fixture("echo-exit.mjs"), 42, { nested: "x" }, null, true, ["a"], "--port"] },
          // Paths are cut to their last segment, but never inside a placeholder.
          paths: { command: NODE, args: [fixture("echo-exit.mjs"), "${NOTES_DIR:-./notes}", "${HOME}/srv/index.js", "dir/"] },
        },
      },
    });
    const events: ProbeProgress[] = [];
    const log: string[] = [];
    const run = await probe([], { cwd: dir, log: (l) => log.push(l), onProgress: (e) => events.push(e) });
    expect(run.servers.map((s) => s.target)).toEqual([
      "node echo-exit.mjs https://db.example.com:8443 --token … -H …",
      "node --api-key=… X-Api-Key: … --dsn=postgres://db:5432",
      "node echo-exit.mjs 42 true --port",
      "node echo-exit.mjs ${NOTES_DIR:-./notes} index.js dir",
    ]);
    const out = allOutput(run, events, log, dir);
    for (const value of ["hunter22", "s3cr3t-sig", "tok-value-x", "c00kie-value", "key-value-y", "nv-value-z", "pw-value-w", "[object Object]"]) {
      expect(out, value).not.toContain(value);
    }
    expect(events.filter((e) => e.type === "start").map(formatProgressLine)).toContain("urls (.mcp.json): starting stdio node echo-exit.mjs https://db.example.com:8443 --token … -H …");
  });

  it("a server name with a line break cannot start a line of its own (no '::' workflow command), and is redacted", async () => {
    const secret = "name-secret-value";
    const evil = "evil\n::error file=README.md::x\r::warning::y\tz";
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          [`entry\n::error file=README.md::z`]: {
            command: NODE,
            args: [fixture("stdio-server.mjs"), "--name", evil, "--name-env", "FIXTURE_API_KEY"],
            env: { FIXTURE_API_KEY: secret },
          },
        },
      },
    });
    const events: ProbeProgress[] = [];
    const log: string[] = [];
    const run = await probe([], { cwd: dir, log: (l) => log.push(l), onProgress: (e) => events.push(e) });
    const s = run.servers[0]!;
    expect(s.status).toBe("ok");
    expect(s.server?.name).toBe("evil ::error file=README.md::x ::warning::y z [redacted]");
    const out = allOutput(run, events, log, dir).replace(JSON.stringify(run.servers), "");
    const lines = out.split(/\r\n|\r|\n|\u2028|\u2029/);
    expect(lines.filter((l) => l.trimStart().startsWith("::"))).toEqual([]);
    expect(out).not.toContain(secret);
    expect(formatProbeTable(run.servers).split("\n")[1]).toMatch(/^entry ::error file=README\.md::z +\.mcp\.json +stdio .* ok .* evil ::error file=README\.md::x ::warning::y z \[redacted\] 1\.2\.3 \(\d{4}-\d{2}-\d{2}\) · 2 tools · 1 prompt$/);
  });

  it("redacts URL query values and userinfo the server echoes", async () => {
    const port = await freePort();
    await startNode([fixture("http-server.mjs"), "--port", String(port), "--mode", "reject"], { ready: /listening/ });
    const dir = project({
      ".vscode/mcp.json": { servers: { echoing: { type: "http", url: `http://alice:p%40ss-word-9@127.0.0.1:${port}/mcp?tenant=acme-corp-7&sig=query-sig-8&v=1` } } },
    });
    const run = await probe([], { cwd: dir, retries: 0 });
    const s = run.servers[0]!;
    expect(s.finding?.ruleId).toBe("probe-protocol");
    expect(s.finding!.message).toContain('JSON-RPC error (-32001: "rejected: query [redacted] [redacted] 1; user alice password [redacted]")');
    for (const value of ["acme-corp-7", "query-sig-8", "p@ss-word-9", "p%40ss-word-9"]) expect(JSON.stringify(run.servers), value).not.toContain(value);
  });

  it("userinfo with a malformed % sequence is sent as written: a located finding, not an internal error", async () => {
    const port = await freePort();
    const dir = project({
      ".vscode/mcp.json": `{
  "servers": {
    "percent": { "type": "http", "url": "http://bob:100%sure@127.0.0.1:${port}/mcp" }
  }
}
`,
    });
    const run = await probe([], { cwd: dir, retries: 0 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1, target: `http://127.0.0.1:${port}` });
    expect(s.finding).toMatchObject({ ruleId: "probe-connection-refused", pointer: "/servers/percent/url", line: 3, column: 41 });
    expect(JSON.stringify(run.servers)).not.toContain("100%sure");
  });
});
