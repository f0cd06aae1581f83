import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NODE, fixture, project, removeProjects } from "../probe/helpers.js";
import { runCli } from "./helpers.js";

/**
 * The probe's findings are rules: the real binary, real processes (a command that is not there, a server that exits
 * at once), and mcp-lint.config.json, an inline directive and the suppressions file deciding what is reported.
 */

afterAll(() => removeProjects());

// VS Code's config is JSONC: line 3 is server "crashes", line 4 the directive, line 5 server "missing".
const VSCODE = (crashes: string) =>
  `{\n  "servers": {\n    "crashes": { "command": ${JSON.stringify(NODE)}, "args": [${JSON.stringify(crashes)}] },\n    // mcp-lint-disable-next-line probe-command-not-found -- installed on the build machines only\n    "missing": { "command": "mcp-lint-no-such-command-4f1c" }\n  }\n}\n`;

function vscodeProject(extra: Record<string, string | object> = {}): string {
  return project({ ".vscode/mcp.json": VSCODE(fixture("exit-at-once.mjs")), ...extra });
}

const probe = (dir: string, ...args: string[]) => runCli(["probe", "--retries", "0", "--format", "json", ...args], { cwd: dir });
const reported = (stdout: string) =>
  (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number; severity: number }> }>).flatMap((r) => r.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`));

describe("mcp-lint probe: its findings are rules", () => {
  it("an inline directive disables a finding at its line; the static run does not call that directive unused", () => {
    const dir = vscodeProject();
    const r = probe(dir);
    expect(r.status, r.stderr).toBe(1);
    expect(reported(r.stdout)).toEqual(["3 probe-exited 2"]);
    // Both servers were probed (the table on stderr): only the report leaves the disabled one out.
    expect(r.stderr).toMatch(/^2 servers: 2 failed$/m);
    const lint = runCli(["--report-unused-disable-directives", "--format", "json"], { cwd: dir });
    expect(lint.stdout).not.toContain("unused-disable-directive");
    expect(lint.status, lint.stdout).toBe(0);
  });

  it('mcp-lint.config.json lowers a rule to a warning (exit 0) or turns it off', () => {
    const warn = probe(vscodeProject({ "mcp-lint.config.json": { rules: { "probe-exited": "warning" } } }));
    expect([warn.status, reported(warn.stdout)]).toEqual([0, ["3 probe-exited 1"]]);
    const off = probe(vscodeProject({ "mcp-lint.config.json": { rules: { "probe-exited": "off" } } }));
    expect([off.status, reported(off.stdout)]).toEqual([0, []]);
    // --config names the config as for lint; --no-config-lookup uses none.
    const dir = vscodeProject({ "team.json": { rules: { "probe-exited": "off" } } });
    expect(reported(probe(dir, "--config", "team.json").stdout)).toEqual([]);
    const none = vscodeProject({ "mcp-lint.config.json": { rules: { "probe-exited": "off" } } });
    expect(reported(probe(none, "--no-config-lookup").stdout)).toEqual(["3 probe-exited 2"]);
  });

  it("a misspelt probe rule in the config is a located config error (exit 2)", () => {
    const r = probe(vscodeProject({ "mcp-lint.config.json": { rules: { "probe-exitted": "off" } } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mcp-lint\.config\.json:\d+:\d+.*Unknown rule "probe-exitted"\. Did you mean "probe-exited"\?/);
  });

  it("--suppress-all records the probe's errors; the next probe and the static run both pass with that file", () => {
    const dir = vscodeProject();
    const recorded = probe(dir, "--suppress-all");
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stderr).toContain("mcp-lint probe: wrote mcp-lint-suppressions.json");
    expect(recorded.stderr).toContain("1 error accepted by the suppressions file not reported.");
    const file = join(dir, "mcp-lint-suppressions.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ".vscode/mcp.json": { "probe-exited": { "/servers/crashes": 1 } } });

    const again = probe(dir);
    expect([again.status, reported(again.stdout)]).toEqual([0, []]);
    // The static run keeps the probe's entry: neither unused (exit 2) nor pruned.
    expect(runCli(["--format", "json"], { cwd: dir }).status).toBe(0);
    expect(runCli(["--prune-suppressions", "--format", "json"], { cwd: dir }).status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ".vscode/mcp.json": { "probe-exited": { "/servers/crashes": 1 } } });
    // --suppressions-location reads another file: this one accepts nothing.
    writeFileSync(join(dir, "other.json"), "{}\n");
    expect(probe(dir, "--suppressions-location", "other.json").status).toBe(1);
  });

  it("the lock file's finding takes the settings too; --url and a command take no suppressions file", () => {
    const dir = vscodeProject({ "mcp-lint.lock.json": "{ not json", "mcp-lint.config.json": { rules: { "probe-exited": "off" } } });
    expect(reported(probe(dir).stdout)).toEqual(["1 probe-lock-invalid 1"]);
    writeFileSync(join(dir, "mcp-lint.config.json"), JSON.stringify({ rules: { "probe-exited": "off", "probe-lock-invalid": "off" } }));
    expect(reported(probe(dir).stdout)).toEqual([]);
    const r = runCli(["probe", "--suppress-all", "--url", "http://127.0.0.1:9/mcp"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("does not go with --url");
  });
});
