#!/usr/bin/env node
// The per-file case of `npm run bench`, in one process: mcp-lint's code pass (lintSourceText: ESLint's Linter with
// mcp-lint's parser, scope analysis, directives and every code rule) against typescript-estree's plain parse() with
// tokens and comments, on the same MCP files. Two warm-up rounds each, then 5 rounds alternating; prints the median
// CPU (process.cpuUsage, user + sys) and wall time of a round of each, as JSON.
// Usage: node scripts/bench/per-file.mjs <file.ts>...
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parse } from "@typescript-eslint/typescript-estree";
import { lintSourceText } from "../../packages/core/dist/code/js/runner.js";

const files = process.argv.slice(2).map((file) => ({ file, text: readFileSync(file, "utf8") }));
const options = { loc: true, range: true, comment: true, tokens: true, jsx: false };

async function measure(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall };
}
const bare = async () => {
  for (const f of files) parse(f.text, options);
};
const ours = async () => {
  for (const f of files) await lintSourceText(f.file, f.text);
};
for (let i = 0; i < 2; i++) {
  await bare();
  await ours();
}
const rounds = { base: [], ours: [] };
for (let i = 0; i < 5; i++) {
  rounds.base.push(await measure(bare));
  rounds.ours.push(await measure(ours));
}
const med = (xs, k) => xs.map((x) => x[k]).sort((a, b) => a - b)[2];
console.log(JSON.stringify({ base: { cpu: med(rounds.base, "cpu"), wall: med(rounds.base, "wall") }, ours: { cpu: med(rounds.ours, "cpu"), wall: med(rounds.ours, "wall") } }));
