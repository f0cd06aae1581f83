import { analyseUrl } from "./urls.js";
import type { ConfigDocument } from "../document/document.js";
import { joinPointer } from "../document/pointer.js";
import type { DocNode } from "../document/types.js";
import type { Dialect, Transport } from "../dialects/types.js";
import { quote } from "../document/edits.js";
import type { ServerEntry } from "../dialects/servers.js";
import { echo } from "./secrets.js";

/**
 * Small text helpers shared by the shape and transport rules: how to name a
 * server in a message, and how to write a key or a scalar in the document's
 * own format. Nothing here quotes a value that could be a secret.
 */

/** `Server "github"` (capitalised) or `server "github"`; a generic phrase when the name is unnamed or unsafe to quote. */
export function serverLabel(entry: ServerEntry, capital = true): string {
  const named = typeof entry.raw.name === "string" || !/^#\d+$/.test(entry.name);
  const shown = named ? echo(entry.name, "") : "";
  if (shown) return `${capital ? "Server" : "server"} ${shown}`;
  return capital ? "This server" : "this server";
}

/** Pointer and part that best name a server entry: its key in a map, its `name` in a list, else the entry itself. */
export function entryLocation(entry: ServerEntry): { pointer: string; part: "key" | "value" } {
  if (typeof entry.raw.name === "string" && /\/\d+$/.test(entry.pointer)) return { pointer: `${entry.pointer}/name`, part: "value" };
  return { pointer: entry.pointer, part: "key" };
}

const YAML_PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** A string scalar written in the document's format (plain in YAML when that is unambiguous). */
export function scalarText(doc: ConfigDocument, value: string): string {
  if (doc.format === "yaml" && YAML_PLAIN.test(value) && !YAML_RESERVED.test(value)) return value;
  return quote(value);
}

/** `"type": "http"` / `type: http` / `type = "http"`: how a member reads in this document's format. */
export function memberText(doc: ConfigDocument, key: string, value: string): string {
  switch (doc.format) {
    case "json":
      return `${quote(key)}: ${quote(value)}`;
    case "yaml":
      return `${key}: ${scalarText(doc, value)}`;
    case "toml":
      return `${key} = ${quote(value)}`;
  }
}

/** The text for `newKey` replacing a key written as `oldKeyText`, keeping its quoting style. */
export function renamedKeyText(doc: ConfigDocument, oldKeyText: string, newKey: string): string {
  const first = oldKeyText[0];
  if (first === '"') return quote(newKey);
  if (first === "'" && !newKey.includes("'") && doc.format !== "json") return `'${newKey}'`;
  if (doc.format === "json") return quote(newKey);
  return /^[A-Za-z0-9_-]+$/.test(newKey) ? newKey : quote(newKey);
}

/** The type value that selects `transport` in this dialect (its canonical spelling first). */
export function typeValueFor(dialect: Dialect, transport: Transport): string | undefined {
  const canonical = dialect.canonicalType?.[transport];
  if (canonical) return canonical;
  return Object.entries(dialect.types).find(([, t]) => t === transport)?.[0];
}

export const TRANSPORT_NAMES: Record<Transport, string> = {
  stdio: "stdio",
  http: "Streamable HTTP",
  sse: "legacy HTTP+SSE",
};

/** True when the URL's path is the usual legacy SSE endpoint (`.../sse`). Never returns any part of the URL. */
export function looksLikeSseUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  const shape = analyseUrl(url);
  return shape.kind === "url" && shape.parts.parses !== false && /\/sse\/?$/i.test(shape.parts.path);
}

/** Offsets of every string scalar in the tree (to tell real keys from look-alikes inside multi-line strings). */
export function stringRanges(node: DocNode | undefined, out: Array<[number, number]> = []): Array<[number, number]> {
  if (!node) return out;
  if (node.type === "scalar") {
    if (typeof node.value === "string") out.push([node.range[0], node.range[1]]);
  } else if (node.type === "array") for (const item of node.items) stringRanges(item, out);
  else for (const m of node.members) stringRanges(m.value, out);
  return out;
}

/** JSON pointer of the innermost object or array whose range contains `offset` ("" = the root or outside it). */
export function containerPointerAt(node: DocNode | undefined, offset: number, pointer = ""): string {
  if (!node || node.type === "scalar") return pointer;
  if (node.type === "object") {
    for (const m of node.members) {
      const v = m.value;
      if (v.type !== "scalar" && v.range[0] <= offset && offset < v.range[1]) return containerPointerAt(v, offset, joinPointer(pointer, m.key));
    }
  } else {
    for (let i = 0; i < node.items.length; i++) {
      const v = node.items[i]!;
      if (v.type !== "scalar" && v.range[0] <= offset && offset < v.range[1]) return containerPointerAt(v, offset, joinPointer(pointer, i));
    }
  }
  return pointer;
}
