import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dialectForPath, dialects, getDialect } from "../../packages/core/src/dialects/index.js";
import type { Finding } from "../../packages/core/src/model/finding.js";
import { detectDialect } from "../../packages/core/src/engine/lint-config-text.js";
import { schemaAjv, serverEntrySchemas } from "../../packages/core/src/util/schema-validation.js";
import { lintRule, slice } from "./helpers.js";

const FIXTURES = "test/fixtures/dialects";

/** A change to a correct fixture: replace `find` (must occur once) by `replace`; the finding must cover `expect`. */
interface Breakage {
  find: string;
  replace: string;
  /** Source text the finding points at (defaults to `replace` minus what follows the key). */
  expect: string;
  message: RegExp;
}

interface Case {
  id: string;
  /** Path of the fixture under test/fixtures/dialects/<id>/: the client's real file name. */
  path: string;
  misspelt: Breakage;
  wrongType: Breakage;
}

const cases: Case[] = [
  {
    id: "claude-desktop",
    path: "claude_desktop_config.json",
    misspelt: { find: '"env": {', replace: '"evn": {', expect: '"evn"', message: /Did you mean "env"\?/ },
    wrongType: { find: '"command": "docker"', replace: '"command": ["docker"]', expect: '["docker"]', message: /expects "command" to be a string/ },
  },
  {
    id: "claude-code",
    path: ".mcp.json",
    misspelt: { find: '"headers": {', replace: '"header": {', expect: '"header"', message: /Did you mean "headers"\?/ },
    wrongType: { find: '"DEBUG": "pw:mcp"', replace: '"DEBUG": 1', expect: "1", message: /expects "DEBUG" in "env" to be a string/ },
  },
  {
    id: "cursor",
    path: ".cursor/mcp.json",
    misspelt: { find: '"envFile"', replace: '"envfile"', expect: '"envfile"', message: /Rename it to "envFile"/ },
    wrongType: {
      find: '"args": ["-y", "@upstash/context7-mcp@1.0.14"]',
      replace: '"args": "-y @upstash/context7-mcp@1.0.14"',
      expect: '"-y @upstash/context7-mcp@1.0.14"',
      message: /expects "args" to be an array of strings/,
    },
  },
  {
    id: "vscode",
    path: ".vscode/mcp.json",
    misspelt: { find: '"password"', replace: '"pasword"', expect: '"pasword"', message: /in item 1 of "inputs".*Did you mean "password"\?/ },
    wrongType: { find: '"NODE_OPTIONS": null', replace: '"NODE_OPTIONS": true', expect: "true", message: /to be a string, a number or null/ },
  },
  {
    id: "vscode-settings",
    path: ".vscode/settings.json",
    misspelt: { find: '"password"', replace: '"pasword"', expect: '"pasword"', message: /in item 1 of "inputs".*Did you mean "password"\?/ },
    wrongType: { find: '"PYTHONUNBUFFERED": "1"', replace: '"PYTHONUNBUFFERED": true', expect: "true", message: /to be a string, a number or null/ },
  },
  {
    id: "windsurf",
    path: ".codeium/windsurf/mcp_config.json",
    misspelt: { find: '"serverUrl"', replace: '"serverURL"', expect: '"serverURL"', message: /Rename it to "serverUrl"/ },
    wrongType: { find: '"disabled": false', replace: '"disabled": "false"', expect: '"false"', message: /expects "disabled" to be true or false/ },
  },
  {
    id: "cline",
    path: "cline_mcp_settings.json",
    misspelt: { find: '"autoApprove": ["get_forecast"]', replace: '"autoAprove": ["get_forecast"]', expect: '"autoAprove"', message: /Did you mean "autoApprove"\?/ },
    wrongType: { find: '"timeout": 60', replace: '"timeout": "60s"', expect: '"60s"', message: /expects "timeout" to be a number/ },
  },
  {
    id: "roo",
    path: ".roo/mcp.json",
    misspelt: { find: '"alwaysAllow"', replace: '"alwaysallow"', expect: '"alwaysallow"', message: /Rename it to "alwaysAllow"/ },
    wrongType: {
      find: '"watchPaths": ["${workspaceFolder}/package.json"]',
      replace: '"watchPaths": "${workspaceFolder}/package.json"',
      expect: '"${workspaceFolder}/package.json"',
      message: /expects "watchPaths" to be an array of strings/,
    },
  },
  {
    id: "gemini",
    path: ".gemini/settings.json",
    misspelt: { find: '"excludeTools"', replace: '"excludedTools"', expect: '"excludedTools"', message: /rejects it\. Use "excludeTools" instead\./ },
    wrongType: { find: '"trust": false', replace: '"trust": "false"', expect: '"false"', message: /expects "trust" to be true or false/ },
  },
  {
    id: "codex",
    path: ".codex/config.toml",
    misspelt: { find: "tool_timeout_sec = 60", replace: "tool_timeout = 60", expect: "tool_timeout", message: /Did you mean "tool_timeout_sec"\?/ },
    wrongType: { find: "enabled = true", replace: 'enabled = "yes"', expect: '"yes"', message: /expects "enabled" to be true or false/ },
  },
  {
    id: "zed",
    path: ".zed/settings.json",
    misspelt: { find: '"timeout": 60', replace: '"timout": 60', expect: '"timout"', message: /Did you mean "timeout"\?/ },
    wrongType: { find: '"enabled": true', replace: '"enabled": "true"', expect: '"true"', message: /expects "enabled" to be true or false/ },
  },
  {
    id: "opencode",
    path: "opencode.json",
    misspelt: { find: '"environment"', replace: '"enviroment"', expect: '"enviroment"', message: /rejects it\. Did you mean "environment"\?/ },
    wrongType: {
      find: '"command": ["npx", "-y", "@playwright/mcp@0.0.41"]',
      replace: '"command": "npx -y @playwright/mcp@0.0.41"',
      expect: '"npx -y @playwright/mcp@0.0.41"',
      message: /expects "command" to be an array of strings, e\.g\. \["npx", "-y", "some-mcp-server"\]/,
    },
  },
  {
    id: "kiro",
    path: ".kiro/settings/mcp.json",
    misspelt: { find: '"autoApprove"', replace: '"autoapprove"', expect: '"autoapprove"', message: /Rename it to "autoApprove"/ },
    wrongType: { find: '"disabled": false', replace: '"disabled": 0', expect: "0", message: /expects "disabled" to be true or false/ },
  },
  {
    id: "amazonq",
    path: ".amazonq/mcp.json",
    misspelt: { find: '"timeout": 120000', replace: '"timout": 120000', expect: '"timout"', message: /Did you mean "timeout"\?/ },
    wrongType: { find: '"timeout": 120000', replace: '"timeout": "2m"', expect: '"2m"', message: /expects "timeout" to be a number/ },
  },
  {
    id: "continue",
    path: ".continue/mcpServers/playwright.yaml",
    misspelt: { find: "connectionTimeout: 30000", replace: "connectionTimout: 30000", expect: "connectionTimout", message: /Did you mean "connectionTimeout"\?/ },
    wrongType: {
      find: 'args:\n      - "-y"\n      - "@playwright/mcp@0.0.41"',
      replace: 'args: "-y @playwright/mcp@0.0.41"',
      expect: '"-y @playwright/mcp@0.0.41"',
      message: /expects "args" to be a list of strings/,
    },
  },
  {
    id: "goose",
    path: ".config/goose/config.yaml",
    misspelt: { find: "env_keys:", replace: "env_key:", expect: "env_key", message: /Did you mean "env_keys"\?/ },
    wrongType: {
      find: "timeout: 300\n    description",
      replace: "timeout: five minutes\n    description",
      expect: "five minutes",
      message: /expects "timeout" to be a whole number or null/,
    },
  },
  {
    id: "mcp-registry",
    path: "server.json",
    misspelt: { find: '"runtimeHint"', replace: '"runtime_hint"', expect: '"runtime_hint"', message: /Rename it to "runtimeHint"/ },
    wrongType: { find: '"isSecret": true', replace: '"isSecret": "yes"', expect: '"yes"', message: /expects "isSecret" in item 1 of "environmentVariables" to be true or false/ },
  },
  {
    id: "generic",
    path: ".junie/mcp/mcp.json",
    misspelt: { find: '"command": "uvx"', replace: '"comand": "uvx"', expect: '"comand"', message: /Did you mean "command"\?/ },
    wrongType: { find: '"alwaysAllow": ["fetch"]', replace: '"alwaysAllow": "fetch"', expect: '"fetch"', message: /expects "alwaysAllow" to be an array of strings/ },
  },
];

function fixture(c: Case): { file: string; text: string } {
  const file = join(FIXTURES, c.id, c.path);
  return { file, text: readFileSync(file, "utf8") };
}

function breakText(text: string, b: Breakage): string {
  const at = text.indexOf(b.find);
  expect(at, `fixture must contain ${JSON.stringify(b.find)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(b.find, at + 1), `fixture must contain ${JSON.stringify(b.find)} once`).toBe(-1);
  return text.slice(0, at) + b.replace + text.slice(at + b.find.length);
}

/** 1-based [line, column, endLine, endColumn] of the first occurrence of `needle` at or after `from`. */
function positionOf(text: string, needle: string, from: number): [number, number, number, number] {
  const start = text.indexOf(needle, from);
  expect(start).toBeGreaterThanOrEqual(0);
  const at = (offset: number): [number, number] => {
    const before = text.slice(0, offset).split("\n");
    return [before.length, before[before.length - 1]!.length + 1];
  };
  return [...at(start), ...at(start + needle.length)];
}

function expectFindingAt(text: string, b: Breakage, findings: Finding[]): void {
  const changedAt = text.indexOf(b.replace);
  expect(findings, findings.map((f) => f.message).join("\n")).toHaveLength(1);
  const f = findings[0]!;
  expect(slice(text, f)).toBe(b.expect);
  expect([f.line, f.column, f.endLine, f.endColumn]).toEqual(positionOf(text, b.expect, changedAt));
  expect(f.message).toMatch(b.message);
  // Severity policy (docs/severity.md): a key the client ignores is a warning, one it rejects (and values) an error.
  const ignoredKey = /\bignores it\b/.test(f.message);
  expect(f.severity).toBe(ignoredKey ? "warning" : "error");
}

describe("dialects: every client has a realistic fixture", () => {
  it("covers every dialect", () => {
    expect(cases.map((c) => c.id).sort()).toEqual(dialects.map((d) => d.id).sort());
  });

  for (const c of cases) {
    describe(c.id, () => {
      it("is recognised from its path", () => {
        const { file, text } = fixture(c);
        if (c.id === "mcp-registry") {
          // server.json is too common a name to claim by path: it is recognised by its "$schema".
          expect(dialectForPath(file)).toBeUndefined();
          expect(detectDialect(file, text).dialect?.id).toBe("mcp-registry");
        } else {
          expect(dialectForPath(file)?.id).toBe(c.id);
        }
      });

      it("passes valid-schema as written", () => {
        const { file, text } = fixture(c);
        expect(lintRule("valid-schema", file, text)).toEqual([]);
      });

      it("reports a misspelt key at the key", () => {
        const { file, text } = fixture(c);
        const broken = breakText(text, c.misspelt);
        expectFindingAt(broken, c.misspelt, lintRule("valid-schema", file, broken));
      });

      it("reports a wrong type at the value", () => {
        const { file, text } = fixture(c);
        const broken = breakText(text, c.wrongType);
        expectFindingAt(broken, c.wrongType, lintRule("valid-schema", file, broken));
      });
    });
  }
});

describe("dialects: schemas", () => {
  it("every schema compiles under ajv's strict mode (no misspelt schema keywords)", () => {
    for (const d of dialects) {
      const ajv = schemaAjv({ strict: true });
      expect(() => ajv.compile(d.schema as Record<string, unknown>), d.id).not.toThrow();
    }
  });

  it("every client schema marks its server entries", () => {
    for (const d of dialects) {
      if (d.id === "generic") continue;
      expect(serverEntrySchemas(d.schema).length, d.id).toBeGreaterThan(0);
    }
  });

  it("the type values a schema accepts are the dialect's", () => {
    for (const d of dialects) {
      const values = Object.keys(d.types);
      if (values.length === 0 || d.id === "mcp-registry") continue;
      for (const entry of serverEntrySchemas(d.schema)) {
        const type = (entry.properties as Record<string, { enum?: string[] }>)[d.keys.type ?? "type"];
        expect(type?.enum?.slice().sort(), d.id).toEqual(values.slice().sort());
      }
    }
    expect(getDialect("claude-code")?.types).toHaveProperty("ws");
  });
});
