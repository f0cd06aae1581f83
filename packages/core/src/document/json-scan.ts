import type { Comment, DocNode, Member, SyntaxExtension } from "./types.js";

/**
 * A fast JSONC reader that builds the position tree and the plain value in
 * one pass (charCodeAt, no tokens array). It accepts JSON plus comments and
 * trailing commas, and gives up (returns undefined) at the first syntax
 * error: the caller then asks momoa for the exact error. Several times faster
 * than a general AST parser, which matters at 10,000 files.
 */
export interface ScanOutput {
  root: DocNode;
  value: unknown;
  comments: Comment[];
  extensions: SyntaxExtension[];
}

class Fail extends Error {}
const FAIL = new Fail();

/** Why the scanner stopped, when it is a problem momoa would not report (momoa accepts raw control characters in strings). */
export interface ScanFailure {
  controlCharacterAt?: number;
  /** Offset of the '{' or '[' that went past MAX_JSON_DEPTH. */
  tooDeepAt?: number;
}

/** Arrays and objects nested deeper than this are not read (no MCP config comes near it). */
export const MAX_JSON_DEPTH = 1000;

export function scanJson(text: string, failure?: ScanFailure): ScanOutput | undefined {
  const s = new Scanner(text, failure);
  try {
    s.skip();
    const root = s.value();
    const value = s.result;
    s.skip();
    if (s.pos !== text.length) return undefined;
    return { root, value, comments: s.comments, extensions: s.extensions };
  } catch (e) {
    if (e === FAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

class Scanner {
  pos = 0;
  comments: Comment[] = [];
  extensions: SyntaxExtension[] = [];
  /** The plain value of the node the last value() call returned (no [node, value] pair allocated per value). */
  result: unknown = undefined;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly failure: ScanFailure | undefined,
  ) {}

  private tooDeep(): never {
    if (this.failure) this.failure.tooDeepAt = this.pos;
    throw FAIL;
  }

  /** Skips whitespace and comments, recording comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      let p = this.pos;
      let c = t.charCodeAt(p);
      while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++p);
      this.pos = p;
      if (c === 47 /* / */) {
        const n = t.charCodeAt(this.pos + 1);
        const start = this.pos;
        if (n === 47) {
          let end = start + 2;
          while (end < t.length && t.charCodeAt(end) !== 10 && t.charCodeAt(end) !== 13) end++;
          this.comments.push({ text: t.slice(start + 2, end).trim(), range: [start, end], kind: "line" });
          this.extensions.push({ kind: "comment", range: [start, end] });
          this.pos = end;
        } else if (n === 42) {
          const close = t.indexOf("*/", start + 2);
          if (close < 0) throw FAIL;
          this.comments.push({ text: t.slice(start + 2, close).trim(), range: [start, close + 2], kind: "block" });
          this.extensions.push({ kind: "comment", range: [start, close + 2] });
          this.pos = close + 2;
        } else throw FAIL;
      } else return;
    }
  }

  value(): DocNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    const start = this.pos;
    switch (c) {
      case 123 /* { */:
        return this.object();
      case 91 /* [ */:
        return this.array();
      case 34 /* " */: {
        const v = this.string();
        this.result = v;
        return { type: "scalar", range: [start, this.pos], value: v };
      }
      case 116 /* t */:
        return this.literal("true", true);
      case 102 /* f */:
        return this.literal("false", false);
      case 110 /* n */:
        return this.literal("null", null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) {
          const v = this.number();
          this.result = v;
          return { type: "scalar", range: [start, this.pos], value: v };
        }
        throw FAIL;
    }
  }

  private literal(word: string, v: boolean | null): DocNode {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) throw FAIL;
    this.pos += word.length;
    const next = this.text.charCodeAt(this.pos);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || (next >= 48 && next <= 57) || next === 95) throw FAIL;
    this.result = v;
    return { type: "scalar", range: [start, this.pos], value: v };
  }

  private number(): number {
    const t = this.text;
    const start = this.pos;
    let p = this.pos;
    if (t.charCodeAt(p) === 45) p++;
    const first = t.charCodeAt(p);
    if (first === 48) p++;
    else if (first >= 49 && first <= 57) while (isDigit(t.charCodeAt(p))) p++;
    else throw FAIL;
    if (t.charCodeAt(p) === 46) {
      p++;
      if (!isDigit(t.charCodeAt(p))) throw FAIL;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      const sign = t.charCodeAt(p);
      if (sign === 43 || sign === 45) p++;
      if (!isDigit(t.charCodeAt(p))) throw FAIL;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    this.pos = p;
    return Number(t.slice(start, p));
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        p += 2;
        continue;
      }
      if (c < 32) {
        if (this.failure) this.failure.controlCharacterAt = p;
        throw FAIL;
      }
      if (Number.isNaN(c)) throw FAIL; // end of text
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start + 1, p);
    try {
      return JSON.parse(t.slice(start, p + 1)) as string;
    } catch {
      throw FAIL;
    }
  }

  private object(): DocNode {
    const t = this.text;
    const start = this.pos;
    if (++this.depth > MAX_JSON_DEPTH) this.tooDeep();
    this.pos++;
    const members: Member[] = [];
    const value: Record<string, unknown> = {};
    this.skip();
    if (t.charCodeAt(this.pos) !== 125) {
      for (;;) {
        if (t.charCodeAt(this.pos) !== 34) throw FAIL;
        const keyStart = this.pos;
        const key = this.string();
        const keyRange: [number, number] = [keyStart, this.pos];
        this.skip();
        if (t.charCodeAt(this.pos) !== 58 /* : */) throw FAIL;
        this.pos++;
        this.skip();
        const node = this.value();
        const v = this.result;
        members.push({ key, keyRange, value: node });
        if (key === "__proto__") Object.defineProperty(value, key, { value: v, enumerable: true, writable: true, configurable: true });
        else value[key] = v;
        this.skip();
        const c = t.charCodeAt(this.pos);
        if (c === 44 /* , */) {
          const comma = this.pos;
          this.pos++;
          this.skip();
          if (t.charCodeAt(this.pos) === 125) {
            this.extensions.push({ kind: "trailing-comma", range: [comma, comma + 1] });
            break;
          }
          continue;
        }
        if (c === 125) break;
        throw FAIL;
      }
    }
    this.pos++;
    this.depth--;
    this.result = value;
    return { type: "object", range: [start, this.pos], members };
  }

  private array(): DocNode {
    const t = this.text;
    const start = this.pos;
    if (++this.depth > MAX_JSON_DEPTH) this.tooDeep();
    this.pos++;
    const items: DocNode[] = [];
    const value: unknown[] = [];
    this.skip();
    if (t.charCodeAt(this.pos) !== 93) {
      for (;;) {
        items.push(this.value());
        value.push(this.result);
        this.skip();
        const c = t.charCodeAt(this.pos);
        if (c === 44) {
          const comma = this.pos;
          this.pos++;
          this.skip();
          if (t.charCodeAt(this.pos) === 93) {
            this.extensions.push({ kind: "trailing-comma", range: [comma, comma + 1] });
            break;
          }
          continue;
        }
        if (c === 93) break;
        throw FAIL;
      }
    }
    this.pos++;
    this.depth--;
    this.result = value;
    return { type: "array", range: [start, this.pos], items };
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
