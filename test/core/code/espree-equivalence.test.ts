import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintSourceText } from "../../../packages/core/src/code/js/runner.js";
import { mightBeMcpCode } from "../../../packages/core/src/code/js/prefilter.js";
import { codeRuleMeta } from "../../../packages/core/src/rules/js/index.js";
import type { RuleSettings } from "../../../packages/core/src/engine/lint-config-text.js";

/**
 * The code pass parses .js/.mjs/.cjs files with espree, TypeScript files with the TypeScript parser. That is only
 * allowed where the rules' results are identical: every JavaScript file of the installed packages that the code
 * pass would parse (the MCP SDK's dist and bundles, the reference servers, ...) and this repository's JavaScript
 * fixtures are linted with every code rule on, with and without --fix, on both parsers, and must give the same
 * findings, fixes, suggestions and fixed text. (Each code-rule test also runs its JavaScript cases on espree:
 * test/core/rules/js/tester.ts.)
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const JS = /\.[cm]?js$/;

function collect(dir: string, out: string[], depth = 0): void {
  if (depth > 14 || out.length >= 400) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) collect(path, out, depth + 1);
    else if (e.isFile() && JS.test(e.name) && mightBeMcpCode(readFileSync(path, "utf8"))) out.push(path);
  }
}

const files: string[] = [];
collect(join(ROOT, "node_modules"), files);
collect(join(ROOT, "test/fixtures"), files);
collect(join(ROOT, "examples"), files);

const ALL: RuleSettings = Object.fromEntries(codeRuleMeta.map((m) => [m.id, { severity: m.severity }]));

describe("espree and the TypeScript parser give the code rules the same results on JavaScript", () => {
  it("has real files to compare (the SDK's bundles among them)", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => /@modelcontextprotocol\/(?:client|server)\/dist\/src-[\w-]+\.mjs$/.test(f))).toBe(true);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))("%s", { timeout: 120_000 }, async (_name, file) => {
    const text = readFileSync(file, "utf8");
    for (const fix of [false, true]) {
      const espree = await lintSourceText(file, text, { rules: ALL, fix, jsParser: "espree" });
      const typescript = await lintSourceText(file, text, { rules: ALL, fix, jsParser: "typescript" });
      expect(espree).toEqual(typescript);
    }
  });
});
