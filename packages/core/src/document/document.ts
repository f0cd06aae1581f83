import { LineIndex } from "./lines.js";
import { splitPointer } from "./pointer.js";
import type { Comment, DocNode, Format, Member, OffsetRange, ParseOutput, ParseProblem, SyntaxExtension } from "./types.js";
import { toValue } from "./types.js";
import type { SourceRange } from "../finding.js";

export type PointerPart = "key" | "value";

/**
 * A parsed config file: the tree, its plain value, its comments, and the map
 * from JSON pointers to exact source ranges. Built by `parseDocument`.
 */
export class ConfigDocument {
  readonly root: DocNode | undefined;
  readonly value: unknown;
  readonly comments: Comment[];
  readonly extensions: SyntaxExtension[];
  readonly errors: ParseProblem[];
  private lineIndex: LineIndex | undefined;

  constructor(
    readonly filePath: string,
    readonly text: string,
    readonly format: Format,
    parsed: ParseOutput,
  ) {
    this.root = parsed.root;
    this.value = parsed.value !== undefined ? parsed.value : parsed.root ? toValue(parsed.root) : undefined;
    this.comments = parsed.comments;
    this.extensions = parsed.extensions;
    this.errors = parsed.errors;
  }

  /** Line index, built on first use (most files have no finding to locate). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** The node at `pointer` (last duplicate key wins), or undefined. */
  nodeAt(pointer: string): DocNode | undefined {
    return this.resolve(pointer)?.node;
  }

  /** The object member whose value is at `pointer`, or undefined (root, array items). */
  memberAt(pointer: string): Member | undefined {
    return this.resolve(pointer)?.member;
  }

  /** Offsets of the key (for members) or of the value at `pointer`; falls back to the nearest existing ancestor. */
  offsetsOf(pointer: string, part: PointerPart = "value"): OffsetRange {
    const segments = splitPointer(pointer);
    let node = this.root;
    let member: Member | undefined;
    let best: OffsetRange = node ? node.range : [0, 0];
    for (const segment of segments) {
      const step = node ? child(node, segment) : undefined;
      if (!step) return best;
      node = step.node;
      member = step.member;
      best = member ? member.keyRange : node.range;
    }
    if (!node) return best;
    if (part === "key" && member) return member.keyRange;
    return node.range;
  }

  /** Exact 1-based source range of the key or value at `pointer`. */
  locate(pointer: string, part: PointerPart = "value"): SourceRange {
    const [start, end] = this.offsetsOf(pointer, part);
    return this.lines.range(start, end);
  }

  rangeOfOffsets(range: OffsetRange): SourceRange {
    return this.lines.range(range[0], range[1]);
  }

  private resolve(pointer: string): { node: DocNode; member: Member | undefined } | undefined {
    let node = this.root;
    let member: Member | undefined;
    if (!node) return undefined;
    for (const segment of splitPointer(pointer)) {
      const step = child(node, segment);
      if (!step) return undefined;
      node = step.node;
      member = step.member;
    }
    return { node, member };
  }
}

function child(node: DocNode, segment: string): { node: DocNode; member: Member | undefined } | undefined {
  if (node.type === "object") {
    for (let i = node.members.length - 1; i >= 0; i--) {
      const m = node.members[i]!;
      if (m.key === segment) return { node: m.value, member: m };
    }
    return undefined;
  }
  if (node.type === "array") {
    if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
    const item = node.items[Number(segment)];
    return item ? { node: item, member: undefined } : undefined;
  }
  return undefined;
}
