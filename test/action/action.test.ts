import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getRuleInfo } from "../../packages/core/src/rules/catalog.js";
import {
  ACTION,
  git,
  gitRepo,
  isolatedConfig,
  npxServers,
  ROOT,
  runAction,
  tempDir,
  verbatimBlock,
  write,
  type ActionRun,
} from "./helpers.js";

const SERVER = "https://github.com";
const REPOSITORY = "mcp-lint/mcp-lint";
const SHA = "0123456789abcdef0123456789abcdef01234567";
const LINKS = { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: REPOSITORY, GITHUB_SHA: SHA };
const NPX = (pkg: string) =>
  `npx runs "${pkg}" without "-y": npm assumes --yes when stdin is not a terminal (npm help exec), as under an MCP client, so this works; but with "yes=false" in an npm config, npx refuses to install it and the server exits. Add "-y" before the package name (the usual form).`;
const NOT_SHOWN = (n: number, what: string) =>
  `${n} findings (${what}) are not shown as annotations: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step.`;

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}

/** The official SARIF 2.1.0 schema (vendored), compiled as test/cli/formats.test.ts does. */
function sarifValidator() {
  const require = createRequire(join(ROOT, "packages/core/package.json"));
  const { id, $schema: _draft, ...rest } = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
  const { Ajv } = require("ajv") as { Ajv: new (options: Record<string, unknown>) => AjvInstance };
  const addFormats = require("ajv-formats") as (ajv: unknown) => void;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}

interface Located {
  file: string;
  ruleId: string;
  severity: "error" | "warning" | "info";
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The CLI's findings for a folder (its JSON format), to check the bundle against the built CLI. */
function cliFindings(cwd: string, args: string[] = ["."], configured: Record<string, "warning" | "info"> = {}): Located[] {
  const r = spawnSync(process.execPath, [join(ROOT, "packages/cli/bin/mcp-lint.js"), "-f", "json", ...args], { cwd, encoding: "utf8" });
  const results = JSON.parse(r.stdout) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; message: string }>;
  }>;
  return results.flatMap((res) =>
    res.messages.map((m) => ({
      file: res.filePath.slice(cwd.length + 1),
      ruleId: m.ruleId,
      // The JSON format folds infos into severity 1; the workspace's config, else the catalog, tells them apart.
      severity: m.severity === 2 ? "error" : (configured[m.ruleId] ?? (getRuleInfo(m.ruleId)?.severity === "info" ? "info" : "warning")),
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
    })),
  );
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version?: string } };
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
  }>;
}

function annotations(run: ActionRun) {
  return run.commands.filter((c) => ["error", "warning", "notice"].includes(c.command) && c.properties.title !== undefined);
}

describe("the bundled action on examples/broken-setup", () => {
  const workspace = tempDir();
  cpSync(join(ROOT, "examples/broken-setup"), workspace, { recursive: true });
  // npx-yes (off by default since issue 12) on as a warning, for the CLI and the action alike.
  write(workspace, "mcp-lint.config.json", '{ "rules": { "npx-yes": "warning" } }\n');
  const expected = cliFindings(workspace, ["."], { "npx-yes": "warning" });
  const run = runAction(workspace, { inputs: { "sarif-file": "reports/mcp-lint.sarif" }, env: LINKS });
  const errors = expected.filter((f) => f.severity === "error");
  const warnings = expected.filter((f) => f.severity === "warning");

  it("finds what the CLI finds", () => {
    expect(expected.length).toBeGreaterThan(10);
    const sarif = JSON.parse(readFileSync(join(workspace, "reports/mcp-lint.sarif"), "utf8")) as SarifLog;
    const got = sarif.runs[0]!.results.map((r) => {
      const loc = r.locations[0]!.physicalLocation;
      return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn} ${r.ruleId} ${r.message.text}`;
    });
    expect(got.sort()).toEqual(expected.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort());
  });

  it("annotates the most severe first, in file and line order, with the workflow-command syntax", () => {
    const shown = annotations(run);
    const order = (f: Located) => [f.file, f.line, f.column] as const;
    const byPlace = (a: Located, b: Located) => {
      const [fa, la, ca] = order(a);
      const [fb, lb, cb] = order(b);
      return (fa < fb ? -1 : fa > fb ? 1 : 0) || la - lb || ca - cb || a.ruleId.localeCompare(b.ruleId);
    };
    const want = [...errors.sort(byPlace).slice(0, 10), ...warnings.sort(byPlace).slice(0, 10)];
    expect(shown.map((c) => `${c.command} ${c.properties.file}:${c.properties.line} ${c.properties.title}`)).toEqual(
      want.map((f) => `${f.severity} ${f.file}:${f.line} ${f.ruleId}`),
    );
    // The raw line, as the runner parses it.
    const first = want[0]!;
    const line = run.stdout.split("\n").find((l) => l.startsWith("::error title="))!;
    expect(line).toBe(
      `::error title=${first.ruleId},file=${first.file},line=${first.line},endLine=${first.endLine},col=${first.column},endColumn=${first.endColumn}::${first.message.replace(/%/g, "%25")}`,
    );
    for (const c of shown) expect(c.message).toBe(expected.find((f) => f.file === c.properties.file && f.line === Number(c.properties.line) && f.ruleId === c.properties.title)!.message);
  });

  it("says how many findings were not annotated, in the log and in the summary", () => {
    const hidden = Math.max(0, errors.length - 10) + Math.max(0, warnings.length - 10);
    expect(hidden).toBeGreaterThan(0);
    expect(run.stdout).toMatch(new RegExp(`^${hidden} findings \\(.*\\) are not shown as annotations`, "m"));
    expect(run.summary).toMatch(new RegExp(`^- ${hidden} findings \\(.*\\) are not shown as annotations: .* All of them are listed below\\.$`, "m"));
  });

  it("fails the step on errors with a clear message, and sets the outputs", () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const last = run.commands[run.commands.length - 1]!;
    expect(last).toEqual({ command: "error", properties: {}, message: `mcp-lint found ${errors.length} errors (fail-on: error).` });
    expect(run.outputs).toEqual({ errors: String(errors.length), warnings: String(warnings.length), "sarif-file": join(workspace, "reports/mcp-lint.sarif"), "servers-failed": "" });
    // GITHUB_OUTPUT holds nothing but name<<delimiter blocks.
    expect(run.outputFile).toMatch(/^(?:[a-z-]+<<(ghadelimiter_[0-9a-f-]{36})\n[^\n]*\n\1\n)+$/);
  });

  it("writes a SARIF file valid against the SARIF 2.1.0 schema", () => {
    const log = JSON.parse(readFileSync(join(workspace, "reports/mcp-lint.sarif"), "utf8")) as SarifLog;
    const validate = sarifValidator();
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: "mcp-lint", version: "1.0.0" });
    expect(log.runs[0]!.results).toHaveLength(expected.length);
  });

  it("lists every finding in the job summary, by file, with links to the line and to the rule's page", () => {
    const s = run.summary;
    expect(s.startsWith("## mcp-lint\n\n")).toBe(true);
    expect(s).toContain(`**${expected.length} problems** (${errors.length} errors, ${warnings.length} warnings, 0 infos)`);
    expect(s).toContain("- SARIF with");
    const rows = s.split("\n").filter((l) => /^\| \[\d+:\d+\]\(/.test(l));
    expect(rows).toHaveLength(expected.length);
    for (const f of expected) {
      const link = `[${f.line}:${f.column}](${SERVER}/${REPOSITORY}/blob/${SHA}/${f.file.split("/").map(encodeURIComponent).join("/")}#L${f.line})`;
      const row = rows.find((r) => r.startsWith(`| ${link} |`) && r.includes(`[${f.ruleId}](${getRuleInfo(f.ruleId)!.docsUrl})`));
      expect(row, `${f.file}:${f.line} ${f.ruleId}`).toBeDefined();
    }
    for (const file of new Set(expected.map((f) => f.file))) expect(s).toContain(`### [\`${file}\`](${SERVER}/${REPOSITORY}/blob/${SHA}/${file})`);
  });

  it("prints the report in the log as stylish, with workflow commands turned off around it", () => {
    const report = verbatimBlock(run.stdout);
    expect(report).toContain(`${expected.length} problems (${errors.length} errors, ${warnings.length} warnings, 0 infos)`);
    expect(report).not.toContain("\u001b["); // NO_COLOR
  });
});

describe("annotation limits", () => {
  // 12 errors, 12 warnings and 12 infos: the same rule at three severities, set by overrides.
  const workspace = tempDir();
  write(workspace, "a-errors/.mcp.json", npxServers(12, "err"));
  write(workspace, "b-warnings/.mcp.json", npxServers(12, "warn"));
  write(workspace, "c-infos/.mcp.json", npxServers(12, "info"));
  write(
    workspace,
    "mcp-lint.config.json",
    isolatedConfig({
      overrides: [
        { files: ["a-errors/**"], rules: { "npx-yes": "error" } },
        { files: ["c-infos/**"], rules: { "npx-yes": "info" } },
      ],
    }),
  );
  const run = runAction(workspace);

  it("emits 10 errors, then 10 warnings, then 10 notices, each in line order", () => {
    const shown = annotations(run);
    const lines = (i: number) => 3 + 2 * i;
    expect(shown.map((c) => `${c.command} ${c.properties.file}:${c.properties.line}`)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `error a-errors/.mcp.json:${lines(i)}`),
      ...Array.from({ length: 10 }, (_, i) => `warning b-warnings/.mcp.json:${lines(i)}`),
      ...Array.from({ length: 10 }, (_, i) => `notice c-infos/.mcp.json:${lines(i)}`),
    ]);
    expect(shown[0]).toEqual({
      command: "error",
      properties: { title: "npx-yes", file: "a-errors/.mcp.json", line: "3", endLine: "3", col: "24", endColumn: "29" },
      message: NPX("err-0@1.0.0"),
    });
  });

  it("says that 6 were not shown, in the log and in the summary, and the summary lists all 36", () => {
    const text = NOT_SHOWN(6, "2 errors, 2 warnings and 2 infos");
    expect(run.stdout).toContain(`${text} The log above and the job summary list every finding.\n`);
    expect(run.summary).toContain(`- ${text} All of them are listed below.\n`);
    expect(run.summary.split("\n").filter((l) => l.startsWith("| 2") || /^\| \d+:\d+ \|/.test(l))).toHaveLength(36);
    expect(run.summary).toContain("**36 problems** (12 errors, 12 warnings, 12 infos) in 3 files of 3 checked.");
    expect(run.outputs.errors).toBe("12");
    expect(run.outputs.warnings).toBe("12");
    expect(run.outputs["sarif-file"]).toBe("");
    expect(run.status).toBe(1);
  });

  it("emits no annotation with annotations: false", () => {
    const quiet = runAction(workspace, { inputs: { annotations: "false" } });
    expect(annotations(quiet)).toEqual([]);
    expect(quiet.stdout).not.toContain("not shown as annotations");
    expect(quiet.commands.filter((c) => c.command === "error")).toEqual([{ command: "error", properties: {}, message: "mcp-lint found 12 errors (fail-on: error)." }]);
  });

  it("writes no summary with summary: false", () => {
    expect(runAction(workspace, { inputs: { summary: "false" } }).summary).toBe("");
  });
});

describe("only-changed on a pull request", () => {
  // Base: 3 npx servers (lines 3, 5, 7) in .mcp.json and one in legacy/.mcp.json.
  // Head: server s1 changed (line 5), servers s3 and s4 added (lines 9, 11), a new file added.
  const repo = gitRepo({
    ".mcp.json": npxServers(3),
    "legacy/.mcp.json": npxServers(1, "old"),
    "mcp-lint.config.json": isolatedConfig(),
  });
  const base = git(repo, "rev-parse", "HEAD");
  write(repo, ".mcp.json", npxServers(5).replace('"pkg-1@1.0.0"', '"other-1@1.0.0"'));
  write(repo, "added dir/.mcp.json", npxServers(1, "new"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "head");
  const head = git(repo, "rev-parse", "HEAD");
  const event = { name: "pull_request", payload: { action: "synchronize", number: 7, pull_request: { number: 7, base: { sha: base, ref: "main" }, head: { sha: head, ref: "feature" } } } };

  it("reports only the findings on added or changed lines", () => {
    const run = runAction(repo, { inputs: { "only-changed": "true", "sarif-file": "out.sarif" }, event, env: LINKS });
    expect(annotations(run).map((c) => `${c.properties.file}:${c.properties.line} ${c.message}`)).toEqual([
      `.mcp.json:5 ${NPX("other-1@1.0.0")}`,
      `.mcp.json:9 ${NPX("pkg-3@1.0.0")}`,
      `.mcp.json:11 ${NPX("pkg-4@1.0.0")}`,
      `added dir/.mcp.json:3 ${NPX("new-0@1.0.0")}`,
    ]);
    const note = `only-changed: only findings on lines this pull request added or changed (compared with its base ${base.slice(0, 7)}) are reported; 3 findings on other lines are left out.`;
    expect(run.stdout).toContain(`${note}\n`);
    expect(run.summary).toContain(`- \`only-changed\`${note.slice("only-changed".length)}\n`);
    expect(run.summary).toContain("**4 problems** (0 errors, 4 warnings, 0 infos) in 2 files of 3 checked.");
    expect(run.outputs).toMatchObject({ errors: "0", warnings: "4" });
    expect(run.status).toBe(0);
    // The SARIF file keeps every finding: code scanning limits pull-request alerts to the diff itself.
    const sarif = JSON.parse(readFileSync(join(repo, "out.sarif"), "utf8")) as SarifLog;
    expect(sarif.runs[0]!.results).toHaveLength(7);
    // Links point at the commit checked out.
    expect(run.summary).toContain(`[5:24](${SERVER}/${REPOSITORY}/blob/${head}/.mcp.json#L5)`);
    expect(run.summary).toContain(`### [\`added dir/.mcp.json\`](${SERVER}/${REPOSITORY}/blob/${head}/added%20dir/.mcp.json)`);
  });

  it("reports every finding, and says why, outside a pull request", () => {
    const run = runAction(repo, { inputs: { "only-changed": "true" }, event: { name: "push", payload: { ref: "refs/heads/main", after: head } } });
    expect(annotations(run)).toHaveLength(7);
    expect(run.stdout).toContain('only-changed is set, but this run is not for a pull request (event "push"): all findings are reported.\n');
    expect(run.outputs.warnings).toBe("7");
  });

  it("reports every finding, and says why, when git cannot compare with the base", () => {
    const run = runAction(repo, {
      inputs: { "only-changed": "true" },
      event: { ...event, payload: { pull_request: { base: { sha: SHA } } } },
    });
    expect(annotations(run)).toHaveLength(7);
    expect(run.stdout).toMatch(
      /^only-changed is set, but git could not compare with the pull request's base commit 0123456 \(fatal: .*\): all findings are reported\. Check out with `fetch-depth: 0` so that the base commit is there\.$/m,
    );
    expect(run.status).toBe(0);
  });

  it("reports every finding when the workspace is not a git repository", () => {
    const plain = tempDir();
    write(plain, ".mcp.json", npxServers(2));
    write(plain, "mcp-lint.config.json", isolatedConfig());
    const run = runAction(plain, { inputs: { "only-changed": "true" }, event });
    expect(annotations(run)).toHaveLength(2);
    expect(run.stdout).toContain("only-changed is set, but git could not compare with the pull request's base commit");
    expect(run.stdout).toContain("(the workspace is not a git work tree)");
  });

  it("ignores only-changed when it is false (the default)", () => {
    const run = runAction(repo, { event });
    expect(annotations(run)).toHaveLength(7);
    expect(run.stdout).not.toContain("only-changed");
  });
});

describe("fail-on", () => {
  const warningsOnly = tempDir();
  write(warningsOnly, ".mcp.json", npxServers(2));
  write(warningsOnly, "mcp-lint.config.json", isolatedConfig());
  const withErrors = tempDir();
  write(withErrors, ".mcp.json", '{ "mcpServers": { "a": { "command": "npx" "args": [] } } }\n');
  write(withErrors, "mcp-lint.config.json", isolatedConfig());

  it("error (the default) passes with warnings only", () => {
    const run = runAction(warningsOnly);
    expect(run.status).toBe(0);
    expect(run.commands.filter((c) => c.command === "error")).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: "0", warnings: "2" });
  });

  it("warning fails on warnings", () => {
    const run = runAction(warningsOnly, { inputs: { "fail-on": "warning" } });
    expect(run.status).toBe(1);
    expect(run.commands[run.commands.length - 1]).toEqual({ command: "error", properties: {}, message: "mcp-lint found 2 warnings (fail-on: warning)." });
  });

  it("warning counts errors too", () => {
    const run = runAction(withErrors, { inputs: { "fail-on": "warning" } });
    expect(run.status).toBe(1);
    expect(run.commands[run.commands.length - 1]!.message).toBe("mcp-lint found 1 error (fail-on: warning).");
  });

  it("never passes with errors, and still annotates them", () => {
    const run = runAction(withErrors, { inputs: { "fail-on": "never" } });
    expect(run.status).toBe(0);
    expect(annotations(run).map((c) => `${c.command} ${c.properties.title} ${c.properties.file}:${c.properties.line}`)).toEqual(["error syntax .mcp.json:1"]);
    expect(run.outputs.errors).toBe("1");
  });

  it("infos never fail the step", () => {
    const infos = tempDir();
    write(infos, ".mcp.json", npxServers(1));
    write(infos, "mcp-lint.config.json", isolatedConfig({ rules: { "npx-yes": "info" } }));
    const run = runAction(infos, { inputs: { "fail-on": "warning" } });
    expect(run.status).toBe(0);
    expect(annotations(run).map((c) => c.command)).toEqual(["notice"]);
  });
});

describe("errors that stop the run", () => {
  const noStack = (run: ActionRun) => {
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    for (const c of run.commands) if (c.command !== "debug") expect(c.message).not.toMatch(/\n\s+at /);
  };

  it("a broken mcp-lint.config.json: a clear message on the config file's line, exit 1, no stack", () => {
    const ws = tempDir();
    write(ws, ".mcp.json", npxServers(1));
    write(ws, "mcp-lint.config.json", '{\n  "rules": {\n    "npx-yes": "loud"\n  }\n}\n');
    const run = runAction(ws);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const errors = run.commands.filter((c) => c.command === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toEqual({ title: "mcp-lint config", file: "mcp-lint.config.json", line: "3", col: "16" });
    expect(errors[0]!.message).toMatch(/^mcp-lint: the config file mcp-lint\.config\.json is invalid at line 3, column 16: Invalid setting for rule "npx-yes": .*\. Fix it, or point the "config" input at another file\.$/);
    expect(run.outputFile).toBe("");
    noStack(run);
  });

  it("a config file named by the config input that does not parse", () => {
    const ws = tempDir();
    write(ws, ".mcp.json", npxServers(1));
    write(ws, "ci/lint.json", '{ "rules": ');
    const run = runAction(ws, { inputs: { config: "ci/lint.json" } });
    expect(run.status).toBe(1);
    const error = run.commands.find((c) => c.command === "error")!;
    expect(error.properties.file).toBe("ci/lint.json");
    expect(error.message).toMatch(/^mcp-lint: the config file ci\/lint\.json is invalid at line 1, column \d+: .*\. Fix it, or point the "config" input at another file\.$/);
    noStack(run);
  });

  it("a bad input value", () => {
    const ws = tempDir();
    const run = runAction(ws, { inputs: { "fail-on": "sometimes" } });
    expect(run.status).toBe(1);
    expect(run.commands).toEqual([{ command: "error", properties: {}, message: 'mcp-lint: Input "fail-on" must be error, warning or never, not "sometimes".' }]);
    const bool = runAction(ws, { inputs: { annotations: "yes" } });
    expect(bool.commands).toEqual([{ command: "error", properties: {}, message: 'mcp-lint: Input "annotations" must be true or false, not "yes".' }]);
    const format = runAction(ws, { inputs: { format: "xml" } });
    expect(format.commands[0]!.message).toBe('mcp-lint: Input "format" must be one of stylish, json, sarif, github, markdown, not "xml".');
  });

  it("a path that does not exist", () => {
    const run = runAction(tempDir(), { inputs: { paths: "configs" } });
    expect(run.status).toBe(1);
    expect(run.commands).toEqual([{ command: "error", properties: {}, message: 'mcp-lint: No such file or folder: "configs". Check the path.' }]);
  });

  it("an unexpected failure (GITHUB_OUTPUT missing): one clear message, the stack only in debug output", () => {
    const ws = tempDir();
    write(ws, ".mcp.json", npxServers(1));
    const run = runAction(ws, { env: { GITHUB_OUTPUT: join(ws, "no/such/file") } });
    expect(run.status).toBe(1);
    const error = run.commands.filter((c) => c.command === "error");
    expect(error).toHaveLength(1);
    expect(error[0]!.message).toMatch(
      /^mcp-lint: unexpected error: Missing file at path: .*no\/such\/file\. Unless the runner's environment caused it, this is a bug in mcp-lint: please report it at https:\/\/github\.com\/mcp-lint\/mcp-lint\/issues \(re-run the job with debug logging on to see the stack trace\)\.$/,
    );
    expect(run.commands.some((c) => c.command === "debug" && /\n\s+at /.test(c.message))).toBe(true);
    noStack(run);
  });

  it("a summary that cannot be written is a warning, not a failure", () => {
    const ws = tempDir();
    write(ws, ".mcp.json", npxServers(1));
    write(ws, "mcp-lint.config.json", isolatedConfig());
    const run = runAction(ws, { env: { GITHUB_STEP_SUMMARY: ws } });
    expect(run.status).toBe(0);
    expect(run.commands.some((c) => c.command === "warning" && c.message.startsWith("mcp-lint could not write the job summary ("))).toBe(true);
    expect(run.outputs.warnings).toBe("1");
  });
});

describe("inputs", () => {
  const ws = tempDir();
  write(ws, "one/.mcp.json", npxServers(1, "one"));
  write(ws, "two words/.mcp.json", npxServers(1, "two"));
  write(ws, "three/.mcp.json", npxServers(1, "three"));
  write(ws, "mcp-lint.config.json", isolatedConfig());
  const files = (run: ActionRun) => [...new Set(annotations(run).map((c) => c.properties.file))];

  it("paths: separated by spaces on one line", () => {
    expect(files(runAction(ws, { inputs: { paths: "one three" } }))).toEqual(["one/.mcp.json", "three/.mcp.json"]);
  });

  it("paths: one per line, so a path may hold spaces", () => {
    expect(files(runAction(ws, { inputs: { paths: "one\ntwo words\n" } }))).toEqual(["one/.mcp.json", "two words/.mcp.json"]);
  });

  it("format: json prints the JSON report in the log", () => {
    const run = runAction(ws, { inputs: { format: "json", paths: "one" } });
    const report = JSON.parse(verbatimBlock(run.stdout)) as Array<{ filePath: string; messages: unknown[] }>;
    expect(report.map((r) => [r.filePath, r.messages.length])).toEqual([[join(ws, "one/.mcp.json"), 1]]);
  });

  it("format: github prints the commands as text, so findings are not annotated twice", () => {
    const run = runAction(ws, { inputs: { format: "github", paths: "one" } });
    expect(verbatimBlock(run.stdout)).toMatch(/^::warning file=one\/\.mcp\.json,line=3,/);
    expect(annotations(run)).toHaveLength(1);
  });

  it("sarif-file: written relative to the workspace, folders created", () => {
    const run = runAction(ws, { inputs: { "sarif-file": "deep/er/x.sarif", paths: "three" } });
    expect(run.outputs["sarif-file"]).toBe(join(ws, "deep/er/x.sarif"));
    const log = JSON.parse(readFileSync(join(ws, "deep/er/x.sarif"), "utf8")) as SarifLog;
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(["three/.mcp.json"]);
  });
});

describe("the job summary's size limit", () => {
  it("stays under 1 MiB and says how many findings it could not list", () => {
    const ws = tempDir();
    const n = 3000;
    write(ws, "big/.mcp.json", npxServers(n, "a-package-with-a-rather-long-name"));
    write(ws, "small/.mcp.json", npxServers(2));
    write(ws, "mcp-lint.config.json", isolatedConfig());
    const run = runAction(ws, { env: LINKS });
    const bytes = Buffer.byteLength(run.summary);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(1000 * 1024);
    const listed = run.summary.split("\n").filter((l) => /^\| \[\d+:\d+\]\(/.test(l)).length;
    const omitted = n + 2 - listed;
    expect(listed).toBeGreaterThan(1000);
    expect(omitted).toBeGreaterThan(0);
    expect(run.summary).toContain(
      `> The summary stops here to stay under GitHub's 1 MiB limit for a job summary: ${omitted} more findings (${omitted} warnings) in 2 files are not listed. The step's log lists every finding.\n`,
    );
    expect(run.stdout).toContain(`The job summary lists ${listed} findings of ${n + 2}: GitHub limits a job summary to 1 MiB. The log above lists every finding.\n`);
    expect(run.outputs.warnings).toBe(String(n + 2));
    // The log is complete.
    expect(verbatimBlock(run.stdout)).toContain(`${n + 2} problems (0 errors, ${n + 2} warnings, 0 infos)`);
  });
});

describe("what the action runs and loads", () => {
  /** A preload that records child processes and blocks and records any network use. */
  function tracer(dir: string): { args: string[]; log: string } {
    const log = join(dir, "trace.log");
    write(dir, "trace.log", "");
    const hook = write(
      dir,
      "trace.mjs",
      `
import cp from "node:child_process";
import net from "node:net";
import tls from "node:tls";
import dns from "node:dns";
import { register, syncBuiltinESMExports } from "node:module";
import { appendFileSync } from "node:fs";
const log = ${JSON.stringify(log)};
const note = (line) => appendFileSync(log, line + "\\n");
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) {
  const original = cp[name];
  cp[name] = function (...args) { note("process " + name + " " + args[0]); return original.apply(this, args); };
}
const blocked = (what) => function () { note("network " + what); throw new Error("network use blocked by the test"); };
net.connect = blocked("net.connect");
net.createConnection = blocked("net.createConnection");
net.Socket.prototype.connect = blocked("Socket.connect");
tls.connect = blocked("tls.connect");
dns.lookup = blocked("dns.lookup");
dns.promises.lookup = blocked("dns.promises.lookup");
globalThis.fetch = blocked("fetch");
syncBuiltinESMExports();
register("data:text/javascript," + encodeURIComponent(
  "import { appendFileSync } from 'node:fs';" +
  "export async function load(url, context, next) {" +
  "  if (url.startsWith('file:')) appendFileSync(" + JSON.stringify(log) + ", 'module ' + url + '\\\\n');" +
  "  return next(url, context);" +
  "}"));
`,
    );
    return { args: ["--import", hook], log };
  }

  const distModules = (log: string) =>
    [
      ...new Set(
        readFileSync(log, "utf8")
          .split("\n")
          .filter((l) => l.startsWith("module "))
          .map((l) => l.slice("module ".length).replace(/^.*\/dist\//, "dist/")),
      ),
    ].sort();

  /** dist/index.js and the chunks it imports statically (what a run must load). */
  function eagerModules(): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const m of text.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{},\s]+from\s*)?"(\.\.?\/[^"]+)"/gm)) {
        visit(join(file, "..", m[1]!).split("\\").join("/"));
      }
    };
    visit("dist/index.js");
    return [...seen].sort();
  }

  it("loads ESLint and the TypeScript parser only when a source file needs them, and starts fast", () => {
    const chunks = readdirSync(join(ROOT, "dist/chunks"));
    const eslint = chunks.find((c) => c.startsWith("eslint-"));
    const parser = chunks.find((c) => c.startsWith("parser-"));
    expect(eslint, "dist/chunks/eslint-*.js").toBeDefined();
    expect(parser, "dist/chunks/parser-*.js").toBeDefined();
    const eager = eagerModules();
    expect(eager).not.toContain(`dist/chunks/${eslint}`);
    expect(eager).not.toContain(`dist/chunks/${parser}`);

    const configOnly = tempDir();
    write(configOnly, ".mcp.json", npxServers(3));
    write(configOnly, "plain.ts", "export const answer = 42;\n"); // not MCP code: the prefilter skips it
    const t1 = tracer(tempDir());
    const fast = runAction(configOnly, { nodeArgs: t1.args });
    expect(fast.outputs.warnings).toBe("3");
    expect(distModules(t1.log)).toEqual(eager);

    const withCode = tempDir();
    write(withCode, ".mcp.json", npxServers(3));
    write(
      withCode,
      "server.ts",
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nconst server = new McpServer({ name: "x", version: "1.0.0" });\nserver.tool("a", async () => ({ content: [] }));\n',
    );
    const t2 = tracer(tempDir());
    const slow = runAction(withCode, { nodeArgs: t2.args });
    expect(distModules(t2.log)).toEqual(expect.arrayContaining([...eager, `dist/chunks/${eslint}`, `dist/chunks/${parser}`]));
    // The bundled code rules work like the CLI's.
    const got = annotations(slow).map((c) => `${c.properties.file}:${c.properties.line}:${c.properties.col} ${c.properties.title}`);
    const want = cliFindings(withCode).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
    expect(got.sort()).toEqual(want.sort());
    expect(got.some((g) => g.startsWith("server.ts:"))).toBe(true);
    console.log(`config-only run: ${fast.ms.toFixed(0)} ms; with a TypeScript MCP server: ${slow.ms.toFixed(0)} ms`);
  });

  it("runs no process but git, opens no socket, and runs nothing from the repository", () => {
    const repo = gitRepo({ ".mcp.json": npxServers(1), "mcp-lint.config.json": isolatedConfig() });
    const base = git(repo, "rev-parse", "HEAD");
    write(repo, ".mcp.json", npxServers(2));
    write(repo, "server.ts", 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nexport const s = new McpServer({ name: "x", version: "1" });\n');
    // A hook that would run if anything executed repository code.
    write(repo, "package.json", JSON.stringify({ scripts: { preinstall: "touch pwned", test: "touch pwned" } }));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "head");
    const t = tracer(tempDir());
    const run = runAction(repo, {
      nodeArgs: t.args,
      inputs: { "only-changed": "true", "sarif-file": "x.sarif" },
      event: { name: "pull_request_target", payload: { pull_request: { base: { sha: base } } } },
      env: LINKS,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("only-changed: only findings on lines this pull request added or changed");
    const trace = readFileSync(t.log, "utf8").split("\n").filter((l) => l && !l.startsWith("module "));
    expect(trace.length).toBeGreaterThan(0);
    for (const line of trace) expect(line).toMatch(/^process execFileSync git$/);
    expect(readdirSync(repo)).not.toContain("pwned");
  });

  it("holds no HTTP client: @actions/http-client is replaced by a stub in the bundle", () => {
    const text = readdirSync(join(ROOT, "dist/chunks"))
      .map((c) => readFileSync(join(ROOT, "dist/chunks", c), "utf8"))
      .concat(readFileSync(ACTION, "utf8"))
      .join("\n");
    // (toMatch on megabytes of code would print them all on failure.)
    expect(/undici|tunnel-agent|ProxyAgent/.test(text)).toBe(false);
    expect(/\bHttpClient\b.*actions\/oidc-client/.test(text)).toBe(false);
  });
});

describe("the bundled action on Python MCP code", () => {
  const workspace = tempDir();
  cpSync(join(ROOT, "test/fixtures/python/threaded-stdio-server.py"), join(workspace, "server.py"));
  // Not MCP code: skipped unread by the rules (no finding, no grammar needed for it).
  cpSync(join(ROOT, "test/fixtures/python/threaded-stdio-server.py"), join(workspace, "notes.txt"));
  const expected = cliFindings(workspace);
  const run = runAction(workspace, { inputs: { "sarif-file": "mcp-lint.sarif" }, env: LINKS });

  it("annotates the issue's example on each wrong line, as the CLI does", () => {
    expect(expected.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      "server.py:6 mcp-api-mismatch",
      "server.py:7 stdio-server-usage",
      "server.py:9 no-fixed-sleep-before-connect",
      "server.py:10 no-stdout-in-stdio-server",
    ]);
    const shown = annotations(run).map((c) => `${c.command} ${c.properties.file}:${c.properties.line} ${c.properties.title}`);
    expect(shown.sort()).toEqual(expected.map((f) => `${f.severity} ${f.file}:${f.line} ${f.ruleId}`).sort());
    expect(run.status).toBe(1);
  });

  it("writes the Python findings to SARIF and the summary", () => {
    const log = JSON.parse(readFileSync(join(workspace, "mcp-lint.sarif"), "utf8")) as SarifLog;
    const got = log.runs[0]!.results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.ruleId}`);
    expect(got.sort()).toEqual(expected.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort());
    expect(run.summary).toContain("[stdio-server-usage](");
  });
});
