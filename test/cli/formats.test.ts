import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}
import { escapeData, escapeProperty } from "../../packages/core/src/formatters/github.js";
import { allRules } from "../../packages/core/src/rules/catalog.js";
import { docsUrl } from "../../packages/core/src/rules/types.js";
import { copyFixture, parseJsonOutput, read, ROOT, runCli, write, writeConfig } from "./helpers.js";

const NPX_MESSAGE = (pkg: string) =>
  `npx runs "${pkg}" without "-y": npm assumes --yes when stdin is not a terminal (npm help exec), as under an MCP client, so this works; but with "yes=false" in an npm config, npx refuses to install it and the server exits. Add "-y" before the package name (the usual form).`;
const SYNTAX_MESSAGE = "Missing ',' before this string. Claude Code cannot read this file, so none of its servers start.";

/** The project fixture plus a broken file: 1 error (syntax) and 3 warnings (npx-yes) over 7 linted files. */
let dir: string;
const ARGS = [".", "broken/.mcp.json"];

beforeAll(() => {
  dir = copyFixture("project");
  writeConfig(dir);
  write(dir, "broken/.mcp.json", read(join(ROOT, "test/fixtures/cli"), "broken/.mcp.json"));
});

describe("stylish", () => {
  it("matches ESLint's stylish layout (no colour when stdout is not a terminal)", () => {
    const r = runCli(ARGS, { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        "",
        ".cursor/mcp.json",
        `  3:29  warning  ${NPX_MESSAGE("@playwright/mcp@0.0.29").slice(0, -1)}  npx-yes`,
        "",
        ".mcp.json",
        `  4:24  warning  ${NPX_MESSAGE("@modelcontextprotocol/server-filesystem@2025.1.14").slice(0, -1)}  npx-yes`,
        "",
        "broken/.mcp.json",
        `  3:30  error  ${SYNTAX_MESSAGE.slice(0, -1)}  syntax`,
        "",
        "legacy/.mcp.json",
        `  3:25  warning  ${NPX_MESSAGE("old-mcp@0.1.0").slice(0, -1)}  npx-yes`,
        "",
        "\u2716 4 problems (1 error, 3 warnings, 0 infos)",
        "  0 errors and 3 warnings potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("aligns rows of one file like text-table", () => {
    const own = copyFixture("project");
    writeConfig(own);
    write(own, "two/.mcp.json", '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["a@1.0.0"] },\n\n\n\n\n\n\n\n\n\n    "b": { "command": "npx", "args": ["b@1.0.0"] }\n  }\n}\n');
    const r = runCli(["two/.mcp.json"], { cwd: own });
    const rows = r.stdout.split("\n").filter((l) => l.includes("npx-yes"));
    expect(rows.map((l) => l.slice(0, 17))).toEqual(["   3:23  warning ", "  13:23  warning "]);
  });

  it("colours with --color, using plain ANSI codes", () => {
    const r = runCli(["--color", "broken/.mcp.json", ".cursor/mcp.json"], { cwd: dir });
    expect(r.stdout).toBe(
      [
        "\u001b[0m",
        "\u001b[4m.cursor/mcp.json\u001b[24m",
        `  \u001b[2m3:29\u001b[22m  \u001b[33mwarning\u001b[39m  ${NPX_MESSAGE("@playwright/mcp@0.0.29").slice(0, -1)}  \u001b[2mnpx-yes\u001b[22m`,
        "",
        "\u001b[4mbroken/.mcp.json\u001b[24m",
        `  \u001b[2m3:30\u001b[22m  \u001b[31merror\u001b[39m  ${SYNTAX_MESSAGE.slice(0, -1)}  \u001b[2msyntax\u001b[22m`,
        "",
        "\u001b[31m\u001b[1m\u2716 2 problems (1 error, 1 warning, 0 infos)",
        "\u001b[22m\u001b[39m\u001b[31m\u001b[1m  0 errors and 1 warning potentially fixable with the `--fix` option.",
        "\u001b[22m\u001b[39m\u001b[0m",
        "",
      ].join("\n"),
    );
  });

  it("colour defaults: FORCE_COLOR turns it on, NO_COLOR and FORCE_COLOR=0 keep it off, flags win", () => {
    const esc = "\u001b[";
    expect(runCli(["broken/.mcp.json"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).toContain(esc);
    expect(runCli(["broken/.mcp.json"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain(esc);
    expect(runCli(["broken/.mcp.json"], { cwd: dir, env: { FORCE_COLOR: "0" } }).stdout).not.toContain(esc);
    expect(runCli(["--no-color", "broken/.mcp.json"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).not.toContain(esc);
    expect(runCli(["--color", "broken/.mcp.json"], { cwd: dir, env: { NO_COLOR: "1" } }).stdout).toContain(esc);
    expect(runCli(["--color", "--no-color", "broken/.mcp.json"], { cwd: dir }).stdout).not.toContain(esc);
  });

  it("prints nothing when there is no problem", () => {
    expect(runCli([".vscode/mcp.json"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("shows infos as a third severity that never fails the run", () => {
    const r = runCli(["--rule", "npx-yes:info", "--max-warnings", "0", ".cursor/mcp.json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "",
        ".cursor/mcp.json",
        `  3:29  info  ${NPX_MESSAGE("@playwright/mcp@0.0.29").slice(0, -1)}  npx-yes`,
        "",
        "\u2716 1 problem (0 errors, 0 warnings, 1 info)",
        "  0 errors, 0 warnings and 1 info potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });
});

describe("json", () => {
  it("has ESLint's shape, field by field", () => {
    const r = runCli(["-f", "json", ...ARGS], { cwd: dir });
    expect(r.status).toBe(1);
    const results = parseJsonOutput(r.stdout);
    expect(results.map((x) => x.filePath)).toEqual(
      [".amazonq/mcp.json", ".cursor/mcp.json", ".gemini/settings.json", ".mcp.json", ".vscode/mcp.json", "broken/.mcp.json", "legacy/.mcp.json"].map(
        (f) => join(dir, f),
      ),
    );
    const mcp = results[3]!;
    const text = read(dir, ".mcp.json");
    const insertAt = text.indexOf('"@modelcontextprotocol/server-filesystem');
    expect(mcp).toEqual({
      filePath: join(dir, ".mcp.json"),
      messages: [
        {
          ruleId: "npx-yes",
          severity: 1,
          message: NPX_MESSAGE("@modelcontextprotocol/server-filesystem@2025.1.14"),
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 29,
          fix: { range: [insertAt, insertAt], text: '"-y", ' },
        },
      ],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      usedDeprecatedRules: [],
    });
    expect(results[5]).toEqual({
      filePath: join(dir, "broken/.mcp.json"),
      messages: [{ ruleId: "syntax", severity: 2, message: SYNTAX_MESSAGE, line: 3, column: 30, endLine: 3, endColumn: 31, fatal: true }],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
    expect(results[0]!.messages).toEqual([]);
  });

  it("never includes source or output", () => {
    const own = copyFixture("project");
    writeConfig(own);
    const r = runCli(["-f", "json", "--fix", "."], { cwd: own });
    expect(r.status).toBe(0);
    for (const result of JSON.parse(r.stdout) as Array<Record<string, unknown>>) {
      expect(Object.keys(result).sort()).toEqual(
        ["errorCount", "fatalErrorCount", "filePath", "fixableErrorCount", "fixableWarningCount", "messages", "suppressedMessages", "usedDeprecatedRules", "warningCount"],
      );
    }
  });

  it("prints [] when there is nothing to lint", () => {
    expect(runCli(["-f", "json", "package.json"], { cwd: dir }).stdout).toBe("[]\n");
  });
});

describe("sarif", () => {
  const require = createRequire(join(ROOT, "packages/core/package.json"));
  // The official SARIF 2.1.0 schema (OASIS, rtm.5), as shipped in the npm package @microsoft/jest-sarif (MIT):
  // draft-04, so `id` becomes `$id` for ajv 8.
  const { id, $schema: _draft, ...rest } = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
  const { Ajv } = require("ajv") as { Ajv: new (options: Record<string, unknown>) => AjvInstance };
  const addFormats = require("ajv-formats") as (ajv: unknown) => void;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }); // the schema has a pattern invalid with the u flag
  addFormats(ajv);
  const validate = ajv.compile({ $id: id, ...rest });

  it("validates against the SARIF 2.1.0 schema and describes every rule", () => {
    const r = runCli(["-f", "sarif", ...ARGS], { cwd: dir });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as {
      $schema: string;
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, unknown> & { id: string }> } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: Array<Record<string, unknown> & { ruleIndex: number; ruleId: string }>;
      }>;
    };
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: "mcp-lint", version: "1.0.0", informationUri: "https://github.com/mcp-lint/mcp-lint" });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(allRules.map((x) => x.id));
    const npx = run.tool.driver.rules.find((x) => x.id === "npx-yes")!;
    expect(npx).toMatchObject({
      id: "npx-yes",
      name: "npx-yes",
      shortDescription: { text: allRules.find((x) => x.id === "npx-yes")!.description },
      // At the release that made the report (the CLI is 1.0.0), not the moving main branch.
      helpUri: "https://github.com/mcp-lint/mcp-lint/blob/v1.0.0/docs/rules/npx-yes.md",
      defaultConfiguration: { level: "note" },
    });
    expect(docsUrl("npx-yes")).toBe("https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/npx-yes.md");
    expect((npx.help as { markdown: string }).markdown).toContain("/blob/v1.0.0/docs/rules/npx-yes.md");
    // Security rules carry GitHub code scanning's `security` tag and a numeric `security-severity`; others do not.
    const props = (ruleId: string) => run.tool.driver.rules.find((x) => x.id === ruleId)!.properties;
    expect(props("typosquat-package")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
    expect(props("remote-script-command")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
    expect(props("no-hardcoded-secrets")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "7.5" });
    expect(props("no-prompt-injection")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
    expect(props("http-server-origin-host-protection")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "6.5" });
    expect(props("no-tool-input-in-shell")).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.8" });
    expect(props("npx-yes")).toEqual({ tags: ["mcp", "configuration"] });
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: pathToFileURL(dir).href + "/" } });
    expect(run.results).toHaveLength(4);
    const syntax = run.results.find((x) => x.ruleId === "syntax")!;
    expect(syntax).toEqual({
      ruleId: "syntax",
      ruleIndex: 0,
      level: "error",
      message: { text: SYNTAX_MESSAGE },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "broken/.mcp.json", uriBaseId: "%SRCROOT%" },
            region: { startLine: 3, startColumn: 30, endLine: 3, endColumn: 31 },
          },
        },
      ],
      partialFingerprints: { "mcpLint/v1": expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    for (const x of run.results) expect(run.tool.driver.rules[x.ruleIndex]!.id).toBe(x.ruleId);
    expect(run.results.filter((x) => x.ruleId === "npx-yes").map((x) => x.level)).toEqual(["warning", "warning", "warning"]);
  });

  it("has empty arrays, not null, when there are no results", () => {
    const log = JSON.parse(runCli(["-f", "sarif", ".vscode/mcp.json"], { cwd: dir }).stdout) as { runs: Array<{ results: unknown[] }> };
    expect(log.runs[0]!.results).toEqual([]);
    expect(validate(log)).toBe(true);
  });

  it("describes findings that are not rules (file-ignored) and encodes URIs", () => {
    const other = copyFixture("project");
    writeConfig(other, { ignores: ["legacy/**"] });
    write(other, "my configs/.mcp.json", read(other, "legacy/.mcp.json"));
    const log = JSON.parse(runCli(["-f", "sarif", "legacy/.mcp.json", "my configs/.mcp.json"], { cwd: other }).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(validate(log)).toBe(true);
    const run = log.runs[0]!;
    const ignored = run.results.find((x) => x.ruleId === "file-ignored")!;
    expect(run.tool.driver.rules[ignored.ruleIndex]!.id).toBe("file-ignored");
    expect(run.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual(["legacy/.mcp.json", "my%20configs/.mcp.json"]);
  });
});

describe("github", () => {
  it("prints one workflow command per finding (info would be ::notice)", () => {
    const r = runCli(["-f", "github", ...ARGS], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        `::warning file=.cursor/mcp.json,line=3,col=29,endLine=3,endColumn=34,title=npx-yes::${NPX_MESSAGE("@playwright/mcp@0.0.29")}`,
        `::warning file=.mcp.json,line=4,col=24,endLine=4,endColumn=29,title=npx-yes::${NPX_MESSAGE("@modelcontextprotocol/server-filesystem@2025.1.14")}`,
        `::error file=broken/.mcp.json,line=3,col=30,endLine=3,endColumn=31,title=syntax::${SYNTAX_MESSAGE}`,
        `::warning file=legacy/.mcp.json,line=3,col=25,endLine=3,endColumn=30,title=npx-yes::${NPX_MESSAGE("old-mcp@0.1.0")}`,
        "",
      ].join("\n"),
    );
    const info = runCli(["-f", "github", "--rule", "npx-yes:info", ".cursor/mcp.json"], { cwd: dir });
    expect(info.stdout).toMatch(/^::notice file=\.cursor\/mcp\.json,line=3,/);
  });

  it("escapes properties and data as @actions/core does", () => {
    const own = copyFixture("project");
    writeConfig(own);
    const file = "odd,name:1%.json";
    write(own, file, '{\n  "mcpServers": %\n}\n');
    const r = runCli(["-f", "github", "--dialect", "claude-code", file], { cwd: own });
    expect(r.stdout).toBe(
      "::error file=odd%2Cname%3A1%25.json,line=2,col=17,endLine=2,endColumn=18,title=syntax::Unexpected character '%25'. Claude Code cannot read this file, so none of its servers start.\n",
    );
    expect(escapeData("a%b\r\nc:d,e")).toBe("a%25b%0D%0Ac:d,e");
    expect(escapeProperty("a%b\r\nc:d,e")).toBe("a%25b%0D%0Ac%3Ad%2Ce");
  });
});

describe("markdown", () => {
  it("totals, then a table per file with linked rules", () => {
    const r = runCli(["-f", "markdown", ".mcp.json", "broken/.mcp.json", ".vscode/mcp.json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        "## mcp-lint",
        "",
        "**2 problems** (1 error, 1 warning, 0 infos) in 2 files of 3 checked.",
        "",
        "### `.mcp.json`",
        "",
        "| Line | Severity | Rule | Message |",
        "| ---: | --- | --- | --- |",
        `| 4:24 | ⚠️ warning | [npx-yes](${docsUrl("npx-yes")}) | ${NPX_MESSAGE("@modelcontextprotocol/server-filesystem@2025.1.14")} |`,
        "",
        "### `broken/.mcp.json`",
        "",
        "| Line | Severity | Rule | Message |",
        "| ---: | --- | --- | --- |",
        `| 3:30 | ❌ error | [syntax](${docsUrl("syntax")}) | ${SYNTAX_MESSAGE} |`,
        "",
      ].join("\n"),
    );
  });

  it("says so when there is no problem", () => {
    expect(runCli(["-f", "markdown", ".vscode/mcp.json"], { cwd: dir }).stdout).toBe("## mcp-lint\n\n✅ No problems found in 1 file.\n");
  });
});
