import type * as TS from "typescript";
import type { TSESTree } from "@typescript-eslint/utils";

/**
 * ESLint's token and comment lists for a typescript-estree AST, from one linear
 * pass of TypeScript's scanner.
 *
 * typescript-estree builds these lists by walking the TypeScript AST with
 * `getChildren()`, which re-scans every node and allocates a syntax list per
 * node: that costs more than the TypeScript parse itself (about 40 % of a
 * `parse()` with `tokens` and `comment`). A single scan gives the same tokens,
 * provided the few context-dependent ones are scanned the way the parser
 * scanned them; the ESTree AST says where those are:
 * - `/` or `/=` where a regular-expression literal starts is re-scanned as one;
 * - `}` that closes a template substitution continues the template (brace stack);
 * - `>` that starts a `>>`, `>>>`, `>=`, `>>=` or `>>>=` operator is merged with
 *   what follows (the scanner always stops after one `>`);
 * - `<<` that is not a shift operator (`ReturnType<<T>() => T>`) is two `<`;
 * - a reserved word where the AST has an Identifier (`x.default`,
 *   `{ delete() {} }`, a `this` parameter, `typeof this`) is an Identifier token.
 * Token and comment objects are built exactly as typescript-estree builds them
 * (same properties, same order, same `loc`). Anything this pass does not model
 * (JSX, conflict markers, a character the scanner does not know) returns
 * `undefined`, and the caller falls back to typescript-estree's own conversion.
 * Checked against typescript-estree's output (AST, tokens, comments and scopes
 * identical) on every .ts/.js/.mjs/.cjs file under node_modules and in this repo.
 */

type Ts = typeof TS;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export interface TokensAndComments {
  tokens: TSESTree.Token[];
  comments: TSESTree.Comment[];
}

/** Flags per text offset: an Identifier node starts here / a regular-expression literal starts here. */
const IDENTIFIER = 1;
const REGEXP = 2;

interface Context {
  /** IDENTIFIER / REGEXP flags by start offset. */
  starts: Uint8Array;
  /** [from, to) gaps between the operands of `>>`-like operators, flattened. */
  greater: number[];
  /** The same for `<<`. */
  shifts: number[];
  jsx: boolean;
}

function collectContext(ast: TSESTree.Program, visitorKeys: VisitorKeys, length: number): Context {
  const ctx: Context = { starts: new Uint8Array(length + 1), greater: [], shifts: [], jsx: false };
  const starts = ctx.starts;
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case "Identifier":
        starts[node.range[0]]! |= IDENTIFIER;
        break;
      case "Literal":
        if ("regex" in node && node.regex) starts[node.range[0]]! |= REGEXP;
        break;
      case "BinaryExpression":
      case "AssignmentExpression": {
        const op = node.operator;
        if (op.length > 1 && op.charCodeAt(0) === 62 /* > */) ctx.greater.push(node.left.range[1], node.right.range[0]);
        else if (op === "<<") ctx.shifts.push(node.left.range[1], node.right.range[0]);
        break;
      }
      case "MetaProperty":
        // `new.target`, `import.meta`: the AST calls `new` / `import` an Identifier, but they are keyword tokens.
        stack.push(node.property);
        continue;
      case "TSTypeQuery": {
        // `typeof this.x`: TypeScript parses `this` as an identifier name here; ESTree makes it a ThisExpression.
        let name: TSESTree.Node = node.exprName;
        while (name.type === "TSQualifiedName") name = name.left;
        if (name.type === "ThisExpression") starts[name.range[0]]! |= IDENTIFIER;
        break;
      }
      default:
        if (node.type.charCodeAt(0) === 74 /* J */ && node.type.startsWith("JSX")) ctx.jsx = true;
    }
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (value == null) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as TSESTree.Node | null;
          if (child) stack.push(child);
        }
      } else if (typeof (value as { type?: unknown }).type === "string") {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return ctx;
}

/** Offsets where lines start, as TypeScript's `computeLineStarts` finds them (CR LF, CR, LF, U+2028, U+2029). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let pos = 0; pos < text.length; ) {
    const ch = text.charCodeAt(pos++);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(pos) === 10) pos++;
      starts.push(pos);
    } else if (ch === 10 || ch === 0x2028 || ch === 0x2029) {
      starts.push(pos);
    }
  }
  return starts;
}

function inGaps(gaps: readonly number[], pos: number): boolean {
  for (let i = 0; i < gaps.length; i += 2) if (gaps[i]! <= pos && pos < gaps[i + 1]!) return true;
  return false;
}

type TokenType = TSESTree.Token["type"];

/** tokenTypeOf() for every token kind, per TypeScript module. */
const tokenTypeTables = new WeakMap<Ts, readonly TokenType[]>();

function tokenTypeTable(ts: Ts): readonly TokenType[] {
  let table = tokenTypeTables.get(ts);
  if (!table) {
    const list: TokenType[] = [];
    for (let kind = 0; kind <= ts.SyntaxKind.LastToken; kind++) list.push(tokenTypeOf(ts, kind));
    table = list;
    tokenTypeTables.set(ts, table);
  }
  return table;
}

/** typescript-estree's `getTokenType`, for the token kinds a scan of non-JSX code yields. */
function tokenTypeOf(ts: Ts, kind: TS.SyntaxKind): TokenType {
  const K = ts.SyntaxKind;
  if (kind === K.NullKeyword) return "Null" as TSESTree.Token["type"];
  if (kind >= K.FirstKeyword && kind <= K.LastFutureReservedWord) {
    return (kind === K.FalseKeyword || kind === K.TrueKeyword ? "Boolean" : "Keyword") as TSESTree.Token["type"];
  }
  if (kind >= K.FirstPunctuation && kind <= K.LastPunctuation) return "Punctuator" as TSESTree.Token["type"];
  if (kind >= K.NoSubstitutionTemplateLiteral && kind <= K.TemplateTail) return "Template" as TSESTree.Token["type"];
  switch (kind) {
    case K.NumericLiteral:
    case K.BigIntLiteral:
      return "Numeric" as TSESTree.Token["type"];
    case K.PrivateIdentifier:
      return "PrivateIdentifier" as TSESTree.Token["type"];
    case K.StringLiteral:
      return "String" as TSESTree.Token["type"];
    case K.RegularExpressionLiteral:
      return "RegularExpression" as TSESTree.Token["type"];
    default:
      return "Identifier" as TSESTree.Token["type"];
  }
}

/**
 * Tokens and comments of `text`, whose typescript-estree AST (parsed without
 * `tokens` and `comment`) is `ast`. `languageVariant` must be the one TypeScript
 * parsed the file with (JSX for `.js`/`.jsx`/`.tsx` script kinds).
 */
export function scanTokensAndComments(
  ts: Ts,
  text: string,
  ast: TSESTree.Program,
  visitorKeys: VisitorKeys,
  languageVariant: TS.LanguageVariant,
): TokensAndComments | undefined {
  const ctx = collectContext(ast, visitorKeys, text.length);
  if (ctx.jsx) return undefined;
  const K = ts.SyntaxKind;
  const types = tokenTypeTable(ts);
  const starts = ctx.starts;

  // Positions arrive in increasing order, so the line is found by moving forward from the last one.
  const lineStarts = lineStartsOf(text);
  const lastLine = lineStarts.length - 1;
  let line = 0;
  const position = (pos: number): TSESTree.Position => {
    if (pos < lineStarts[line]!) line = 0;
    while (line < lastLine && lineStarts[line + 1]! <= pos) line++;
    return { column: pos - lineStarts[line]!, line: line + 1 } as TSESTree.Position;
  };

  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, languageVariant, text);
  const tokens: TSESTree.Token[] = [];
  const comments: TSESTree.Comment[] = [];

  /**
   * Comments in the trivia between two tokens (the scanner skips trivia). Trivia is whitespace, line breaks and
   * comments; anything else the scanner skips (a conflict marker, a shebang) is left to typescript-estree.
   */
  const trivia = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 47 /* / */) {
        const next = text.charCodeAt(i + 1);
        let end: number;
        let isLine: boolean;
        if (next === 47) {
          isLine = true;
          end = i + 2;
          for (; end < to; end++) {
            const ch = text.charCodeAt(end);
            if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) break;
          }
        } else if (next === 42 /* * */) {
          isLine = false;
          const close = text.indexOf("*/", i + 2);
          if (close < 0 || close + 2 > to) return false;
          end = close + 2;
        } else {
          return false;
        }
        const startPos = position(i);
        comments.push({
          type: isLine ? "Line" : "Block",
          loc: { end: position(end), start: startPos },
          range: [i, end],
          value: text.slice(i + 2, isLine ? end : end - 2),
        } as TSESTree.Comment);
        i = end - 1;
      } else if (c === 60 /* < */ || c === 61 /* = */ || c === 62 /* > */ || c === 124 /* | */ || c === 35 /* # */) {
        return false;
      }
    }
    return true;
  };

  /** Open `{` (false) and template substitutions (true), innermost last. */
  const braces: boolean[] = [];
  let previousEnd = 0;
  for (;;) {
    let kind = scanner.scan();
    const start = scanner.getTokenStart();
    if (start > previousEnd && !trivia(previousEnd, start)) return undefined;
    if (kind === K.EndOfFileToken) break;
    switch (kind) {
      case K.Unknown:
        return undefined;
      case K.OpenBraceToken:
        braces.push(false);
        break;
      case K.TemplateHead:
        braces.push(true);
        break;
      case K.CloseBraceToken:
        if (braces.pop() === true) {
          kind = scanner.reScanTemplateToken(/* isTaggedTemplate */ false);
          if (kind === K.TemplateMiddle) braces.push(true);
        }
        break;
      case K.SlashToken:
      case K.SlashEqualsToken:
        if (starts[start]! & REGEXP) kind = scanner.reScanSlashToken();
        break;
      case K.GreaterThanToken:
        if (ctx.greater.length > 0 && inGaps(ctx.greater, start)) kind = scanner.reScanGreaterToken();
        break;
      case K.LessThanLessThanToken:
        if (!inGaps(ctx.shifts, start)) {
          // A type argument list that opens with a type parameter list: `<` and `<`.
          const startPos = position(start);
          tokens.push({ type: "Punctuator", loc: { end: position(start + 1), start: startPos }, range: [start, start + 1], value: "<" } as TSESTree.Token);
          scanner.resetTokenState(start + 1);
          previousEnd = start + 1;
          continue;
        }
        break;
      default:
        break;
    }
    const end = scanner.getTokenEnd();
    previousEnd = end;
    let type = types[kind] ?? tokenTypeOf(ts, kind);
    if ((type === "Keyword" || type === "Null" || type === "Boolean") && starts[start]! & IDENTIFIER) type = "Identifier" as TokenType;
    const value = text.slice(start, end);
    const startPos = position(start);
    const loc = { end: position(end), start: startPos };
    const range: [number, number] = [start, end];
    if (type === "RegularExpression") {
      const slash = value.lastIndexOf("/");
      tokens.push({ type, loc, range, regex: { flags: value.slice(slash + 1), pattern: value.slice(1, slash) }, value } as TSESTree.Token);
    } else if (type === "PrivateIdentifier") {
      tokens.push({ type, loc, range, value: value.slice(1) } as TSESTree.Token);
    } else {
      tokens.push({ type, loc, range, value } as TSESTree.Token);
    }
  }
  return { tokens, comments };
}
