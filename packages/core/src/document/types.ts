/**
 * The format-agnostic document tree. JSON, JSONC, YAML and TOML parsers all
 * produce this shape, so every rule works on every format. Ranges are
 * [start, end) string offsets into the original text.
 */
export type OffsetRange = [number, number];

export interface ObjectNode {
  type: "object";
  range: OffsetRange;
  members: Member[];
}

export interface Member {
  key: string;
  keyRange: OffsetRange;
  value: DocNode;
}

export interface ArrayNode {
  type: "array";
  range: OffsetRange;
  items: DocNode[];
}

export interface ScalarNode {
  type: "scalar";
  range: OffsetRange;
  value: string | number | boolean | null;
}

export type DocNode = ObjectNode | ArrayNode | ScalarNode;

export type Format = "json" | "toml" | "yaml";

export interface Comment {
  /** Text without the comment markers, trimmed. */
  text: string;
  range: OffsetRange;
  /** "line" for `//` and `#`, "block" for slash-star comments. */
  kind: "line" | "block";
}

/** Syntax the format tolerated but a strict client may not: JSONC extensions. */
export interface SyntaxExtension {
  kind: "comment" | "trailing-comma";
  range: OffsetRange;
}

export interface ParseProblem {
  /** Message written by mcp-lint; never echoes source text that could be a secret. */
  message: string;
  range: OffsetRange;
  /** mcp-lint's own limit was reached (the client may read the file): said so instead of "cannot read". */
  limit?: true;
}

export interface ParseOutput {
  root: DocNode | undefined;
  /** The plain value, when the parser built it along the way (else derived from `root`). */
  value?: unknown;
  comments: Comment[];
  extensions: SyntaxExtension[];
  errors: ParseProblem[];
}

/** Plain JSON value of a node. Duplicate keys: the last one wins, as in JSON.parse. */
export function toValue(node: DocNode): unknown {
  switch (node.type) {
    case "scalar":
      return node.value;
    case "array":
      return node.items.map(toValue);
    case "object": {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        if (m.key === "__proto__") Object.defineProperty(out, m.key, { value: toValue(m.value), enumerable: true, writable: true, configurable: true });
        else out[m.key] = toValue(m.value);
      }
      return out;
    }
  }
}
