import { randomUUID } from "node:crypto";
import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probe, type ProbeProgress } from "../../packages/probe/src/index.js";
import { EVERYTHING, NODE, fixture, isAlive, pidsWith, project, readPid, removeProjects } from "./helpers.js";

afterAll(removeProjects);

const j = JSON.stringify;

describe("probe: stdio servers (real processes)", () => {
  it("starts @modelcontextprotocol/server-everything over stdio and lists its tools (Claude Code .mcp.json)", async () => {
    const marker = `--mcp-lint-marker=${randomUUID()}`;
    const dir = project({ ".mcp.json": { mcpServers: { everything: { command: NODE, args: [EVERYTHING, "stdio", marker] } } } });
    const events: ProbeProgress[] = [];
    const run = await probe([], { cwd: dir, onProgress: (e) => events.push(e) });

    expect(run.servers).toHaveLength(1);
    const s = run.servers[0]!;
    expect(s).toMatchObject({ file: ".mcp.json", name: "everything", pointer: "/mcpServers/everything", transport: "stdio", status: "ok", attempts: 1 });
    expect(s.target).toBe("node index.js stdio …"); // long arguments are elided
    expect(s.server?.name).toMatch(/everything/);
    expect(s.server?.version).toMatch(/\d/);
    expect(s.server?.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.counts?.tools).toBeGreaterThan(0);
    expect(s.counts?.prompts).toBeGreaterThan(0);
    expect(s.finding).toBeUndefined();
    expect(run.results).toEqual([expect.objectContaining({ file: ".mcp.json", dialect: "claude-code", findings: [] })]);
    expect(events.map((e) => e.type)).toEqual(["start", "attempt", "done"]);
    // The server process (and anything it started) is gone once probe() resolves.
    expect(pidsWith(marker)).toEqual([]);
  });

  it("reports stdout noise of a server that still answers (VS Code .vscode/mcp.json), and stops the server", async () => {
    const dir = project({
      ".vscode/mcp.json": `{
  "servers": {
    "noisy": {
      "type": "stdio",
      "command": ${j(NODE)},
      "args": [${j(fixture("stdio-server.mjs"))}, "--noise", "--pid-file", "\${workspaceFolder}/noisy.pid"]
    }
  }
}
`,
    });
    const run = await probe([], { cwd: dir });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ file: ".vscode/mcp.json", name: "noisy", transport: "stdio", status: "ok", attempts: 1 });
    expect(s.server).toMatchObject({ name: "probe-fixture", version: "1.2.3" });
    expect(s.counts).toEqual({ tools: 2, prompts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-stdout-noise", severity: "error", line: 3, column: 5, endLine: 3, endColumn: 12 });
    expect(s.finding!.message).toContain('The server wrote 2 lines that are not JSON-RPC to stdout (first: "Starting probe-fixture v1.2.3 on stdio...")');
    expect(s.finding!.message).toContain("Log to stderr instead");
    expect(run.results[0]!.findings.map((f) => f.ruleId)).toEqual(["probe-stdout-noise"]);
    // ${workspaceFolder} was resolved to the project folder (the fixture wrote its pid there), and the process is gone.
    const pid = await readPid(join(dir, "noisy.pid"));
    expect(isAlive(pid)).toBe(false);
  });

  it("diagnoses a server that exits at once: exit code, stderr tail, secrets redacted, no retry", async () => {
    const openai = "sk-proj-Zq3xT9vLm2Kp8Wn4Rb6Yc1Hd5Fg7Js0A";
    const github = "ghp_4fT9kLm2Qp8Wn3Rb6Yc1Hd5Fg7Js0AzXvBn2";
    const dir = project({
      ".mcp.json": `{
  "mcpServers": {
    "crashy": {
      "command": ${j(NODE)},
      "args": [${j(fixture("exit-at-once.mjs"))}, "--echo-env", "GITHUB_TOKEN"],
      "env": { "FIXTURE_API_KEY": "\${FIXTURE_API_KEY}" }
    }
  }
}
`,
    });
    const lines: string[] = [];
    const run = await probe([], { cwd: dir, env: { ...process.env, FIXTURE_API_KEY: openai, GITHUB_TOKEN: github }, retries: 3, log: (l) => lines.push(l) });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-exited", severity: "error", pointer: "/mcpServers/crashy", line: 3, column: 5 });
    const message = s.finding!.message;
    expect(message).toContain("The server exited with code 3 before answering initialize.");
    expect(message).toContain(`"Using API key [redacted] for upstream"`);
    expect(message).toContain(`"debug: GITHUB_TOKEN=[redacted]"`);
    expect(message).toContain(`"Error: ENOENT: no such file or directory, open '/etc/probe-fixture.json'"`);
    expect(message).toContain("Run the command in a terminal");
    // No secret anywhere: not in findings, server records, results (the file has only placeholders) or log lines.
    const everything = j(run) + lines.join("\n");
    expect(everything).not.toContain(openai);
    expect(everything).not.toContain(github);
    expect(everything).not.toContain("Zq3xT9vLm2Kp8");
    expect(lines.filter((l) => l.includes("attempt"))).toHaveLength(2); // one attempt: its start and its outcome
    expect(lines).toContain(".mcp.json: crashy: failed (probe-exited)");
  });

  it("reports a command that is not on PATH after exactly one attempt, without printing PATH", async () => {
    const dir = project({
      ".mcp.json": `{
  "mcpServers": {
    "ghost": { "command": "mcp-lint-no-such-command", "args": ["--stdio"] }
  }
}
`,
    });
    const lines: string[] = [];
    const env = { PATH: ["/usr/bin", "/bin", "/opt/mcp-lint-nowhere"].join(":"), HOME: process.env.HOME };
    const run = await probe([], { cwd: dir, env, retries: 3, backoffMs: 1, log: (l) => lines.push(l) });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1, target: "mcp-lint-no-such-command --stdio" });
    expect(s.finding).toMatchObject({
      ruleId: "probe-command-not-found",
      pointer: "/mcpServers/ghost/command",
      line: 3,
      column: 27,
      endLine: 3,
      endColumn: 53,
    });
    expect(s.finding!.message).toBe(
      '"mcp-lint-no-such-command" was not found on PATH (3 folders searched), so the server cannot start. Install it, or set "command" to its absolute path: clients started from a desktop often have a shorter PATH than your shell.',
    );
    expect(j(run) + lines.join("\n")).not.toContain("/opt/mcp-lint-nowhere");
    expect(lines.some((l) => l.includes("retry"))).toBe(false);
  });

  it("times out a server that never answers initialize and kills it (SIGKILL after SIGTERM is ignored)", async () => {
    const dir = project({
      ".mcp.json": {
        // A shell that never answers: it ignores SIGTERM and prints its line as its first commands, before Node.js
        // could even load (the Node.js fixture hang.mjs printed after its imports, which a loaded machine delays past
        // the deadline), then becomes a sleep that keeps SIGTERM ignored.
        mcpServers: {
          stuck: {
            command: "sh",
            args: ["-c", 'trap "" TERM; echo "starting up, please wait..." >&2; echo $$ > "$PIDDIR/stuck.pid"; exec sleep 600'],
          },
        },
      },
    });
    const run = await probe([], { cwd: dir, env: { ...process.env, PIDDIR: dir }, timeoutMs: 600, retries: 3, backoffMs: 1 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-timeout", severity: "error", pointer: "/mcpServers/stuck" });
    expect(s.finding!.message).toContain("The server did not answer initialize within 0.6 s; the process was stopped.");
    expect(s.finding!.message).toContain('"starting up, please wait..."');
    // The deadline, then 2 s of ignored SIGTERM before SIGKILL.
    expect(s.durationMs).toBeGreaterThanOrEqual(2500);
    const pid = await readPid(join(dir, "stuck.pid"));
    expect(isAlive(pid)).toBe(false);
  });

  it("aborts promptly while a slow server is starting: the child is gone and the rest is marked aborted", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          slow: { command: NODE, args: [fixture("hang.mjs"), "--pid-file", "${PIDDIR}/slow.pid"] },
          later: { command: NODE, args: [fixture("stdio-server.mjs"), "--pid-file", "${PIDDIR}/later.pid"] },
        },
      },
    });
    const controller = new AbortController();
    const pidFile = join(dir, "slow.pid");
    const running = probe([], { cwd: dir, env: { ...process.env, PIDDIR: dir }, concurrency: 1, timeoutMs: 20_000, signal: controller.signal });
    const pid = await readPid(pidFile);
    expect(isAlive(pid)).toBe(true);
    const abortedAt = Date.now();
    controller.abort();
    const run = await running;
    expect(Date.now() - abortedAt).toBeLessThan(1500);
    expect(run.servers.map((s) => [s.name, s.status, s.attempts])).toEqual([
      ["slow", "aborted", 1],
      ["later", "aborted", 0],
    ]);
    expect(run.results[0]!.findings).toEqual([]);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(dir, "later.pid"))).toBe(false);
  });

  it("a run of stdout without a newline is one noise line, bounded and redacted; the rest up to the newline is dropped", async () => {
    const secret = "flood-secret-value";
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          // 256 KiB without a newline, then exit: counted when it passes 64 KiB (stdout never gets its newline).
          flooding: { command: NODE, args: [fixture("stdio-server.mjs"), "--flood", "262144", "--flood-exit"], env: { FIXTURE_API_KEY: secret } },
          // 256 KiB, a newline, then a working server: one noise line, and the server still answers.
          recovers: { command: NODE, args: [fixture("stdio-server.mjs"), "--flood", "262144"], env: { FIXTURE_API_KEY: secret } },
        },
      },
    });
    const run = await probe([], { cwd: dir, timeoutMs: 5000 });
    const [flooding, recovers] = run.servers;
    const noise = (name: string) => run.results[0]!.findings.find((f) => f.ruleId === "probe-stdout-noise" && f.pointer === `/mcpServers/${name}`);
    expect(flooding).toMatchObject({ status: "failed" });
    expect(flooding!.finding?.ruleId).toBe("probe-exited");
    expect(noise("flooding")?.message).toMatch(/^The server wrote a line that is not JSON-RPC to stdout \(first: "Loading key \[redacted\] \.{150,}"\)/);
    expect(recovers).toMatchObject({ status: "ok", counts: { tools: 2, prompts: 1 } });
    expect(noise("recovers")?.message).toMatch(/^The server wrote a line that is not JSON-RPC to stdout \(first: "Loading key \[redacted\] \.{150,}"\)/);
    expect(JSON.stringify(run.servers) + JSON.stringify(run.results.map((r) => r.findings))).not.toContain(secret);
  });

  it("a script whose #! interpreter is missing: says so, instead of claiming the file does not exist", async () => {
    const dir = project({ "server.py": "#!/nonexistent/python9\nprint('hello')\n" });
    const script = join(dir, "server.py");
    chmodSync(script, 0o755);
    const config = project({ ".mcp.json": { mcpServers: { py: { command: script, args: ["--stdio"] } } } });
    const run = await probe([], { cwd: config, retries: 3, backoffMs: 1 });
    const s = run.servers[0]!;
    expect(s).toMatchObject({ status: "failed", attempts: 1 });
    expect(s.finding).toMatchObject({ ruleId: "probe-command-not-found", pointer: "/mcpServers/py/command" });
    expect(s.finding!.message).toBe(
      `${j(script)} exists, but the interpreter named in its #! line ("/nonexistent/python9") was not found, so the server cannot start. Install it or fix the #! line, or start the script through an interpreter that exists (the interpreter as the command, the script in the arguments).`,
    );
  });
});
