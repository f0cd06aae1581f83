import { LineIndex } from "./lines.js";
import type { Comment, DocNode, Format, Member, OffsetRange, ParseOutput, ParseProblem, SyntaxExtension } from "./types.js";
import { toValue } from "./types.js";
import type { SourceRange } from "../model/finding.js";

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
    return this.walk(pointer) === pointer.length ? this.walkNode : undefined;
  }

  /** The object member whose value is at `pointer`, or undefined (root, array items). */
  memberAt(pointer: string): Member | undefined {
    return this.walk(pointer) === pointer.length ? this.walkMember : undefined;
  }

  /** Offsets of the key (for members) or of the value at `pointer`; falls back to the nearest existing ancestor. */
  offsetsOf(pointer: string, part: PointerPart = "value"): OffsetRange {
    if (!this.root) return [0, 0];
    const complete = this.walk(pointer) === pointer.length;
    const member = this.walkMember;
    // Stopped early: the deepest step that resolved (its key for a member), as a segment-by-segment walk gives.
    if (member && (part === "key" || !complete)) return member.keyRange;
    return this.walkNode!.range;
  }

  /** Exact 1-based source range of the key or value at `pointer`. */
  locate(pointer: string, part: PointerPart = "value"): SourceRange {
    const [start, end] = this.offsetsOf(pointer, part);
    return this.lines.range(start, end);
  }

  rangeOfOffsets(range: OffsetRange): SourceRange {
    return this.lines.range(range[0], range[1]);
  }

  /** After walk(): the deepest node reached, and the member holding it (undefined at the root and for array items). */
  private walkNode: DocNode | undefined;
  private walkMember: Member | undefined;
  /** Key -> member of objects with more than INDEXED_MEMBERS members, by their members array. */
  private readonly memberIndex = new WeakMap<Member[], Map<string, Member>>();

  /**
   * Follows `pointer` from the root segment by segment (the segments of splitPointer, without building
   * them: pointers are walked for every finding and every fix). Returns pointer.length when every segment
   * resolved, -1 otherwise; walkNode / walkMember hold the deepest node reached.
   */
  private walk(pointer: string): number {
    this.walkNode = this.root;
    this.walkMember = undefined;
    if (!this.root) return -1;
    let node: DocNode = this.root;
    if (pointer === "") return 0;
    const escaped = pointer.indexOf("~") >= 0;
    let from = 1;
    for (;;) {
      let to = pointer.indexOf("/", from);
      if (to < 0) to = pointer.length;
      if (node.type === "object") {
        const segment = escaped ? unescapeSegment(pointer.slice(from, to)) : undefined;
        const len = to - from;
        let found: Member | undefined;
        const members = node.members;
        if (members.length > INDEXED_MEMBERS) {
          // Large objects: a key -> member map, built once per object (a scan per pointer is quadratic in findings).
          let byKey = this.memberIndex.get(members);
          if (!byKey) {
            byKey = new Map();
            for (const m of members) byKey.set(m.key, m); // the last duplicate key wins
            this.memberIndex.set(members, byKey);
          }
          found = byKey.get(segment ?? pointer.slice(from, to));
          if (!found) return -1;
          node = found.value;
          this.walkMember = found;
          this.walkNode = node;
          if (to >= pointer.length) return pointer.length;
          from = to + 1;
          continue;
        }
        // The last duplicate key wins.
        for (let i = node.members.length - 1; i >= 0; i--) {
          const m = node.members[i]!;
          if (segment !== undefined ? m.key === segment : m.key.length === len && pointer.startsWith(m.key, from)) {
            found = m;
            break;
          }
        }
        if (!found) return -1;
        node = found.value;
        this.walkMember = found;
      } else if (node.type === "array") {
        const segment = escaped ? unescapeSegment(pointer.slice(from, to)) : pointer.slice(from, to);
        if (!INDEX.test(segment)) return -1;
        const item: DocNode | undefined = node.items[Number(segment)];
        if (!item) return -1;
        node = item;
        this.walkMember = undefined;
      } else {
        return -1;
      }
      this.walkNode = node;
      if (to >= pointer.length) return pointer.length;
      from = to + 1;
    }
  }
}

const INDEX = /^(0|[1-9]\d*)$/;

/** Objects with more members than this are looked up through a map (see walk). */
const INDEXED_MEMBERS = 16;

function unescapeSegment(s: string): string {
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}
