import { describe, expect, it } from "vitest";
import type { Finding, LintFileResult } from "../../packages/core/src/index.js";
import { countsText, notShownText, planAnnotations } from "../../packages/action/src/annotations.js";
import { keepChanged, parseUnifiedDiff, unquoteGitPath } from "../../packages/action/src/diff.js";
import { InputError, readInputs, splitPaths } from "../../packages/action/src/inputs.js";
import { blobUrl, buildSummary, escapeCell } from "../../packages/action/src/summary.js";

function finding(severity: Finding["severity"], line: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId: "npx-yes", severity, message: `m${line}`, file: "f", pointer: "", fingerprint: "0", line, column: 2, endLine: line, endColumn: 5, ...extra };
}

describe("parseUnifiedDiff", () => {
  it("collects added and changed line ranges per file", () => {
    const diff = [
      "diff --git a/.mcp.json b/.mcp.json",
      "index 1111111..2222222 100644",
      "--- a/.mcp.json",
      "+++ b/.mcp.json",
      "@@ -5 +5 @@",
      '-    "s1": {}',
      '+    "s1": { "x": 1 }',
      "@@ -8,0 +9,3 @@ context",
      "+a",
      "+b",
      "+c",
      "@@ -20,2 +22,0 @@",
      "-gone",
      "-gone",
      "diff --git a/new.json b/new.json",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/new.json",
      "@@ -0,0 +1,2 @@",
      "+{",
      "+}",
      "\\ No newline at end of file",
      "",
    ].join("\n");
    expect([...parseUnifiedDiff(diff)]).toEqual([
      [".mcp.json", [[5, 5], [9, 11]]],
      ["new.json", [[1, 2]]],
    ]);
  });

  it("is not fooled by an added line that looks like a file header", () => {
    const diff = ["--- a/x.yaml", "+++ b/x.yaml", "@@ -1,0 +2,2 @@", "+++ b/evil.json", "+@@ -1 +99 @@", "--- a/y", "+++ b/y", "@@ -3 +3 @@", "-q", "+r", ""].join("\n");
    expect([...parseUnifiedDiff(diff)]).toEqual([
      ["x.yaml", [[2, 3]]],
      ["y", [[3, 3]]],
    ]);
  });

  it("skips deleted files and reads quoted paths", () => {
    const diff = ['--- a/old', "+++ /dev/null", "@@ -1 +0,0 @@", "-x", '--- "a/t\\tab"', '+++ "b/t\\tab \\"q\\" \\303\\251"', "@@ -1 +1 @@", "-a", "+b", ""].join("\n");
    expect([...parseUnifiedDiff(diff)]).toEqual([['t\tab "q" é', [[1, 1]]]]);
  });

  it("unquotes git's C-style paths", () => {
    expect(unquoteGitPath("plain/path")).toBe("plain/path");
    expect(unquoteGitPath('"a\\\\b\\nc"')).toBe("a\\b\nc");
    expect(unquoteGitPath('"\\346\\227\\245.json"')).toBe("日.json");
  });
});

describe("keepChanged", () => {
  const results: LintFileResult[] = [
    { file: "a.json", findings: [finding("warning", 2), finding("error", 5), finding("info", 9, { endLine: 12 })] },
    { file: "b.json", findings: [finding("error", 1)] },
  ];

  it("keeps findings whose lines touch a changed line, counts the rest", () => {
    const { results: kept, removed } = keepChanged(results, new Map([["a.json", [[5, 5], [11, 20]] as Array<[number, number]>]]));
    expect(kept.map((r) => [r.file, r.findings.map((f) => f.line)])).toEqual([
      ["a.json", [5, 9]],
      ["b.json", []],
    ]);
    expect(removed).toBe(2);
  });

  it("keeps everything in a file added whole", () => {
    expect(keepChanged(results, new Map([["b.json", [[1, 1]] as Array<[number, number]>]])).results[1]).toBe(results[1]);
  });
});

describe("inputs", () => {
  const get = (values: Record<string, string>) => (name: string) => (values[name] ?? "").trim();

  it("defaults", () => {
    expect(readInputs(get({}))).toEqual({ paths: ["."], failOn: "error", annotations: true, summary: true, onlyChanged: false, format: "stylish", probe: false });
  });

  it("reads every input", () => {
    expect(
      readInputs(get({ paths: "a b", config: "c.json", "fail-on": "Warning", annotations: "FALSE", summary: "False", "sarif-file": "x.sarif", "only-changed": "true", format: "json", probe: "True" })),
    ).toEqual({ paths: ["a", "b"], config: "c.json", failOn: "warning", annotations: false, summary: false, sarifFile: "x.sarif", onlyChanged: true, format: "json", probe: true });
  });

  it("rejects bad values with the input's name", () => {
    expect(() => readInputs(get({ "fail-on": "always" }))).toThrow(new InputError('Input "fail-on" must be error, warning or never, not "always".'));
    expect(() => readInputs(get({ summary: "1" }))).toThrow('Input "summary" must be true or false, not "1".');
  });

  it("splits paths by line when there are several lines, else by spaces", () => {
    expect(splitPaths("")).toEqual(["."]);
    expect(splitPaths("  a   b\tc ")).toEqual(["a", "b", "c"]);
    expect(splitPaths("my dir\n\n  other \r\nthird")).toEqual(["my dir", "other", "third"]);
  });
});

describe("planAnnotations", () => {
  it("caps each kind, most severe first, and leaves columns out of multi-line annotations", () => {
    const results: LintFileResult[] = [
      { file: "b", findings: [finding("info", 1), finding("error", 3), finding("warning", 4, { endLine: 6 })] },
      { file: "a", findings: [finding("error", 7), finding("error", 8)] },
    ];
    const plan = planAnnotations(results, 1);
    expect(plan.shown).toEqual([
      { severity: "error", message: "m3", properties: { title: "npx-yes", file: "b", startLine: 3, endLine: 3, startColumn: 2, endColumn: 5 } },
      { severity: "warning", message: "m4", properties: { title: "npx-yes", file: "b", startLine: 4, endLine: 6 } },
      { severity: "info", message: "m1", properties: { title: "npx-yes", file: "b", startLine: 1, endLine: 1, startColumn: 2, endColumn: 5 } },
    ]);
    expect(plan.notShown).toEqual({ error: 2, warning: 0, info: 0 });
    expect(notShownText(plan, 1)).toBe("2 findings (2 errors) are not shown as annotations: GitHub shows at most 1 error, 1 warning and 1 notice annotations per step.");
    expect(notShownText(planAnnotations(results))).toBeUndefined();
  });

  it("words counts", () => {
    expect(countsText({ error: 1, warning: 0, info: 0 })).toBe("1 error");
    expect(countsText({ error: 0, warning: 2, info: 1 })).toBe("2 warnings and 1 info");
    expect(countsText({ error: 3, warning: 1, info: 2 })).toBe("3 errors, 1 warning and 2 infos");
  });
});

describe("buildSummary", () => {
  const links = { serverUrl: "https://ghe.example.com/", repository: "o/r", sha: "abc", repoPath: (f: string) => (f.startsWith("../") ? undefined : `sub/${f}`) };

  it("links lines and files inside the repository, and escapes table cells", () => {
    expect(blobUrl(links, "dir name/#x.json", 4)).toBe("https://ghe.example.com/o/r/blob/abc/sub/dir%20name/%23x.json#L4");
    expect(blobUrl(links, "../outside.json", 4)).toBeUndefined();
    expect(escapeCell("a|b <i>\nc")).toBe("a\\|b &lt;i&gt; c");
    const out = buildSummary({
      results: [{ file: "x`y.json", findings: [finding("error", 2, { message: "bad | <b>" })] }],
      notes: ["note one"],
      links,
    });
    expect(out.markdown).toBe(
      [
        "## mcp-lint",
        "",
        "**1 problem** (1 error, 0 warnings, 0 infos) in 1 file of 1 checked.",
        "",
        "- note one",
        "",
        "### [`x'y.json`](https://ghe.example.com/o/r/blob/abc/sub/x%60y.json)",
        "",
        "| Line | Severity | Rule | Message |",
        "| ---: | --- | --- | --- |",
        "| [2:2](https://ghe.example.com/o/r/blob/abc/sub/x%60y.json#L2) | ❌ error | [npx-yes](https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/npx-yes.md) | bad \\| &lt;b&gt; |",
        "",
        "",
      ].join("\n"),
    );
    expect(out.omitted).toBe(0);
  });

  it("says so when there is nothing to report", () => {
    expect(buildSummary({ results: [{ file: "a", findings: [] }], notes: [] }).markdown).toBe("## mcp-lint\n\n✅ No problems found in 1 file.\n\n");
  });

  it("stops at a whole row under the limit and counts what it left out", () => {
    const results: LintFileResult[] = [
      { file: "a", findings: Array.from({ length: 100 }, (_, i) => finding("warning", i + 1)) },
      { file: "b", findings: [finding("error", 1), finding("info", 2)] },
    ];
    const limit = 8 * 1024 + 2000;
    const out = buildSummary({ results, notes: [], limit });
    expect(out.bytes).toBe(Buffer.byteLength(out.markdown));
    expect(out.bytes).toBeLessThanOrEqual(limit);
    const rows = out.markdown.split("\n").filter((l) => /^\| \d+:\d+ \|/.test(l)).length;
    expect(rows).toBeGreaterThan(5);
    expect(rows + out.omitted).toBe(102);
    expect(out.markdown).toContain(`: ${out.omitted} more findings (1 error, ${out.omitted - 2} warnings and 1 info) in 2 files are not listed.`);
    expect(out.markdown).not.toContain("### `b`");
  });
});
