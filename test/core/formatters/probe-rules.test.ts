import { describe, expect, it } from "vitest";
import { formatResults, type Finding, type LintFileResult } from "../../../packages/core/src/index.js";

/** The probe's findings are catalog rules: every formatter describes and links them as it does the static rules. */

function finding(ruleId: string): Finding {
  return { ruleId, severity: "error", message: "m", file: ".mcp.json", pointer: "/mcpServers/a", fingerprint: "f", line: 3, column: 5, endLine: 3, endColumn: 8 };
}

const results: LintFileResult[] = [
  { file: ".mcp.json", dialect: "claude-code", findings: [finding("probe-exited"), finding("served-prompt-injection"), finding("npx-yes")], source: "" },
];

interface Sarif {
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string }; properties: unknown }> } } }>;
}

describe("the probe's rules in reports", () => {
  const described = (JSON.parse(formatResults("sarif", results, { cwd: "/p" })) as Sarif).runs[0]!.tool.driver.rules;

  it("SARIF describes a probe rule with its description and doc page", () => {
    expect(described.find((r) => r.id === "probe-exited")).toMatchObject({
      helpUri: expect.stringMatching(/docs\/rules\/probe-exited\.md$/),
      shortDescription: { text: "The server process exited before answering initialize" },
      properties: { tags: ["mcp", "configuration"] },
    });
    expect(described.filter((r) => r.id === "probe-exited")).toHaveLength(1);
  });

  it("SARIF tags served-prompt-injection as a security rule with its security-severity", () => {
    expect(described.find((r) => r.id === "served-prompt-injection")?.properties).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
  });

  it("the Markdown report links a probe rule to its page", () => {
    expect(formatResults("markdown", results, { cwd: "/p" })).toMatch(/\[probe-exited\]\(https:\/\/\S+\/docs\/rules\/probe-exited\.md\)/);
  });

  it("an id outside the catalog stands alone, without docs", () => {
    const odd: LintFileResult[] = [{ ...results[0]!, findings: [finding("not-a-rule")] }];
    const bare = (JSON.parse(formatResults("sarif", odd, { cwd: "/p" })) as Sarif).runs[0]!.tool.driver.rules.find((r) => r.id === "not-a-rule");
    expect(bare).toMatchObject({ shortDescription: { text: "not-a-rule" } });
    expect(bare?.helpUri).toBeUndefined();
  });
});
