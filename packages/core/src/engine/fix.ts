import type { Fix } from "../model/finding.js";

/** One fix from several edits: the span from the first to the last edit, text between kept as is. */
export function mergeEdits(text: string, edits: Fix[]): Fix {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  const start = sorted[0]!.range[0];
  let out = "";
  let cursor = start;
  for (const edit of sorted) {
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return { range: [start, cursor], text: out };
}

/**
 * Applies non-overlapping fixes in order of position, as ESLint does: a fix
 * that overlaps one already applied is skipped (the next pass picks it up).
 */
export function applyFixes(text: string, fixes: Fix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = "";
  let cursor = 0;
  let applied = 0;
  let lastEnd = -1;
  let last: Fix | undefined;
  for (const fix of sorted) {
    if (fix.range[0] < lastEnd || fix.range[0] < cursor) continue;
    // The same edit twice (one node reported through two YAML aliases) is applied once.
    if (last && last.range[0] === fix.range[0] && last.range[1] === fix.range[1] && last.text === fix.text) continue;
    last = fix;
    out += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    lastEnd = fix.range[1];
    applied++;
  }
  return { output: out + text.slice(cursor), applied };
}
