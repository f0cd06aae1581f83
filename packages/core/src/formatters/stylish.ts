import type { Finding } from "../model/finding.js";
import { escapeControl } from "./escape.js";
import type { Formatter } from "./types.js";

/** Inline ANSI styles (chalk's open/close codes); identity when colour is off. */
function styles(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
    reset: (s: string) => (color ? `\u001b[0m${s}\u001b[0m` : s),
  };
}

function pluralize(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}

const ANSI = /\u001b\[\d+m/g;

/** text-table with ESLint's settings: columns ["", right, left...], two-space separators, no trailing spaces. */
function table(rows: string[][], align: Array<"l" | "r">): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.replace(ANSI, "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = " ".repeat(widths[i]! - cell.replace(ANSI, "").length);
          return align[i] === "r" ? pad + cell : cell + pad;
        })
        .join("  ")
        .replace(/\s+$/, ""),
    )
    .join("\n");
}

/** ESLint's stylish formatter, with a third severity (info). Paths are shown relative to cwd. */
export const stylish: Formatter = (results, { color = false }) => {
  const c = styles(color);
  let output = "\n";
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let fixableInfos = 0;

  for (const result of results) {
    if (result.findings.length === 0) continue;
    output += `${c.underline(escapeControl(result.file))}\n`;
    const rows = result.findings.map((f: Finding) => {
      let type: string;
      if (f.severity === "error") {
        type = c.red("error");
        errors++;
        if (f.fix) fixableErrors++;
      } else if (f.severity === "warning") {
        type = c.yellow("warning");
        warnings++;
        if (f.fix) fixableWarnings++;
      } else {
        type = c.blue("info");
        infos++;
        if (f.fix) fixableInfos++;
      }
      return ["", String(f.line), String(f.column), type, escapeControl(f.message).replace(/([^ ])\.$/u, "$1"), c.dim(f.ruleId)];
    });
    output += `${table(rows, ["l", "r", "l", "l", "l", "l"])
      .split("\n")
      .map((line) => line.replace(/(\d+)\s+(\d+)/u, (_m, l: string, col: string) => c.dim(`${l}:${col}`)))
      .join("\n")}\n\n`;
  }

  const total = errors + warnings + infos;
  if (total === 0) return "";
  const paint = errors > 0 ? c.red : c.yellow;
  output += paint(
    c.bold(
      `\u2716 ${total} ${pluralize("problem", total)} (${errors} ${pluralize("error", errors)}, ${warnings} ${pluralize("warning", warnings)}, ${infos} ${pluralize("info", infos)})\n`,
    ),
  );
  if (fixableErrors + fixableWarnings + fixableInfos > 0) {
    const parts = `${fixableErrors} ${pluralize("error", fixableErrors)} and ${fixableWarnings} ${pluralize("warning", fixableWarnings)}`;
    const withInfos =
      fixableInfos > 0
        ? `${fixableErrors} ${pluralize("error", fixableErrors)}, ${fixableWarnings} ${pluralize("warning", fixableWarnings)} and ${fixableInfos} ${pluralize("info", fixableInfos)}`
        : parts;
    output += paint(c.bold(`  ${withInfos} potentially fixable with the \`--fix\` option.\n`));
  }
  return c.reset(output);
};
