import type { ConfigDocument } from "./document.js";
import type { Fix } from "../model/finding.js";

/**
 * Format-aware text edits for fixes and suggestions. Each returns a single
 * ESLint-style fix that keeps the rest of the file byte for byte, or
 * undefined when the layout is one it cannot edit safely.
 */

/** A string literal valid in JSON, TOML (basic string) and YAML (double-quoted). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

export function replaceValue(doc: ConfigDocument, pointer: string, text: string): Fix | undefined {
  const node = doc.nodeAt(pointer);
  if (!node) return undefined;
  return { range: [node.range[0], node.range[1]], text };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Inserts string items before item `index` of the array at `arrayPointer` (appends when the array is empty). */
export function insertArrayItems(doc: ConfigDocument, arrayPointer: string, index: number, items: string[]): Fix | undefined {
  const array = doc.nodeAt(arrayPointer);
  if (!array || array.type !== "array") return undefined;
  const text = doc.text;
  const quoted = items.map(quote);
  const before = array.items[index];
  const flow = text[array.range[0]] === "[";
  if (!before) {
    if (array.items.length === 0 && flow) return { range: [array.range[0], array.range[1]], text: `[${quoted.join(", ")}]` };
    const last = array.items[array.items.length - 1];
    if (!last || !flow) return undefined;
    return { range: [last.range[1], last.range[1]], text: quoted.map((q) => `, ${q}`).join("") };
  }
  if (flow) return { range: [before.range[0], before.range[0]], text: quoted.map((q) => `${q}, `).join("") };
  // YAML block sequence: "  - item" -> "  - new\n  - item"
  const start = lineStartOf(text, before.range[0]);
  const prefix = /^(\s*)-\s+$/.exec(text.slice(start, before.range[0]));
  if (!prefix) return undefined;
  const indent = prefix[1]!;
  return { range: [before.range[0], before.range[0]], text: quoted.map((q) => `${q}\n${indent}- `).join("") };
}

/** Replaces one array item by several string items (opencode's command array). */
export function replaceArrayItem(doc: ConfigDocument, itemPointer: string, items: string[]): Fix | undefined {
  const node = doc.nodeAt(itemPointer);
  if (!node) return undefined;
  const parentPointer = itemPointer.slice(0, itemPointer.lastIndexOf("/"));
  const parent = doc.nodeAt(parentPointer);
  if (!parent || parent.type !== "array" || doc.text[parent.range[0]] !== "[") return undefined;
  return { range: [node.range[0], node.range[1]], text: items.map(quote).join(", ") };
}

/** Text of a key in this document's format. */
export function keyText(doc: ConfigDocument, key: string): string {
  if (doc.format === "json") return quote(key);
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : quote(key);
}

/** Text of a string array value in this document's format (flow style everywhere). */
export function stringArray(items: string[]): string {
  return `[${items.map(quote).join(", ")}]`;
}

/** Adds `key: valueText` as a new member right after the member at `memberPointer`. */
export function addMemberAfter(doc: ConfigDocument, memberPointer: string, key: string, valueText: string): Fix | undefined {
  const member = doc.memberAt(memberPointer);
  if (!member) return undefined;
  const text = doc.text;
  const end = member.value.range[1];
  const keyStart = member.keyRange[0];
  const lineStart = lineStartOf(text, keyStart);
  const before = text.slice(lineStart, keyStart);
  const ownLine = /^\s*$/.test(before) || (doc.format === "yaml" && /^\s*-\s+$/.test(before));
  const indent = /^\s*$/.test(before) ? before : " ".repeat(keyStart - lineStart);
  const k = keyText(doc, key);
  switch (doc.format) {
    case "json": {
      const sep = ownLine && /^[ \t]*(,[ \t]*)?(\r?\n|$)/.test(text.slice(end)) ? `,\n${indent}` : ", ";
      return { range: [end, end], text: `${sep}${k}: ${valueText}` };
    }
    case "toml":
      return { range: [end, end], text: ownLine ? `\n${indent}${k} = ${valueText}` : `, ${k} = ${valueText}` };
    case "yaml": {
      if (!ownLine) return { range: [end, end], text: `, ${k}: ${valueText}` };
      if (text[end - 1] === "\n") return { range: [end, end], text: `${indent}${k}: ${valueText}\n` };
      return { range: [end, end], text: `\n${indent}${k}: ${valueText}` };
    }
  }
}
