import { describe, expect, it } from "vitest";
import { backoffDelay, formatProbeTable, formatProgressLine, type ServerProbe } from "../../packages/probe/src/index.js";

const ok: ServerProbe = {
  file: ".vscode/mcp.json",
  name: "everything",
  pointer: "/servers/everything",
  transport: "http",
  target: "http://127.0.0.1:3001",
  status: "ok",
  attempts: 2,
  durationMs: 1234,
  server: { name: "mcp-servers/everything", version: "2.0.0", protocolVersion: "2025-11-25" },
  counts: { tools: 13, resources: 7, prompts: 1 },
};

const failed: ServerProbe = {
  file: ".mcp.json",
  name: "db\u001b[31m",
  pointer: "/mcpServers/db",
  transport: "stdio",
  target: "npx -y @acme/db-mcp",
  status: "failed",
  attempts: 1,
  durationMs: 40,
  finding: {
    ruleId: "probe-command-not-found",
    severity: "error",
    message: "…",
    file: ".mcp.json",
    pointer: "/mcpServers/db/command",
    fingerprint: "0",
    line: 3,
    column: 20,
    endLine: 3,
    endColumn: 25,
  },
};

describe("probe output", () => {
  it("formats the summary table, without ANSI unless asked, and strips control characters from names", () => {
    expect(formatProbeTable([ok, failed])).toBe(
      [
        "Server      Config            Transport  Target                 Status  Tries  Time   Details",
        "everything  .vscode/mcp.json  http       http://127.0.0.1:3001  ok      2      1.2 s  mcp-servers/everything 2.0.0 (2025-11-25) · 13 tools · 7 resources · 1 prompt",
        "db          .mcp.json         stdio      npx -y @acme/db-mcp    failed  1      40 ms  probe-command-not-found",
        "",
        "2 servers: 1 ok, 1 failed",
        "",
      ].join("\n"),
    );
    const colored = formatProbeTable([ok, failed], { color: true });
    expect(colored).toContain("\u001b[32mok\u001b[39m");
    expect(colored).toContain("\u001b[31mfailed\u001b[39m");
    expect(formatProbeTable([])).toBe("No MCP servers to probe.\n");
  });

  it("formats one progress line per server state", () => {
    const at = { file: ".mcp.json", name: "db" };
    expect(formatProgressLine({ type: "start", ...at, transport: "stdio", target: "npx -y @acme/db-mcp" })).toBe("db (.mcp.json): starting stdio npx -y @acme/db-mcp");
    expect(formatProgressLine({ type: "attempt", ...at, attempt: 2, maxAttempts: 4 })).toBe("db (.mcp.json): attempt 2/4");
    expect(formatProgressLine({ type: "retry-wait", ...at, retry: 2, retries: 3, delayMs: 605, reason: "connection refused" })).toBe(
      "db (.mcp.json): retry 2/3 in 0.61 s: connection refused",
    );
    expect(formatProgressLine({ type: "done", ...at, probe: ok })).toBe(
      "db (.mcp.json): ok · mcp-servers/everything 2.0.0 (2025-11-25) · 13 tools · 7 resources · 1 prompt (1.2 s, 2 attempts)",
    );
    expect(formatProgressLine({ type: "done", ...at, probe: failed })).toBe("db (.mcp.json): failed · probe-command-not-found (40 ms)");
    expect(formatProgressLine({ type: "done", ...at, probe: failed })).not.toMatch(/\u001b/);
  });

  it("keeps every row and progress line on one line: line breaks and tabs in names become spaces", () => {
    const evil: ServerProbe = { ...ok, name: "x\n::error file=README.md::y", file: "a\r\n::warning::b.json", server: { name: "s\u2028::error::z\tq", version: "1\n2" } };
    const events = [
      formatProgressLine({ type: "start", file: evil.file, name: evil.name, transport: "http", target: "t\n::error::u" }),
      formatProgressLine({ type: "done", file: evil.file, name: evil.name, probe: evil }),
    ];
    const out = [formatProbeTable([evil]), ...events].join("\n");
    expect(out.split(/\r\n|\r|\n|\u2028|\u2029/).filter((l) => l.trimStart().startsWith("::"))).toEqual([]);
    expect(events[1]).toBe("x ::error file=README.md::y (a  ::warning::b.json): ok · s ::error::z q 1 2 · 13 tools · 7 resources · 1 prompt (1.2 s, 2 attempts)");
  });

  it("backs off exponentially with equal jitter, capped at 10 s", () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4].map((k) => backoffDelay(k, 500, half))).toEqual([375, 750, 1500, 3000]);
    expect(backoffDelay(1, 500, () => 0)).toBe(250);
    expect(backoffDelay(1, 500, () => 0.999999)).toBeCloseTo(500, 2);
    expect(backoffDelay(10, 500, () => 0)).toBe(5000);
    expect(backoffDelay(10, 500, () => 0.999999)).toBeCloseTo(10_000, 1);
  });
});

describe("the probe's rules in the catalog", () => {
  it("are exactly the finding ids the probe can report, each with its doc page and a row in docs/probe.md", async () => {
    const { PROBE_RULES } = await import("../../packages/probe/src/index.js");
    const { allRules } = await import("../../packages/core/src/index.js");
    const { existsSync, readFileSync } = await import("node:fs");
    const probeRules = allRules.filter((r) => r.kind === "probe");
    expect(probeRules.map((r) => r.id).sort()).toEqual(Object.values(PROBE_RULES).sort());
    const docs = readFileSync(new URL("../../docs/probe.md", import.meta.url), "utf8");
    for (const r of probeRules) {
      expect(r.docsUrl).toBe(`https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/${r.id}.md`);
      expect(existsSync(new URL(`../../docs/rules/${r.id}.md`, import.meta.url)), r.id).toBe(true);
      expect(docs, r.id).toContain(`| \`${r.id}\` |`);
      expect([r.recommended, r.fixable, r.languages]).toEqual([true, false, []]);
    }
  });
});
