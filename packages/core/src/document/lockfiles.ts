import { ConfigDocument } from "./document.js";
import type { Comment, Member, ObjectNode, OffsetRange, ScalarNode } from "./types.js";

/**
 * pnpm-lock.yaml and yarn.lock (classic v1 and berry) read line by line for the MCP packages they resolve
 * (rule vulnerable-sdk). Both are machine-written with a fixed layout, yarn v1 is not YAML at all, and a big
 * monorepo's lockfile is megabytes: one linear pass over the lines, keeping only `@modelcontextprotocol/*` entries,
 * costs a fraction of a YAML parse and cannot recurse, expand aliases or fail on a stray line. A file in neither
 * layout yields no entry (nothing is guessed).
 *
 * The document's root is a list of `{ name, version }` objects, one per resolved copy, each value's range the text
 * as written (the version with its quotes when quoted), so findings point at the version in the file.
 */

/** The npm scope whose packages are kept (the rule filters further, by its advisory list). */
const MCP_SCOPE = "@modelcontextprotocol/";

/** Bound on the entries kept from one lockfile. */
const MAX_ENTRIES = 10_000;

/** `x.y.z` with an optional prerelease and build: what a lockfile writes as a resolved registry version. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/;

interface Entry {
  name: string;
  nameRange: OffsetRange;
  version: string;
  /** The version as written (quotes included when quoted). */
  versionRange: OffsetRange;
}

interface Line {
  text: string;
  start: number;
}

/** Every line of `text` (without its `\r\n`/`\n`), with its offset; linear, no split of the whole text. */
export function* lines(text: string): Generator<Line> {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf("\n", start);
    const stop = nl < 0 ? text.length : nl;
    yield { text: text.slice(start, stop).replace(/\r$/, ""), start };
    start = stop + 1;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** A YAML mapping key at the start of `s` (quoted or plain) and the offset after it, or undefined. */
function readKey(s: string): { key: string; from: number; to: number } | undefined {
  const q = s[0];
  if (q === "'" || q === '"') {
    const close = s.indexOf(q, 1);
    if (close < 0 || s[close + 1] !== ":") return undefined;
    return { key: s.slice(1, close), from: 1, to: close };
  }
  const colon = s.search(/:(?:\s|$)/);
  if (colon <= 0) return undefined;
  return { key: s.slice(0, colon), from: 0, to: colon };
}

/**
 * pnpm-lock.yaml: the keys of the top-level `packages:` map, one per resolved version.
 * v9: `'@scope/name@1.2.3':`; v6: `/@scope/name@1.2.3:` or `/@scope/name@1.2.3(peer@x):`; v5: `/@scope/name/1.2.3:` or
 * `/@scope/name/1.2.3_peer@x:`. `snapshots:` (v9) repeats the same versions with their peers and is not read, nor are
 * `importers:` (the specifiers and the versions they link to, which are `packages:` keys).
 */
function scanPnpm(text: string, comments: Comment[]): Entry[] {
  const out: Entry[] = [];
  let inPackages = false;
  for (const { text: line, start } of lines(text)) {
    if (line.trimStart().startsWith("#")) {
      const at = line.indexOf("#");
      comments.push({ text: line.slice(at + 1).trim(), range: [start + at, start + line.length], kind: "line" });
      continue;
    }
    if (line.length === 0) continue;
    const indent = indentOf(line);
    if (indent === 0) {
      inPackages = /^packages:\s*$/.test(line);
      continue;
    }
    if (!inPackages || indent !== 2 || !line.includes(MCP_SCOPE)) continue;
    const k = readKey(line.slice(2));
    if (!k) continue;
    const key = k.key.startsWith("/") ? k.key.slice(1) : k.key;
    const skip = k.key.length - key.length;
    if (!key.startsWith(MCP_SCOPE)) continue;
    const slash = key.indexOf("/", MCP_SCOPE.length);
    const at = key.indexOf("@", MCP_SCOPE.length);
    // The name ends at `@` (v6, v9) or at the `/` before the version (v5).
    const end = at > 0 && (slash < 0 || at < slash) ? at : slash;
    if (end < 0) continue;
    const version = VERSION.exec(key.slice(end + 1))?.[0];
    if (!version) continue;
    const keyStart = start + 2 + k.from + skip;
    out.push({
      name: key.slice(0, end),
      nameRange: [keyStart, keyStart + end],
      version,
      versionRange: [keyStart + end + 1, keyStart + end + 1 + version.length],
    });
    if (out.length >= MAX_ENTRIES) break;
  }
  return out;
}

/**
 * Descriptors that do not resolve to a registry release of the package named, skipped (their `version` is whatever
 * the source's package.json says, possibly a patched fork): berry's `patch:`, `workspace:`, `portal:`, `link:`,
 * `file:`, `exec:`, and git or tarball sources in either format (`github:o/r#ref`, `git+https://…`, `https://…tgz`).
 */
const NOT_REGISTRY = /^(?:patch|workspace|portal|link|file|exec|git|git\+[a-z]+|github|gitlab|bitbucket|https?):/;

/**
 * yarn.lock, classic v1 (`"@scope/name@^1.0.0", "@scope/name@^1.2.0":` then `  version "1.2.3"`) and berry
 * (`"@scope/name@npm:^1.0.0, @scope/name@npm:^1.2.0":` then `  version: 1.2.3`): each entry's header names the
 * descriptors it resolves, its two-space-indented `version` line the version.
 */
function scanYarn(text: string, comments: Comment[]): Entry[] {
  const out: Entry[] = [];
  let pending: { name: string; nameRange: OffsetRange } | undefined;
  for (const { text: line, start } of lines(text)) {
    if (line.startsWith("#")) {
      comments.push({ text: line.slice(1).trim(), range: [start, start + line.length], kind: "line" });
      continue;
    }
    if (line.length === 0) continue;
    const indent = indentOf(line);
    if (indent === 0) {
      pending = undefined;
      if (!line.includes(MCP_SCOPE) || !line.trimEnd().endsWith(":")) continue;
      const descriptors = line.trimEnd().slice(0, -1).replace(/"/g, "").split(",");
      for (const raw of descriptors) {
        const d = raw.trim();
        if (!d.startsWith(MCP_SCOPE)) continue;
        const at = d.indexOf("@", 1);
        if (at < 0 || NOT_REGISTRY.test(d.slice(at + 1))) continue;
        const name = d.slice(0, at);
        const from = line.indexOf(name);
        pending = { name, nameRange: [start + from, start + from + name.length] };
        break;
      }
      continue;
    }
    if (!pending || indent !== 2) continue;
    const m = /^ {2}version:? +("?)([^"\s]+)\1\s*$/.exec(line);
    if (!m) continue;
    const version = m[2]!;
    const quoted = m[1]!.length;
    const from = line.indexOf(version) - quoted;
    out.push({ ...pending, version, versionRange: [start + from, start + from + version.length + 2 * quoted] });
    pending = undefined;
    if (out.length >= MAX_ENTRIES) break;
  }
  return out;
}

function scalar(value: string, range: OffsetRange): ScalarNode {
  return { type: "scalar", value, range };
}

function member(key: string, value: ScalarNode): Member {
  return { key, keyRange: value.range, value };
}

/** The document of a pnpm-lock.yaml or yarn.lock: `[{ name, version }, …]` for the MCP packages it resolves. */
export function parseTextLockfile(filePath: string, text: string, kind: "pnpm-lock" | "yarn-lock"): ConfigDocument {
  const comments: Comment[] = [];
  const entries = kind === "pnpm-lock" ? scanPnpm(text, comments) : scanYarn(text, comments);
  const items: ObjectNode[] = entries.map((e) => ({
    type: "object",
    range: [Math.min(e.nameRange[0], e.versionRange[0]), Math.max(e.nameRange[1], e.versionRange[1])],
    members: [member("name", scalar(e.name, e.nameRange)), member("version", scalar(e.version, e.versionRange))],
  }));
  return new ConfigDocument(filePath, text, "yaml", {
    root: { type: "array", range: [0, text.length], items },
    comments,
    extensions: [],
    errors: [],
  });
}
