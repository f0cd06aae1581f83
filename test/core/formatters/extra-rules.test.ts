import { describe, expect, it } from "vitest";
import { formatResults, type Finding, type LintFileResult } from "../../../packages/core/src/index.js";

/** Findings from outside the rule catalog (the probe's) are described by the front end that produced them. */

function finding(ruleId: string): Finding {
  return { ruleId, severity: "error", message: "m", file: ".mcp.json", pointer: "/mcpServers/a", fingerprint: "f", line: 3, column: 5, endLine: 3, endColumn: 8 };
}

const results: LintFileResult[] = [{ file: ".mcp.json", dialect: "claude-code", findings: [finding("probe-exited"), finding("npx-yes")], source: "" }];
const extraRules = [{ id: "probe-exited", description: "The server process exited before answering initialize", severity: "error" as const, docsUrl: "https://example.com/probe.md#findings" }];

interface Sarif {
  runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string } }> } } }>;
}

describe("extraRules", () => {
  it("SARIF describes an extra rule with its description and docs; without it the id stands alone", () => {
    const described = (JSON.parse(formatResults("sarif", results, { cwd: "/p", extraRules })) as Sarif).runs[0]!.tool.driver.rules;
    expect(described.find((r) => r.id === "probe-exited")).toMatchObject({ helpUri: "https://example.com/probe.md#findings", shortDescription: { text: extraRules[0]!.description } });
    expect(described.find((r) => r.id === "npx-yes")?.helpUri).toMatch(/docs\/rules\/npx-yes\.md$/);
    const bare = (JSON.parse(formatResults("sarif", results, { cwd: "/p" })) as Sarif).runs[0]!.tool.driver.rules.find((r) => r.id === "probe-exited");
    expect(bare).toMatchObject({ shortDescription: { text: "probe-exited" } });
    expect(bare?.helpUri).toBeUndefined();
  });

  it("an extra security rule gets the security tag and its security-severity in SARIF; others do not", () => {
    const security = [{ ...extraRules[0]!, securitySeverity: 8 }];
    const props = (rules: typeof extraRules) =>
      (JSON.parse(formatResults("sarif", results, { cwd: "/p", extraRules: rules })) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: unknown }> } } }> }).runs[0]!.tool.driver.rules.find((r) => r.id === "probe-exited")?.properties;
    expect(props(security)).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
    expect(props(extraRules)).toEqual({ tags: ["mcp", "configuration"] });
  });

  it("the Markdown report links an extra rule to its docs", () => {
    expect(formatResults("markdown", results, { cwd: "/p", extraRules })).toContain("[probe-exited](https://example.com/probe.md#findings)");
    expect(formatResults("markdown", results, { cwd: "/p" })).not.toContain("[probe-exited]");
  });
});

describe("releasedDocsUrl", () => {
  it("pins a main-branch docs URL to the release tag of a plain version, and leaves anything else", async () => {
    const { releasedDocsUrl } = await import("../../../packages/core/src/formatters/sarif.js");
    const main = "https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/x.md";
    expect(releasedDocsUrl(main, "1.2.3")).toBe("https://github.com/mcp-lint/mcp-lint/blob/v1.2.3/docs/rules/x.md");
    expect(releasedDocsUrl(main, "1.2.3-dev.4")).toBe(main);
    expect(releasedDocsUrl(main, undefined)).toBe(main);
    expect(releasedDocsUrl("https://example.com/probe.md#findings", "1.2.3")).toBe("https://example.com/probe.md#findings");
  });
});
