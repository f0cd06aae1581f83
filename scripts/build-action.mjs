#!/usr/bin/env node
// Bundles the GitHub Action (packages/action) and the self-contained `mcp-lint` command (packages/cli) into dist/:
// dist/index.js (the action), dist/cli.js (the command the root package.json exposes as its bin, which is how
// pre-commit installs the hook), dist/lint-worker.js (the worker thread both start for large runs), the chunks both share or load lazily, dist/package.json and dist/licenses.txt.
// The output is deterministic: the same sources and lockfile give byte-identical files, so CI
// rebuilds and compares (scripts/check-dist.mjs).
//
// Usage: node scripts/build-action.mjs [outdir]   (default: dist)
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

// ESM output that contains CommonJS packages: give them `require`, `__filename` and `__dirname`.
const BANNER = [
  'import { createRequire as __mcpLintCreateRequire } from "node:module";',
  'import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";',
  'import { dirname as __mcpLintDirname } from "node:path";',
  "const require = __mcpLintCreateRequire(import.meta.url);",
  "const __filename = __mcpLintFileURLToPath(import.meta.url);",
  "const __dirname = __mcpLintDirname(__filename);",
].join("\n");

/**
 * `await import("cjs-package")` in Node gives the module's exports both as `default` and as named exports; an
 * esbuild chunk made for a dynamic import of a CommonJS file exports only `default`, so `(await import("eslint")).Linter`
 * would be undefined in the bundle. This plugin puts an ESM wrapper between each dynamic import of a CommonJS
 * package and the package, re-exporting its exports by name (read by requiring it here, at build time), which is
 * what Node does (default: `module.exports` itself, even with `__esModule`). The wrapper stays behind the dynamic import, so the package still loads lazily.
 */
const cjsInterop = {
  name: "dynamic-import-cjs-interop",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== "dynamic-import" || args.namespace !== "file") return undefined;
      const real = await build.resolve(args.path, { kind: "import-statement", resolveDir: args.resolveDir, importer: args.importer });
      if (real.errors.length || real.external || !isCommonJs(real.path)) return undefined;
      return { path: args.path, namespace: "cjs-interop", pluginData: { real: real.path } };
    });
    build.onLoad({ filter: /.*/, namespace: "cjs-interop" }, (args) => {
      const real = args.pluginData.real;
      const exports = createRequire(real)(real);
      const names = Object.keys(exports)
        .filter((n) => n !== "default" && n !== "__esModule" && /^[A-Za-z_$][\w$]*$/.test(n))
        .sort();
      const from = JSON.stringify(toPosix(relative(ROOT, real)).replace(/^(?!\.)/, "./"));
      return {
        contents: `const m = require(${from});\nexport default m;\n${names.length ? `export const { ${names.join(", ")} } = m;\n` : ""}`,
        resolveDir: ROOT,
        loader: "js",
      };
    });
  },
};

/**
 * Packages our sources load synchronously on first use (packages/core/src/util/lazy-cjs.ts: the YAML and TOML
 * parsers, ajv's compiler). Bundled into the shared chunk, they would be parsed by V8 at every start, used or not
 * (most runs read JSON alone, and the schemas are precompiled). Each is bundled on its own instead, as a CommonJS
 * file next to the chunks (chunks/vendor-<name>.cjs), and the sources' `require("<name>")` becomes
 * `require("./vendor-<name>.cjs")`, which the bundles' `require` (the banner's, relative to the chunk) loads only
 * when it runs. buildAction checks that every such `require` is in a file in chunks/.
 */
const LAZY_PACKAGES = ["yaml", "toml-eslint-parser", "ajv"];
const vendorFile = (name) => `vendor-${name}.cjs`;

const lazyVendor = {
  name: "lazy-vendor",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${LAZY_PACKAGES.join("|")})$`) }, (args) => {
      if (args.kind !== "require-call" || !toPosix(args.importer).includes("/packages/core/src/")) return undefined;
      return { path: `./${vendorFile(args.path)}`, external: true };
    });
  },
};

/**
 * The precompiled schema validators (packages/core/src/schemas/validators/*.generated.ts, one per schema, written
 * by scripts/precompute.mjs): a run uses one or a few, so each is bundled as a CommonJS file of its own
 * (chunks/validator-<name>.cjs, with the small runtime it calls), and validators.generated.ts, which imports them
 * all, is replaced by a module that requires each on first use (the same maps of fingerprint to factory).
 */
const VALIDATORS_DIR = "packages/core/src/schemas/validators";
const VALIDATORS_INDEX = "packages/core/src/schemas/validators.generated.ts";

function validatorModules() {
  return readdirSync(join(ROOT, VALIDATORS_DIR))
    .filter((f) => f.endsWith(".generated.ts"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(ROOT, VALIDATORS_DIR, f), "utf8");
      const fingerprint = /^export const fingerprint = ("[^"]+");$/m.exec(text)?.[1];
      const kind = /^export const kind = "(dialect|config)";$/m.exec(text)?.[1];
      if (!fingerprint || !kind) throw new Error(`build-action: ${VALIDATORS_DIR}/${f} has no fingerprint or kind (run scripts/precompute.mjs)`);
      return { source: join(ROOT, VALIDATORS_DIR, f), file: `validator-${f.replace(/\.generated\.ts$/, "")}.cjs`, fingerprint, kind };
    });
}

const lazyValidators = {
  name: "lazy-validators",
  setup(build) {
    build.onLoad({ filter: /validators\.generated\.ts$/ }, (args) => {
      if (toPosix(relative(ROOT, args.path)) !== VALIDATORS_INDEX) return undefined;
      const map = (kind) =>
        validatorModules()
          .filter((m) => m.kind === kind)
          .map((m) => `  [${m.fingerprint}, (root) => require(${JSON.stringify(`./${m.file}`)}).validator(root)],`)
          .join("\n");
      return {
        contents: `export const dialectValidators = new Map([\n${map("dialect")}\n]);\nexport const configValidators = new Map([\n${map("config")}\n]);\n`,
        loader: "js",
        resolveDir: dirname(args.path),
      };
    });
    build.onResolve({ filter: /^\.\/validator-[\w.-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

function isCommonJs(file) {
  if (/\.cjs$/.test(file)) return true;
  if (!/\.js$/.test(file)) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const pj = join(dir, "package.json");
    if (existsSync(pj)) {
      const json = JSON.parse(readFileSync(pj, "utf8"));
      if (json.type !== undefined || json.name !== undefined) return json.type !== "module";
    }
  }
  return true;
}

const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

function toPosix(p) {
  return p.split(sep).join("/");
}

/** The package.json (with a name) that owns a bundled file under node_modules, or undefined for our own sources. */
function owningPackage(file) {
  const parts = toPosix(file).split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return undefined;
  const depth = parts[at + 1]?.startsWith("@") ? 3 : 2;
  let dir = join(ROOT, ...parts.slice(0, at + depth));
  const end = join(ROOT, ...parts.slice(0, -1));
  // Prefer the nearest package.json with a name between the file and the package root (nested packages).
  let best = dir;
  for (let d = end; d.length >= dir.length; d = dirname(d)) {
    const pj = join(d, "package.json");
    if (existsSync(pj)) {
      const json = JSON.parse(readFileSync(pj, "utf8"));
      if (json.name) {
        best = d;
        break;
      }
    }
    if (d === dir) break;
  }
  dir = best;
  return { dir, json: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
}

function licenseText(pkgDir) {
  const files = readdirSync(pkgDir)
    .filter((f) => LICENSE_FILE.test(f) && statSync(join(pkgDir, f)).isFile())
    .sort();
  return files.map((f) => readFileSync(join(pkgDir, f), "utf8").replace(/\r\n?/g, "\n").trimEnd());
}

function licenseOf(json) {
  if (typeof json.license === "string") return json.license;
  if (json.license && typeof json.license.type === "string") return json.license.type;
  if (Array.isArray(json.licenses)) return json.licenses.map((l) => l.type ?? l).join(" OR ");
  return "UNKNOWN";
}

/** Third-party packages whose code is in the output (bundled, or copied as `assets`), with their license texts. */
function licenses(metafile, assets = []) {
  const packages = new Map();
  for (const asset of assets) {
    const owner = owningPackage(relative(ROOT, asset));
    if (owner) packages.set(`${owner.json.name}@${owner.json.version}`, owner);
  }
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const owner = owningPackage(input);
      if (!owner) continue;
      const key = `${owner.json.name}@${owner.json.version}`;
      if (!packages.has(key)) packages.set(key, owner);
    }
  }
  const keys = [...packages.keys()].sort();
  const sections = keys.map((key) => {
    const { dir, json } = packages.get(key);
    const texts = licenseText(dir);
    return [
      `${key}`,
      `License: ${licenseOf(json)}`,
      ...(json.repository ? [`Repository: ${typeof json.repository === "string" ? json.repository : json.repository.url}`] : []),
      "",
      texts.length ? texts.join("\n\n") : "(The package ships no license file; its package.json names the license above.)",
    ].join("\n");
  });
  const rule = "\n\n" + "-".repeat(80) + "\n\n";
  return (
    `Third-party software bundled in this folder (${keys.length} packages).\n` +
    `Generated by scripts/build-action.mjs from the bundler's list of inputs; do not edit.` +
    rule +
    sections.join(rule) +
    "\n"
  );
}

/** Files copied next to the bundle as they are: [package, file in it]. */
const WASM_ASSETS = [
  ["web-tree-sitter", "tree-sitter.wasm"],
  ["tree-sitter-python", "tree-sitter-python.wasm"],
];

/** Builds the action into `outdir` (emptied first). Returns the esbuild metafile. */
export async function buildAction(outdir = join(ROOT, "dist")) {
  const out = resolve(outdir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Every package is released with the same version (CHANGELOG.md): the root package.json's.
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  const result = await build({
    absWorkingDir: ROOT,
    // lint-worker: the worker thread lintFiles starts for large config runs (packages/core/src/engine/lint-files.ts).
    entryPoints: { index: "packages/action/src/index.ts", cli: "packages/cli/src/main.ts", "lint-worker": "packages/core/src/engine/lint-worker.ts" },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Bundle the sources, not packages/core/dist: the output does not depend on a previous `tsc -b`.
    alias: {
      // The package's API but the code rules' modules, which the bundles load only through lintFiles' dynamic
      // import (so a run with no MCP code does not parse them): see packages/core/src/api.ts.
      "@mcp-lint/core": "./packages/core/src/api.ts",
      "@mcp-lint/probe": "./packages/probe/src/index.ts",
      // No HTTP client in the bundle: see packages/action/src/no-network.ts.
      "@actions/http-client/lib/auth": "./packages/action/src/no-network.ts",
      "@actions/http-client": "./packages/action/src/no-network.ts",
    },
    tsconfig: "packages/action/tsconfig.json",
    define: { __MCP_LINT_VERSION__: JSON.stringify(version) },
    banner: { js: BANNER },
    // ESLint loads jiti only for eslint.config.ts files; the action uses ESLint's Linter alone and never gets there.
    external: ["jiti", "jiti/package.json"],
    chunkNames: "chunks/[name]-[hash]",
    minify: true,
    legalComments: "none", // the licenses are collected in licenses.txt
    charset: "utf8",
    plugins: [cjsInterop, lazyVendor, lazyValidators],
    metafile: true,
    logLevel: "warning",
    logOverride: { "empty-import-meta": "silent" },
  });
  // One minified CommonJS file per lazily loaded piece: the lazily required packages (see LAZY_PACKAGES), resolved
  // as Node's `require` would, and the precompiled validators.
  const cjsFile = { absWorkingDir: ROOT, bundle: true, format: "cjs", platform: "node", target: "node20", minify: true, legalComments: "none", charset: "utf8", metafile: true, logLevel: "warning" };
  const vendorMeta = { inputs: {}, outputs: {} };
  for (const name of LAZY_PACKAGES) {
    const one = await build({
      ...cjsFile,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});\n`, resolveDir: join(ROOT, "packages/core"), sourcefile: `${name}-entry.cjs` },
      outfile: join(out, "chunks", vendorFile(name)),
    });
    Object.assign(vendorMeta.inputs, one.metafile.inputs);
    Object.assign(vendorMeta.outputs, one.metafile.outputs);
  }
  for (const m of validatorModules()) {
    const one = await build({
      ...cjsFile,
      entryPoints: [m.source],
      outfile: join(out, "chunks", m.file),
      // The runtime's lazily required packages stay in their vendor files (next to this one).
      plugins: [lazyVendor],
      logOverride: { "empty-import-meta": "silent" },
    });
    Object.assign(vendorMeta.inputs, one.metafile.inputs);
    Object.assign(vendorMeta.outputs, one.metafile.outputs);
  }
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const external = output.imports.filter((i) => i.external && /^\.\/(?:vendor|validator)-.*\.cjs$/.test(i.path));
    if (external.length && !toPosix(file).includes("/chunks/")) {
      throw new Error(`build-action: ${file} requires ${external.map((i) => i.path).join(", ")}, which is next to the chunks, not to it`);
    }
  }
  // The Python parser's WebAssembly (the tree-sitter runtime and the Python grammar), loaded from dist/wasm/ by
  // packages/core/src/code/python/parser.ts; their packages' licenses join the bundled ones.
  mkdirSync(join(out, "wasm"), { recursive: true });
  const require = createRequire(join(ROOT, "packages/core/package.json"));
  const assets = [];
  for (const [pkg, file] of WASM_ASSETS) {
    const source = require.resolve(`${pkg}/${file}`);
    copyFileSync(source, join(out, "wasm", file.split("/").pop()));
    assets.push(source);
  }
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module", private: true }, null, 2) + "\n");
  const metafile = { inputs: { ...result.metafile.inputs, ...vendorMeta.inputs }, outputs: { ...result.metafile.outputs, ...vendorMeta.outputs } };
  writeFileSync(join(out, "licenses.txt"), licenses(metafile, assets));
  return metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outdir = resolve(process.argv[2] ?? join(ROOT, "dist"));
  const metafile = await buildAction(outdir);
  const files = Object.entries(metafile.outputs).map(([file, o]) => `  ${relative(ROOT, resolve(ROOT, file))}  ${(o.bytes / 1024).toFixed(0)} KiB`);
  console.log(`Built the action into ${relative(process.cwd(), outdir) || "."}:\n${files.sort().join("\n")}`);
}
