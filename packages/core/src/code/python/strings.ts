import type { Node } from "./parser.js";

/** The text of a plain string literal as Python decodes it, and where it starts in the source when spelled as is. */
export interface DecodedString {
  text: string;
  /** Source offset of the first character, when the source holds the text character for character (no escapes). */
  start?: number;
}

interface Decoded extends DecodedString {
  /** A replacement field (`{x}` of an f-string) ended the text: only its head is known. */
  cut: boolean;
}

/**
 * Decodes a string literal node (`"…"`, `'''…'''`, `r"…"`, `b"…"`) up to its first replacement field: escape
 * sequences (tree-sitter nests them in `string_content`; raw strings have none) become the characters they stand for.
 */
function decode(node: Node): Decoded {
  let text = "";
  let start: number | undefined;
  let exact = true;
  let contents = 0;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === "interpolation") return { text, cut: true };
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
  return exact && contents <= 1 && start !== undefined ? { text, start, cut: false } : { text, cut: false };
}

function isBytes(node: Node): boolean {
  const prefix = node.namedChildren[0]?.type === "string_start" ? (node.namedChildren[0]?.text ?? "") : "";
  return /b/i.test(prefix);
}

/**
 * The decoded text of a string literal, so `"\u200b"` is the zero-width space Python sees. Undefined for f-strings
 * with a replacement field (text only known at run time), implicit concatenations, and bytes literals unless
 * `bytes` is set (their escapes are decoded the same way).
 */
export function decodedString(node: Node | null | undefined, options: { bytes?: boolean } = {}): DecodedString | undefined {
  if (!node || node.type !== "string" || (!options.bytes && isBytes(node))) return undefined;
  const d = decode(node);
  if (d.cut) return undefined;
  return d.start !== undefined ? { text: d.text, start: d.start } : { text: d.text };
}

/** The decoded text of a string literal up to its first replacement field (`f"http://{host}"` → `http://`, cut). */
export function decodedHead(node: Node): { text: string; cut: boolean } {
  const d = decode(node);
  return { text: d.text, cut: d.cut };
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
