import type { Dialect } from "../dialects/types.js";
import type { ServerEntry } from "../dialects/servers.js";
import { findPlaceholders } from "./placeholders.js";
import { detectSecret } from "./secrets.js";

/**
 * URL analysis shared by the URL rules (valid-url, no-non-mcp-port,
 * no-insecure-http, no-deprecated-sse, no-hardcoded-secrets).
 *
 * Placeholders (`${VAR}`, `${env:X}`, `{env:X}`, `$X`, and for the registry
 * `{var}` URL templates) are masked before parsing, so a templated part is
 * never judged: the rules only speak about what is literally written.
 * Everything here works on offsets into the value, never copies secrets into
 * anything meant for a message; `origin()` is the only display form.
 */

export interface UrlParts {
  /** Lower-cased scheme without the colon. */
  scheme: string;
  /** Host as written, lower-cased; IPv6 keeps its brackets. Empty when there is no authority. */
  host: string;
  /** Host exactly as written, for messages (quote values as written). */
  hostWritten?: string;
  /** Host normalised by the WHATWG parser (`127.1` → `127.0.0.1`), when it parsed. */
  normalizedHost?: string;
  /** Explicit port as written (also when it is the scheme's default). */
  port?: number;
  username?: { text: string; start: number; end: number };
  password?: { text: string; start: number; end: number };
  /** Path without query and fragment. */
  path: string;
  /** Query parameters as written (not decoded), with offsets of their values. */
  query: Array<{ name: string; value: string; start: number; end: number }>;
  hasAuthority: boolean;
  /** A placeholder covers part of the host / port. */
  hostTemplated: boolean;
  portTemplated: boolean;
  /** WHATWG URL parsing succeeded; undefined when placeholders make it unknowable. */
  parses: boolean | undefined;
}

export type UrlShape =
  | { kind: "empty" }
  /** The scheme (or the whole value) is a placeholder: nothing can be said. */
  | { kind: "templated" }
  /** `127.0.0.1:25565`, `localhost:3000`: a bare address. */
  | { kind: "host-port"; host: string; port: number }
  /** `example.com/mcp`, `localhost:3000/mcp`, `//host/mcp`: a URL without its scheme. */
  | { kind: "no-scheme"; host: string; port?: number }
  /** Not URL-like at all (`/mcp`, `my server`). */
  | { kind: "not-url" }
  | { kind: "url"; parts: UrlParts };

export interface AnalyseOptions {
  /** `{name}` URL-template variables are placeholders (MCP Registry server.json). */
  uriTemplates?: boolean;
}

const URI_TEMPLATE = /\{[A-Za-z_][A-Za-z0-9_.-]*\}/g;

/** Offsets of every placeholder in `value`. */
function placeholderRanges(value: string, options: AnalyseOptions): Array<[number, number]> {
  const ranges: Array<[number, number]> = findPlaceholders(value).map((p) => [p.start, p.end]);
  if (options.uriTemplates) {
    for (const m of value.matchAll(URI_TEMPLATE)) {
      const r: [number, number] = [m.index, m.index + m[0].length];
      if (!ranges.some(([s, e]) => r[0] < e && s < r[1])) ranges.push(r);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function overlaps(ranges: Array<[number, number]>, start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && s < end) || (start === end && ranges.some(([s, e]) => s <= start && start <= e));
}

const HOST_CHARS = "[A-Za-z0-9._~%-]+|\\[[0-9A-Fa-f:.]+\\]";
const HOST_PORT = new RegExp(`^(${HOST_CHARS}):(\\d{1,5})([/?#].*)?$`, "s");
const HOSTISH = /^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|localhost)([/?#].*)?$/is;

/** What `value` is as a server URL. */
/**
 * Several rules analyse the same URL value; the analysis is pure, so it is
 * memoised per value (bounded; results are shared and must not be mutated).
 */
const memo = new Map<string, UrlShape>();

export function analyseUrl(value: string, options: AnalyseOptions = {}): UrlShape {
  const key = options.uriTemplates ? `t\0${value}` : value;
  let shape = memo.get(key);
  if (shape === undefined) {
    if (memo.size >= 4096) memo.clear();
    shape = analyseUrlUncached(value, options);
    memo.set(key, shape);
  }
  return shape;
}

function analyseUrlUncached(value: string, options: AnalyseOptions): UrlShape {
  const lead = value.length - value.trimStart().length;
  const text = value.trim();
  if (text === "") return { kind: "empty" };
  const ranges = placeholderRanges(value, options);
  // Mask placeholders with letters, keeping every offset.
  let masked = value;
  for (const [s, e] of ranges) masked = masked.slice(0, s) + "a".repeat(e - s) + masked.slice(e);
  masked = masked.slice(lead, lead + text.length);
  const shift = (r: Array<[number, number]>) => r.map(([s, e]) => [s - lead, e - lead] as [number, number]);
  const holes = shift(ranges);

  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(masked);
  const hostPort = HOST_PORT.exec(masked);
  if (hostPort && !overlaps(holes, 0, hostPort[1]!.length)) {
    const host = text.slice(0, hostPort[1]!.length).toLowerCase();
    const port = Number(hostPort[2]);
    if (!hostPort[3] || hostPort[3] === "/") return { kind: "host-port", host, port };
    return { kind: "no-scheme", host, port };
  }
  if (schemeMatch) {
    if (overlaps(holes, 0, schemeMatch[1]!.length)) return { kind: "templated" };
    return { kind: "url", parts: parseParts(text, masked, holes, schemeMatch[1]!.toLowerCase(), lead) };
  }
  if (holes.some(([s]) => s === 0)) return { kind: "templated" };
  if (masked.startsWith("//")) {
    const authority = /^\/\/([^/?#]*)/.exec(masked)![1]!;
    const hp = /^(.*?)(?::(\d+))?$/.exec(authority.slice(authority.lastIndexOf("@") + 1))!;
    const shape: UrlShape = { kind: "no-scheme", host: hp[1]!.toLowerCase() };
    if (hp[2]) shape.port = Number(hp[2]);
    return shape;
  }
  const hostish = HOSTISH.exec(masked);
  if (hostish) return { kind: "no-scheme", host: text.slice(0, hostish[1]!.length).toLowerCase() };
  return { kind: "not-url" };
}

function parseParts(text: string, masked: string, holes: Array<[number, number]>, scheme: string, lead: number): UrlParts {
  const parts: UrlParts = { scheme, host: "", path: "", query: [], hasAuthority: false, hostTemplated: false, portTemplated: false, parses: undefined };
  let i = scheme.length + 1;
  if (masked.startsWith("//", i)) {
    parts.hasAuthority = true;
    i += 2;
    const authEnd = indexOfAny(masked, "/?#", i);
    const at = masked.lastIndexOf("@", authEnd - 1);
    let hostStart = i;
    if (at >= i) {
      const colon = masked.indexOf(":", i);
      const userEnd = colon >= 0 && colon < at ? colon : at;
      parts.username = { text: text.slice(i, userEnd), start: lead + i, end: lead + userEnd };
      if (userEnd < at) parts.password = { text: text.slice(userEnd + 1, at), start: lead + userEnd + 1, end: lead + at };
      hostStart = at + 1;
    }
    let hostEnd = authEnd;
    if (masked[hostStart] === "[") {
      const close = masked.indexOf("]", hostStart);
      hostEnd = close >= 0 && close < authEnd ? close + 1 : authEnd;
    } else {
      const colon = masked.lastIndexOf(":", authEnd - 1);
      if (colon >= hostStart) hostEnd = colon;
    }
    parts.hostWritten = text.slice(hostStart, hostEnd);
    parts.host = parts.hostWritten.toLowerCase();
    parts.hostTemplated = overlaps(holes, hostStart, hostEnd);
    if (masked[hostEnd] === ":") {
      const portText = masked.slice(hostEnd + 1, authEnd);
      if (overlaps(holes, hostEnd + 1, authEnd)) parts.portTemplated = true;
      else if (/^\d{1,5}$/.test(portText)) parts.port = Number(portText);
    }
    i = authEnd;
  }
  const queryStart = masked.indexOf("?", i);
  const hash = masked.indexOf("#", i);
  const pathEnd = [queryStart, hash].filter((n) => n >= 0).reduce((a, b) => Math.min(a, b), masked.length);
  parts.path = text.slice(i, pathEnd);
  if (queryStart >= 0 && (hash < 0 || queryStart < hash)) {
    const qEnd = hash >= 0 ? hash : masked.length;
    let pos = queryStart + 1;
    for (const pair of text.slice(queryStart + 1, qEnd).split("&")) {
      const eq = pair.indexOf("=");
      const name = eq >= 0 ? pair.slice(0, eq) : pair;
      const value = eq >= 0 ? pair.slice(eq + 1) : "";
      const valueStart = pos + (eq >= 0 ? eq + 1 : pair.length);
      if (name) parts.query.push({ name, value, start: lead + valueStart, end: lead + valueStart + value.length });
      pos += pair.length + 1;
    }
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(masked);
  } catch {
    parsed = undefined;
  }
  if (parsed) {
    parts.parses = scheme === "http" || scheme === "https" ? parsed.hostname !== "" : true;
    if (!parts.hostTemplated) parts.normalizedHost = parsed.hostname.toLowerCase();
  } else {
    parts.parses = holes.length > 0 ? undefined : false;
  }
  return parts;
}

function indexOfAny(s: string, chars: string, from: number): number {
  for (let i = from; i < s.length; i++) if (chars.includes(s[i]!)) return i;
  return s.length;
}

/** The analysis options for a dialect: the registry's remote URLs are URI templates. */
export function urlOptions(dialect: Dialect): AnalyseOptions {
  return { uriTemplates: dialect.id === "mcp-registry" };
}

const PLAIN_URLS: AnalyseOptions = { uriTemplates: false };
const URI_TEMPLATES: AnalyseOptions = { uriTemplates: true };

/** The entry's URL when it is a string, with its shape. */
export function entryUrl(entry: ServerEntry, dialect: Dialect): { value: string; pointer: string; shape: UrlShape } | undefined {
  const url = entry.url;
  if (!url || typeof url.value !== "string") return undefined;
  return { value: url.value, pointer: url.pointer, shape: analyseUrl(url.value, dialect.id === "mcp-registry" ? URI_TEMPLATES : PLAIN_URLS) };
}

/** Display form of a URL for messages: scheme, host and port only, never userinfo, path or query. */
export function origin(parts: UrlParts): string {
  const port = parts.port !== undefined ? `:${parts.port}` : "";
  const out = parts.hasAuthority ? `${parts.scheme}://${parts.hostWritten ?? parts.host}${port}` : `${parts.scheme}:`;
  return safeDisplay(out, `${parts.scheme}://…`);
}

/** `host:port` for messages, or a fallback when the host itself looks like a credential. */
export function hostPortText(host: string, port?: number): string {
  return safeDisplay(port !== undefined ? `${host}:${port}` : host, "this host");
}

function safeDisplay(text: string, fallback: string): string {
  if (text.length > 100 || /[\s"\\]/.test(text) || detectSecret(text)) return fallback;
  return text;
}

function stripBrackets(host: string): string {
  return host.replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/** True for hosts that are this machine: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = stripBrackets(host.toLowerCase());
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (/^127(\.\d{1,3}){3}$/.test(h)) return true;
  if (h === "::1" || /^(0{1,4}:){7}0{0,3}1$/.test(h)) return true;
  // IPv4-mapped loopback, as written or as WHATWG normalises it.
  if (/^::ffff:127(\.\d{1,3}){3}$/.test(h) || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h)) return true;
  return false;
}

/** 0.0.0.0 and [::]: addresses servers listen on, not addresses to connect to. */
export function isUnspecifiedHost(host: string): boolean {
  const h = stripBrackets(host.toLowerCase());
  return h === "0.0.0.0" || h === "::" || /^(0{1,4}:){7}0{1,4}$/.test(h);
}

/** Transport-neutral client name for messages ("MCP clients" for the registry's server.json). */
export function clientName(dialect: Dialect): string {
  return dialect.id === "mcp-registry" ? "MCP clients" : dialect.client;
}

/** The dialect's type value for Streamable HTTP (canonical, else the first that maps to http). */
export function httpTypeValue(dialect: Dialect): string | undefined {
  if (!dialect.keys.type || !dialect.transports.includes("http")) return undefined;
  return dialect.canonicalType?.http ?? Object.keys(dialect.types).find((t) => dialect.types[t] === "http");
}
