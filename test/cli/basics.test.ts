import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../packages/core/src/rules/catalog.js";
import { copyFixture, parseJsonOutput, read, ROOT, runCli, tempDir, write, writeConfig } from "./helpers.js";

const cliVersion = (JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string }).version;

/** Linted files (relative), from the JSON report. */
function lintedFiles(stdout: string, dir: string): string[] {
  return parseJsonOutput(stdout).map((r) => r.filePath.slice(dir.length + 1));
}

function projectWithNodeModules(): string {
  const dir = copyFixture("project");
  // node_modules cannot be committed as a fixture (the repo ignores it): make it here. Linted, it would be a syntax error.
  write(dir, "node_modules/some-pkg/.mcp.json", '{ "mcpServers": ');
  writeConfig(dir);
  return dir;
}

describe("usage", () => {
  it("--version prints the package version", () => {
    const r = runCli(["--version"], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`v${cliVersion}\n`);
  });

  it("--help prints usage with every option", () => {
    const r = runCli(["-h"], { cwd: tempDir() });
    expect(r.status).toBe(0);
    for (const flag of ["--format", "--output-file", "--max-warnings", "--quiet", "--fix", "--rule", "--config", "--no-config-lookup", "--dialect", "--list-rules", "--print-config", "--no-color", "--suppress-all", "--prune-suppressions", "--suppressions-location", "--pass-on-unpruned-suppressions"])
      expect(r.stdout).toContain(flag);
  });

  it("an unknown option exits 2 with a usage hint", () => {
    const r = runCli(["--bogus"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("mcp-lint: Unknown option '--bogus'.\nRun \"mcp-lint --help\" for usage.\n");
  });

  it("an option missing its value exits 2", () => {
    const r = runCli(["--format"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--format");
  });

  it("a path that does not exist exits 2 with a clear message", () => {
    const dir = tempDir();
    const r = runCli(["missing.json"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('mcp-lint: No such file or folder: "missing.json". Check the path.\n');
  });

  it("a glob that matches nothing exits 2, as ESLint's 'No files matching the pattern'", () => {
    const r = runCli(["configs/*.yaml"], { cwd: copyFixture("project") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No files matching the pattern "configs/*.yaml" were found');
  });

  it("an unknown --format exits 2 with a did-you-mean", () => {
    const r = runCli(["-f", "jsn"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown format "jsn". Did you mean "json"?');
  });

  it("a bad --max-warnings exits 2", () => {
    const r = runCli(["--max-warnings", "many"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--max-warnings needs a whole number");
  });

  it("errors carry no stack trace unless DEBUG=mcp-lint", () => {
    const dir = projectWithNodeModules();
    write(dir, "blocker", "a file where a folder should be");
    const r = runCli(["-o", "blocker/report.txt"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cannot write the report to "blocker/report.txt"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("--list-rules", () => {
  it("lists every rule with severity, recommended, fixable and description", () => {
    const r = runCli(["--list-rules"], { cwd: tempDir() });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Rule\s+Default severity\s+Recommended\s+Fixable\s+Description$/);
    expect(lines).toHaveLength(allRules.length + 2);
    const npx = lines.find((l) => l.startsWith("npx-yes "));
    expect(npx).toMatch(/^npx-yes\s+info\s+no\s+yes\s+Convention: write `npx -y`/);
    for (const rule of allRules) expect(lines.some((l) => l.startsWith(`${rule.id} `))).toBe(true);
  });
});

describe("discovery", () => {
  it("walks dot-folders, skips node_modules, ignores non-MCP files, sorts the files", () => {
    const dir = projectWithNodeModules();
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(lintedFiles(r.stdout, dir)).toEqual([
      ".amazonq/mcp.json",
      ".cursor/mcp.json",
      ".gemini/settings.json",
      ".mcp.json",
      ".vscode/mcp.json",
      "legacy/.mcp.json",
    ]);
  });

  it("a non-MCP file named explicitly is skipped silently (exit 0)", () => {
    const dir = projectWithNodeModules();
    for (const file of ["package.json", "server.json"]) {
      const r = runCli([file], { cwd: dir });
      expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
    }
  });

  it("a file named explicitly is linted whatever its name and place (content sniffing, node_modules)", () => {
    const dir = projectWithNodeModules();
    write(dir, "team/shared-tools.json", '{ "mcpServers": { "x": { "command": "npx", "args": ["x-mcp@1.0.0"] } } }\n');
    const r = runCli(["-f", "json", "team/shared-tools.json", "node_modules/some-pkg/.mcp.json"], { cwd: dir });
    expect(r.status).toBe(1);
    const results = parseJsonOutput(r.stdout);
    expect(results.map((x) => x.filePath)).toEqual([join(dir, "node_modules/some-pkg/.mcp.json"), join(dir, "team/shared-tools.json")]);
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(["syntax"]);
    expect(results[1]!.messages.map((m) => m.ruleId)).toEqual(["npx-yes"]);
  });

  it("the same file twice is linted once", () => {
    const dir = projectWithNodeModules();
    const r = runCli(["-f", "json", ".mcp.json", ".", "./.mcp.json"], { cwd: dir });
    expect(lintedFiles(r.stdout, dir).filter((f) => f === ".mcp.json")).toHaveLength(1);
  });

  it("glob arguments match any file name and sniff the content", () => {
    const dir = projectWithNodeModules();
    const r = runCli(["-f", "json", "configs/*.json"], { cwd: dir });
    expect(lintedFiles(r.stdout, dir)).toEqual(["configs/team-cursor.json"]);
  });

  it("an empty folder is not an error", () => {
    const r = runCli([], { cwd: tempDir() });
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});

describe("discovery in a git work tree", () => {
  function gitRepo(): string {
    const dir = projectWithNodeModules();
    execFileSync("git", ["init", "-q"], { cwd: dir });
    write(dir, ".gitignore", "legacy/\n*.local.json\n");
    write(dir, "sub/.gitignore", ".cursor/\n");
    write(dir, "sub/.cursor/mcp.json", read(dir, ".cursor/mcp.json"));
    write(dir, "sub/.vscode/mcp.json", read(dir, ".vscode/mcp.json"));
    write(dir, "other/.roo/mcp.json", read(dir, ".gemini/settings.json"));
    return dir;
  }

  it("honours .gitignore files, nested ones included", () => {
    const dir = gitRepo();
    const r = runCli(["-f", "json"], { cwd: dir });
    expect(lintedFiles(r.stdout, dir)).toEqual([
      ".amazonq/mcp.json",
      ".cursor/mcp.json",
      ".gemini/settings.json",
      ".mcp.json",
      ".vscode/mcp.json",
      "other/.roo/mcp.json",
      "sub/.vscode/mcp.json",
    ]);
  });

  it("applies the .gitignore files above a folder named on the command line", () => {
    const dir = gitRepo();
    const r = runCli(["-f", "json", "sub"], { cwd: dir });
    expect(lintedFiles(r.stdout, dir)).toEqual(["sub/.vscode/mcp.json"]);
  });

  it("lints git-ignored files and folders named explicitly", () => {
    const dir = gitRepo();
    expect(lintedFiles(runCli(["-f", "json", "legacy/.mcp.json"], { cwd: dir }).stdout, dir)).toEqual(["legacy/.mcp.json"]);
    expect(lintedFiles(runCli(["-f", "json", "legacy"], { cwd: dir }).stdout, dir)).toEqual(["legacy/.mcp.json"]);
  });

  it("ignore files with only comments and blank lines ignore nothing; a pattern among comments still applies", () => {
    const dir = gitRepo();
    write(dir, ".gitignore", "# comment\n\n   \n#legacy/\n");
    write(dir, "sub/.gitignore", "# only a comment\r\n");
    write(dir, ".git/info/exclude", "# git ls-files --others --exclude-from=.git/info/exclude\n# *.[oa]\n");
    write(dir, "other/.gitignore", "# comment\n.roo/\n");
    const linted = lintedFiles(runCli(["-f", "json"], { cwd: dir }).stdout, dir);
    expect(linted).toContain("legacy/.mcp.json");
    expect(linted).toContain("sub/.cursor/mcp.json");
    expect(linted).not.toContain("other/.roo/mcp.json");
  });

  it("outside a git work tree, .gitignore files mean nothing", () => {
    const dir = projectWithNodeModules();
    write(dir, ".gitignore", "legacy/\n");
    expect(lintedFiles(runCli(["-f", "json"], { cwd: dir }).stdout, dir)).toContain("legacy/.mcp.json");
  });
});

describe("exit codes", () => {
  it("0 when there are only warnings", () => {
    const r = runCli([], { cwd: projectWithNodeModules() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("3 problems (0 errors, 3 warnings, 0 infos)");
  });

  it("1 when there is an error", () => {
    const dir = copyFixture("broken");
    writeConfig(dir);
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("syntax");
  });

  it("--max-warnings: more warnings than allowed exits 1 with ESLint's message", () => {
    const dir = projectWithNodeModules();
    const over = runCli(["--max-warnings", "2"], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe("mcp-lint found too many warnings (maximum: 2).\n");
    const at = runCli(["--max-warnings", "3"], { cwd: dir });
    expect(at.status).toBe(0);
    expect(at.stderr).toBe("");
  });

  it("--quiet reports errors only, and warnings then do not count", () => {
    const dir = projectWithNodeModules();
    const r = runCli(["--quiet", "--max-warnings", "0"], { cwd: dir });
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
    const json = runCli(["--quiet", "-f", "json"], { cwd: dir });
    expect(parseJsonOutput(json.stdout).every((x) => x.messages.length === 0 && x.warningCount === 0)).toBe(true);
  });
});

describe("--rule", () => {
  it("turns a rule off or changes its severity", () => {
    const dir = projectWithNodeModules();
    expect(runCli(["--rule", "npx-yes:off"], { cwd: dir })).toEqual({ status: 0, stdout: "", stderr: "" });
    const err = runCli(["--rule", "npx-yes:error", "-f", "json"], { cwd: dir });
    expect(err.status).toBe(1);
    expect(parseJsonOutput(err.stdout).flatMap((x) => x.messages.map((m) => m.severity))).toEqual([2, 2, 2]);
    expect(runCli(["--rule", "npx-yes:2"], { cwd: dir }).status).toBe(1);
    expect(runCli(["--rule", "npx-yes:warn", "--rule", "npx-yes:0"], { cwd: dir }).stdout).toBe("");
  });

  it("rejects unknown rules and severities (exit 2)", () => {
    const dir = projectWithNodeModules();
    const unknown = runCli(["--rule", "npx-yess:off"], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('mcp-lint: --rule: Unknown rule "npx-yess". Did you mean "npx-yes"?\n');
    const badSeverity = runCli(["--rule", "npx-yes:loud"], { cwd: dir });
    expect(badSeverity.status).toBe(2);
    expect(badSeverity.stderr).toContain('Invalid severity "loud"');
    expect(runCli(["--rule", "npx-yes"], { cwd: dir }).status).toBe(2);
    const options = runCli(["--rule", 'npx-yes:["error", {"x": 1}]'], { cwd: dir });
    expect(options.status).toBe(2);
    expect(options.stderr).toContain('Rule "npx-yes" takes no options');
  });

  it("beats the config file, its overrides and its pointer overrides", () => {
    const dir = projectWithNodeModules();
    writeConfig(dir, { overrides: [{ files: [".mcp.json#/mcpServers/files"], rules: { "npx-yes": "off" } }], rules: { "npx-yes": "off" } });
    const r = runCli(["--rule", "npx-yes:error", "-f", "json", ".mcp.json"], { cwd: dir });
    expect(parseJsonOutput(r.stdout)[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([["npx-yes", 2]]);
  });
});

describe("--fix", () => {
  it("rewrites the file with the fix and keeps everything else byte for byte", () => {
    const dir = projectWithNodeModules();
    const before = read(dir, ".mcp.json");
    const r = runCli(["--fix", ".mcp.json"], { cwd: dir });
    expect(r).toEqual({ status: 0, stdout: "", stderr: "" });
    const after = read(dir, ".mcp.json");
    expect(after).toBe(
      before.replace('"args": ["@modelcontextprotocol/server-filesystem', '"args": ["-y", "@modelcontextprotocol/server-filesystem'),
    );
    expect(after).not.toBe(before);
  });

  it("leaves files without fixes untouched and reports what remains", () => {
    const dir = copyFixture("broken");
    writeConfig(dir);
    const before = read(dir, ".mcp.json");
    const r = runCli(["--fix"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(read(dir, ".mcp.json")).toBe(before);
  });

  it("without --fix, files are never written", () => {
    const dir = projectWithNodeModules();
    const before = read(dir, ".mcp.json");
    runCli([], { cwd: dir });
    expect(read(dir, ".mcp.json")).toBe(before);
  });
});

describe("--output-file", () => {
  it("writes the report to the file, not stdout", () => {
    const dir = projectWithNodeModules();
    const r = runCli(["-f", "json", "-o", "reports/mcp-lint.json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(parseJsonOutput(read(dir, "reports/mcp-lint.json"))).toHaveLength(6);
  });
});
