import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { configRules } from "../../packages/core/src/rules/index.js";
import { codeRuleMeta } from "../../packages/core/src/rules/js/index.js";
import { ROOT } from "./helpers.js";

/*
 * What the shipped bundle loads on a run (issue 15, cold start): dist/cli.js on one JSON config parses neither
 * the code rules, nor the YAML and TOML parsers, nor ajv's compiler, nor the other dialects' validators (the
 * dialect's validator is precompiled, in a file of its own); each is loaded when a run needs it. The modules a run loads are recorded with Node's own hooks: a module
 * customization hook for ES modules (the chunks) and a wrapper of CommonJS loading (the vendor-*.cjs files).
 */

const DIST = join(ROOT, "dist");
const work = mkdtempSync(join(tmpdir(), "mcp-lint-bundle-loading-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LOG = join(work, "loaded.log");
writeFileSync(
  join(work, "hooks.mjs"),
  `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(LOG)}, url + "\\n");
  return next(url, context);
}
`,
);
writeFileSync(join(work, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(work, "hooks.mjs")).href)});\n`);
writeFileSync(
  join(work, "require-log.cjs"),
  `const Module = require("node:module");
const { appendFileSync } = require("node:fs");
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  if (parent && parent.filename) appendFileSync(${JSON.stringify(LOG)}, "require " + Module._resolveFilename(request, parent, isMain) + "\\n");
  return loaded;
};
`,
);

/** Runs dist/cli.js on `files` in a fresh project; the dist files it loaded, relative to dist/ ("chunks/x.js"). */
function loadedBy(files: Record<string, string>, args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const project = mkdtempSync(join(work, "project-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(project, file, ".."), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  rmSync(LOG, { force: true });
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(join(work, "register.mjs")).href, "-r", join(work, "require-log.cjs"), join(DIST, "cli.js"), ...args, "--no-config-lookup"], {
    cwd: project,
    encoding: "utf8",
  });
  const lines = readFileSync(LOG, "utf8").split("\n").filter(Boolean);
  const loaded = lines
    .map((l) => (l.startsWith("require ") ? l.slice(8) : l.startsWith("file:") ? fileURLToPath(l) : ""))
    .filter((f) => f.startsWith(DIST + "/") || f.startsWith(DIST + "\\"))
    .map((f) => relative(DIST, f).split("\\").join("/"));
  return { status: r.status, stdout: r.stdout + r.stderr, loaded: [...new Set(loaded)].sort() };
}

const pieces = (messages: Record<string, string>) => Object.values(messages).flatMap((message) => message.split(/\{\{[^}]*\}\}|[^\x20-\x7e]|["'`\\]/));
/** Message text of the config rules, which every config run loads: a code rule may share a sentence with one. */
const CONFIG_RULE_TEXT = configRules.flatMap((r) => pieces(r.meta.messages as Record<string, string>)).join("\n");

/**
 * Texts that exist only in the code rules' modules, one per code rule: the longest piece of its messages without
 * placeholders, quotes or other characters a minifier may write differently, and not also in a config rule's message.
 */
const CODE_RULE_TEXTS = codeRuleMeta.map(
  (m) =>
    pieces(m.messages)
      .filter((piece) => !CONFIG_RULE_TEXT.includes(piece))
      .sort((a, b) => b.length - a.length)[0] ?? "",
);

const MCP_JSON = JSON.stringify({ mcpServers: { github: { command: "npx", args: ["@modelcontextprotocol/server-github@2025.4.8"], evn: {} } } });

describe("dist/cli.js loads what a run needs", () => {
  it("one JSON config: its validator only; no code rules, no YAML or TOML parser, no ajv compiler", () => {
    const r = loadedBy({ ".mcp.json": MCP_JSON }, [".mcp.json"]);
    expect(r.stdout).toMatch(/"evn".*valid-schema/); // a near miss of "env", found with the precompiled validator
    expect(r.loaded).toContain("cli.js");
    // The one validator it needs (precompiled, each in a file of its own), no YAML or TOML parser, no ajv.
    expect(r.loaded.filter((f) => f.endsWith(".cjs"))).toEqual(["chunks/validator-claude-code.cjs"]);
    expect(CODE_RULE_TEXTS.every((t) => t.length >= 30)).toBe(true);
    for (const file of r.loaded) {
      const text = readFileSync(join(DIST, file), "utf8");
      for (const t of CODE_RULE_TEXTS) expect(text.includes(t), `${file} holds a code rule's message: ${t}`).toBe(false);
    }
  });

  it("the YAML and TOML parsers and ajv are loaded when a run needs them", () => {
    const yaml = loadedBy({ ".continue/mcpServers/a.yaml": "name: a\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: x\n    command: npx\n" }, [".continue/mcpServers/a.yaml"]);
    expect(yaml.loaded.filter((f) => f.endsWith(".cjs"))).toEqual(["chunks/validator-continue.cjs", "chunks/vendor-yaml.cjs"]);
    const toml = loadedBy({ ".codex/config.toml": '[mcp_servers.x]\ncommand = "npx"\n' }, [".codex/config.toml"]);
    expect(toml.loaded.filter((f) => f.endsWith(".cjs"))).toEqual(["chunks/validator-codex.cjs", "chunks/vendor-toml-eslint-parser.cjs"]);
    // A rule's options are checked by ajv, compiled on use.
    const options = loadedBy({ ".mcp.json": MCP_JSON }, [".mcp.json", "--rule", 'valid-schema:["warning", { "allowKeys": ["evn"] }]']);
    expect(options.stdout).not.toContain("valid-schema");
    expect(options.loaded.filter((f) => f.endsWith(".cjs"))).toEqual(["chunks/validator-claude-code.cjs", "chunks/vendor-ajv.cjs"]);
  });
});
