import type { ConfigDocument } from "../document/document.js";
import type { OffsetRange } from "../document/types.js";
import { isVariableName } from "./secrets.js";

/**
 * Variable placeholders as the various MCP clients write them, found inside
 * config strings. Detection only: which of them a client expands is the
 * dialect's business (`dialect.variables`).
 */
export type PlaceholderForm =
  /** `${{ secrets.NAME }}` (Continue, GitHub Actions) */
  | "double-brace"
  /** `${NAME}`, `${env:NAME}`, `${input:id}`, `${workspaceFolder}` … */
  | "dollar-brace"
  /** `{env:NAME}`, `{file:path}` (opencode) */
  | "brace-colon"
  /** `$NAME` */
  | "bare-dollar";

export interface Placeholder {
  /** The placeholder exactly as written. */
  text: string;
  /** Offsets inside the string value, [start, end). */
  start: number;
  end: number;
  form: PlaceholderForm;
  /** Set when the placeholder is a plain environment reference: `${NAME}`, `${env:NAME}`, `$NAME`, `{env:NAME}`. */
  envName?: string;
}

const ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
const PLACEHOLDER = new RegExp(
  [
    "\\$\\{\\{[^{}]*\\}\\}", // ${{ ... }}
    "\\$\\{[^{}]*\\}", // ${...}
    "(?<!\\$)\\{(?:env|file):[^{}]+\\}", // {env:X} / {file:x}
    `(?<![A-Za-z0-9_$\\\\])\\$${ENV_NAME}`, // $NAME, not inside a word, not "$$", not escaped
  ].join("|"),
  "g",
);

/** Every placeholder in `value`, in order. */
export function findPlaceholders(value: string): Placeholder[] {
  const out: Placeholder[] = [];
  // Fast path: every placeholder form has a "$" or a "{".
  if (value.indexOf("$") < 0 && value.indexOf("{") < 0) return out;
  for (const m of value.matchAll(PLACEHOLDER)) {
    const text = m[0];
    const start = m.index;
    // "$Xk9mP2qR7vT4…" is a credential that starts with "$", not a reference to a variable of that name.
    if (text.charCodeAt(1) !== 123 && text.charCodeAt(0) === 36 && !isVariableName(text.slice(1))) continue;
    const p: Placeholder = { text, start, end: start + text.length, form: formOf(text) };
    const envName = plainEnvName(text);
    if (envName) p.envName = envName;
    out.push(p);
  }
  return out;
}

function formOf(text: string): PlaceholderForm {
  if (text.startsWith("${{")) return "double-brace";
  if (text.startsWith("${")) return "dollar-brace";
  if (text.startsWith("{")) return "brace-colon";
  return "bare-dollar";
}

const PLAIN_ENV = [
  new RegExp(`^\\$\\{(${ENV_NAME})\\}$`),
  new RegExp(`^\\$\\{env:(${ENV_NAME})\\}$`),
  new RegExp(`^\\$(${ENV_NAME})$`),
  new RegExp(`^\\{env:(${ENV_NAME})\\}$`),
];

/** The variable name of a plain environment reference, else undefined. */
export function plainEnvName(placeholder: string): string | undefined {
  for (const re of PLAIN_ENV) {
    const m = re.exec(placeholder);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Source offsets of `[start, end)` of a string value at `pointer`, when the
 * source text of the string is the value itself (no escapes, no folding);
 * otherwise undefined, and callers fall back to the whole value's range.
 */
export function valueSubrange(doc: ConfigDocument, pointer: string, start: number, end: number): OffsetRange | undefined {
  const node = doc.nodeAt(pointer);
  if (!node || node.type !== "scalar" || typeof node.value !== "string") return undefined;
  const raw = doc.text.slice(node.range[0], node.range[1]);
  const value = node.value;
  for (const q of ['"""', "'''", '"', "'", ""]) {
    if (q && !(raw.startsWith(q) && raw.endsWith(q) && raw.length >= 2 * q.length)) continue;
    const inner = q ? raw.slice(q.length, raw.length - q.length) : raw;
    if (inner === value) return [node.range[0] + q.length + start, node.range[0] + q.length + end];
    if (q) break;
  }
  return undefined;
}
