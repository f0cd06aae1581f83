import { ConfigDocument } from "./document.js";
import { parseText } from "./index.js";
import { lines, parseTextLockfile } from "./lockfiles.js";
import type { Comment, Format, ScalarNode } from "./types.js";
import { ADVISORY_PACKAGES } from "../security/sdk-advisories.js";

/**
 * Dependency manifests and lockfiles (package.json, package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock,
 * pyproject.toml, uv.lock, poetry.lock, requirements*.txt): not MCP configs, read only for the MCP SDK version a
 * project resolves (rule vulnerable-sdk).
 */
export type ManifestKind = "package-json" | "package-lock" | "pnpm-lock" | "yarn-lock" | "bun-lock" | "pyproject" | "python-lock" | "requirements";

/** The kinds read for npm packages (the others are Python's). */
const NPM_KINDS: ReadonlySet<ManifestKind> = new Set(["package-json", "package-lock", "pnpm-lock", "yarn-lock", "bun-lock"]);

const REQUIREMENTS = /^requirements[\w.-]*\.(?:txt|in)$/;

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return (i >= 0 ? path.slice(i + 1) : path).toLowerCase();
}

/** The manifest kind of a path by its file name, or undefined. */
export function manifestKind(path: string): ManifestKind | undefined {
  const name = baseName(path);
  switch (name) {
    case "package.json":
      return "package-json";
    case "package-lock.json":
    case "npm-shrinkwrap.json":
      return "package-lock";
    case "pnpm-lock.yaml":
      return "pnpm-lock";
    case "yarn.lock":
      return "yarn-lock";
    case "bun.lock": // bun >= 1.2's text lockfile (JSONC); the binary bun.lockb is not read
      return "bun-lock";
    case "pyproject.toml":
      return "pyproject";
    case "uv.lock":
    case "poetry.lock":
      return "python-lock";
  }
  return REQUIREMENTS.test(name) ? "requirements" : undefined;
}

export function manifestFormat(kind: ManifestKind): Format {
  if (kind === "package-json" || kind === "package-lock" || kind === "bun-lock") return "json";
  return kind === "requirements" || kind === "pnpm-lock" || kind === "yarn-lock" ? "yaml" : "toml";
}

/** A Python distribution name normalised as PEP 503 does (`MCP`, `mcp` → `mcp`; `Fast_MCP` → `fast-mcp`). */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The word `mcp` as a whole distribution name (not `mcp-server-git`, not `fastmcp`). */
const PYTHON_MCP = /(?:^|[^\w.-])mcp(?:[^\w.-]|$)/i;

/**
 * The cheap prefilter run before any parsing: does this manifest's text name an MCP SDK package at all? Nearly every
 * package.json and lockfile of a tree does not, and is dropped after one `includes` (or one linear regex) scan.
 */
export function mentionsMcpSdk(kind: ManifestKind, text: string): boolean {
  if (NPM_KINDS.has(kind)) return ADVISORY_PACKAGES.npm.some((name) => text.includes(name));
  return PYTHON_MCP.test(text);
}

/**
 * requirements.txt as a document: the root is a list with one string per requirement line, valued with the line's
 * requirement (comment and line continuation removed); its range is the requirement as written. `#` comments are
 * comments (so `# mcp-lint-disable-line` directives work). Options lines (`-r`, `--index-url`) are left out.
 */
export function parseRequirements(filePath: string, text: string): ConfigDocument {
  const items: ScalarNode[] = [];
  const comments: Comment[] = [];
  for (const { text: line, start: lineStart } of lines(text)) {
    const hash = line.search(/(?:^|\s)#/);
    let body = line;
    if (hash >= 0) {
      const at = line.indexOf("#", hash);
      comments.push({ text: line.slice(at + 1).trim(), range: [lineStart + at, lineStart + line.length], kind: "line" });
      body = line.slice(0, hash);
    }
    const lead = body.length - body.trimStart().length;
    const req = body.trim().replace(/\\$/, "").trimEnd();
    if (req === "" || req.startsWith("-")) continue;
    items.push({ type: "scalar", value: req, range: [lineStart + lead, lineStart + lead + req.length] });
  }
  return new ConfigDocument(filePath, text, "yaml", {
    root: { type: "array", range: [0, text.length], items },
    comments,
    extensions: [],
    errors: [],
  });
}

/** The document of a manifest of this kind. */
export function parseManifest(filePath: string, text: string, kind: ManifestKind): ConfigDocument {
  if (kind === "requirements") return parseRequirements(filePath, text);
  if (kind === "pnpm-lock" || kind === "yarn-lock") return parseTextLockfile(filePath, text, kind);
  const format = manifestFormat(kind);
  return new ConfigDocument(filePath, text, format, parseText(text, format));
}

export interface Pep508 {
  name: string;
  /** The version specifier set (without extras and markers). */
  specifier: string;
  /** Offset of the specifier inside the requirement string. */
  specifierStart: number;
  /** A direct reference (`name @ url`): no version to compare. */
  url: boolean;
}

/** The parts of a PEP 508 requirement string that say which versions it allows; undefined when it is not one. */
export function parsePep508(requirement: string): Pep508 | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*/.exec(requirement);
  if (!m) return undefined;
  const rest = requirement.slice(m[0].length);
  if (rest.startsWith("@")) return { name: m[1]!, specifier: "", specifierStart: m[0].length, url: true };
  const paren = rest.startsWith("(");
  const semi = rest.indexOf(";");
  let spec = semi >= 0 ? rest.slice(0, semi) : rest;
  if (paren) spec = spec.replace(/^\(/, "").replace(/\)\s*$/, "");
  const offset = m[0].length + (paren ? 1 : 0) + (spec.length - spec.trimStart().length);
  return { name: m[1]!, specifier: spec.trim(), specifierStart: offset, url: false };
}
