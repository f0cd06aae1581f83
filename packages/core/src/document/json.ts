import { parse as parseMomoa } from "@humanwhocodes/momoa";
import type { AnyNode, DocumentNode, Token } from "@humanwhocodes/momoa";
import { MAX_JSON_DEPTH, scanJson, type ScanFailure } from "./json-scan.js";
import type { Comment, DocNode, Member, ParseOutput, ParseProblem, SyntaxExtension } from "./types.js";

/**
 * Parses JSON and JSONC (comments, trailing commas) with momoa, the parser
 * behind @eslint/json. The parse is always tolerant; the comments and trailing
 * commas found are reported as syntax extensions, and the `strict-json` rule
 * decides per client whether they are errors.
 */
export function parseJson(text: string): ParseOutput {
  // Fast path: a one-pass scanner; momoa only runs to explain a syntax error.
  const failure: ScanFailure = {};
  const scanned = scanJson(text, failure);
  if (scanned) return { root: scanned.root, value: scanned.value, comments: scanned.comments, extensions: scanned.extensions, errors: [] };
  if (failure.tooDeepAt !== undefined) {
    // momoa would recurse as deep (and overflow the stack): say what the problem is, where.
    const at = failure.tooDeepAt;
    return {
      root: undefined,
      comments: [],
      extensions: [],
      errors: [{ message: `Arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep here: mcp-lint reads no deeper, and no MCP config needs it.`, range: [at, at + 1], limit: true }],
    };
  }
  let ast: DocumentNode;
  try {
    ast = parseMomoa(text, { mode: "jsonc", ranges: true, tokens: true, allowTrailingCommas: true });
  } catch (error) {
    return { root: undefined, comments: [], extensions: [], errors: [describeJsonError(text, error)] };
  }
  // momoa tolerates raw control characters inside strings; JSON (and every client) does not.
  const at = failure.controlCharacterAt;
  if (at === undefined) return fromMomoa(ast, text);
  return {
    ...fromMomoa(ast, text),
    root: undefined,
    errors: [{ message: "Unescaped control character (e.g. a raw line break or tab) inside a string: write it as \\n or \\t.", range: [at, at + 1] }],
  };
}

/** Builds the document tree from a momoa AST (also used by the ESLint plugin, which already has one). */
export function fromMomoa(ast: DocumentNode, text: string): ParseOutput {
  const comments: Comment[] = [];
  const extensions: SyntaxExtension[] = [];
  const tokens: Token[] = ast.tokens ?? [];
  let lastSignificant: Token | undefined;
  for (const token of tokens) {
    const [start, end] = token.range ?? [token.loc.start.offset, token.loc.end.offset];
    if (token.type === "LineComment" || token.type === "BlockComment") {
      const raw = text.slice(start, end);
      const body = token.type === "LineComment" ? raw.slice(2) : raw.slice(2, -2);
      comments.push({ text: body.trim(), range: [start, end], kind: token.type === "LineComment" ? "line" : "block" });
      extensions.push({ kind: "comment", range: [start, end] });
      continue;
    }
    if ((token.type === "RBrace" || token.type === "RBracket") && lastSignificant?.type === "Comma") {
      const r = lastSignificant.range ?? [lastSignificant.loc.start.offset, lastSignificant.loc.end.offset];
      extensions.push({ kind: "trailing-comma", range: [r[0], r[1]] });
    }
    lastSignificant = token;
  }
  return { root: convert(ast.body), comments, extensions, errors: [] };
}

function rangeOf(node: AnyNode): [number, number] {
  return node.range ? [node.range[0], node.range[1]] : [node.loc.start.offset, node.loc.end.offset];
}

function convert(node: AnyNode): DocNode {
  switch (node.type) {
    case "Object": {
      const members: Member[] = node.members.map((m) => ({
        key: m.name.type === "String" ? m.name.value : m.name.name,
        keyRange: rangeOf(m.name),
        value: convert(m.value),
      }));
      return { type: "object", range: rangeOf(node), members };
    }
    case "Array":
      return { type: "array", range: rangeOf(node), items: node.elements.map((e) => convert(e.value)) };
    case "String":
    case "Number":
    case "Boolean":
      return { type: "scalar", range: rangeOf(node), value: node.value };
    case "Null":
      return { type: "scalar", range: rangeOf(node), value: null };
    case "NaN":
      return { type: "scalar", range: rangeOf(node), value: Number.NaN };
    case "Infinity":
      return { type: "scalar", range: rangeOf(node), value: node.sign === "-" ? -Infinity : Infinity };
    case "Identifier":
      return { type: "scalar", range: rangeOf(node), value: node.name };
    default:
      return { type: "scalar", range: rangeOf(node), value: null };
  }
}

const TOKEN_NAMES: Record<string, string> = {
  LBrace: "'{'",
  RBrace: "'}'",
  LBracket: "'['",
  RBracket: "']'",
  Colon: "':'",
  Comma: "','",
  String: "string",
  Number: "number",
  Boolean: "boolean",
  Null: "null",
};

/**
 * Turns a momoa error into a located, actionable message. Messages never
 * quote the source text around the error, which could be a secret.
 */
export function describeJsonError(text: string, error: unknown): ParseProblem {
  const e = error as { message?: string; offset?: number };
  // momoa's error classes keep `name` as "Error": the class name says what went wrong.
  const kind = (error as object | undefined)?.constructor?.name;
  const offset = typeof e.offset === "number" ? Math.min(Math.max(0, e.offset), text.length) : 0;
  const end = Math.min(offset + 1, text.length);
  const at = text[offset];
  const range: [number, number] = [offset, end];
  if (text.trim() === "") return { message: "The file is empty: an MCP config must hold a JSON object.", range: [0, 0] };
  switch (kind) {
    case "UnexpectedEOF":
      return { message: "Unexpected end of file: a '{', '[' or '\"' is not closed.", range: [text.length, text.length] };
    case "UnexpectedChar":
      if (at === "\\")
        return {
          message: "Invalid escape sequence in a string: write a backslash as '\\\\' (or use '/' in Windows paths).",
          range: [offset, Math.min(offset + 2, text.length)],
        };
      if (text[offset - 1] === "\\")
        return {
          message: "Invalid escape sequence in a string: write a backslash as '\\\\' (or use '/' in Windows paths).",
          range: [offset - 1, end],
        };
      if (at === "'") return { message: "Strings and keys must use double quotes, not single quotes.", range };
      if (at !== undefined && at.charCodeAt(0) < 0x20)
        return { message: "Unescaped control character (e.g. a raw line break or tab) inside a string.", range };
      return { message: `Unexpected character ${printable(at)}.`, range };
    case "UnexpectedIdentifier":
      return { message: "Unexpected unquoted word: keys and string values must be in double quotes.", range: wordRange(text, offset) };
    case "UnexpectedToken": {
      const tokenName = /Unexpected token (\w+)/.exec(e.message ?? "")?.[1] ?? "";
      const name = TOKEN_NAMES[tokenName] ?? "token";
      if (depthAt(text, offset) === 0)
        return {
          message: `Unexpected ${name} after the end of the JSON document: a config file holds a single value (merge the objects into one).`,
          range,
        };
      const prev = previousSignificant(text, offset);
      if (prev !== undefined && /["\d}\]el]/.test(prev) && /[{["\dtfn-]/.test(at ?? ""))
        return { message: `Missing ',' before this ${name}.`, range };
      if (tokenName === "Comma" && prev === ",") return { message: "Two commas in a row: remove one.", range };
      if (tokenName === "Colon") return { message: "Unexpected ':': only object keys are followed by ':'.", range };
      return { message: `Unexpected ${name}.`, range };
    }
    default:
      return { message: "The file is not valid JSON.", range };
  }
}

function printable(ch: string | undefined): string {
  if (ch === undefined) return "at end of file";
  return /[\x21-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function wordRange(text: string, offset: number): [number, number] {
  let end = offset;
  while (end < text.length && /[\w$.-]/.test(text[end]!)) end++;
  return [offset, Math.max(end, offset + 1)];
}

function previousSignificant(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) if (!/\s/.test(text[i]!)) return text[i];
  return undefined;
}

/** Bracket depth at `offset`, skipping strings and comments (best effort, for messages only). */
function depthAt(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < offset && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < offset && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? offset : close + 1;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return depth;
}
