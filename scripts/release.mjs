#!/usr/bin/env node
// The release workflow's logic (.github/workflows/release.yml runs these steps; the tests run them as a dry run).
//
//   node scripts/release.mjs check <tag>        the tag is vX.Y.Z, every package is at X.Y.Z, inter-package
//                                               dependencies are exactly X.Y.Z, CHANGELOG.md has a "## X.Y.Z" section
//   node scripts/release.mjs notes <version>    prints that CHANGELOG section (the GitHub release's notes)
//   node scripts/release.mjs publish [--dry-run] npm publish of every public package, dependencies first
//                                               (with --provenance unless --dry-run)
//
// That dist/ is the build of the tagged commit is `npm run check:dist`, a separate workflow step.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function manifest(dir, root = ROOT) {
  return JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
}

/** Every workspace package, in publish order: a package after the workspace packages it depends on. */
export function packages(root = ROOT) {
  const dirs = manifest(".", root).workspaces ?? [];
  const all = dirs.map((dir) => ({ dir, ...manifest(dir, root) }));
  const names = new Set(all.map((p) => p.name));
  const ordered = [];
  const placed = new Set();
  // Bounded: each round places at least one package, or the dependencies are circular.
  for (let round = 0; round < all.length && ordered.length < all.length; round++) {
    for (const p of all) {
      if (placed.has(p.name)) continue;
      const deps = Object.keys({ ...p.dependencies, ...p.peerDependencies }).filter((d) => names.has(d) && d !== p.name);
      if (deps.every((d) => placed.has(d))) {
        ordered.push(p);
        placed.add(p.name);
      }
    }
  }
  if (ordered.length < all.length) throw new Error("circular dependencies between the workspace packages");
  return ordered;
}

/** The CHANGELOG.md section of a version (without its heading), or undefined. */
export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^## \\[?v?${version.replace(/\./g, "\\.")}\\]?(?:\\s|$)`).test(l));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start + 1, end).join("\n").trim();
}

/** Problems that stop a release of `tag`; empty when it may go out. */
export function checkRelease(tag, root = ROOT) {
  const problems = [];
  const m = /^v(.+)$/.exec(tag);
  if (!m || !SEMVER.test(m[1])) return [`tag "${tag}" is not vX.Y.Z`];
  const version = m[1];
  const rootManifest = manifest(".", root);
  if (rootManifest.version !== version) problems.push(`package.json: version ${rootManifest.version}, the tag says ${version}`);
  const all = packages(root);
  const names = new Set(all.map((p) => p.name));
  for (const p of all) {
    if (p.version !== version) problems.push(`${p.dir}/package.json: version ${p.version}, the tag says ${version}`);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      for (const [name, range] of Object.entries(p[field] ?? {})) {
        if (names.has(name) && range !== version) problems.push(`${p.dir}/package.json: ${field}.${name} is "${range}", not "${version}"`);
      }
    }
  }
  const notes = releaseNotes(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version);
  if (notes === undefined) problems.push(`CHANGELOG.md has no "## ${version}" section`);
  else if (notes === "") problems.push(`CHANGELOG.md: the "## ${version}" section is empty`);
  return problems;
}

/** npm publish of every public workspace package; returns what npm printed for each. */
export function publishAll({ dryRun, root = ROOT, env = process.env }) {
  const out = [];
  for (const p of packages(root)) {
    if (p.private) continue;
    const args = ["publish", "--access", "public", "--json"];
    args.push(dryRun ? "--dry-run" : "--provenance");
    const stdout = execFileSync("npm", args, { cwd: join(root, p.dir), env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    out.push({ name: p.name, dir: p.dir, stdout });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, arg] = process.argv.slice(2);
  if (command === "check" && arg) {
    const problems = checkRelease(arg);
    for (const p of problems) console.error(`release: ${p}`);
    if (problems.length) process.exit(1);
    console.log(`release: ${arg} is ready (versions, dependencies, changelog).`);
  } else if (command === "notes" && arg) {
    const notes = releaseNotes(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), arg.replace(/^v/, ""));
    if (!notes) {
      console.error(`release: CHANGELOG.md has no notes for ${arg}`);
      process.exit(1);
    }
    process.stdout.write(notes + "\n");
  } else if (command === "publish") {
    const dryRun = process.argv.includes("--dry-run");
    for (const { name } of publishAll({ dryRun })) console.log(`release: ${dryRun ? "would publish" : "published"} ${name}`);
  } else {
    console.error("usage: node scripts/release.mjs check <vX.Y.Z> | notes <version> | publish [--dry-run]");
    process.exit(2);
  }
}
