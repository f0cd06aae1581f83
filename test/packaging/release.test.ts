import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { checkRelease, packages, publishAll, releaseNotes, ROOT } from "../../scripts/release.mjs";

/** The release workflow's logic (scripts/release.mjs), as .github/workflows/release.yml runs it, in dry run. */

const CHANGELOG = "# Changelog\n\n## Unreleased\n\n- next\n\n## 1.2.0\n\n- **new** thing\n- fix\n\n## 1.1.0\n\n- old\n";
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("npm_")) env[k] = v;
  return env;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the manifests and the changelog, to break on purpose. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-release-"));
  temps.push(dir);
  for (const f of ["package.json", "CHANGELOG.md"]) cpSync(join(ROOT, f), join(dir, f));
  for (const p of packages() as Array<{ dir: string }>) cpSync(join(ROOT, p.dir, "package.json"), join(dir, p.dir, "package.json"));
  writeFileSync(join(dir, "CHANGELOG.md"), CHANGELOG.replace("1.2.0", version));
  return dir;
}

describe("release notes from CHANGELOG.md", () => {
  it("takes the version's section, without its heading, up to the next version", () => {
    expect(releaseNotes(CHANGELOG, "1.2.0")).toBe("- **new** thing\n- fix");
    expect(releaseNotes(CHANGELOG, "1.1.0")).toBe("- old");
    expect(releaseNotes(CHANGELOG, "1.1")).toBeUndefined();
    expect(releaseNotes(CHANGELOG, "2.0.0")).toBeUndefined();
  });
});

describe("release checks", () => {
  it("every package is at the repository's version, with exact inter-package dependencies (only the changelog section may be missing before a release)", () => {
    const problems = (checkRelease(`v${version}`) as string[]).filter((p) => !p.startsWith("CHANGELOG.md"));
    expect(problems).toEqual([]);
    expect(version).toBe("1.0.0");
  });

  it("passes on a consistent copy, and names each inconsistency", () => {
    const dir = copy();
    expect(checkRelease(`v${version}`, dir)).toEqual([]);
    expect(checkRelease("v1.0", dir)).toEqual(['tag "v1.0" is not vX.Y.Z']);
    expect(checkRelease("v9.9.9", dir)).toContain('CHANGELOG.md has no "## 9.9.9" section');
    const plugin = join(dir, "packages/eslint-plugin/package.json");
    const m = JSON.parse(readFileSync(plugin, "utf8")) as { version: string; dependencies: Record<string, string> };
    m.version = "0.9.0";
    m.dependencies["@mcp-lint/core"] = `^${version}`;
    writeFileSync(plugin, JSON.stringify(m));
    expect(checkRelease(`v${version}`, dir)).toEqual([
      `packages/eslint-plugin/package.json: version 0.9.0, the tag says ${version}`,
      `packages/eslint-plugin/package.json: dependencies.@mcp-lint/core is "^${version}", not "${version}"`,
    ]);
  });

  it("publishes dependencies first", () => {
    const order = (packages() as Array<{ name: string }>).map((p) => p.name);
    expect(order.indexOf("@mcp-lint/core")).toBeLessThan(order.indexOf("@mcp-lint/probe"));
    expect(order.indexOf("@mcp-lint/probe")).toBeLessThan(order.indexOf("mcp-lint"));
    expect(order.indexOf("@mcp-lint/core")).toBeLessThan(order.indexOf("@mcp-lint/eslint-plugin"));
  });
});

describe("npm publish --dry-run of every public package", () => {
  it("publishes the four public packages at the version, each with its README, LICENSE and no source maps (no sources ship)", () => {
    const results = publishAll({ dryRun: true, env: cleanEnv() }) as Array<{ name: string; stdout: string }>;
    expect(results.map((r) => r.name).sort()).toEqual(["@mcp-lint/core", "@mcp-lint/eslint-plugin", "@mcp-lint/probe", "mcp-lint"]);
    for (const { name, stdout } of results) {
      const info = JSON.parse(stdout) as Record<string, { version: string; files: Array<{ path: string }> }> | { version: string; files: Array<{ path: string }> };
      const entry = ("files" in info ? info : (info as Record<string, { version: string; files: Array<{ path: string }> }>)[name]!) as { version: string; files: Array<{ path: string }> };
      expect(entry.version, name).toBe(version);
      const files = entry.files.map((f) => f.path);
      expect(files, name).toContain("README.md");
      expect(files, name).toContain("LICENSE");
      // The packages ship no TypeScript sources, so no source maps (they would point at missing files).
      expect(files.filter((f) => f.endsWith(".map")), name).toEqual([]);
    }
  }, 240_000);
});
