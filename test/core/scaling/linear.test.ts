import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../packages/core/src/document/index.js";
import { closestMatches, damerauDistance } from "../../../packages/core/src/util/similarity.js";
import { didYouMean } from "../../../packages/core/src/util/did-you-mean.js";
import { lintSourceText } from "../../../packages/core/src/code/js/runner.js";

// Costs that used to grow with the square of the input (issue 13). Timing is measured by scripts/bench-scaling.mjs
// (npm run bench); these tests pin the behaviour of the bounded versions.

describe("did you mean, bounded by the candidates' length", () => {
  it("a distance limit cuts off strings whose lengths differ by more than it", () => {
    expect(damerauDistance("x".repeat(1_000_000), "command", 2)).toBe(3);
    expect(damerauDistance("comamnd", "command", 2)).toBe(1);
    expect(damerauDistance("abc", "abcdef")).toBe(3);
  });

  it("a 1 MB unknown key matches nothing, and near misses are still found", () => {
    const huge = "c" + "o".repeat(1_000_000) + "mmand";
    expect(closestMatches(huge, ["command", "args", "env"])).toEqual([]);
    expect(didYouMean(huge, ["command", "args"])).toBeUndefined();
    expect(closestMatches("comand", ["command", "args", "env"])).toEqual(["command"]);
    expect(closestMatches("tool_timeout", ["tool_timeout_sec"])).toEqual(["tool_timeout_sec"]);
    expect(didYouMean("stdoi", ["stdio", "http"])).toBe("stdio");
  });
});

describe("pointer lookup in large objects", () => {
  it("finds every key of a 40-member object, the last duplicate winning, escaped keys included", () => {
    const members = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    members.push('"k7": "last"', '"a/b~c": 1');
    const doc = parseDocument("x.json", `{${members.join(", ")}}`, "json");
    expect(doc.nodeAt("/k39")?.type).toBe("scalar");
    expect(doc.locate("/k0").column).toBe(8);
    const dup = doc.nodeAt("/k7")!;
    expect(doc.text.slice(dup.range[0], dup.range[1])).toBe('"last"');
    expect(doc.nodeAt("/a~1b~0c")).toBeDefined();
    expect(doc.nodeAt("/missing")).toBeUndefined();
    expect(doc.memberAt("/k39")?.key).toBe("k39");
  });
});

const HEAD =
  'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";const server = new McpServer({ name: "s", version: "1.0.0" });';
const TAIL = "await server.connect(new StdioServerTransport());";

describe("code findings on one long line", () => {
  it("a finding's fingerprint hashes a bounded window of a long line: an edit far after it keeps the fingerprint", async () => {
    const calls = (n: number, tail: string) => Array.from({ length: n }, (_, i) => `console.log(${i});`).join("") + tail;
    const a = await lintSourceText("min.js", HEAD + calls(200, "") + TAIL);
    const b = await lintSourceText("min.js", HEAD + calls(200, "const later = 1;") + TAIL);
    const first = (r: typeof a) => r.findings.find((f) => f.ruleId === "no-stdout-in-stdio-server")!;
    expect(a.findings.length).toBeGreaterThan(100);
    expect(first(a).fingerprint).toBe(first(b).fingerprint);
    // Findings at different places of the line still get different fingerprints.
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
  });

  it("short lines keep the whole-line fingerprint (baselines stay valid)", async () => {
    const text = HEAD.replace(/;/g, ";\n") + '\nconsole.log("x");\n' + TAIL;
    const r = await lintSourceText("s.js", text);
    const moved = await lintSourceText("s.js", text.replace('console.log("x");', '  console.log("x");  '));
    expect(r.findings[0]!.fingerprint).toBe(moved.findings[0]!.fingerprint);
  });

  it("a console.log followed later in its block by process.exit() is still exempt, only there", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `console.log(${i});`);
    const text = HEAD.replace(/;/g, ";\n") + "\n" + lines.join("\n") + "\nprocess.exit(0);\nconsole.log('after');\n" + TAIL;
    const r = await lintSourceText("s.js", text);
    expect(r.findings.filter((f) => f.ruleId === "no-stdout-in-stdio-server").map((f) => f.line)).toEqual([56]);
  });
});
