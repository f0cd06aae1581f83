import type { ConfigDocument } from "./document/document.js";
import { joinPointer, splitPointer } from "./document/pointer.js";
import type { Dialect, Transport } from "./dialects/types.js";

export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

export interface NamedValue extends Located {
  name: string;
}

/**
 * One server entry, normalised over every client's field names, so rules
 * check "the command" or "the URL" without knowing the client.
 */
export interface ServerEntry {
  name: string;
  /** Pointer of the entry object. */
  pointer: string;
  raw: Record<string, unknown>;
  type?: Located;
  /** The program to run (for opencode: the first item of the command array). */
  command?: Located;
  /** Arguments after the program, each with its own pointer. */
  args: Located[];
  /** Pointer of the array holding the args (for opencode: the command array). */
  argsPointer?: string;
  /** Index in the args array of the first argument (1 for opencode, where item 0 is the program). */
  argsOffset: number;
  env: NamedValue[];
  headers: NamedValue[];
  /** The URL field actually present (first in the dialect's preference order). */
  url?: Located & { key: string };
  cwd?: Located;
  /**
   * stdio: has a command; url: has a URL; both / neither: invalid shape;
   * other: a client-specific non-MCP kind (Goose builtin, Zed extension).
   */
  kind: "stdio" | "url" | "both" | "neither" | "other";
  /** The transport the client would use, if it can tell. */
  transport?: Transport;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function get(value: unknown, pointerSegments: string[]): unknown {
  let cur = value;
  for (const s of pointerSegments) {
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isObject(cur)) cur = Object.prototype.hasOwnProperty.call(cur, s) ? cur[s] : undefined;
    else return undefined;
  }
  return cur;
}

function valueAtPointer(value: unknown, pointer: string): unknown {
  return pointer === "" ? value : get(value, splitPointer(pointer));
}

function namedValues(raw: unknown, pointer: string): NamedValue[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([name, value]) => ({ name, value, pointer: joinPointer(pointer, name) }));
}

/** The server entries of a document, as the dialect lays them out. */
export function collectServers(doc: ConfigDocument, dialect: Dialect): ServerEntry[] {
  const out: ServerEntry[] = [];
  const locator = dialect.servers;
  const containers = typeof locator.pointers === "function" ? locator.pointers(doc.value) : locator.pointers;
  for (const containerPointer of containers) {
    const container = valueAtPointer(doc.value, containerPointer);
    if (locator.kind === "map") {
      if (!isObject(container)) continue;
      for (const [name, entry] of Object.entries(container)) {
        if (isObject(entry)) out.push(normalise(name, joinPointer(containerPointer, name), entry, dialect));
      }
    } else {
      if (!Array.isArray(container)) continue;
      container.forEach((entry, i) => {
        if (!isObject(entry)) return;
        const name = typeof entry.name === "string" ? entry.name : `#${i}`;
        out.push(normalise(name, joinPointer(containerPointer, i), entry, dialect));
      });
    }
  }
  return out;
}

function normalise(name: string, pointer: string, raw: Record<string, unknown>, dialect: Dialect): ServerEntry {
  const k = dialect.keys;
  const at = (key: string) => joinPointer(pointer, key);
  const has = (key: string | undefined): key is string => key !== undefined && raw[key] !== undefined;
  const entry: ServerEntry = { name, pointer, raw, args: [], argsOffset: 0, env: [], headers: [], kind: "neither" };

  if (has(k.type)) entry.type = { value: raw[k.type], pointer: at(k.type) };
  if (has(k.command)) {
    const command = raw[k.command];
    if (dialect.commandIsArray && Array.isArray(command)) {
      entry.argsPointer = at(k.command);
      entry.argsOffset = 1;
      if (command.length > 0) entry.command = { value: command[0], pointer: joinPointer(at(k.command), 0) };
      entry.args = command.slice(1).map((value, i) => ({ value, pointer: joinPointer(at(k.command), i + 1) }));
    } else {
      entry.command = { value: command, pointer: at(k.command) };
    }
  }
  if (!dialect.commandIsArray && has(k.args)) {
    entry.argsPointer = at(k.args);
    const args = raw[k.args];
    if (Array.isArray(args)) entry.args = args.map((value, i) => ({ value, pointer: joinPointer(at(k.args!), i) }));
  }
  if (has(k.env)) entry.env = namedValues(raw[k.env], at(k.env));
  if (has(k.headers)) entry.headers = namedValues(raw[k.headers], at(k.headers));
  if (has(k.cwd)) entry.cwd = { value: raw[k.cwd], pointer: at(k.cwd) };
  const urlKey = k.url.find((key) => raw[key] !== undefined);
  if (urlKey) entry.url = { key: urlKey, value: raw[urlKey], pointer: at(urlKey) };

  const typeValue = typeof entry.type?.value === "string" ? entry.type.value : undefined;
  const declared = typeValue !== undefined && Object.prototype.hasOwnProperty.call(dialect.types, typeValue);
  if (declared && dialect.types[typeValue!] === undefined) {
    entry.kind = "other";
    return entry;
  }
  if (entry.command && entry.url) entry.kind = "both";
  else if (entry.command) entry.kind = "stdio";
  else if (entry.url) entry.kind = "url";
  else if (declared || entry.type) entry.kind = "neither";
  else entry.kind = isClientSpecificKind(raw) ? "other" : "neither";

  if (entry.kind === "stdio") entry.transport = "stdio";
  else if (entry.kind === "url") {
    const declaredTransport = declared ? dialect.types[typeValue!] : undefined;
    entry.transport =
      declaredTransport && declaredTransport !== "stdio"
        ? declaredTransport
        : (dialect.urlKeyTransport?.[entry.url!.key] ?? (entry.type ? undefined : dialect.urlDefault));
  }
  return entry;
}

/** Entries that are not MCP server launches at all (Zed extension-provided servers). */
function isClientSpecificKind(raw: Record<string, unknown>): boolean {
  return raw.settings !== undefined && raw.command === undefined;
}
