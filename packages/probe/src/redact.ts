import { detectSecret, SECRET_NAME } from "@mcp-lint/core";

/**
 * Text from a server (stderr, stdout noise, JSON-RPC error messages) may echo credentials it was given.
 * Before any of it goes into a finding or a log line, it goes through a Redactor: the secret values the
 * probe handed to the server are replaced, then anything shaped like a known credential (core's
 * detectSecret), bearer/basic credentials, URL userinfo and query values.
 */

/** Beyond the names the static secret rules read (core's SECRET_NAME): session ids and cookies are never shown either. */
const SESSION_NAME = /(^|[_-])(session|cookie)([_-]|$)/i;

const REDACTED = "[redacted]";

/** ANSI escapes and other control characters: server text must not drive the terminal. */
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A run of characters that could be one token (detectSecret's minimum length is 12). */
const TOKEN = /[^\s"'`,;=()<>[\]{}]{12,}/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, "");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A high-entropy run: mixed case and digits, 16+ characters, no separators. */
function opaque(value: string): boolean {
  if (value.length < 16 || /[\s/@.:]/.test(value)) return false;
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

export class Redactor {
  private readonly values: string[];

  /** `secrets`: values the probe passed to the server that must never be shown (longest are replaced first). */
  constructor(secrets: Iterable<string>) {
    this.values = [];
    this.add(secrets);
  }

  add(secrets: Iterable<string>): void {
    const all = new Set([...this.values, ...[...secrets].filter((s) => s.length >= 6)]);
    this.values.splice(0, this.values.length, ...[...all].sort((a, b) => b.length - a.length));
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    out = out
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`)
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${REDACTED}@`)
      .replace(/([?&][^=\s&#]+=)[^&\s#"']+/g, `$1${REDACTED}`);
    out = out.replace(TOKEN, (token) => (detectSecret(token) || opaque(token) ? REDACTED : token));
    return out;
  }

  /** One line of server output, safe for a message: no control characters, redacted, at most `max` characters. */
  line(text: string, max: number): string {
    return truncate(this.redact(stripControl(text)).trim(), max);
  }
}

/** Does a variable or header of this name, with this value, hold a credential? */
export function isSecretSetting(name: string, value: string): boolean {
  if (value.length < 6) return false;
  return SECRET_NAME.test(name) || SESSION_NAME.test(name) || detectSecret(value) !== undefined || opaque(value);
}

/** Values of `env` that look like credentials (by name or by shape). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === "string" && value.length >= 8 && isSecretSetting(name, value)) out.push(value);
  }
  return out;
}

/** A string from a config for a message: quoted when short and not secret, else `fallback`. */
export function displayValue(value: string, fallback: string, max = 80): string {
  if (value.length > max || /[\r\n]/.test(value) || detectSecret(value) || opaque(value)) return fallback;
  return JSON.stringify(stripControl(value));
}
