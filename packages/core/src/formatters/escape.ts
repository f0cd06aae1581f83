/**
 * Text from the repository (file names, keys quoted in messages) in the human formats: it must not drive the
 * terminal, start a line of its own (a newline followed by `::error …` is a workflow command in a plain
 * `npx mcp-lint` step), or become Markdown markup in a job summary.
 */

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Every control character written as an escape (`\n`, `\u001b`): one visible line, no terminal sequence. */
export function escapeControl(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML, no links or images (a key named
 * `[x](https://…)` or `![x](…)` stays text: both need an unescaped "[").
 */
export function escapeCell(s: string): string {
  return escapeControl(s.replace(/\r?\n|\r/g, " "))
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[|[\]]/g, "\\$&");
}

/** A file name as a Markdown code span (code spans render no links or markup). */
export function codeSpan(s: string): string {
  return `\`${escapeControl(s.replace(/\r?\n|\r/g, " ")).replace(/`/g, "'")}\``;
}
