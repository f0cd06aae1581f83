#!/usr/bin/env node
/**
 * Precision harness: lints a folder of real-world files with the built CLI (JSON format) and prints,
 * per rule, how many files it looked at, its findings by severity and, when a judgements file is given,
 * how many of them were judged true or false and the precision. It also writes a judgement-ready TSV.
 *
 *   node scripts/precision.mjs <folder> [--judgements judged.tsv] [--out findings.tsv] [--preset recommended|all]
 *
 * The judgements file is a TSV with two columns: a key (`relative/file:line:rule`, as printed in the first
 * column of the findings TSV) and `true` or `false`. Lines starting with # are comments; a third column
 * (a note) is ignored. The corpus folder stays outside the repository: third-party files are never committed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    judgements: { type: "string" },
    out: { type: "string" },
    preset: { type: "string", default: "recommended" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: node scripts/precision.mjs <folder> [--judgements file.tsv] [--out findings.tsv] [--preset recommended|all]");
  process.exit(2);
}
const folder = resolve(positionals[0]);
const cli = join(root, "packages/cli/bin/mcp-lint.js");
if (!existsSync(join(root, "packages/cli/dist/main.js"))) {
  console.error("Build first: npm run build");
  process.exit(2);
}

const args = [cli, "-f", "json", "--no-config-lookup", folder];
if (values.preset === "all") {
  // Every rule at its own severity: list them and switch each one on.
  const list = spawnSync(process.execPath, [cli, "--list-rules", "-f", "json"], { encoding: "utf8", maxBuffer: 1 << 26 });
  try {
    for (const r of JSON.parse(list.stdout)) args.push("--rule", `${r.id}:${r.severity}`);
  } catch {
    console.error("Could not read --list-rules output");
    process.exit(2);
  }
}
const run = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28 });
let results;
try {
  results = JSON.parse(run.stdout);
} catch {
  console.error("The CLI did not print JSON:\n" + run.stderr.slice(0, 2000));
  process.exit(2);
}

const judged = new Map();
if (values.judgements) {
  for (const line of readFileSync(values.judgements, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [key, verdict] = line.split("\t");
    if (verdict === "true" || verdict === "false") judged.set(key.trim(), verdict === "true");
  }
}

const sev = (n) => (n === 2 ? "error" : n === 1 ? "warning" : "info");
const clean = (s) => String(s).replace(/[\t\r\n]+/g, " ");
const perRule = new Map();
const rows = [["key", "file", "line", "rule", "severity", "message", "judged"].join("\t")];
let files = 0;
const kinds = { config: 0, code: 0 };
for (const r of results) {
  files++;
  const rel = relative(folder, r.filePath);
  const kind = /\.(m|c)?[jt]sx?$/i.test(rel) ? "code" : "config";
  kinds[kind]++;
  for (const m of r.messages) {
    const rule = m.ruleId ?? "(none)";
    const s = m.severity === 2 ? "error" : m.severity === 1 ? (m.info ? "info" : "warning") : "info";
    const key = `${rel}:${m.line ?? 0}:${rule}`;
    const verdict = judged.get(key);
    const e = perRule.get(rule) ?? { files: new Set(), error: 0, warning: 0, info: 0, t: 0, f: 0, te: 0, fe: 0, tw: 0, fw: 0 };
    e.files.add(rel);
    e[s]++;
    if (verdict === true) {
      e.t++;
      if (s === "error") e.te++;
      if (s === "warning") e.tw++;
    } else if (verdict === false) {
      e.f++;
      if (s === "error") e.fe++;
      if (s === "warning") e.fw++;
    }
    perRule.set(rule, e);
    rows.push([key, rel, m.line ?? 0, rule, s, clean(m.message), verdict === undefined ? "" : String(verdict)].join("\t"));
  }
}
void sev;

const pct = (t, f) => (t + f === 0 ? "-" : `${Math.round((100 * t) / (t + f))} %`);
const table = [["rule", "files", "errors", "warnings", "infos", "judged true", "judged false", "precision", "errors right", "warnings right"]];
const total = { files: 0, error: 0, warning: 0, info: 0, t: 0, f: 0, te: 0, fe: 0, tw: 0, fw: 0 };
for (const [rule, e] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  table.push([rule, e.files.size, e.error, e.warning, e.info, e.t, e.f, pct(e.t, e.f), pct(e.te, e.fe), pct(e.tw, e.fw)].map(String));
  for (const k of ["error", "warning", "info", "t", "f", "te", "fe", "tw", "fw"]) total[k] += e[k];
}
table.push(["TOTAL", files, total.error, total.warning, total.info, total.t, total.f, pct(total.t, total.f), pct(total.te, total.fe), pct(total.tw, total.fw)].map(String));
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`Linted ${files} files (${kinds.config} config, ${kinds.code} code) under ${folder}`);
for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
const unjudged = rows.length - 1 - total.t - total.f;
if (values.judgements) console.log(`${unjudged} finding(s) not judged yet.`);

const out = values.out ?? "precision-findings.tsv";
writeFileSync(out, rows.join("\n") + "\n");
console.log(`Findings written to ${out}`);
