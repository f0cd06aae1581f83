import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../packages/core/src/model/errors.js";
import type { Finding, Severity } from "../../packages/core/src/model/finding.js";
import { fingerprint } from "../../packages/core/src/model/fingerprint.js";
import type { LintFileResult } from "../../packages/core/src/engine/lint-files.js";
import {
  applySuppressions,
  countSuppressionEntries,
  loadSuppressions,
  pruneSuppressions,
  saveSuppressions,
  serializeSuppressions,
  suppressAll,
  suppressionKey,
  type SuppressionsData,
} from "../../packages/core/src/engine/suppressions.js";

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-suppr-"));
  temps.push(dir);
  return dir;
}

const CWD = "/repo";
const ctx = { cwd: CWD, file: "/repo/mcp-lint-suppressions.json" };

function finding(file: string, ruleId: string, pointer: string, severity: Severity = "error", line = 1): Finding {
  return { ruleId, severity, message: "m", file, pointer, fingerprint: fingerprint(ruleId, file, pointer), line, column: 1, endLine: line, endColumn: 2 };
}

function result(file: string, findings: Finding[]): LintFileResult {
  return { file, dialect: "claude-code", findings };
}

const results = (): LintFileResult[] => [
  result(".mcp.json", [
    finding(".mcp.json", "no-hardcoded-secrets", "/mcpServers/a/env/TOKEN"),
    finding(".mcp.json", "no-hardcoded-secrets", "/mcpServers/b/env/TOKEN"),
    finding(".mcp.json", "server-shape", "/mcpServers/c"),
    finding(".mcp.json", "server-shape", "/mcpServers/c"),
    finding(".mcp.json", "npx-yes", "/mcpServers/d/command", "warning"),
  ]),
  result(".cursor/mcp.json", [finding(".cursor/mcp.json", "syntax", "")]),
  result(".vscode/mcp.json", []),
];

describe("suppressAll", () => {
  it("records errors only, keyed by file, rule and pointer", () => {
    expect(suppressAll(results(), {}, ctx)).toEqual({
      ".mcp.json": {
        "no-hardcoded-secrets": { "/mcpServers/a/env/TOKEN": 1, "/mcpServers/b/env/TOKEN": 1 },
        "server-shape": { "/mcpServers/c": 2 },
      },
      ".cursor/mcp.json": { syntax: { "": 1 } },
    });
  });

  it("keeps entries of other files and other keys, and replaces counts of keys that have errors", () => {
    const existing: SuppressionsData = {
      "other.json": { syntax: { "": 1 } },
      ".mcp.json": { "server-shape": { "/mcpServers/c": 5, "/mcpServers/z": 1 } },
    };
    const data = suppressAll(results(), existing, ctx);
    expect(data["other.json"]).toEqual({ syntax: { "": 1 } });
    expect(data[".mcp.json"]!["server-shape"]).toEqual({ "/mcpServers/c": 2, "/mcpServers/z": 1 });
    expect(existing[".mcp.json"]!["server-shape"]!["/mcpServers/c"]).toBe(5); // not mutated
  });

  it("keys files relative to the suppressions file's folder", () => {
    expect(suppressionKey({ file: "a/.mcp.json" }, "/repo/sub", "/repo/baseline.json")).toBe("sub/a/.mcp.json");
    expect(suppressionKey({ file: ".mcp.json" }, "/repo", "config/suppressions.json")).toBe("../.mcp.json");
  });
});

describe("applySuppressions", () => {
  it("moves matched errors to `suppressed`; warnings are never suppressed", () => {
    const data = suppressAll(results(), {}, ctx);
    const { results: out, unused } = applySuppressions(results(), data, ctx);
    expect(out[0]!.findings.map((f) => f.ruleId)).toEqual(["npx-yes"]);
    expect(out[0]!.suppressed!.map((f) => f.ruleId)).toEqual(["no-hardcoded-secrets", "no-hardcoded-secrets", "server-shape", "server-shape"]);
    expect(out[1]!.findings).toEqual([]);
    expect(out[2]).toEqual(results()[2]);
    expect(unused).toEqual({});
  });

  it("reports every error of a key that has more errors than its count (one of them is new)", () => {
    const data: SuppressionsData = { ".mcp.json": { "server-shape": { "/mcpServers/c": 1 } } };
    const { results: out, unused } = applySuppressions(results(), data, ctx);
    expect(out[0]!.findings.filter((f) => f.ruleId === "server-shape")).toHaveLength(2);
    expect(out[0]!.suppressed ?? []).toEqual([]);
    expect(unused).toEqual({});
  });

  it("a new error at another pointer is reported even when the rule has suppressions", () => {
    const data: SuppressionsData = { ".mcp.json": { "no-hardcoded-secrets": { "/mcpServers/a/env/TOKEN": 1 } } };
    const { results: out } = applySuppressions(results(), data, ctx);
    expect(out[0]!.findings.filter((f) => f.ruleId === "no-hardcoded-secrets").map((f) => f.pointer)).toEqual(["/mcpServers/b/env/TOKEN"]);
  });

  it("computes unused entries for linted files only", () => {
    const data: SuppressionsData = {
      ".mcp.json": { "server-shape": { "/mcpServers/c": 3, "/mcpServers/gone": 1 }, "valid-url": { "/mcpServers/x/url": 2 } },
      ".vscode/mcp.json": { syntax: { "": 1 } },
      "not-linted.json": { syntax: { "": 1 } },
    };
    const { results: out, unused } = applySuppressions(results(), data, ctx);
    expect(out[0]!.suppressed!.map((f) => f.ruleId)).toEqual(["server-shape", "server-shape"]);
    expect(unused).toEqual({
      ".mcp.json": { "server-shape": { "/mcpServers/c": 1, "/mcpServers/gone": 1 }, "valid-url": { "/mcpServers/x/url": 2 } },
      ".vscode/mcp.json": { syntax: { "": 1 } },
    });
  });
});

describe("pruneSuppressions", () => {
  it("lowers counts, drops empty keys, rules and files, keeps files not linted", () => {
    const data: SuppressionsData = {
      ".mcp.json": { "server-shape": { "/mcpServers/c": 3, "/mcpServers/gone": 1 }, "valid-url": { "/mcpServers/x/url": 2 } },
      ".vscode/mcp.json": { syntax: { "": 1 } },
      "not-linted.json": { syntax: { "": 1 } },
    };
    const { unused } = applySuppressions(results(), data, ctx);
    const pruned = pruneSuppressions(data, unused);
    expect(pruned).toEqual({ ".mcp.json": { "server-shape": { "/mcpServers/c": 2 } }, "not-linted.json": { syntax: { "": 1 } } });
    expect(applySuppressions(results(), pruned, ctx).unused).toEqual({});
    expect(countSuppressionEntries(pruned)).toBe(2);
  });
});

describe("files", () => {
  it("serializes with sorted keys and a trailing newline, stable across runs", () => {
    const text = serializeSuppressions({ b: { z: { "/b": 1, "/a": 2 }, a: { "": 1 } }, a: { x: { "": 3 } } });
    expect(text).toBe(
      '{\n  "a": {\n    "x": {\n      "": 3\n    }\n  },\n  "b": {\n    "a": {\n      "": 1\n    },\n    "z": {\n      "/a": 2,\n      "/b": 1\n    }\n  }\n}\n',
    );
  });

  it("round-trips through save and load; a missing file is an empty baseline", async () => {
    const dir = tempDir();
    const file = join(dir, "mcp-lint-suppressions.json");
    expect(await loadSuppressions(file)).toEqual({});
    const data = suppressAll(results(), {}, ctx);
    await saveSuppressions(file, data);
    expect(await loadSuppressions(file)).toEqual(data);
    expect(readFileSync(file, "utf8")).toBe(serializeSuppressions(data));
  });

  it("a broken or misshapen file is a located ConfigError", async () => {
    const dir = tempDir();
    const file = join(dir, "s.json");
    writeFileSync(file, '{\n  "a.json": {\n    "syntax": { "": 0 }\n  }\n}\n');
    const error = (await loadSuppressions(file).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect([error.message, error.file, error.line, error.column]).toEqual(["A suppression count must be a positive whole number.", file, 3, 21]);
    writeFileSync(file, '{ "a.json": ["syntax"] }');
    await expect(loadSuppressions(file)).rejects.toThrow(/must map file -> rule id -> JSON pointer -> count/);
    writeFileSync(file, '{ "a.json": ');
    await expect(loadSuppressions(file)).rejects.toBeInstanceOf(ConfigError);
  });
});
