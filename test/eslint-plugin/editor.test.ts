import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint as ESLint10, Linter as Linter10 } from "eslint";
import { ESLint as ESLint9, Linter as Linter9 } from "eslint9";
import json, { JSONLanguage } from "@eslint/json";
import { describe, expect, it } from "vitest";
import mcpLint from "@mcp-lint/eslint-plugin";
import { dialectForPath, dialects, lintConfigText, MCP_JSON_FILES, type Finding } from "@mcp-lint/core";
import { PROJECT, ROOT } from "./helpers.js";

/**
 * What an editor integration sees through ESLint's API (ESLint class and Linter), on ESLint 10 and on ESLint 9:
 * disable directives, suggestions, fixes, the files the configs claim, and findings equal to the CLI's.
 */

type AnyESLint = typeof ESLint10;
type AnyLinter = typeof Linter10;
const versions: Array<[string, AnyESLint, AnyLinter]> = [
  ["ESLint 10", ESLint10, Linter10],
  ["ESLint 9", ESLint9 as unknown as AnyESLint, Linter9 as unknown as AnyLinter],
];

const SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";

const server = new McpServer({ name: "notes", version: "1.0.0" });
console.log("starting");
await server.connect(new StdioServerTransport());
`;

const VSCODE = `{
  "servers": {
    "notes": {
      "command": "node",
      "env": { "NOTES_DIR": "\${NOTES_DIR}" }
    }
  }
}
`;

function walkJson(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(path).isDirectory()) walkJson(path, out);
    else if (/\.jsonc?$/.test(name)) out.push(path);
  }
  return out;
}

describe.each(versions)("%s", (_version, ESLint, Linter) => {
  const eslint = new ESLint({ cwd: PROJECT, overrideConfigFile: true, overrideConfig: mcpLint.configs.recommended });
  const lint = async (file: string, text: string) => (await eslint.lintText(text, { filePath: join(PROJECT, file) }))[0]!.messages;

  it("reports in a JSONC config file, and eslint-disable-next-line mcp-lint/<rule> suppresses it", async () => {
    const messages = await lint(".vscode/mcp.json", VSCODE);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["mcp-lint/variable-syntax", 5, 30]]);
    const disabled = VSCODE.replace(`      "env"`, `      // eslint-disable-next-line mcp-lint/variable-syntax -- expanded by our wrapper\n      "env"`);
    expect(await lint(".vscode/mcp.json", disabled)).toEqual([]);
    // Block form, and an unrelated rule does not suppress it.
    expect(await lint(".vscode/mcp.json", `/* eslint-disable mcp-lint/variable-syntax */\n${VSCODE}`)).toEqual([]);
    const other = VSCODE.replace(`      "env"`, `      // eslint-disable-next-line mcp-lint/npx-yes\n      "env"`);
    // ESLint's own unused-directive report (ruleId null) comes with it, as for any rule.
    expect((await lint(".vscode/mcp.json", other)).map((m) => [m.ruleId, m.line])).toEqual([
      [null, 5],
      ["mcp-lint/variable-syntax", 6],
    ]);
  });

  it("honours mcp-lint's own disable comments too, as the CLI does", async () => {
    const disabled = VSCODE.replace(`      "env"`, `      // mcp-lint-disable-next-line variable-syntax\n      "env"`);
    expect(await lint(".vscode/mcp.json", disabled)).toEqual([]);
  });

  it("still reports the directive comment itself in a strict-JSON client's file (the client would reject the file)", async () => {
    const text = `{\n  "mcpServers": {\n    // eslint-disable-next-line mcp-lint/npx-yes\n    "a": {"command": "npx", "args": ["pkg"]}\n  }\n}\n`;
    const messages = await lint(".cursor/mcp.json", text);
    // npx-yes is off by default since issue 12, so ESLint may also note the directive as unused (ruleId null).
    expect(messages.filter((m) => m.ruleId !== null).map((m) => [m.ruleId, m.line])).toEqual([["mcp-lint/strict-json", 3]]);
  });

  it("reports in TypeScript, and eslint-disable-next-line suppresses it", async () => {
    const messages = await lint("src/server.ts", SERVER);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["mcp-lint/no-stdout-in-stdio-server", 5, 1]]);
    const disabled = SERVER.replace(`console.log`, `// eslint-disable-next-line mcp-lint/no-stdout-in-stdio-server\nconsole.log`);
    expect(await lint("src/server.ts", disabled)).toEqual([]);
  });

  it("puts suggestions on messages, whose fixes give the suggested text", async () => {
    const text = `{\n  // servers\n  "mcpServers": {}\n}\n`;
    const [comment] = await lint(".cursor/mcp.json", text);
    expect(comment!.ruleId).toBe("mcp-lint/strict-json");
    expect(comment!.fix).toBeUndefined();
    expect(comment!.suggestions).toHaveLength(1);
    const s = comment!.suggestions![0]!;
    expect(s.desc).toBe("Remove the comment");
    expect(text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1])).toBe(`{\n  "mcpServers": {}\n}\n`);

    const [log] = await lint("src/server.ts", SERVER);
    expect(log!.suggestions?.map((x) => x.desc)).toEqual(["Write to stderr instead (console.error())."]);
  });

  it("works through the Linter API with the configs as given (what editor servers call)", () => {
    const linter = new Linter({ configType: "flat", cwd: PROJECT });
    const messages = linter.verify(VSCODE, mcpLint.configs.recommended, { filename: join(PROJECT, ".vscode/mcp.json") });
    expect(messages.map((m) => m.ruleId)).toEqual(["mcp-lint/variable-syntax"]);
    const fixed = linter.verifyAndFix(VSCODE, mcpLint.configs.recommended, { filename: join(PROJECT, ".vscode/mcp.json") });
    expect(fixed.output).toBe(VSCODE.replace("${NOTES_DIR}", "${env:NOTES_DIR}"));
  });

  it("declares the languages of its rules: ESLint 10 refuses a config rule on JavaScript, ESLint 9 runs it as a no-op", () => {
    const linter = new Linter({ configType: "flat", cwd: PROJECT });
    const config = [{ files: ["**/*.js"], plugins: { "mcp-lint": mcpLint }, rules: { "mcp-lint/npx-yes": "error" as const } }];
    const verify = () => linter.verify(`const a = "npx pkg";`, config, { filename: join(PROJECT, "a.js") });
    if (Number(Linter.version.split(".")[0]) >= 10) expect(verify).toThrow(/"mcp-lint\/npx-yes"/);
    else expect(verify()).toEqual([]);
  });

  it("refuses an unknown dialect in settings with the list of dialects", () => {
    const linter = new Linter({ configType: "flat", cwd: PROJECT });
    const config = [...mcpLint.configs.recommended, { files: ["**/*.json"], settings: { "mcp-lint": { dialect: "vscodium" } } }];
    expect(() => linter.verify(VSCODE, config, { filename: join(PROJECT, ".vscode/mcp.json") })).toThrow(/Unknown mcp-lint dialect "vscodium".*Use one of: .*vscode/s);
  });

  it("claims every JSON dialect's file, and no YAML or TOML file", async () => {
    const base = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: mcpLint.configs.recommended });
    const fixtures = join(ROOT, "test/fixtures/dialects");
    for (const d of dialects) {
      const dir = join(fixtures, d.id);
      const files = walkJson(dir).concat(readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(ya?ml|toml)$/.test(f)).map((f) => join(dir, f)));
      expect(files.length, `a fixture for ${d.id}`).toBeGreaterThan(0);
      for (const file of files) {
        const config = (await base.calculateConfigForFile(file)) as { language?: unknown; languageOptions?: Record<string, unknown> } | undefined;
        if (d.format === "json") {
          // @eslint/json's JSONC language (the plugin's subclass with trailing commas allowed by default).
          expect(config?.language, relative(ROOT, file)).toBeInstanceOf(JSONLanguage);
          expect(config?.language).not.toBe(json.languages.jsonc);
          expect(config?.languageOptions?.allowTrailingCommas).toBe(true);
          if (d.paths.length > 0) expect(dialectForPath(file)?.id).toBe(d.id);
        } else {
          expect(config, relative(ROOT, file)).toBeUndefined();
        }
      }
    }
  });

  it("reports what the CLI reports on every JSON config fixture (rule, range, message, fix, suggestions)", () => {
    const linter = new Linter({ configType: "flat", cwd: ROOT });
    const files = [
      ...walkJson(join(ROOT, "test/fixtures/dialects")),
      ...walkJson(join(ROOT, "test/fixtures/cli")),
      ...walkJson(join(ROOT, "examples")),
      ...walkJson(PROJECT),
    ];
    let compared = 0;
    const fatalFiles: string[] = [];
    let findings = 0;
    for (const file of files) {
      const rel = relative(ROOT, file);
      // Only files the configs claim (the CLI reads others only when named or mapped in its config).
      const claimed = MCP_JSON_FILES.some((g) => new RegExp(`(^|/)${g.replace(/^\*\*\//, "").replace(/\./g, "\\.")}$`).test(rel));
      if (!claimed) continue;
      const text = readFileSync(file, "utf8");
      const cli = lintConfigText(file, text, { rules: Object.fromEntries(allConfigRules().map((id) => [id, { severity: "error" as const }])) });
      const messages = linter.verify(text, mcpLint.configs.all, { filename: file });
      const fatal = messages.find((m) => m.fatal);
      if (fatal) {
        // A file the JSON parser cannot read: ESLint stops with its own parse error (ruleId null) before any rule runs,
        // where the CLI reports mcp-lint's `syntax` finding; both at the same place.
        expect(messages, rel).toHaveLength(1);
        expect(cli.findings.map((f) => [f.ruleId, f.line, f.column]), rel).toEqual([["syntax", fatal.line, fatal.column]]);
        fatalFiles.push(rel);
        continue;
      }
      const expected = cli.findings.map(view);
      const actual = messages
        .map((m) => ({
          ruleId: m.ruleId!.replace(/^mcp-lint\//, ""),
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          message: m.message,
          fix: m.fix ? { range: [...m.fix.range], text: m.fix.text } : undefined,
          suggestions: m.suggestions?.map((s) => ({ desc: s.desc, fix: { range: [...s.fix.range], text: s.fix.text } })),
        }))
        .sort(order);
      expect(actual, rel).toEqual(expected.sort(order));
      compared++;
      findings += expected.length;
    }
    expect(fatalFiles).toEqual(["test/fixtures/cli/broken/.mcp.json"]);
    expect(compared).toBeGreaterThanOrEqual(25);
    expect(findings).toBeGreaterThanOrEqual(40);
  });
});

function allConfigRules(): string[] {
  return Object.keys(mcpLint.rules).filter((id) => mcpLint.configs.all[0]!.rules![`mcp-lint/${id}`] !== undefined);
}

function view(f: Finding) {
  return {
    ruleId: f.ruleId,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    fix: f.fix ? { range: [...f.fix.range], text: f.fix.text } : undefined,
    suggestions: f.suggestions?.map((s) => ({ desc: s.desc, fix: { range: [...s.fix.range], text: s.fix.text } })),
  };
}

function order(a: { line: number; column: number; ruleId: string; message: string }, b: typeof a): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

describe("the VS Code setup in the plugin's README", () => {
  const readme = readFileSync(join(ROOT, "packages/eslint-plugin/README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## VS Code"));
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];

  it("is a settings object with the extension's documented eslint.validate key only", () => {
    expect(block).toBeDefined();
    const settings = JSON.parse(block!) as Record<string, unknown>;
    expect(Object.keys(settings)).toEqual(["eslint.validate"]);
    expect(Array.isArray(settings["eslint.validate"])).toBe(true);
  });

  it("names the languages of every file the configs claim: json and jsonc, and keeps JavaScript and TypeScript (a listed validate is enforced)", () => {
    const validate = (JSON.parse(block!) as { "eslint.validate": string[] })["eslint.validate"];
    expect(validate).toEqual(expect.arrayContaining(["json", "jsonc", "javascript", "javascriptreact", "typescript", "typescriptreact"]));
    // The config files the recommended config claims are all JSON files; code rules run on JS/TS.
    expect(MCP_JSON_FILES.every((glob) => glob.endsWith(".json") || glob.endsWith(".jsonc"))).toBe(true);
  });
});
