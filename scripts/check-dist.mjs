#!/usr/bin/env node
// Rebuilds the action into a temporary folder and fails when the committed dist/ differs from it (a file added,
// missing or changed). Fix: `npm run build:action` and commit dist/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildAction, ROOT } from "./build-action.mjs";

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split("\\").join("/"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Differences between two folders, as "path: what" lines. */
export function compareDirs(expectedDir, actualDir) {
  const expected = listFiles(expectedDir);
  const actual = new Set(listFiles(actualDir));
  const problems = [];
  for (const file of expected) {
    if (!actual.has(file)) problems.push(`${file}: missing (the build makes it)`);
    else if (!readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file)))) problems.push(`${file}: differs from a fresh build`);
    actual.delete(file);
  }
  for (const file of actual) problems.push(`${file}: not made by the build (stale file)`);
  return problems;
}

const committed = join(ROOT, "dist");
const fresh = mkdtempSync(join(tmpdir(), "mcp-lint-dist-"));
try {
  await buildAction(fresh);
  const problems = compareDirs(fresh, committed);
  if (problems.length) {
    console.error(`dist/ is not what the sources build (${problems.length} ${problems.length === 1 ? "file" : "files"}):`);
    for (const p of problems) console.error(`  dist/${p}`);
    console.error("Run `npm run build:action` and commit dist/.");
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches a fresh build (${listFiles(fresh).length} files).`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
