#!/usr/bin/env node
// Builds packages/core/src/code/python/exports.json: the public names each module of the Python MCP packages
// binds, per package line, read from the packages' own source at fixed tags (git mirrors, no work tree needed).
//
//   node scripts/python-exports.mjs <python-sdk git dir> <fastmcp git dir>
//
// Nothing is imported or run: every module is parsed with web-tree-sitter (tree-sitter-python) and only its
// top-level statements are read. A module "binds" a name when, outside any function or class body, it defines
// it (def, class, assignment, type alias), imports it, lists it in __all__, or has a submodule of that name.
// A module is "open" (rules never report a missing name under it) when it defines a module-level __getattr__ that
// may answer any name, star-imports from outside its repository, writes globals() / sys.modules, or its package
// binds its name to another object (attribute reads then reach that object).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser } from "web-tree-sitter";

/**
 * The versions read. A package line is the union of its releases: the newest patch of every minor release
 * (a name that 3.0 and 3.1 had and 3.2 dropped still exists for users of 3.1), plus mcp's main branch for 2.x.
 * Pre-releases are left out.
 */
const SOURCES = [
  { package: "mcp", line: "mcp1", tags: /^v1\.\d+\.\d+$/ },
  { package: "mcp", line: "mcp2", tags: /^v2\.\d+\.\d+$/, also: [{ ref: "HEAD", version: "2.x main" }] },
  { package: "fastmcp", line: "fastmcp2", tags: /^v2\.\d+\.\d+$/ },
  { package: "fastmcp", line: "fastmcp3", tags: /^v3\.\d+\.\d+$/ },
];
const LINES = { mcp: ["mcp1", "mcp2"], fastmcp: ["fastmcp2", "fastmcp3"] };
/** Where the package's top-level directory may live in the repository (fastmcp 3.x moved it to fastmcp_slim/). */
const ROOTS = ["src/", "fastmcp_slim/", ""];
/**
 * Packages of the same repository that a package star-imports from (mcp 2.x `mcp.types` is
 * `from mcp_types import *`, with mcp_types under src/mcp-types/): read so that those names are known.
 */
const SIBLINGS = { mcp: [{ pkg: "mcp_types", roots: ["src/mcp-types/"] }], fastmcp: [] };

const [sdkDir, fastmcpDir] = process.argv.slice(2);
if (!sdkDir || !fastmcpDir) {
  console.error("usage: node scripts/python-exports.mjs <python-sdk git dir> <fastmcp git dir>");
  process.exit(2);
}
const gitDirs = { mcp: sdkDir, fastmcp: fastmcpDir };

const require = createRequire(import.meta.url);
await Parser.init({ wasmBinary: readFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm")) });
const parser = new Parser();
parser.setLanguage(await Language.load(readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"))));

const git = (dir, ...args) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

/** Python files of the package at a ref: module name → source text. */
function readModules(dir, pkg, ref, roots = ROOTS, files = git(dir, "ls-tree", "-r", "--name-only", ref).split("\n")) {
  const root = roots.find((r) => files.includes(`${r}${pkg}/__init__.py`));
  if (root === undefined) throw new Error(`${pkg}/__init__.py not found at ${ref}`);
  const modules = new Map();
  for (const f of files) {
    if (!f.startsWith(`${root}${pkg}/`) || !f.endsWith(".py")) continue;
    const parts = f.slice(root.length, -3).split("/");
    if (parts.at(-1) === "__init__") parts.pop();
    if (parts.some((p) => !/^[A-Za-z_]\w*$/.test(p))) continue;
    modules.set(parts.join("."), { path: f, package: f.endsWith("__init__.py") });
  }
  // One `git cat-file --batch` for every blob.
  const specs = [...modules.values()].map((m) => `${ref}:${m.path}`).join("\n") + "\n";
  const out = execFileSync("git", ["-C", dir, "cat-file", "--batch"], { input: specs, maxBuffer: 1 << 30 });
  let pos = 0;
  for (const m of modules.values()) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString();
    const size = Number(header.split(" ")[2]);
    m.text = out.subarray(nl + 1, nl + 1 + size).toString("utf8");
    pos = nl + 1 + size + 1;
  }
  return { root, modules, commit: git(dir, "rev-parse", `${ref}^{commit}`).trim() };
}

const BLOCKS = new Set(["if_statement", "elif_clause", "else_clause", "try_statement", "except_clause", "except_group_clause", "finally_clause", "with_statement", "block", "for_statement", "while_statement", "match_statement", "case_clause"]);

/** Absolute module name of a `from` import inside `module` (handles relative dots). */
function resolveFrom(module, isPackage, node) {
  const text = node.text.replace(/\s+/g, "");
  const dots = text.match(/^\.*/)[0].length;
  if (dots === 0) return text;
  const base = module.split(".");
  const keep = base.length - dots + (isPackage ? 1 : 0);
  if (keep < 1) return undefined;
  const rest = text.slice(dots);
  return [...base.slice(0, keep), ...(rest ? [rest] : [])].join(".");
}

function identifiersOf(pattern, out) {
  if (!pattern) return;
  if (pattern.type === "identifier") out.add(pattern.text);
  else if (["pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern"].includes(pattern.type)) for (const c of pattern.namedChildren) identifiersOf(c, out);
}

function stringsIn(node, out) {
  if (!node) return;
  for (const s of node.descendantsOfType("string")) {
    const content = s.namedChildren.filter((c) => c.type === "string_content").map((c) => c.text).join("");
    if (/^[A-Za-z_]\w*$/.test(content)) out.add(content);
  }
}

/** Reads one module's top-level bindings. */
function analyse(_pkgs, name, mod) {
  const tree = parser.parse(mod.text);
  const names = new Set();
  /** Names bound to something other than an import (def, class, assignment): they may hide a submodule. */
  const values = new Set();
  const stars = [];
  let open = /\bglobals\(\)|sys\.modules\[__name__\]/.test(mod.text);
  const stack = [...tree.rootNode.namedChildren].reverse();
  while (stack.length) {
    let n = stack.pop();
    if (n.type === "decorated_definition") n = n.childForFieldName("definition") ?? n;
    switch (n.type) {
      case "function_definition":
      case "class_definition": {
        const id = n.childForFieldName("name")?.text;
        if (id) names.add(id);
        if (id) values.add(id);
        if (id === "__getattr__" && n.type === "function_definition") {
          // A lazy-export __getattr__ that ends in `raise AttributeError` only answers the names it compares
          // against (`if name == "Client":`, `if name in {...}`): those string literals are its names. Any other
          // __getattr__ may answer anything: the module is open.
          const body = n.childForFieldName("body");
          const last = body?.namedChildren.filter((c) => c.type !== "comment").at(-1);
          if (last?.type === "raise_statement" && /^raise\s+AttributeError\b/.test(last.text)) stringsIn(body, names);
          else open = true;
        }
        break;
      }
      case "expression_statement":
        for (const c of n.namedChildren) {
          if (c.type === "assignment" || c.type === "augmented_assignment") {
            // a = b = 1: the right side of an assignment may itself be an assignment.
            for (let a = c; a && (a.type === "assignment" || a.type === "augmented_assignment"); a = a.childForFieldName("right")) {
              const left = a.childForFieldName("left");
              identifiersOf(left, names);
              identifiersOf(left, values);
              if (left?.text === "__all__") stringsIn(a.childForFieldName("right"), names);
            }
          } else if (c.type === "call" && /^__all__\.(append|extend)$/.test(c.childForFieldName("function")?.text ?? "")) {
            stringsIn(c.childForFieldName("arguments"), names);
          }
        }
        break;
      case "type_alias_statement": {
        const left = n.namedChildren[0];
        const id = left?.type === "type" ? left.namedChildren[0] : left;
        if (id?.type === "identifier") names.add(id.text);
        break;
      }
      case "import_statement":
        for (const c of n.namedChildren) {
          if (c.type === "dotted_name") names.add(c.text.split(".")[0].trim());
          else if (c.type === "aliased_import") names.add(c.childForFieldName("alias").text);
        }
        break;
      case "import_from_statement": {
        const from = resolveFrom(name, mod.package, n.childForFieldName("module_name"));
        for (const c of n.namedChildren) {
          if (c.type === "wildcard_import") {
            // Resolved later: a star import from the package itself or a sibling package of the same repository.
            if (from) stars.push(from);
            else open = true;
          } else if (c.id !== n.childForFieldName("module_name").id) {
            if (c.type === "dotted_name") names.add(c.text);
            else if (c.type === "aliased_import") names.add(c.childForFieldName("alias").text);
          }
        }
        break;
      }
      case "future_import_statement":
        break;
      default:
        if (BLOCKS.has(n.type)) {
          if (n.type === "with_statement" || n.type === "for_statement") {
            // with ... as x / for x in ...: bind their targets too.
            for (const a of n.descendantsOfType("as_pattern_target")) identifiersOf(a.namedChildren[0], names);
            if (n.type === "for_statement") identifiersOf(n.childForFieldName("left"), names);
          }
          for (const c of [...n.namedChildren].reverse()) stack.push(c);
        }
    }
  }
  tree.delete();
  return { names, values, stars, open, allNames: /(^|\n)__all__\s*[:=]/.test(mod.text) };
}

const packages = {};
for (const pkg of ["mcp", "fastmcp"]) {
  const lines = LINES[pkg];
  const modules = new Map(); // module → { in: bits, open: bits, names: Map<name, bits> }
  const sources = [];
  const refs = [];
  for (const src of SOURCES.filter((s) => s.package === pkg)) {
    const newest = new Map();
    for (const tag of git(gitDirs[pkg], "tag", "--list").split("\n")) {
      if (!src.tags.test(tag)) continue;
      const [major, minor, patch] = tag.slice(1).split(".").map(Number);
      const key = `${major}.${minor}`;
      if (!newest.has(key) || newest.get(key).patch < patch) newest.set(key, { tag, patch });
    }
    const tags = [...newest.values()].map((t) => t.tag).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (tags.length === 0) throw new Error(`no tags for ${src.line}`);
    for (const tag of tags) refs.push({ line: src.line, ref: tag, version: tag.slice(1) });
    for (const extra of src.also ?? []) refs.push({ line: src.line, ...extra });
  }
  for (const src of refs) {
    const bit = 1 << lines.indexOf(src.line);
    const all = git(gitDirs[pkg], "ls-tree", "-r", "--name-only", src.ref).split("\n");
    const { root, modules: files, commit } = readModules(gitDirs[pkg], pkg, src.ref, ROOTS, all);
    sources.push({ line: src.line, version: src.version, ref: src.ref, commit, path: `${root}${pkg}/` });
    const analysed = new Map();
    for (const [name, mod] of files) analysed.set(name, analyse([pkg], name, mod));
    const siblings = SIBLINGS[pkg].filter((s) => s.roots.some((r) => all.includes(`${r}${s.pkg}/__init__.py`)));
    for (const sib of siblings) {
      for (const [name, mod] of readModules(gitDirs[pkg], sib.pkg, src.ref, sib.roots, all).modules) analysed.set(name, { ...analyse([sib.pkg], name, mod), sibling: true });
    }
    for (const a of analysed.values()) a.local = [pkg, ...siblings.map((s) => s.pkg)];
    // Submodules are attributes of their package. A package that binds the same name to another object
    // (fastmcp's `settings = Settings()` over the fastmcp.settings module) hides the submodule from attribute
    // reads: such a module is marked open (its attributes are the object's, unknown here).
    for (const name of files.keys()) {
      const dot = name.lastIndexOf(".");
      const parent = dot > 0 ? analysed.get(name.slice(0, dot)) : undefined;
      if (!parent) continue;
      parent.names.add(name.slice(dot + 1));
      if (parent.values.has(name.slice(dot + 1))) analysed.get(name).open = true;
    }
    // Star imports from inside the package, to a fixed point (bounded: one pass per module at most).
    for (let pass = 0; pass <= analysed.size; pass++) {
      let changed = false;
      for (const a of analysed.values()) {
        for (const s of a.stars) {
          const target = a.local.includes(s.split(".")[0]) ? analysed.get(s) : undefined;
          if (!target) {
            if (!a.open) {
              a.open = true;
              changed = true;
            }
            continue;
          }
          if (target.open && !a.open) {
            a.open = true;
            changed = true;
          }
          for (const n of target.names) {
            if (n.startsWith("_") && !target.allNames) continue;
            if (!a.names.has(n)) {
              a.names.add(n);
              changed = true;
            }
          }
        }
      }
      if (!changed) break;
    }
    for (const [name, a] of analysed) {
      if (a.sibling) continue;
      let m = modules.get(name);
      if (!m) modules.set(name, (m = { in: 0, open: 0, names: new Map() }));
      m.in |= bit;
      if (a.open) m.open |= bit;
      for (const n of a.names) if (!n.startsWith("_")) m.names.set(n, (m.names.get(n) ?? 0) | bit);
    }
  }
  // Compact rows keep the JSON (and the type TypeScript infers for it) small:
  // [module, lines it exists in (bits), lines where it is open (bits), "Name Name/bits ..."] where a bare name exists
  // in every line the module exists in.
  const rows = [...modules.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, m]) => [
      name,
      m.in,
      m.open,
      [...m.names.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([n, bits]) => (bits === m.in ? n : `${n}/${bits}`))
        .join(" "),
    ]);
  packages[pkg] = { lines, sources, modules: rows };
}

const out = fileURLToPath(new URL("../packages/core/src/code/python/exports.json", import.meta.url));
const json = {
  $comment: "Generated by scripts/python-exports.mjs from the packages' own source: do not edit. Rows: [module, lines it exists in (bit i = lines[i]), lines where it is open (never report), names ('Name' = in every line of the module, 'Name/bits' = only those lines)].",
  packages,
};
// One module per line: readable diffs when the catalog is regenerated.
let text = JSON.stringify(json, (key, value) => (key === "modules" ? "@MODULES@" : value), 1);
for (const v of Object.values(packages)) {
  text = text.replace('"@MODULES@"', () => `[\n${v.modules.map((r) => `   ${JSON.stringify(r)}`).join(",\n")}\n  ]`);
}
writeFileSync(out, text + "\n");
console.log(`wrote ${out}: ${Object.entries(packages).map(([p, v]) => `${p} ${v.modules.length} modules`).join(", ")}`);
