import { createHash } from "node:crypto";
import { parseDocument, type ConfigDocument } from "@mcp-lint/core";
import { visibleName } from "./redact.js";

/**
 * The tool-surface lock (`mcp-lint.lock.json`): what every configured server offered when `mcp-lint probe --lock`
 * ran (tools, prompts, resource templates: names, descriptions, a hash of each input schema), and the pure
 * comparison of a later probe against it. A description that changes after a server was approved is how a "rug
 * pull" looks from outside; this file makes every change visible in review.
 */

export const LOCK_FILE = "mcp-lint.lock.json";
export const LOCK_VERSION = 1;
/** Items kept per kind and server (a server listing more is cut, sorted by name). */
const MAX_ITEMS = 1000;
/** Longest description kept (longer ones are cut; the hash covers the whole text). */
const MAX_TEXT = 4000;

export interface LockedItem {
  name: string;
  description?: string;
  /** sha256 of the description when it was longer than the part kept. */
  descriptionSha256?: string;
  /** Tools: sha256 of the canonical JSON of inputSchema. Prompts: of the arguments. Templates: of the uriTemplate. */
  schemaSha256?: string;
}

export interface ServerSurface {
  tools: LockedItem[];
  prompts: LockedItem[];
  resourceTemplates: LockedItem[];
}

export interface LockFile {
  version: number;
  /** Keyed by `<config file>#<server name>`. */
  servers: Record<string, ServerSurface>;
}

export type SurfaceKind = keyof ServerSurface;

export interface SurfaceChange {
  kind: SurfaceKind;
  name: string;
  change: "added" | "removed" | "description changed" | "schema changed";
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > 64) return '"…"';
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], depth + 1)}`).join(",")}}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Replaces secret values in text that goes into the lock (identity when there is nothing to hide). */
export type LockRedact = (text: string) => string;

/** `value` with every string (and object key) redacted, as deep as canonicalJson goes. */
function redactStrings(value: unknown, redact: LockRedact, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 64 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redact(k)] = redactStrings(v, redact, depth + 1);
  return out;
}

function item(rawName: string, rawDescription: string | undefined, schema: unknown, redact: LockRedact): LockedItem {
  // Redacted before anything is kept or hashed: a hash of a short secret inside known text could be guessed.
  const name = redact(rawName);
  const description = rawDescription === undefined ? undefined : redact(rawDescription);
  const out: LockedItem = { name };
  if (description !== undefined) {
    if (description.length > MAX_TEXT) {
      out.description = description.slice(0, MAX_TEXT);
      out.descriptionSha256 = sha256(description);
    } else out.description = description;
  }
  // Strings are redacted as values (a secret with a quote or a backslash is escaped in the JSON text).
  if (schema !== undefined) out.schemaSha256 = sha256(canonicalJson(redactStrings(schema, redact)));
  return out;
}

function sorted(items: LockedItem[]): LockedItem[] {
  const byName = new Map<string, LockedItem>();
  for (const i of items) if (!byName.has(i.name)) byName.set(i.name, i);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, MAX_ITEMS);
}

/**
 * The lockable surface of what the list calls returned (the SDK's tools, prompts and resource templates). `redact`
 * replaces the secret values the probe gave the server wherever the server echoes them (names, descriptions, and the
 * text that is hashed), so the lock never holds one, not even as a hash.
 */
export function surfaceOf(listed: { tools: unknown[]; prompts: unknown[]; resourceTemplates: unknown[] }, redact: LockRedact = (t) => t): ServerSurface {
  const rec = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
  return {
    tools: sorted(listed.tools.map(rec).filter((t) => text(t.name) !== undefined).map((t) => item(t.name as string, text(t.description), t.inputSchema ?? {}, redact))),
    prompts: sorted(listed.prompts.map(rec).filter((p) => text(p.name) !== undefined).map((p) => item(p.name as string, text(p.description), p.arguments ?? [], redact))),
    resourceTemplates: sorted(
      listed.resourceTemplates
        .map(rec)
        .filter((r) => text(r.name) !== undefined || text(r.uriTemplate) !== undefined)
        .map((r) => item(text(r.name) ?? (r.uriTemplate as string), text(r.description), text(r.uriTemplate) ?? "", redact)),
    ),
  };
}

export function lockKey(file: string, server: string): string {
  return `${file}#${server}`;
}

/** The lock file's text: keys sorted, two-space indent, one trailing newline (diff-friendly). */
export function formatLock(servers: Record<string, ServerSurface>): string {
  const ordered: Record<string, ServerSurface> = {};
  for (const key of Object.keys(servers).sort()) ordered[key] = servers[key]!;
  return `${JSON.stringify({ version: LOCK_VERSION, servers: ordered }, null, 2)}\n`;
}

export interface LockProblem {
  message: string;
  /** Source offsets of the problem in the lock text. */
  range: [number, number];
}

function validItems(v: unknown): v is LockedItem[] {
  return (
    Array.isArray(v) &&
    v.every(
      (i) =>
        i !== null &&
        typeof i === "object" &&
        typeof (i as LockedItem).name === "string" &&
        ["description", "descriptionSha256", "schemaSha256"].every((k) => (i as Record<string, unknown>)[k] === undefined || typeof (i as Record<string, unknown>)[k] === "string"),
    )
  );
}

/** Reads a lock file's text: the lock, or a located problem (never throws). */
export function parseLock(file: string, source: string): { lock: LockFile; doc: ConfigDocument } | { problem: LockProblem } {
  const doc = parseDocument(file, source, "json");
  const first = doc.errors[0];
  if (first) return { problem: { message: `${file} is not valid JSON (${first.message}); run "mcp-lint probe --lock" to write it again.`, range: first.range } };
  const value = doc.value as Record<string, unknown> | undefined;
  const at = (pointer: string): [number, number] => doc.offsetsOf(pointer);
  if (!value || typeof value !== "object" || Array.isArray(value)) return { problem: { message: `${file} must hold an object with "version" and "servers".`, range: at("") } };
  if (value.version !== LOCK_VERSION)
    return { problem: { message: `${file} has version ${JSON.stringify(value.version) ?? "(none)"}; this mcp-lint reads version ${LOCK_VERSION}. Run "mcp-lint probe --lock" to write it again.`, range: at("/version") } };
  const servers = value.servers;
  if (!servers || typeof servers !== "object" || Array.isArray(servers)) return { problem: { message: `${file}: "servers" must be an object.`, range: at("/servers") } };
  for (const [key, s] of Object.entries(servers as Record<string, unknown>)) {
    const pointer = `/servers/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const surface = s as Record<string, unknown>;
    if (!surface || typeof surface !== "object" || !(["tools", "prompts", "resourceTemplates"] as const).every((k) => validItems(surface[k])))
      return { problem: { message: `${file}: the entry of this server must hold "tools", "prompts" and "resourceTemplates" lists of items with a string "name".`, range: at(pointer) } };
  }
  return { lock: value as unknown as LockFile, doc };
}

/** Every difference between the locked surface and the current one, sorted by kind then name. */
export function compareSurface(locked: ServerSurface, current: ServerSurface): SurfaceChange[] {
  const out: SurfaceChange[] = [];
  for (const kind of ["tools", "prompts", "resourceTemplates"] as const) {
    const before = new Map(locked[kind].map((i) => [i.name, i]));
    const after = new Map(current[kind].map((i) => [i.name, i]));
    for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const a = before.get(name);
      const b = after.get(name);
      if (!a) out.push({ kind, name, change: "added" });
      else if (!b) out.push({ kind, name, change: "removed" });
      else {
        if (a.description !== b.description || a.descriptionSha256 !== b.descriptionSha256) out.push({ kind, name, change: "description changed" });
        if (a.schemaSha256 !== b.schemaSha256) out.push({ kind, name, change: "schema changed" });
      }
    }
  }
  return out;
}

const KIND_WORD: Record<SurfaceKind, string> = { tools: "Tool", prompts: "Prompt", resourceTemplates: "Resource template" };

export function changeMessage(server: string, c: SurfaceChange): string {
  const what = `${KIND_WORD[c.kind]} ${visibleName(c.name)} of server ${visibleName(server)}`;
  const tail = `since ${LOCK_FILE} was written. Review it, then run "mcp-lint probe --lock" to accept it.`;
  switch (c.change) {
    case "added":
      return `${what} is new ${tail}`;
    case "removed":
      return `${what} is gone ${tail}`;
    case "description changed":
      return `${what} has a different description ${tail} A description that changes after approval can carry new instructions to the model (a "rug pull").`;
    case "schema changed":
      return `${what} has a different input schema ${tail}`;
  }
}

export interface ToolCollision {
  tool: string;
  /** The servers offering it, in probe order: { key, index into the probed list }. */
  servers: number[];
}

/** Tool names offered by more than one server (by index of the surfaces given), sorted by name. */
export function toolCollisions(surfaces: Array<ServerSurface | undefined>): ToolCollision[] {
  const owners = new Map<string, number[]>();
  surfaces.forEach((s, i) => {
    for (const t of s?.tools ?? []) {
      const list = owners.get(t.name) ?? [];
      list.push(i);
      owners.set(t.name, list);
    }
  });
  return [...owners.entries()]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tool, servers]) => ({ tool, servers }));
}
