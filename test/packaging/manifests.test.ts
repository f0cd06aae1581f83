import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * What npm users get: every publishable package's manifest is complete and consistent, its built files exist, and
 * nothing it imports at run time is missing from its dependencies (a dev dependency that happens to be hoisted in
 * this checkout would break a real install). The install itself is proven in install.test.ts.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  type?: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, unknown>;
  engines?: { node?: string };
  repository?: { type: string; url: string; directory?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: string[];
  scripts?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as Manifest;
}

const root = manifest(".");
const workspaces = root.workspaces ?? [];
const publishable = workspaces.filter((w) => !manifest(w).private);

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(p));
    else if (/\.[cm]?js$/.test(entry.name)) out.push(p);
  }
  return out;
}

/**
 * Bare module specifiers imported by built ESM files (static, dynamic with a literal, `export … from`, require), as
 * esbuild's parser sees them: strings and comments that merely contain "import" do not count.
 */
async function bareImports(entryPoints: string[]): Promise<Map<string, string>> {
  const result = await build({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    packages: "external",
    platform: "node",
    format: "esm",
    outdir: join(tmpdir(), "mcp-lint-imports"),
    logLevel: "silent",
  });
  const out = new Map<string, string>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    // "<runtime>" is esbuild's own helper module (its `require` shim for a `require()` call in ESM), not a package.
    for (const imp of input.imports) if (imp.external && !/^[./]/.test(imp.path) && imp.path !== "<runtime>") out.set(imp.path, file);
  }
  return out;
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const builtins = new Set(builtinModules);
function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtins.has(specifier) || builtins.has(packageOf(specifier));
}

describe("bareImports", () => {
  it("finds static, side-effect, dynamic, re-export and require specifiers, not relative ones or strings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-imports-"));
    const file = join(dir, "a.mjs");
    writeFileSync(join(dir, "local.js"), "export default 1;\n");
    const src = [
      'import { a } from "ajv";',
      'import * as b from "@scope/pkg/sub.js";',
      'import "side-effect";',
      'export { c } from "re-export";',
      'const d = await import("lazy");',
      'const e = require("cjs");',
      'import f from "./local.js";',
      'const doc = "import g from \\"in-a-string\\"";',
      "// import h from \"in-a-comment\";",
      "console.log(a, b, c, d, e, f, doc);",
    ].join("\n");
    writeFileSync(file, src);
    try {
      expect([...(await bareImports([file])).keys()].sort()).toEqual(["@scope/pkg/sub.js", "ajv", "cjs", "lazy", "re-export", "side-effect"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(publishable)("%s/package.json", (dir) => {
  const m = manifest(dir);

  it("has the fields npm users rely on", () => {
    expect(m.name).toMatch(/^(?:@mcp-lint\/[a-z-]+|mcp-lint)$/);
    expect(m.version).toBe(root.version);
    expect(m.license).toBe("MIT");
    expect(m.type).toBe("module");
    expect(m.engines?.node).toBe(root.engines?.node);
    expect(m.repository).toEqual({ type: "git", url: "git+https://github.com/mcp-lint/mcp-lint.git", directory: dir });
    expect(m.files).toContain("dist");
    expect(readFileSync(join(ROOT, dir, "LICENSE"), "utf8")).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
  });

  it("exports ESM with types, and every exported and bin file exists after the build", () => {
    const main = m.exports?.["."] as { types: string; default: string };
    expect(Object.keys(main)).toEqual(["types", "default"]);
    for (const file of [main.types, main.default, m.main, m.types]) {
      expect(file, `${dir}: ${file}`).toBeDefined();
      expect(existsSync(join(ROOT, dir, file!)), `${dir}/${file} is missing: run the build`).toBe(true);
      expect(m.files!.some((f) => file!.replace(/^\.\//, "").startsWith(f)), `${file} is not in "files"`).toBe(true);
    }
    for (const [name, file] of Object.entries(m.bin ?? {})) {
      const path = join(ROOT, dir, file);
      expect(readFileSync(path, "utf8").startsWith("#!/usr/bin/env node\n"), `${name}: no hashbang`).toBe(true);
      expect(m.files!.some((f) => file.replace(/^\.\//, "").startsWith(f)), `${file} is not in "files"`).toBe(true);
    }
  });

  it("depends on the other workspace packages at exactly the released version", () => {
    for (const [name, range] of Object.entries(m.dependencies ?? {})) {
      if (name.startsWith("@mcp-lint/")) expect(range, `${dir} -> ${name}`).toBe(root.version);
    }
  });

  it("imports at run time only node builtins, itself and its dependencies (no dev dependency)", async () => {
    const allowed = new Set([m.name, ...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})]);
    const missing: string[] = [];
    const files = jsFiles(join(ROOT, dir, "dist"));
    expect(files.length).toBeGreaterThan(0);
    for (const [spec, file] of await bareImports(files)) {
      if (!isBuiltin(spec) && !allowed.has(packageOf(spec))) missing.push(`${file} imports ${spec}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("the repository root package (installed by pre-commit)", () => {
  it("provides the mcp-lint bin as the self-contained bundle, and ships only what it needs", () => {
    expect(root.bin).toEqual({ "mcp-lint": "dist/cli.js" });
    const bin = join(ROOT, "dist/cli.js");
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
    expect(statSync(bin).size).toBeGreaterThan(0);
    expect(root.files).toEqual(["dist", "scripts/postinstall.mjs"]);
    // `prepare` would run inside `npm pack` and print to the stdout pre-commit reads the tarball name from.
    expect(root.scripts?.prepare).toBeUndefined();
  });

  it("the bundle imports nothing but node builtins and its own chunks", async () => {
    const imports = await bareImports([join(ROOT, "dist/index.js"), join(ROOT, "dist/cli.js")]);
    expect(imports.size).toBeGreaterThan(0);
    // jiti: ESLint imports it only to load an eslint.config.ts; the bundle runs ESLint's Linter and never gets there
    // (scripts/build-action.mjs leaves it out on purpose).
    const expected = ["jiti"];
    expect([...imports.keys()].filter((s) => !isBuiltin(s)).sort()).toEqual(expected);
  });
});
