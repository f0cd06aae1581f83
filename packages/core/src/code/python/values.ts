import { enclosingFunction, isModuleLevel, keywordArg, positionalArgs, type PyFile } from "./analysis.js";
import type { Node } from "./parser.js";

/**
 * The strings an argument is built from, as far as the file alone decides them:
 * a literal, the literal head of an f-string or of `"..." + x` (incomplete),
 * a module-level constant assigned once (`URL = "..."`), and the default of
 * `os.getenv("X", "...")` / `os.environ.get("X", "...")` / `x or "..."`.
 * Bounded: at most MAX_DEPTH indirections.
 */
export interface PyString {
  /** The literal node the text comes from (what a finding points at). */
  node: Node;
  value: string;
  /** False when only a head of the string is known (`f"http://{host}"`). */
  complete: boolean;
}

const MAX_DEPTH = 4;

export function stringsOf(file: PyFile, expr: Node | null | undefined, depth = 0): PyString[] {
  if (!expr || depth > MAX_DEPTH) return [];
  if (expr.type === "parenthesized_expression") return stringsOf(file, expr.namedChildren[0], depth + 1);
  if (expr.type === "string") {
    const head = stringHead(expr);
    return head ? [head] : [];
  }
  if (expr.type === "binary_operator" && expr.childForFieldName("operator")?.type === "+") {
    const left = stringsOf(file, expr.childForFieldName("left"), depth + 1);
    return left.map((s) => ({ ...s, complete: false }));
  }
  if (expr.type === "boolean_operator" && expr.childForFieldName("operator")?.type === "or") {
    return stringsOf(file, expr.childForFieldName("right"), depth + 1);
  }
  if (expr.type === "call") {
    const fallback = envDefault(expr);
    return fallback ? stringsOf(file, fallback, depth + 1) : [];
  }
  if (expr.type === "identifier") {
    const value = moduleConstant(file, expr);
    return value ? stringsOf(file, value, depth + 1) : [];
  }
  return [];
}

/** The text of a string literal, or its literal head up to the first `{...}` of an f-string. */
function stringHead(node: Node): PyString | undefined {
  let out = "";
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "string_content") out += c.text;
    else if (c.type === "interpolation" || c.type === "escape_sequence") return { node, value: out, complete: false };
  }
  return { node, value: out, complete: true };
}

/** `os.getenv("X", d)`, `os.environ.get("X", d)`, `environ.get("X", d)`: the default `d`. */
function envDefault(call: Node): Node | undefined {
  const callee = call.childForFieldName("function");
  const text = callee?.text.replace(/\s+/g, "");
  if (text !== "os.getenv" && text !== "os.environ.get" && text !== "getenv" && text !== "environ.get") return undefined;
  return positionalArgs(call)[1] ?? keywordArg(call, "default");
}

/** The value of a name assigned exactly once in the file, at module level, and not shadowed by a parameter of the function using it. */
function moduleConstant(file: PyFile, id: Node): Node | undefined {
  const name = id.text;
  let value: Node | undefined;
  let count = 0;
  for (const a of file.nodes("assignment")) {
    const left = a.childForFieldName("left");
    if (left?.type !== "identifier" || left.text !== name) continue;
    count++;
    if (count > 1) return undefined;
    if (!isModuleLevel(a)) return undefined;
    value = a.childForFieldName("right") ?? undefined;
  }
  if (!value) return undefined;
  for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
    const params = fn.childForFieldName("parameters");
    if (params?.descendantsOfType("identifier").some((p) => p?.text === name)) return undefined;
  }
  return value;
}

/** The text of a plain string literal as Python decodes it, and where it starts in the source when spelled as is. */
export interface DecodedString {
  text: string;
  /** Source offset of the first character, when the source holds the text character for character (no escapes). */
  start?: number;
}

/**
 * Decodes a string literal (`"…"`, `'''…'''`, `r"…"`): its escape sequences (tree-sitter nests them in
 * `string_content`) become the characters they stand for, so `"\u200b"` is the zero-width space Python sees.
 * Undefined for f-strings with a replacement field (text only known at run time) and bytes literals.
 */
export function decodedString(node: Node | null | undefined): DecodedString | undefined {
  if (!node || node.type !== "string") return undefined;
  const prefix = node.namedChildren[0]?.type === "string_start" ? (node.namedChildren[0]?.text ?? "") : "";
  if (/b/i.test(prefix)) return undefined;
  let text = "";
  let start: number | undefined;
  let exact = true;
  let contents = 0;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "interpolation") return undefined;
    if (c.type !== "string_content") continue;
    if (contents++ === 0) start = c.startIndex;
    let at = c.startIndex;
    const raw = c.text;
    for (const e of c.namedChildren) {
      if (e?.type !== "escape_sequence") continue;
      exact = false;
      text += raw.slice(at - c.startIndex, e.startIndex - c.startIndex) + decodeEscape(e.text);
      at = e.endIndex;
    }
    text += raw.slice(at - c.startIndex);
  }
  return exact && contents <= 1 ? { text, ...(start !== undefined ? { start } : {}) } : { text };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "\n": "", "\r\n": "" };

/** One Python escape sequence (`\n`, `\x41`, `\u200b`, `\U000e0041`, `\101`); `\N{…}` and unknown ones stay as written. */
function decodeEscape(seq: string): string {
  const body = seq.slice(1);
  if (Object.hasOwn(SIMPLE_ESCAPES, body)) return SIMPLE_ESCAPES[body]!;
  const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))$/.exec(body);
  const code = hex ? parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16) : /^[0-7]{1,3}$/.test(body) ? parseInt(body, 8) : undefined;
  return code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : seq;
}
