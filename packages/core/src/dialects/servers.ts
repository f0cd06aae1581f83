import type { ConfigDocument } from "../document/document.js";
import { escapeSegment, joinPointer, splitPointer } from "../document/pointer.js";
import { isObject } from "./shared.js";
import type { Dialect, Transport } from "./types.js";

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
  /** Switched off (`disabled: true`, `enabled: false`): the client never starts it, so nothing it lacks matters. */
  disabled: boolean;
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
  if (pointer === "") return value;
  // Fast path: one plain segment ("/mcpServers"), the usual container.
  if (pointer.indexOf("/", 1) < 0 && pointer.indexOf("~") < 0) {
    const s = pointer.slice(1);
    if (Array.isArray(value)) return value[Number(s)];
    if (isObject(value)) return Object.prototype.hasOwnProperty.call(value, s) ? value[s] : undefined;
    return undefined;
  }
  return get(value, splitPointer(pointer));
}

function namedValues(raw: unknown, pointer: string): NamedValue[] {
  if (!isObject(raw)) return [];
  const keys = Object.keys(raw);
  const out: NamedValue[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const name = keys[i]!;
    out[i] = { name, value: raw[name], pointer: pointer + "/" + escapeSegment(name) };
  }
  return out;
}

/** Top-level keys other clients keep their servers under (root-key reports them when the client's own is missing). */
const FOREIGN_SERVER_KEYS = ["mcpServers", "servers", "context_servers", "mcp_servers", "mcp", "extensions"];

/**
 * The servers written under another client's root key, when this client's own key is missing and the entries are
 * shaped as this client's (only the key is wrong): root-key reports the key, and the other rules still check the
 * entries, so one finding does not hide the rest. Undefined when that is not the case.
 */
function misplacedContainer(value: unknown, dialect: Dialect): string | undefined {
  if (dialect.servers.kind !== "map" || dialect.rootKeys.length === 0 || !isObject(value)) return undefined;
  if (dialect.rootKeys.some((k) => k in value)) return undefined;
  for (const key of FOREIGN_SERVER_KEYS) {
    const container = value[key];
    if (!isObject(container)) continue;
    const entries = Object.values(container);
    const own = (e: unknown) =>
      isObject(e) &&
      (e[dialect.keys.command] !== undefined || dialect.keys.url.some((k) => e[k] !== undefined)) &&
      (e[dialect.keys.command] === undefined || Array.isArray(e[dialect.keys.command]) === (dialect.commandIsArray === true));
    if (entries.length > 0 && entries.length <= 1000 && entries.every(own)) return "/" + escapeSegment(key);
  }
  return undefined;
}

/** The server entries of a document, as the dialect lays them out. */
export function collectServers(doc: ConfigDocument, dialect: Dialect): ServerEntry[] {
  const out: ServerEntry[] = [];
  const locator = dialect.servers;
  const own = typeof locator.pointers === "function" ? locator.pointers(doc.value) : locator.pointers;
  const misplaced = misplacedContainer(doc.value, dialect);
  const containers = misplaced !== undefined ? [misplaced] : own;
  for (const containerPointer of containers) {
    const container = valueAtPointer(doc.value, containerPointer);
    if (locator.kind === "map") {
      if (!isObject(container)) continue;
      for (const name of Object.keys(container)) {
        const entry = container[name];
        if (isObject(entry)) out.push(normalise(name, containerPointer + "/" + escapeSegment(name), entry, dialect));
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
  const at = (key: string) => pointer + "/" + escapeSegment(key);
  const entry: ServerEntry = {
    name,
    pointer,
    raw,
    args: [],
    argsOffset: 0,
    env: [],
    headers: [],
    kind: "neither",
    disabled: raw.disabled === true || raw.enabled === false,
  };

  if (k.type !== undefined && raw[k.type] !== undefined) entry.type = { value: raw[k.type], pointer: at(k.type) };
  const command = raw[k.command];
  if (command !== undefined) {
    if (dialect.commandIsArray && Array.isArray(command)) {
      const base = at(k.command);
      entry.argsPointer = base;
      entry.argsOffset = 1;
      if (command.length > 0) entry.command = { value: command[0], pointer: base + "/0" };
      const args: Located[] = new Array(Math.max(0, command.length - 1));
      for (let i = 1; i < command.length; i++) args[i - 1] = { value: command[i], pointer: base + "/" + i };
      entry.args = args;
    } else {
      entry.command = { value: command, pointer: at(k.command) };
    }
  }
  if (!dialect.commandIsArray && k.args !== undefined && raw[k.args] !== undefined) {
    const base = at(k.args);
    entry.argsPointer = base;
    const args = raw[k.args];
    if (Array.isArray(args)) {
      const out: Located[] = new Array(args.length);
      for (let i = 0; i < args.length; i++) out[i] = { value: args[i], pointer: base + "/" + i };
      entry.args = out;
    }
  }
  if (k.env !== undefined && raw[k.env] !== undefined) entry.env = namedValues(raw[k.env], at(k.env));
  if (k.headers !== undefined && raw[k.headers] !== undefined) entry.headers = namedValues(raw[k.headers], at(k.headers));
  if (k.cwd !== undefined && raw[k.cwd] !== undefined) entry.cwd = { value: raw[k.cwd], pointer: at(k.cwd) };
  for (const urlKey of k.url) {
    if (raw[urlKey] === undefined) continue;
    // An empty key is falsy: the first URL key present, unless it is "" (as `find` then `if (urlKey)` gave).
    if (urlKey) entry.url = { key: urlKey, value: raw[urlKey], pointer: at(urlKey) };
    break;
  }

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
