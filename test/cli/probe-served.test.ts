import { afterAll, describe, expect, it } from "vitest";
import { EVERYTHING, NODE, fixture, project, removeProjects } from "../probe/helpers.js";
import { runCli } from "./helpers.js";

/** `mcp-lint probe` end to end on what servers return: the real binary, the poisoned fixture server, server-everything. */

afterAll(() => removeProjects());

describe("mcp-lint probe: served-prompt-injection", () => {
  it("fails on a served tag-character string and describes the finding as a security rule in SARIF", () => {
    const r = runCli(["probe", "--format", "sarif", "--", NODE, fixture("poisoned-server.mjs")], { cwd: project({}) });
    // The tag characters are an error finding: exit 1, although the server answered.
    expect(r.status, r.stderr).toBe(1);
    const sarif = JSON.parse(r.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; level: string }>; tool: { driver: { rules: Array<{ id: string; helpUri?: string; properties: { tags: string[]; "security-severity"?: string } }> } } }>;
    };
    const results = sarif.runs[0]!.results.filter((x) => x.ruleId === "served-prompt-injection");
    expect(results.map((x) => x.level).sort()).toEqual(["error", ...Array.from({ length: 6 }, () => "warning")]);
    expect(sarif.runs[0]!.tool.driver.rules.find((x) => x.id === "served-prompt-injection")).toMatchObject({
      helpUri: expect.stringMatching(/docs\/rules\/served-prompt-injection\.md$/),
      properties: { tags: ["mcp", "configuration", "security"], "security-severity": "8.0" },
    });
    // No invisible character reaches the report.
    expect(r.stdout).not.toMatch(/[\u{E0000}-\u{E007F}]/u);
  }, 60_000);

  it("a clean server: no finding, exit 0", () => {
    const r = runCli(["probe", "--", NODE, EVERYTHING, "stdio"], { cwd: project({}) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("served-prompt-injection");
  }, 60_000);
});
