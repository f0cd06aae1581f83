import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyRuleOverrides,
  findConfigFile,
  loadConfig,
  parseConfig,
  parseRuleSpec,
  parseSeverity,
  resolveFileSettings,
  type McpLintConfig,
} from "../../packages/core/src/settings/settings.js";
import { ConfigError } from "../../packages/core/src/model/errors.js";
import { configRules } from "../../packages/core/src/rules/index.js";
import { allRules, presetSeverities } from "../../packages/core/src/rules/catalog.js";
import { schemaAjv } from "../../packages/core/src/util/schema-validation.js";
import { defaultRuleSettings } from "../../packages/core/src/engine/lint-config-text.js";
import schema from "../../packages/core/src/schemas/mcp-lint.config.schema.json" with { type: "json" };

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-config-"));
  temps.push(dir);
  return dir;
}

const DIR = "/work/project";
const parse = (text: string): McpLintConfig => parseConfig(text, join(DIR, "mcp-lint.config.json"), "mcp-lint.config.json");

function configError(text: string): ConfigError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseSeverity", () => {
  it("accepts mcp-lint words and ESLint aliases", () => {
    expect(["off", "info", "warning", "warn", "error", "ERROR", 0, 1, 2].map(parseSeverity)).toEqual([
      "off",
      "info",
      "warning",
      "warning",
      "error",
      "error",
      "off",
      "warning",
      "error",
    ]);
    expect([3, "loud", null, true].map(parseSeverity)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("parseConfig", () => {
  it("reads JSONC: comments and trailing commas", () => {
    const config = parse(`{
      // team defaults
      "$schema": "./node_modules/@mcp-lint/core/dist/schemas/mcp-lint.config.schema.json",
      "preset": "strict",
      "rules": { "npx-yes": "off", "syntax": 2, /* aliases */ "strict-json": "warn", },
      "ignores": ["fixtures/**"],
      "dialects": { "configs/team-cursor.json": "cursor" },
      "overrides": [{ "files": ["legacy/**"], "rules": { "npx-yes": ["error"] }, "reason": "old" }],
    }`);
    expect(config.file).toBe(join(DIR, "mcp-lint.config.json"));
    expect(config.dir).toBe(DIR);
    expect(config.preset).toBe("strict");
    expect(config.rules).toEqual({ "npx-yes": { severity: "off" }, syntax: { severity: "error" }, "strict-json": { severity: "warning" } });
    expect(config.ignores).toEqual(["fixtures/**"]);
    expect(config.dialects).toEqual({ "configs/team-cursor.json": "cursor" });
    expect(config.overrides).toEqual([{ files: ["legacy/**"], rules: { "npx-yes": { severity: "error" } }, reason: "old" }]);
  });

  it("an empty object is the recommended preset", () => {
    expect(parse("{}")).toMatchObject({ preset: "recommended", rules: {}, ignores: [], dialects: {}, overrides: [] });
  });

  it("a syntax error is located", () => {
    const e = configError('{\n  "rules": {\n    "npx-yes": "off"\n  \n');
    expect(e.file).toBe("mcp-lint.config.json");
    expect([e.line, e.column]).toEqual([5, 1]);
    expect(e.message).toContain("Unexpected end of file");
    expect(e.describe()).toBe(`mcp-lint.config.json:5:1: ${e.message}`);
  });

  it("an unknown rule is reported at its key, with a did-you-mean", () => {
    const e = configError('{\n  "rules": {\n    "npx-yess": "off"\n  }\n}');
    expect([e.line, e.column]).toEqual([3, 5]);
    expect(e.message).toBe('Unknown rule "npx-yess". Did you mean "npx-yes"? Remove it or fix the name.');
  });

  it("an unknown rule far from any name gets no guess", () => {
    expect(configError('{ "rules": { "completely-different": "off" } }').message).toBe(
      'Unknown rule "completely-different". Remove it or fix the name.',
    );
  });

  it("unknown rules in overrides are found too", () => {
    const e = configError('{ "overrides": [\n { "files": ["a.json"], "rules": { "sintax": "off" } }\n] }');
    expect([e.line, e.column]).toEqual([2, 36]);
    expect(e.message).toContain('Did you mean "syntax"?');
  });

  it("a bad severity is reported at the value", () => {
    const e = configError('{\n  "rules": { "npx-yes": "loud" }\n}');
    expect([e.line, e.column]).toEqual([2, 25]);
    expect(e.message).toBe('Invalid setting for rule "npx-yes": use a severity ("off", "info", "warning" or "error") or [severity, { options }].');
    expect(configError('{ "rules": { "npx-yes": [] } }').message).toContain('Invalid setting for rule "npx-yes"');
    expect(configError('{ "rules": { "npx-yes": ["error", {}, {}] } }').message).toContain('Invalid setting for rule "npx-yes"');
  });

  it("options of a rule without options are refused", () => {
    const e = configError('{ "rules": { "npx-yes": ["error", { "x": 1 }] } }');
    expect(e.message).toBe('Rule "npx-yes" takes no options: write just its severity.');
    expect(e.column).toBe(35);
    expect(parse('{ "rules": { "npx-yes": ["error", {}] } }').rules["npx-yes"]).toEqual({ severity: "error", options: {} });
  });

  it("options are validated against the rule's schema", () => {
    const rule = configRules.find((r) => (r.meta.schema[0] as { additionalProperties?: unknown } | undefined)?.additionalProperties === false);
    expect(rule, "a rule with an options schema").toBeDefined();
    const id = rule!.meta.id;
    const e = configError(`{ "rules": { "${id}": ["error", { "__bogus__": 1 }] } }`);
    expect(e.message).toBe(`Invalid options for rule "${id}": unknown option "__bogus__".`);
    expect(parse(`{ "rules": { "${id}": ["warn", {}] } }`).rules[id]).toEqual({ severity: "warning", options: {} });
  });

  it("unknown top-level keys get a did-you-mean and the allowed list", () => {
    const e = configError('{\n  "ignore": ["x"]\n}');
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.message).toBe('Unknown key "ignore" in the config. Did you mean "ignores"? Allowed keys: "$schema", "root", "preset", "rules", "ignores", "dialects", "overrides".');
  });

  it("wrong types, enums, missing keys and empty lists are explained", () => {
    expect(configError('{ "preset": "strcit" }').message).toBe('"preset" must be one of "recommended", "strict", "all".');
    expect(configError('{ "ignores": "x" }').message).toBe('"ignores" must be an array.');
    expect(configError('{ "overrides": [{ "rules": {} }] }').message).toBe('"overrides[0]" needs "files".');
    expect(configError('{ "overrides": [{ "files": [] }] }').message).toBe('"overrides[0].files" must not be empty.');
    expect(configError('{ "overrides": [{ "files": ["a"], "rule": {} }] }').message).toContain('Unknown key "rule" in "overrides[0]". Did you mean "rules"?');
    expect(configError("[]").message).toBe("The config must be an object.");
  });

  it("an unknown dialect gets a did-you-mean", () => {
    const e = configError('{ "dialects": { "x.json": "cursr" } }');
    expect(e.message).toMatch(/^Unknown dialect "cursr"\. Did you mean "cursor"\? Known dialects: .*vscode/);
  });

  it("a #fragment in override files must be a JSON pointer", () => {
    expect(configError('{ "overrides": [{ "files": ["a.json#mcpServers"] }] }').message).toBe(
      '"a.json#mcpServers": the part after "#" must be a JSON pointer such as "#/mcpServers/github".',
    );
    expect(parse('{ "overrides": [{ "files": ["a.json#/mcpServers/my%20server"], "rules": {} }] }').overrides).toHaveLength(1);
  });
});

describe("the config JSON Schema", () => {
  it("names every rule (for editor completion) and every severity", () => {
    const props = (schema as unknown as { definitions: { rules: { properties: Record<string, unknown> } } }).definitions.rules.properties;
    expect(Object.keys(props).sort()).toEqual(allRules.map((r) => r.id).sort());
  });

  // At run time settings.ts compiles these with `validateSchema: false` (a cold start does not compile the
  // meta-schema), so the check against draft-07's meta-schema is made here.
  it("it and every rule's options schema are valid against the JSON Schema meta-schema", () => {
    const ajv = schemaAjv({ strict: true });
    const schemas: Array<[string, unknown]> = [["mcp-lint.config.schema.json", schema], ...allRules.flatMap((r) => r.schema.map((s): [string, unknown] => [r.id, s]))];
    expect(schemas.length).toBeGreaterThan(1);
    for (const [id, s] of schemas) {
      expect(ajv.validateSchema(s as object), id).toBe(true);
      expect(ajv.errors ?? null, id).toBeNull();
    }
  });
});

describe("findConfigFile / loadConfig", () => {
  it("finds the nearest config upward and stops at the root", () => {
    const root = tempDir();
    mkdirSync(join(root, "a/b/c"), { recursive: true });
    writeFileSync(join(root, "mcp-lint.config.json"), "{}");
    writeFileSync(join(root, "a/mcp-lint.config.json"), "{}");
    expect(findConfigFile(join(root, "a/b/c"))).toBe(join(root, "a/mcp-lint.config.json"));
    expect(findConfigFile(join(root, "a"))).toBe(join(root, "a/mcp-lint.config.json"));
    expect(findConfigFile(root)).toBe(join(root, "mcp-lint.config.json"));
    const lonely = tempDir();
    expect(findConfigFile(lonely)).toBeUndefined();
  });

  it("loadConfig reports a missing file as not found", () => {
    const dir = tempDir();
    const error = (() => {
      try {
        loadConfig(join(dir, "nope.json"));
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect([error!.message, error!.file, error!.line, error!.column]).toEqual(["The config file was not found: check the path.", join(dir, "nope.json"), 1, 1]);
    expect(() => loadConfig(dir)).toThrow(/is a folder/);
  });
});

describe("resolveFileSettings", () => {
  const config = parse(`{
    "preset": "recommended",
    "rules": { "npx-yes": "error" },
    "ignores": ["fixtures/**", "tmp/", "*.bak.json"],
    "dialects": { "configs/*.json": "cursor", "configs/vs.json": "vscode" },
    "overrides": [
      { "files": ["legacy/**/*.json"], "rules": { "npx-yes": "off", "strict-json": "warn" } },
      { "files": [".mcp.json#/mcpServers/github/env", "other.json"], "rules": { "no-hardcoded-secrets": "off" }, "reason": "test token" },
      { "files": ["legacy/deep/**"], "rules": { "npx-yes": "info" } }
    ]
  }`);

  it("without a config: the recommended defaults", () => {
    const s = resolveFileSettings(undefined, "/x/.mcp.json");
    expect(s.ignored).toBe(false);
    expect(s.pointerOverrides).toEqual([]);
    expect(Object.fromEntries(Object.entries(s.rules).map(([id, r]) => [id, r.severity]))).toEqual(presetSeverities("recommended"));
    // The config rules' part is exactly the runner's own defaults.
    for (const [id, setting] of Object.entries(defaultRuleSettings("recommended"))) expect(s.rules[id]).toEqual(setting);
  });

  it("merges the preset, the rules and matching overrides in order", () => {
    expect(resolveFileSettings(config, join(DIR, ".cursor/mcp.json")).rules["npx-yes"]).toEqual({ severity: "error" });
    const legacy = resolveFileSettings(config, join(DIR, "legacy/a/.mcp.json"));
    expect(legacy.rules["npx-yes"]).toEqual({ severity: "off" });
    expect(legacy.rules["strict-json"]).toEqual({ severity: "warning" });
    expect(resolveFileSettings(config, join(DIR, "legacy/deep/x.json")).rules["npx-yes"]).toEqual({ severity: "info" });
    expect(resolveFileSettings(config, join(DIR, "legacy/deep/x.json")).rules["strict-json"]).toEqual({ severity: "warning" });
  });

  it("the strict preset turns every rule on", () => {
    const strict = resolveFileSettings(parse('{ "preset": "strict" }'), join(DIR, "a.json"));
    for (const rule of allRules) expect(strict.rules[rule.id]!.severity).toBe(rule.severity);
  });

  it("ignores: globs relative to the config folder, dotfiles included, folder patterns", () => {
    expect(resolveFileSettings(config, join(DIR, "fixtures/.cursor/mcp.json")).ignored).toBe(true);
    expect(resolveFileSettings(config, join(DIR, "tmp/x/.mcp.json")).ignored).toBe(true);
    expect(resolveFileSettings(config, join(DIR, "a.bak.json")).ignored).toBe(true);
    expect(resolveFileSettings(config, join(DIR, "sub/fixtures/.mcp.json")).ignored).toBe(false);
    expect(resolveFileSettings(config, join(DIR, ".mcp.json")).ignored).toBe(false);
    // Files outside the config's folder are never matched.
    expect(resolveFileSettings(config, "/elsewhere/fixtures/x.json").ignored).toBe(false);
  });

  it("dialects: the last matching glob wins", () => {
    expect(resolveFileSettings(config, join(DIR, "configs/team.json")).dialect).toBe("cursor");
    expect(resolveFileSettings(config, join(DIR, "configs/vs.json")).dialect).toBe("vscode");
    expect(resolveFileSettings(config, join(DIR, "team.json")).dialect).toBeUndefined();
  });

  it("file#pointer entries become pointer overrides for that file only", () => {
    const s = resolveFileSettings(config, join(DIR, ".mcp.json"));
    expect(s.pointerOverrides).toEqual([{ pointer: "/mcpServers/github/env", rules: { "no-hardcoded-secrets": { severity: "off" } } }]);
    expect(s.rules["no-hardcoded-secrets"]!.severity).toBe("error");
    // A plain entry of the same override applies to the whole of that file.
    const other = resolveFileSettings(config, join(DIR, "other.json"));
    expect(other.rules["no-hardcoded-secrets"]).toEqual({ severity: "off" });
    expect(other.pointerOverrides).toEqual([]);
    expect(resolveFileSettings(config, join(DIR, "sub/.mcp.json")).pointerOverrides).toEqual([]);
  });

  it("a severity alone keeps options set earlier (as ESLint)", () => {
    const withOptions = parseConfig(
      '{ "rules": { "npx-yes": ["warn", {}] }, "overrides": [{ "files": ["a/**"], "rules": { "npx-yes": "error" } }] }',
      join(DIR, "mcp-lint.config.json"),
    );
    expect(resolveFileSettings(withOptions, join(DIR, "a/x.json")).rules["npx-yes"]).toEqual({ severity: "error", options: {} });
  });

  it("command-line rules beat everything, pointer overrides included", () => {
    const s = applyRuleOverrides(resolveFileSettings(config, join(DIR, ".mcp.json")), { "no-hardcoded-secrets": { severity: "warning" } });
    expect(s.rules["no-hardcoded-secrets"]).toEqual({ severity: "warning" });
    expect(s.pointerOverrides).toEqual([]);
  });
});

describe("parseRuleSpec", () => {
  it("parses id:severity and id:[severity, options]", () => {
    expect(parseRuleSpec("npx-yes:off")).toEqual({ id: "npx-yes", setting: { severity: "off" } });
    expect(parseRuleSpec("mcp-lint/npx-yes: 2")).toEqual({ id: "npx-yes", setting: { severity: "error" } });
    expect(parseRuleSpec('npx-yes:["warn", {}]')).toEqual({ id: "npx-yes", setting: { severity: "warning", options: {} } });
  });

  it("explains what is wrong", () => {
    expect(parseRuleSpec("npx-yes")).toEqual({ error: 'Invalid rule setting "npx-yes": write it as id:severity, e.g. npx-yes:off.' });
    expect(parseRuleSpec("npx-yess:off")).toEqual({ error: 'Unknown rule "npx-yess". Did you mean "npx-yes"?' });
    expect(parseRuleSpec("npx-yes:loud")).toEqual({ error: 'Invalid severity "loud" for rule "npx-yes": use off, info, warning or error.' });
    expect(parseRuleSpec("npx-yes:[oops")).toEqual({ error: 'Invalid setting for rule "npx-yes": write [severity, { options }] as JSON.' });
  });
});
