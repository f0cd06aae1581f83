import type { AST } from "toml-eslint-parser";
import { loadTomlParser } from "../util/lazy-cjs.js";
import type { Comment, DocNode, Member, ObjectNode, OffsetRange, ParseOutput, ParseProblem } from "./types.js";

/**
 * Parses TOML with toml-eslint-parser (TOML 1.1, the parser's default: it also
 * accepts every TOML 1.0 file) and builds the object tree TOML semantics define:
 * `[a.b]` headers, `[[arrays.of.tables]]`, dotted keys and inline tables.
 *
 * Ranges:
 * - a member's keyRange is the last key segment as written (`github` in `[mcp_servers.github]`);
 * - a table made by a header spans from the header to its last key/value (the header alone if empty);
 * - a table implied by a header path (`mcp_servers` in `[mcp_servers.github]`) gets the first such
 *   header's range, until a header of its own (`[mcp_servers]`) defines it;
 * - a table implied by dotted keys (`env.A = 1`) spans all the key/values that went into it;
 * - an array of tables spans its first to its last `[[...]]` table.
 *
 * An empty file (or one with only comments) is an empty table, as TOML defines it.
 */
export function parseToml(text: string): ParseOutput {
  let ast: AST.TOMLProgram;
  try {
    ast = loadTomlParser().parseTOML(text);
  } catch (error) {
    return { root: undefined, comments: [], extensions: [], errors: [describeTomlError(text, error)] };
  }
  const comments: Comment[] = ast.comments.map((c) => ({ text: c.value.trim(), range: [c.range[0], c.range[1]], kind: "line" }));
  const top = ast.body[0];
  const builder = new TreeBuilder(text, rangeOf(top));
  for (const item of top.body) {
    if (item.type === "TOMLTable") builder.table(item);
    else builder.keyValue(builder.root, item);
  }
  return { root: builder.root, comments, extensions: [], errors: [] };
}

class TreeBuilder {
  readonly root: ObjectNode;
  private readonly index = new WeakMap<ObjectNode, Map<string, Member>>();
  /** Tables created by dotted keys: their range grows with each key/value written through them. */
  private readonly dotted = new WeakSet<ObjectNode>();
  /** Tables implied by a header path: a later header of their own takes them over. */
  private readonly implied = new WeakSet<ObjectNode>();

  constructor(
    private readonly text: string,
    range: OffsetRange,
  ) {
    this.root = this.object(range);
  }

  table(table: AST.TOMLTable): void {
    const keys = table.key.keys;
    const header: OffsetRange = [table.range[0], headerEnd(this.text, table)];
    let current = this.root;
    for (const segment of keys.slice(0, -1)) {
      const name = keyName(segment);
      const member = this.member(current, name);
      if (!member) {
        const implied = this.object([header[0], header[1]]);
        this.implied.add(implied);
        this.add(current, name, rangeOf(segment), implied);
        current = implied;
        continue;
      }
      const next = tableOf(member.value);
      if (!next) return; // not a table: invalid TOML, which the parser has already rejected
      current = next;
    }

    const last = keys[keys.length - 1]!;
    const name = keyName(last);
    const existing = this.member(current, name);
    let target: ObjectNode;
    if (table.kind === "array") {
      target = this.object(rangeOf(table));
      if (!existing) this.add(current, name, rangeOf(last), { type: "array", range: rangeOf(table), items: [target] });
      else if (existing.value.type === "array") {
        existing.value.items.push(target);
        existing.value.range = union(existing.value.range, rangeOf(table));
      } else return;
    } else if (existing) {
      if (existing.value.type !== "object") return;
      target = existing.value;
      if (this.implied.has(target)) {
        this.implied.delete(target);
        target.range = rangeOf(table);
        existing.keyRange = rangeOf(last);
      }
    } else {
      target = this.object(rangeOf(table));
      this.add(current, name, rangeOf(last), target);
    }
    for (const kv of table.body) this.keyValue(target, kv);
  }

  keyValue(table: ObjectNode, kv: AST.TOMLKeyValue): void {
    const keys = kv.key.keys;
    let current = table;
    for (const segment of keys.slice(0, -1)) {
      const name = keyName(segment);
      const member = this.member(current, name);
      let next: ObjectNode;
      if (!member) {
        next = this.object(rangeOf(kv));
        this.dotted.add(next);
        this.add(current, name, rangeOf(segment), next);
      } else if (member.value.type === "object") {
        next = member.value;
        if (this.dotted.has(next)) next.range = union(next.range, rangeOf(kv));
      } else return; // invalid TOML, already rejected by the parser
      current = next;
    }
    const last = keys[keys.length - 1]!;
    this.add(current, keyName(last), rangeOf(last), this.value(kv.value));
  }

  private value(node: AST.TOMLContentNode): DocNode {
    switch (node.type) {
      case "TOMLArray":
        return { type: "array", range: rangeOf(node), items: node.elements.map((e) => this.value(e)) };
      case "TOMLInlineTable": {
        const object = this.object(rangeOf(node));
        for (const kv of node.body) this.keyValue(object, kv);
        return object;
      }
      case "TOMLValue":
        return { type: "scalar", range: rangeOf(node), value: scalarValue(node) };
    }
  }

  private object(range: OffsetRange): ObjectNode {
    const node: ObjectNode = { type: "object", range, members: [] };
    this.index.set(node, new Map());
    return node;
  }

  private member(table: ObjectNode, key: string): Member | undefined {
    return this.index.get(table)?.get(key);
  }

  private add(table: ObjectNode, key: string, keyRange: OffsetRange, value: DocNode): void {
    const member: Member = { key, keyRange, value };
    table.members.push(member);
    this.index.get(table)?.set(key, member);
  }
}

function scalarValue(node: AST.TOMLValue): string | number | boolean {
  switch (node.kind) {
    case "string":
    case "integer":
    case "float":
    case "boolean":
      return node.value;
    default:
      // Dates and times: the RFC 3339 text as written, with the ISO 'T' separator.
      return node.datetime.replace(/^(\d{4}-\d{2}-\d{2})[ tT]/, "$1T").replace(/z$/, "Z");
  }
}

/** The table a header path walks through: a table, or the last table of an array of tables. */
function tableOf(node: DocNode): ObjectNode | undefined {
  if (node.type === "object") return node;
  if (node.type === "array") {
    const last = node.items[node.items.length - 1];
    return last?.type === "object" ? last : undefined;
  }
  return undefined;
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === "TOMLBare" ? key.name : key.value;
}

function rangeOf(node: { range: [number, number] }): OffsetRange {
  return [node.range[0], node.range[1]];
}

function union(a: OffsetRange, b: OffsetRange): OffsetRange {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Offset just after the closing `]` (or `]]`) of a table header. */
function headerEnd(text: string, table: AST.TOMLTable): number {
  let i = table.key.range[1];
  let brackets = table.kind === "array" ? 2 : 1;
  while (i < text.length && brackets > 0) {
    const c = text[i];
    if (c === "]") brackets--;
    else if (c !== " " && c !== "\t") break;
    i++;
  }
  return i;
}

const MESSAGES: [RegExp, string][] = [
  [/^Unterminated string/, "A string is not closed: the closing quote is missing (only triple-quoted strings may span lines)."],
  [/^Unterminated table-key/, "A table header '[...]' is not closed."],
  [/^Unterminated array/, "An array '[...]' is not closed."],
  [/^Unterminated inline table/, "An inline table '{...}' is not closed."],
  [/^Empty bare keys/, "A key is missing (an empty key must be written as \"\")."],
  [/^Must be a newline/, "Expected a line break: each key/value pair and each table header must be on its own line."],
  [/^Expected equal/, "Expected '=' after the key."],
  [/^Unspecified values/, "A value is missing after '='."],
  [/^Expected comma/, "Missing ',' between items."],
  [/^Unexpected token/, "Unexpected token."],
  [/^Control characters/, "Control characters are not allowed here: use an escape sequence such as '\\n' in a basic string."],
  [/within comments$/, "Invalid character in a comment."],
  [/^The key, equals sign, and value/, "The key, the '=' and the value must be on the same line."],
  [/^No newlines are allowed between the curly/, "An inline table '{...}' must be on a single line."],
  [/^Underscores/, "Underscores in numbers are only allowed between digits."],
  [/^Unexpected spaces/, "Unexpected space."],
  [/^Three or more quotes/, "Three or more quotes in a row are not allowed here."],
  [/^Unexpected invalid date/, "Invalid date."],
  [/^Unexpected invalid time/, "Invalid time."],
  [/^Leading zeros/, "Numbers cannot have leading zeros."],
  [/^Trailing comma is not permitted in an inline table/, "A trailing comma is not allowed in an inline table."],
  [
    /^Invalid character in escape sequence/,
    "Invalid escape sequence in a string: write a backslash as '\\\\', or use a literal string in single quotes (e.g. for Windows paths).",
  ],
  [/^Consecutive dots/, "Two dots in a row in a key."],
  [/^Invalid code point/, "Invalid Unicode code point."],
  [/^Keys cannot end with a dot/, "A key cannot end with a dot."],
  [/^Keys cannot start with a dot/, "A key cannot start with a dot."],
];

/**
 * Turns a toml-eslint-parser error into a located message written by mcp-lint.
 * Only key names are ever quoted from the source, never values.
 */
export function describeTomlError(text: string, error: unknown): ParseProblem {
  const e = error as { message?: unknown; index?: unknown };
  if (typeof e?.index !== "number") return { message: "The file is not valid TOML.", range: [0, Math.min(1, text.length)] };
  const offset = Math.min(Math.max(0, e.index), text.length);
  const range: OffsetRange = [offset, Math.min(offset + 1, text.length)];
  const message = typeof e.message === "string" ? e.message : "";
  if (message.startsWith("Defining a key multiple times")) {
    const key = keyAt(text, offset);
    const name = key ? ` ${displayKey(text.slice(key[0], key[1]))}` : "";
    return { message: `Duplicate key${name}: TOML does not allow defining the same key or table twice.`, range: key ?? range };
  }
  if (message.startsWith("Unexpected character")) {
    const ch = text[offset];
    if (ch === undefined) return { message: "Unexpected end of file.", range: [offset, offset] };
    if (/[\p{L}\p{N}]/u.test(ch)) return { message: "Unexpected unquoted text: string values must be in quotes.", range };
    return { message: `Unexpected character ${/[\x21-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`}.`, range };
  }
  if (message.startsWith("Unspecified values")) {
    // The parser points at whatever follows (often the next line): point at the '=' instead.
    let eq = offset - 1;
    while (eq >= 0 && /\s/.test(text[eq]!)) eq--;
    if (text[eq] === "=") return { message: "A value is missing after '='.", range: [eq, eq + 1] };
  }
  if (message.startsWith("The key, equals sign, and value")) {
    // `[table` without its `]`: the parser reads the header key on into the next line.
    let last = offset - 1;
    while (last >= 0 && /\s/.test(text[last]!)) last--;
    const lineStart = text.lastIndexOf("\n", last) + 1;
    const line = text.slice(lineStart, last + 1);
    const indent = line.length - line.trimStart().length;
    if (line.trimStart().startsWith("[") && !line.includes("]"))
      return { message: "A table header '[...]' is not closed.", range: [lineStart + indent, lineStart + indent + 1] };
  }
  for (const [pattern, friendly] of MESSAGES) if (pattern.test(message)) return { message: friendly, range };
  return { message: "The file is not valid TOML.", range };
}

/** Range of the (bare or quoted) key starting at `offset`, if one does. */
function keyAt(text: string, offset: number): OffsetRange | undefined {
  const quote = text[offset];
  if (quote === '"' || quote === "'") {
    for (let i = offset + 1; i < text.length && text[i] !== "\n"; i++) {
      if (quote === '"' && text[i] === "\\") i++;
      else if (text[i] === quote) return [offset, i + 1];
    }
    return undefined;
  }
  const bare = /[^\s=.[\]"'#,{}]+/uy;
  bare.lastIndex = offset;
  const m = bare.exec(text);
  return m ? [offset, offset + m[0].length] : undefined;
}

function displayKey(raw: string): string {
  const clean = raw.replace(/[\x00-\x1f\x7f]/g, "?");
  const short = clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
  return short.startsWith('"') || short.startsWith("'") ? short : `'${short}'`;
}
