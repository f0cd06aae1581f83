import { analyseUrl, origin } from "@mcp-lint/core";
import { displayValue, isSecretName, truncate } from "./redact.js";
import { scalar } from "./variables.js";

/**
 * Command-line arguments carry credentials as often as env does: `--token x`, `--api-key=x`, `-H "Authorization: …"`,
 * `X-Api-Key: x`, `postgres://user:pass@host/db?sslpassword=x`. The same reading serves two purposes: which values
 * the Redactor must replace in server output (argSecrets), and what the Target column may show (displayCommand).
 */

/** Flags whose next argument (or `=` value) is an HTTP header. */
const HEADER_FLAG = /^(-H|--headers?)$/;
/** `--name` / `-n`: a flag that may take the next argument as its value. */
const FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** `--name=value`. */
const FLAG_EQ = /^(--?[A-Za-z0-9][A-Za-z0-9_.-]*)=(.*)$/s;
/** `Name: value` (an HTTP header written as an argument): the colon is followed by white space. */
const NAME_VALUE = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+(\S.*)$/s;
/** A header value after -H: the white space after the colon is optional (`X-Key:abc`). */
const HEADER_VALUE = /^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$/s;
/** `user:password@host…` without a scheme. */
const BARE_USERINFO = /^[^\s/@:]*:[^\s/@]*@/;
/** Arguments shown in the Target column. */
const SHOWN_ARGS = 6;

/** Does the flag's name (without its dashes) say its value is a credential? Single letters (`-p`) never do. */
function secretFlag(flag: string): boolean {
  const name = flag.replace(/^--?/, "");
  return name.length > 1 && isSecretName(name);
}

/** Does this flag take a secret as its next argument or `=` value? */
function hidesValue(flag: string): boolean {
  return HEADER_FLAG.test(flag) || secretFlag(flag);
}

/** decodeURIComponent, or the text itself when it holds a malformed `%` sequence. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The userinfo (raw and decoded) and every query value (raw and decoded) of a URL. */
export function urlSecrets(url: URL): string[] {
  const out: string[] = [];
  for (const raw of [url.username, url.password]) if (raw !== "") out.push(raw, safeDecode(raw));
  for (const [, value] of url.searchParams) out.push(value);
  for (const pair of url.search.replace(/^\?/, "").split("&")) {
    const eq = pair.indexOf("=");
    if (eq >= 0) out.push(pair.slice(eq + 1));
  }
  return out;
}

function parseUrl(text: string): URL | undefined {
  if (!text.includes("://")) return undefined;
  try {
    return new URL(text.trim());
  } catch {
    return undefined;
  }
}

/** A secret value and the parts of it a server may echo alone: `Bearer <token>` → the token too. */
function valueParts(value: string): string[] {
  const v = value.trim();
  const token = /^\S+\s+(\S+)$/.exec(v)?.[1];
  return token ? [value, v, token] : [value, v];
}

/** A header given as an argument (`Authorization: Bearer x`): the whole text, its value and the value's parts. */
function headerParts(text: string): string[] {
  const m = HEADER_VALUE.exec(text.trim());
  return m ? [text, ...valueParts(m[2]!)] : valueParts(text);
}

/**
 * Values in the (resolved) arguments that must never be shown: the value after a flag whose name looks secret
 * (`--password x`, `--pw x`, `--api-key x`; not `-p`), the `=` value of such a flag, the value after
 * `-H`/`--header`, the value of every `Name: value` argument, userinfo and query values of URL arguments, and
 * arguments shaped like a credential.
 */
export function argSecrets(args: readonly string[], looksSecret: (value: string) => boolean): string[] {
  const out: string[] = [];
  let pending: "secret" | "header" | undefined;
  for (const a of args) {
    if (pending && !a.startsWith("-")) {
      out.push(...(pending === "header" ? headerParts(a) : valueParts(a)));
      pending = undefined;
      continue;
    }
    pending = undefined;
    if (looksSecret(a)) out.push(a);
    const eq = FLAG_EQ.exec(a);
    const value = eq ? eq[2]! : a;
    if (eq && value !== "") {
      if (HEADER_FLAG.test(eq[1]!)) out.push(...headerParts(value));
      else if (secretFlag(eq[1]!)) out.push(...valueParts(value));
    } else if (FLAG.test(a) && hidesValue(a)) {
      pending = HEADER_FLAG.test(a) ? "header" : "secret";
    }
    const nv = NAME_VALUE.exec(value);
    if (nv) out.push(...valueParts(nv[2]!));
    const url = parseUrl(value);
    if (url) out.push(...urlSecrets(url));
    else if (BARE_USERINFO.test(value)) out.push(value.slice(0, value.indexOf("@")));
  }
  return out;
}

/** Display form of one argument: a URL's origin only, a path's last segment, nothing secret-looking. */
function displayArg(text: string): string {
  if (text.includes("://")) {
    const shape = analyseUrl(text.trim());
    if (shape.kind === "url" && shape.parts.hasAuthority) return origin(shape.parts);
    return "…";
  }
  if (BARE_USERINFO.test(text)) return "…";
  return displayValue(lastSegment(text), "…", 40).replace(/^"|"$/g, "");
}

/**
 * A path's last segment (`/opt/srv/index.js` → `index.js`), cut only at separators outside `{…}`, so a placeholder
 * with a path in it stays whole: `${NOTES_DIR:-./notes}` as written, `${workspaceFolder}/server.js` → `server.js`.
 */
function lastSegment(text: string): string {
  const trimmed = text.replace(/[\\/]+$/, "");
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if ((c === "/" || c === "\\") && depth === 0) cut = i;
  }
  const last = trimmed.slice(cut + 1);
  return last === "" ? text : last;
}

/**
 * "node server.mjs --port 3000": the program's name and its first arguments as written in the config, for the
 * Target column, progress and log lines. Never a secret: URLs show their origin only, the values after
 * secret-named flags and `-H`/`--header` and of `Name: value` arguments become "…". Arguments that are not
 * strings, numbers or booleans are dropped, as they are when the server is started.
 */
export function displayCommand(command: unknown, args: readonly unknown[]): string {
  const name = typeof command === "string" ? command : "?";
  const parts = [displayArg(name)];
  const passed = args.map(scalar).filter((a): a is string => a !== undefined);
  let hideNext = false;
  for (const s of passed.slice(0, SHOWN_ARGS)) {
    if (hideNext && !s.startsWith("-")) {
      parts.push("…");
      hideNext = false;
      continue;
    }
    hideNext = false;
    const eq = FLAG_EQ.exec(s);
    if (eq) {
      const [, flag, value] = eq as unknown as [string, string, string];
      if (value !== "" && hidesValue(flag)) parts.push(`${flag}=…`);
      else if (value.includes("://") || BARE_USERINFO.test(value)) parts.push(`${displayArg(flag)}=${displayArg(value)}`);
      else parts.push(displayArg(s));
      continue;
    }
    if (FLAG.test(s)) {
      hideNext = hidesValue(s);
      parts.push(displayArg(s));
      continue;
    }
    const nv = NAME_VALUE.exec(s);
    parts.push(nv ? `${displayArg(nv[1]!)}: …` : displayArg(s));
  }
  if (passed.length > SHOWN_ARGS) parts.push("…");
  return truncate(parts.join(" "), 80);
}
