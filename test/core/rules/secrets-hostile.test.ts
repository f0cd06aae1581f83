import { describe, expect, it } from "vitest";
import { lintConfigText } from "../../../packages/core/src/engine/lint-config-text.js";
import { redactResults, Redactor, REDACTED } from "../../../packages/core/src/engine/redact.js";
import { lintRule, slice } from "../helpers.js";

// Issue 13, item 1. Credentials are assembled at run time so that the file holds none.
const PASS = ["Xk9mP2", "qR7vT4", "wZ8aB3nL"].join("");
const DOLLAR = "$" + ["Yh3kP9", "sW2xQ7", "mN4bV6"].join("");
const MID = "abc$" + ["Zk9Lq2", "Wx8Rt5", "Pm3Nv7"].join("");

describe("no-hardcoded-secrets: command lines and $-values (issue 13)", () => {
  it("flags a password, token or API key written into the command line, at the command, without a suggestion", () => {
    for (const command of [`mysql-mcp --password ${PASS}`, `mysql-mcp --token=${PASS}`, `mysql-mcp --api-key "${PASS}"`]) {
      const text = JSON.stringify({ mcpServers: { db: { command } } }, null, 2);
      const findings = lintRule("no-hardcoded-secrets", ".mcp.json", text);
      expect(findings, command).toHaveLength(1);
      const f = findings[0]!;
      expect(f.pointer).toBe("/mcpServers/db/command");
      expect(slice(text, f)).toBe(JSON.stringify(command));
      expect(f.message).toMatch(/^The value of --(password|token|api-key) holds a hard-coded credential: .*Take it off the command line/);
      expect(f.message).not.toContain(PASS);
      expect(f.suggestions).toBeUndefined();
    }
  });

  it("still flags `--api-key VALUE` split over two arguments", () => {
    const text = JSON.stringify({ mcpServers: { db: { command: "mysql-mcp", args: ["--api-key", PASS] } } });
    const [f] = lintRule("no-hardcoded-secrets", ".mcp.json", text);
    expect(f!.pointer).toBe("/mcpServers/db/args/1");
  });

  it("a command line without a credential is not flagged", () => {
    for (const command of ["mysql-mcp --password ${DB_PASSWORD}", "mysql-mcp --password $DB_PASSWORD", "node server.js --port 8080 --verbose"]) {
      const text = JSON.stringify({ mcpServers: { db: { command } } });
      expect(lintRule("no-hardcoded-secrets", ".mcp.json", text), command).toEqual([]);
    }
  });

  it("a value that starts with or contains $ is a credential, not a placeholder; $NAME still is a placeholder", () => {
    const text = JSON.stringify({ mcpServers: { db: { command: "db", env: { DB_PASSWORD: DOLLAR, API_SECRET: MID, TOKEN: "$GITHUB_TOKEN", PASSWORD: "$dbPassword" } } } }, null, 2);
    const findings = lintRule("no-hardcoded-secrets", ".mcp.json", text);
    expect(findings.map((f) => f.pointer)).toEqual(["/mcpServers/db/env/DB_PASSWORD", "/mcpServers/db/env/API_SECRET"]);
  });

  it("variable-syntax neither reports nor rewrites a $-credential", () => {
    const text = JSON.stringify({ servers: { db: { command: "db", env: { DB_PASSWORD: DOLLAR, HOME_DIR: "$HOME" } } } }, null, 2);
    const findings = lintRule("variable-syntax", ".vscode/mcp.json", text);
    expect(findings.map((f) => f.pointer)).toEqual(["/servers/db/env/HOME_DIR"]);
    const fixed = lintConfigText(".vscode/mcp.json", text, { fix: true });
    expect(fixed.output).toContain(JSON.stringify(DOLLAR));
    expect(fixed.output).toContain("${env:HOME}");
  });

  it("pinned-package does not quote a git URL with a password in its user info", () => {
    const arg = `git+https://user:${PASS}@example.com/org/repo.git`;
    const text = JSON.stringify({ mcpServers: { g: { command: "npx", args: ["-y", arg] } } });
    const findings = lintRule("pinned-package", ".mcp.json", text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).not.toContain(PASS);
    expect(findings[0]!.message).toMatch(/^This npx package runs whatever/);
    // And no-hardcoded-secrets flags it.
    expect(lintRule("no-hardcoded-secrets", ".mcp.json", text).map((f) => f.pointer)).toEqual(["/mcpServers/g/args/1"]);
  });
});

describe("the output redaction step", () => {
  it("redacts every value the detector flags in the file, in any rule's message, pointer and suggestion", () => {
    const source = JSON.stringify({ mcpServers: { db: { command: `mysql-mcp --password ${PASS}`, env: { DB_PASSWORD: DOLLAR } } } });
    const finding = {
      ruleId: "some-rule",
      severity: "error" as const,
      message: `quoted ${JSON.stringify(`mysql-mcp --password ${PASS}`)} and ${DOLLAR.slice(1)}`,
      file: ".mcp.json",
      pointer: `/mcpServers/${PASS}`,
      fingerprint: "x",
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      fix: { range: [0, 1] as [number, number], text: PASS },
      suggestions: [{ desc: `use ${PASS}`, fix: { range: [0, 1] as [number, number], text: "ok" } }],
    };
    const [r] = redactResults([{ file: ".mcp.json", dialect: "claude-code", source, findings: [finding] }]);
    const f = r!.findings[0]!;
    expect(JSON.stringify(f)).not.toContain(PASS);
    expect(JSON.stringify(f)).not.toContain(DOLLAR.slice(1));
    expect(f.message).toContain(REDACTED);
    expect(f.pointer).toBe(`/mcpServers/${REDACTED}`);
    expect(f.fingerprint).not.toBe("x");
    expect(f.fix).toBeUndefined();
    expect(f.suggestions![0]!.desc).toBe(`use ${REDACTED}`);
    // Idempotent.
    expect(redactResults([r!])[0]).toBe(r);
  });

  it("redacts credential shapes in text about no file", () => {
    const r = new Redactor();
    expect(r.text(`git+https://user:${PASS}@example.com x`)).toBe(`git+https://user:${REDACTED}@example.com x`);
    expect(r.text(`run --token=${PASS} now`)).toBe(`run --token=${REDACTED} now`);
    expect(r.text(`Authorization: Bearer ${PASS}`)).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.text("The value of --api-key holds a hard-coded credential")).toBe("The value of --api-key holds a hard-coded credential");
    expect(r.text("--token ${TOKEN}")).toBe("--token ${TOKEN}");
  });
});
