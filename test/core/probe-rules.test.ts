import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyProbeSuppressions,
  defaultRuleSettings,
  fingerprint,
  lintConfigText,
  parseConfig,
  parseDocument,
  resolveFileSettings,
  runLint,
  settleFindings,
  type Finding,
  type LintFileResult,
  type Severity,
} from "../../packages/core/src/index.js";

/** The probe's findings are catalog rules: config settings, inline directives and the suppressions file apply to them. */

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-probe-rules-"));
  temps.push(dir);
  return dir;
}

const FILE = ".vscode/mcp.json";
// Line 3: server "a" (the probe locates most findings at the server's name); line 5: server "b".
const TEXT = `{\n  "servers": {\n    "a": { "command": "node", "args": ["a.js"] },\n    // mcp-lint-disable-next-line probe-exited -- a known crash, tracked elsewhere\n    "b": { "command": "node", "args": ["b.js"] }\n  }\n}\n`;

function finding(ruleId: string, pointer: string, line: number, severity: Severity = "error"): Finding {
  return { ruleId, severity, message: "m", file: FILE, pointer, fingerprint: fingerprint(ruleId, FILE, pointer), line, column: 5, endLine: line, endColumn: 8 };
}

function settingsOf(config: string) {
  return resolveFileSettings(parseConfig(config, "/p/mcp-lint.config.json"), `/p/${FILE}`);
}

const found = (): Finding[] => [
  finding("probe-exited", "/servers/a", 3),
  finding("probe-exited", "/servers/b", 5),
  finding("served-prompt-injection", "/servers/a", 3, "warning"), // a heuristic signal, capped below the rule's error
  finding("served-prompt-injection", "/servers/a", 3), // a hidden-character signal: the rule's full severity
  finding("internal-error", "/servers/a", 3),
];
const show = (fs: Finding[]) => fs.map((f) => `${f.line} ${f.ruleId} ${f.severity}`);

describe("settleFindings (the probe's findings under a config)", () => {
  const doc = parseDocument(FILE, TEXT, "json");

  it("without a config: the defaults, minus what a directive disables at its line", () => {
    expect(show(settleFindings(found(), settingsOf("{}"), doc))).toEqual([
      "3 probe-exited error",
      "3 served-prompt-injection warning",
      "3 served-prompt-injection error",
      "3 internal-error error",
    ]);
    // Without the document (no comments known) nothing is disabled.
    expect(settleFindings(found(), settingsOf("{}"))).toHaveLength(5);
  });

  it('"off" drops a rule; a severity replaces the default; a capped finding stays capped (lowered, never raised)', () => {
    const config = `{ "rules": { "probe-exited": "off", "served-prompt-injection": "warning" } }`;
    expect(show(settleFindings(found(), settingsOf(config), doc))).toEqual([
      "3 served-prompt-injection warning",
      "3 served-prompt-injection warning",
      "3 internal-error error",
    ]);
    const info = `{ "rules": { "served-prompt-injection": "info" } }`;
    expect(show(settleFindings(found(), settingsOf(info), doc)).filter((s) => s.includes("served"))).toEqual([
      "3 served-prompt-injection info",
      "3 served-prompt-injection info",
    ]);
    // "error" does not raise the capped heuristic signal.
    const error = `{ "rules": { "served-prompt-injection": "error" } }`;
    expect(show(settleFindings(found(), settingsOf(error), doc)).filter((s) => s.includes("served"))).toEqual([
      "3 served-prompt-injection warning",
      "3 served-prompt-injection error",
    ]);
  });

  it("per-file overrides and pointer overrides apply, as for the static rules", () => {
    const perFile = `{ "overrides": [{ "files": [".vscode/*.json"], "rules": { "probe-exited": "warning" } }] }`;
    expect(show(settleFindings(found(), settingsOf(perFile), doc))[0]).toBe("3 probe-exited warning");
    const otherFile = `{ "overrides": [{ "files": [".cursor/*.json"], "rules": { "probe-exited": "warning" } }] }`;
    expect(show(settleFindings(found(), settingsOf(otherFile), doc))[0]).toBe("3 probe-exited error");
    const pointer = `{ "overrides": [{ "files": [".vscode/mcp.json#/servers/a"], "rules": { "served-prompt-injection": "off" } }] }`;
    expect(show(settleFindings(found(), settingsOf(pointer), doc))).toEqual(["3 probe-exited error", "3 internal-error error"]);
  });

  it("a config naming a probe rule with options is told it takes none", () => {
    expect(() => parseConfig(`{ "rules": { "probe-timeout": ["error", { "ms": 5 }] } }`, "/p/mcp-lint.config.json")).toThrow(/takes no options/);
  });
});

describe("the static run and the probe's rules", () => {
  it("does not call a directive naming only a probe rule unused, but still calls a static one unused", () => {
    const settings = defaultRuleSettings();
    const ids = (text: string) => lintConfigText(FILE, text, { rules: settings, unusedDirectives: "warning" }).findings.map((f) => `${f.line} ${f.ruleId}`);
    expect(ids(TEXT)).toEqual([]);
    expect(ids(TEXT.replace("probe-exited --", "strict-json --"))).toEqual(["4 unused-disable-directive"]);
    // A misspelt probe rule is still a misspelt rule.
    expect(ids(TEXT.replace("probe-exited --", "probe-exitted --"))).toEqual(["4 misspelt-disable-directive"]);
  });

  it("neither applies nor calls unused (nor prunes) the suppressions file's entries of probe rules", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".mcp.json"), `{ "mcpServers": { "a": { "command": "node", "args": ["a.js"] } } }\n`);
    const data = { ".mcp.json": { "probe-exited": { "/mcpServers/a": 1 } } };
    writeFileSync(join(dir, "mcp-lint-suppressions.json"), JSON.stringify(data));
    const outcome = await runLint(["."], { cwd: dir });
    expect([outcome.exitCode, outcome.unusedSuppressions]).toEqual([0, {}]);
    const pruned = await runLint(["."], { cwd: dir, pruneSuppressions: true });
    expect(pruned.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "mcp-lint-suppressions.json"), "utf8"))).toEqual(data);
  });
});

describe("applyProbeSuppressions", () => {
  const probeResults = (): LintFileResult[] => [
    {
      file: ".mcp.json",
      dialect: "claude-code",
      findings: [
        { ...finding("probe-exited", "/mcpServers/a", 3), file: ".mcp.json" },
        { ...finding("tool-surface-changed", "/mcpServers/a", 3, "warning"), file: ".mcp.json" },
      ],
    },
  ];

  it("suppresses the probe's errors the file accepts and keeps the static rules' entries as they are", async () => {
    const dir = tempDir();
    const file = join(dir, "mcp-lint-suppressions.json");
    const staticEntry = { "npx-yes": { "/mcpServers/b/command": 2 } };
    writeFileSync(file, JSON.stringify({ ".mcp.json": staticEntry }));
    const before = await applyProbeSuppressions(probeResults(), { cwd: dir });
    expect([before.suppressedCount, before.results[0]!.findings.map((f) => f.ruleId)]).toEqual([0, ["probe-exited", "tool-surface-changed"]]);

    const recorded = await applyProbeSuppressions(probeResults(), { cwd: dir, suppressAll: true });
    expect(recorded.suppressionsWritten).toBe(true);
    // Only errors are recorded (as in ESLint); the static entry is kept.
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ".mcp.json": { ...staticEntry, "probe-exited": { "/mcpServers/a": 1 } } });
    expect([recorded.suppressedCount, recorded.results[0]!.findings.map((f) => f.ruleId)]).toEqual([1, ["tool-surface-changed"]]);

    const again = await applyProbeSuppressions(probeResults(), { cwd: dir });
    expect([again.suppressedCount, again.results[0]!.suppressed!.map((f) => f.ruleId)]).toEqual([1, ["probe-exited"]]);
  });

  it("a second error at the same key reports both (one of them is new)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mcp-lint-suppressions.json"), JSON.stringify({ ".mcp.json": { "probe-exited": { "/mcpServers/a": 1 } } }));
    const two = probeResults();
    two[0]!.findings.push({ ...finding("probe-exited", "/mcpServers/a", 3), file: ".mcp.json" });
    const out = await applyProbeSuppressions(two, { cwd: dir });
    expect(out.suppressedCount).toBe(0);
  });
});
