import type { Alias, Pair, ParsedNode, Scalar, YAMLError } from "yaml";
import { loadYaml, type YamlModule } from "../util/lazy-cjs.js";
import type { Comment, DocNode, Member, OffsetRange, ParseOutput, ParseProblem } from "./types.js";

/**
 * Most nodes that alias expansion may create. An alias copies the anchored
 * subtree, so nested aliases grow the tree exponentially ("billion laughs");
 * past this budget the file is rejected instead of expanded.
 */
const MAX_ALIAS_NODES = 100_000;

/** The `yaml` package, loaded on the first YAML file (../util/lazy-cjs.ts). */
let yaml: YamlModule | undefined;

/** Deepest nesting of collections read (no MCP config comes close; deeper files are rejected, located). */
export const MAX_YAML_DEPTH = 500;

const TOO_DEEP = `The YAML is nested more than ${MAX_YAML_DEPTH} levels deep here: mcp-lint does not read files this deep.`;

/**
 * Parses YAML with the `yaml` package (YAML 1.2, core schema). The CST gives
 * the exact offsets of comments; the composed document gives the nodes.
 *
 * - Duplicate keys are kept as separate members (a rule reports them).
 * - Aliases are expanded: the alias node gets the alias's range, the nodes
 *   below it keep the ranges of the anchored text.
 * - `<<` merge keys are ordinary keys (YAML 1.2 has no merge).
 * - Only the first document of a multi-document stream is read.
 * - Any syntax error leaves `root` undefined so rules never see a half-parsed file.
 */
export function parseYaml(text: string): ParseOutput {
  try {
    return parseYamlText(text);
  } catch (error) {
    // The yaml package recurses per nesting level: a file nested thousands deep overflows the stack there.
    if (error instanceof RangeError) return { root: undefined, comments: [], extensions: [], errors: [{ message: TOO_DEEP.replace(" here", ""), range: [0, Math.min(1, text.length)] }] };
    throw error;
  }
}

function parseYamlText(text: string): ParseOutput {
  yaml ??= loadYaml();
  const { Composer, Parser } = yaml;
  const tokens = [...new Parser().parse(text)];
  const comments = collectComments(tokens, text);
  const docs = [...new Composer({ uniqueKeys: false }).compose(tokens, true, text.length)];
  const errors: ParseProblem[] = [];

  for (const doc of docs) for (const error of doc.errors) errors.push(describeYamlError(text, error));

  const documentTokens = tokens.filter((t) => t.type === "document");
  const second = documentTokens[1];
  if (second && second.type === "document") {
    const marker = second.start.find((t) => t.type === "doc-start");
    const range: OffsetRange = marker
      ? [marker.offset, marker.offset + marker.source.length]
      : [second.offset, Math.min(second.offset + 1, text.length)];
    errors.push({ message: "Only the first YAML document is read: remove the '---' and everything after it, or merge the documents.", range });
  }

  const first = docs[0];
  if (!first || docs.some((d) => d.errors.length > 0)) return { root: undefined, comments, extensions: [], errors };

  let root: DocNode | undefined;
  try {
    root = first.contents ? new Converter(text).convert(first.contents as ParsedNode) : undefined;
  } catch (error) {
    if (error instanceof AliasProblem) return { root: undefined, comments, extensions: [], errors: [...errors, error.problem] };
    throw error;
  }
  return { root, comments, extensions: [], errors };
}

/** Every `#` comment in the stream, found by walking the CST (comments in all documents). */
function collectComments(tokens: unknown[], text: string): Comment[] {
  const out: Comment[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string" && token.source.startsWith("#")) {
      const start = token.offset;
      const end = Math.min(start + token.source.length, text.length);
      out.push({ text: token.source.slice(1).trim(), range: [start, end], kind: "line" });
      return;
    }
    for (const v of Object.values(value)) walk(v);
  };
  walk(tokens);
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

class AliasProblem extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.message);
  }
}

class Converter {
  /** Anchors seen so far, in document order: an alias refers to the last one before it. */
  private readonly anchors = new Map<string, ParsedNode>();
  /** Anchored nodes being expanded (detects an alias inside its own anchor). */
  private readonly expanding = new Set<ParsedNode>();
  private aliasDepth = 0;
  private aliasNodes = 0;
  private depth = 0;
  /** The outermost alias being expanded: where a too-large expansion is reported. */
  private outerAlias: OffsetRange = [0, 0];

  constructor(private readonly text: string) {}

  convert(node: ParsedNode): DocNode {
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES)
      throw new AliasProblem({ message: "The YAML aliases expand to a document that is too large to be read.", range: this.outerAlias });
    if (yaml!.isAlias(node)) return this.convertAlias(node);
    // Register before the children: an alias inside the anchored node refers to it (and is rejected as recursive).
    if (node.anchor && this.aliasDepth === 0) this.anchors.set(node.anchor, node);
    if (yaml!.isScalar(node)) return { type: "scalar", range: scalarRange(node, this.text), value: scalarValue(node.value) };
    if (!yaml!.isSeq(node) && !yaml!.isMap(node)) return { type: "scalar", range: rangeOf(node), value: null };
    if (++this.depth > MAX_YAML_DEPTH) throw new AliasProblem({ message: TOO_DEEP, range: [node.range[0], Math.min(node.range[0] + 1, this.text.length)] });
    try {
      if (yaml!.isSeq(node)) {
        // !!omap and !!pairs are sequences of key/value pairs (`- key: value`): each item is read as the one-key
        // map it is written as.
        const items = node.items.map((item) => (yaml!.isPair(item) ? this.pairItem(item as Pair<ParsedNode, ParsedNode>, node) : this.convert(item as ParsedNode)));
        return { type: "array", range: collectionRange(node, items), items };
      }
      const members = node.items.map((pair) => this.member(pair as Pair<ParsedNode, ParsedNode>, node));
      return { type: "object", range: collectionRange(node, members.map((m) => m.value)), members };
    } finally {
      this.depth--;
    }
  }

  private member(pair: Pair<ParsedNode | null, ParsedNode | null>, parent: ParsedNode): Member {
    const keyNode = pair.key;
    const valueNode = pair.value;
    const key = keyNode ? this.convert(keyNode) : undefined;
    const keyRange: OffsetRange = keyNode ? rangeOf(keyNode) : valueNode ? [rangeOf(valueNode)[0], rangeOf(valueNode)[0]] : [parent.range[0], parent.range[0]];
    const value: DocNode = valueNode ? this.convert(valueNode) : { type: "scalar", range: [keyRange[1], keyRange[1]], value: null };
    return { key: keyString(key), keyRange, value };
  }

  /** An item of !!omap / !!pairs: a one-member object from its key to its value. */
  private pairItem(pair: Pair<ParsedNode | null, ParsedNode | null>, parent: ParsedNode): DocNode {
    const m = this.member(pair, parent);
    return { type: "object", range: [m.keyRange[0], Math.max(m.keyRange[1], m.value.range[1])], members: [m] };
  }

  private convertAlias(alias: Alias.Parsed): DocNode {
    const range = rangeOf(alias);
    const target = this.anchors.get(alias.source);
    if (!target) throw new AliasProblem({ message: "This alias refers to an anchor ('&name') that is not defined before it.", range });
    if (this.expanding.has(target)) throw new AliasProblem({ message: "This alias refers to a node that contains it: the value would be infinite.", range });
    this.expanding.add(target);
    if (this.aliasDepth === 0) this.outerAlias = range;
    this.aliasDepth++;
    try {
      const node = this.convert(target);
      return { ...node, range } as DocNode;
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
    }
  }
}

function rangeOf(node: ParsedNode): OffsetRange {
  return [node.range[0], node.range[1]];
}

/** Block scalars (`|`, `>`) include their trailing line breaks in the yaml range: trim them. */
function scalarRange(node: Scalar.Parsed, text: string): OffsetRange {
  const [start, end] = rangeOf(node);
  if (node.type !== yaml!.Scalar.BLOCK_LITERAL && node.type !== yaml!.Scalar.BLOCK_FOLDED) return [start, end];
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return [start, e];
}

/**
 * Block collections end, in the yaml range, after their trailing line break and
 * comments; the tree's range ends with the last item instead. Flow collections
 * end at their closing bracket.
 */
function collectionRange(node: ParsedNode, children: DocNode[]): OffsetRange {
  const [start, end] = rangeOf(node);
  if ((node as { flow?: boolean }).flow) return [start, end];
  const last = children[children.length - 1];
  return last ? [start, Math.max(start, last.range[1])] : [start, start];
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Object key of a converted key node, as `yaml`'s toJS would write it. */
function keyString(key: DocNode | undefined): string {
  if (!key) return "";
  if (key.type === "scalar") return key.value === null ? "" : String(key.value);
  return JSON.stringify(plain(key));
}

function plain(node: DocNode): unknown {
  if (node.type === "scalar") return node.value;
  if (node.type === "array") return node.items.map(plain);
  return Object.fromEntries(node.members.map((m) => [m.key, plain(m.value)]));
}

/**
 * A located message written by mcp-lint. The yaml package's own messages can
 * quote the source (which may be a secret), so only the error code and a few
 * fixed phrases of the original message are used.
 */
export function describeYamlError(text: string, error: YAMLError): ParseProblem {
  const start = clamp(error.pos?.[0] ?? 0, text.length);
  const end = clamp(Math.max(error.pos?.[1] ?? start, start), text.length);
  const range: OffsetRange = [start, end];
  const m = error.message ?? "";
  switch (error.code) {
    case "ALIAS_PROPS":
      return { message: "An alias ('*name') cannot have an anchor or a tag.", range };
    case "BAD_ALIAS":
      return { message: "Invalid anchor or alias name.", range };
    case "BAD_DIRECTIVE":
      return { message: "Invalid YAML directive (a line starting with '%').", range };
    case "BAD_DQ_ESCAPE":
      return { message: "Invalid escape sequence in a double-quoted string: write a backslash as '\\\\', or use single quotes (e.g. for Windows paths).", range };
    case "BAD_INDENT":
      if (/^Flow (sequence|map)/.test(m))
        return { message: `A flow ${m.includes("sequence") ? "sequence '[...]'" : "mapping '{...}'"} is not closed, or its continuation lines are not indented enough.`, range };
      if (m.includes("same column"))
        return { message: "Bad indentation: all items of a mapping or sequence must start at the same column.", range };
      return { message: "Bad indentation: nested content must be indented more than its parent key.", range };
    case "BAD_PROP_ORDER":
      return { message: "Anchors and tags must come after the '-', '?' or ':' indicator.", range };
    case "BAD_SCALAR_START":
      return { message: `An unquoted value cannot start with ${printable(text[start])}: put the value in quotes.`, range };
    case "BLOCK_AS_IMPLICIT_KEY":
      return { message: "A mapping or sequence cannot start on the same line as a key: check the indentation and the ':' after keys.", range };
    case "BLOCK_IN_FLOW":
      return { message: "Block-style content is not allowed inside a flow collection ('[...]' or '{...}').", range };
    case "DUPLICATE_KEY":
      return { message: "Duplicate key.", range };
    case "KEY_OVER_1024_CHARS":
      return { message: "A key must be at most 1024 characters long.", range };
    case "MISSING_CHAR":
      if (m.startsWith("Missing closing")) return { message: "A quoted string is not closed: the closing quote is missing.", range };
      if (/^Missing , (between|or :)/.test(m)) return { message: "Missing ',' between the items of a flow collection.", range };
      if (m.startsWith("Missing space after")) return { message: "Missing space after ':' in a flow mapping.", range };
      if (m.startsWith("Implicit map keys")) return { message: "A key is not followed by ':' and a value.", range };
      if (m.startsWith("Comments must be separated")) return { message: "A '#' comment must be preceded by a space.", range };
      if (m.startsWith("Tags and anchors")) return { message: "A tag or anchor must be followed by a space.", range };
      if (m.startsWith("Sequence item without")) return { message: "A sequence item is missing its '-' indicator.", range };
      if (/must end with a [\]}]/.test(m)) return { message: `A flow ${m.includes("]") ? "sequence '[...]'" : "mapping '{...}'"} is not closed.`, range };
      return { message: "A character is missing (a quote, bracket, ',', ':' or '---').", range };
    case "MULTILINE_IMPLICIT_KEY":
      return { message: "A key must be on a single line: a ':' may be missing, or a line is indented wrongly.", range };
    case "MULTIPLE_ANCHORS":
      return { message: "A node can have at most one anchor.", range };
    case "MULTIPLE_TAGS":
      return { message: "A node can have at most one tag.", range };
    case "MULTIPLE_DOCS":
      return { message: "Only the first YAML document is read.", range };
    case "NON_STRING_KEY":
      return { message: "Keys must be strings.", range };
    case "RESOURCE_EXHAUSTION":
      return { message: "The YAML is nested too deeply to be read.", range };
    case "TAB_AS_INDENT":
      return { message: "Tabs are not allowed as indentation in YAML: indent with spaces.", range };
    case "TAG_RESOLVE_FAILED":
      return { message: "A tag ('!!type' or '!name') could not be applied to its value.", range };
    case "BAD_COLLECTION_TYPE":
      return { message: "A tag does not match the kind of node it is applied to.", range };
    case "UNEXPECTED_TOKEN":
      if (/ at node end$/.test(m))
        return { message: "Unexpected content after a value: the value may need quotes, or a line break or ':' is missing.", range };
      if (m.startsWith("Unexpected ,")) return { message: "Unexpected ','.", range };
      if (m.startsWith("Unexpected empty item")) return { message: "Empty item in a flow collection (two ',' in a row?).", range };
      if (m.startsWith("Block scalar header")) return { message: "Unexpected characters after a block scalar indicator ('|' or '>').", range };
      return { message: "Unexpected content: check the indentation, the ':' after keys and the '-' before list items.", range };
    default:
      return { message: "The file is not valid YAML.", range };
  }
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

function printable(ch: string | undefined): string {
  if (ch === undefined) return "this character";
  return /[\x21-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
