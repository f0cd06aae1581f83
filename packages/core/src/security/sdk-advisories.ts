/**
 * Published security advisories of the official MCP SDKs, vendored so that `vulnerable-sdk` works offline.
 * Every entry was checked against the advisory text (GitHub Advisory Database / the SDK repository's security
 * advisories); the sources are listed in docs/rules/vulnerable-sdk.md. Update ADVISORIES_CHECKED with the list.
 */

export type Ecosystem = "npm" | "pypi";

export interface SdkAdvisory {
  ghsa: string;
  cve: string;
  /** Package name as the registry spells it. */
  package: string;
  ecosystem: Ecosystem;
  /** First affected version (inclusive); undefined: every version before `fixed`. */
  introduced?: string;
  /** First fixed version: affected versions are `introduced <= v < fixed`. */
  fixed: string;
  /** The affected range as the advisory words it. */
  affected: string;
  summary: string;
  /** The advisory's severity band. */
  severity: "low" | "moderate" | "high" | "critical";
  /** CVSS v3 base score where the advisory or NVD gives one. */
  cvss?: number;
  url: string;
}

/** The day the list was last compared with the published advisories. */
export const ADVISORIES_CHECKED = "2026-12-05";

export const SDK_ADVISORIES: readonly SdkAdvisory[] = [
  {
    ghsa: "GHSA-w48q-cv73-mx4w",
    cve: "CVE-2025-66414",
    package: "@modelcontextprotocol/sdk",
    ecosystem: "npm",
    fixed: "1.24.0",
    affected: "< 1.24.0",
    summary: "no DNS-rebinding protection by default for HTTP servers on localhost (a web page can call the local server's tools)",
    severity: "high",
    url: "https://github.com/advisories/GHSA-w48q-cv73-mx4w",
  },
  {
    ghsa: "GHSA-8r9q-7v3j-jr4g",
    cve: "CVE-2026-0621",
    package: "@modelcontextprotocol/sdk",
    ecosystem: "npm",
    fixed: "1.25.2",
    affected: "< 1.25.2",
    summary: "a crafted resources/read URI makes the UriTemplate matcher of an exploded template ({/id*}, {?tags*}) backtrack catastrophically (ReDoS: the server stops answering every client)",
    severity: "high",
    url: "https://github.com/advisories/GHSA-8r9q-7v3j-jr4g",
  },
  {
    ghsa: "GHSA-345p-7cg4-v4c7",
    cve: "CVE-2026-25536",
    package: "@modelcontextprotocol/sdk",
    ecosystem: "npm",
    introduced: "1.10.0",
    fixed: "1.26.0",
    affected: ">= 1.10.0, <= 1.25.3",
    summary: "a server or transport instance reused across clients sends one client's responses to another (cross-client data leak)",
    severity: "high",
    cvss: 7.1,
    url: "https://github.com/advisories/GHSA-345p-7cg4-v4c7",
  },
  {
    ghsa: "GHSA-3qhf-m339-9g5v",
    cve: "CVE-2025-53366",
    package: "mcp",
    ecosystem: "pypi",
    fixed: "1.9.4",
    affected: "< 1.9.4",
    summary: "a request that fails validation raises an unhandled exception in a FastMCP server, which stops answering until restarted (denial of service)",
    severity: "high",
    url: "https://github.com/advisories/GHSA-3qhf-m339-9g5v",
  },
  {
    ghsa: "GHSA-j975-95f5-7wqh",
    cve: "CVE-2025-53365",
    package: "mcp",
    ecosystem: "pypi",
    fixed: "1.10.0",
    affected: "< 1.10.0",
    summary: "an exception a client triggers in a Streamable HTTP session crashes the server until it is restarted (denial of service)",
    severity: "high",
    url: "https://github.com/advisories/GHSA-j975-95f5-7wqh",
  },
  {
    ghsa: "GHSA-9h52-p55h-vw2f",
    cve: "CVE-2025-66416",
    package: "mcp",
    ecosystem: "pypi",
    fixed: "1.23.0",
    affected: "< 1.23.0",
    summary: "no DNS-rebinding protection by default for FastMCP HTTP servers on localhost (a web page can call the local server's tools)",
    severity: "high",
    url: "https://github.com/advisories/GHSA-9h52-p55h-vw2f",
  },
];

/** SARIF security-severity of an advisory: its CVSS score, else the lowest score of its severity band. */
export function advisoryScore(a: SdkAdvisory): number {
  if (a.cvss !== undefined) return a.cvss;
  return { low: 0.1, moderate: 4.0, high: 7.0, critical: 9.0 }[a.severity];
}

/**
 * Package names with advisories, per ecosystem. The npm manifests' text prefilter (document/manifest.ts,
 * `mentionsMcpSdk`) looks for these names; the Python one looks for the word `mcp`, the only PyPI package listed.
 */
export const ADVISORY_PACKAGES: Readonly<Record<Ecosystem, readonly string[]>> = {
  npm: [...new Set(SDK_ADVISORIES.filter((a) => a.ecosystem === "npm").map((a) => a.package))],
  pypi: [...new Set(SDK_ADVISORIES.filter((a) => a.ecosystem === "pypi").map((a) => a.package))],
};

// ---------------------------------------------------------------------------------------------------------------
// Versions and ranges. Only release versions (numbers and dots) are compared: a prerelease, a tag, a URL or a
// range this parser does not know gives undefined, and nothing is reported for it (precision first).

export type Version = [number, number, number];

/** "1.2.3", "1.2", "v1.2.3" → [1, 2, 3]; anything else (prereleases, local versions, tags) → undefined. */
export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:\.0)*$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The versions a requirement allows: `lo <= v` and `v < hi` (or `v <= hi` when hiInclusive). */
export interface VersionRange {
  lo?: Version;
  hi?: Version;
  hiInclusive: boolean;
}

function exact(v: Version): VersionRange {
  return { lo: v, hi: v, hiInclusive: true };
}

function intersect(ranges: VersionRange[]): VersionRange {
  const out: VersionRange = { hiInclusive: false };
  for (const r of ranges) {
    if (r.lo && (!out.lo || compareVersions(r.lo, out.lo) > 0)) out.lo = r.lo;
    if (r.hi) {
      const c = out.hi ? compareVersions(r.hi, out.hi) : -1;
      if (c < 0 || (c === 0 && !r.hiInclusive)) {
        out.hi = r.hi;
        out.hiInclusive = r.hiInclusive;
      }
    }
  }
  return out;
}

/** `1.2.x`, `1.2.*`, `1.*`: the versions with that prefix. */
function wildcard(text: string): VersionRange | undefined {
  const m = /^v?(\d{1,9})(?:\.(\d{1,9}))?\.[x*]$/i.exec(text) ?? /^v?(\d{1,9})\.[x*](?:\.[x*])?$/i.exec(text);
  if (!m) return undefined;
  const major = Number(m[1]);
  if (m[2] === undefined) return { lo: [major, 0, 0], hi: [major + 1, 0, 0], hiInclusive: false };
  const minor = Number(m[2]);
  return { lo: [major, minor, 0], hi: [major, minor + 1, 0], hiInclusive: false };
}

/** The upper bound of `~X.Y.Z` (npm, Poetry): the next minor, or the next major for `~X`. */
function tilde(text: string): VersionRange | undefined {
  const v = parseVersion(text);
  if (!v) return undefined;
  const parts = text.replace(/^v/, "").split(".").length;
  return { lo: v, hi: parts === 1 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0], hiInclusive: false };
}

/** The upper bound of `^X.Y.Z` (npm, Poetry): the next version that changes the left-most non-zero part. */
function caret(text: string): VersionRange | undefined {
  const v = parseVersion(text);
  if (!v) return undefined;
  const parts = text.replace(/^v/, "").split(".").length;
  const hi: Version = v[0] > 0 || parts === 1 ? [v[0] + 1, 0, 0] : v[1] > 0 || parts === 2 ? [0, v[1] + 1, 0] : [0, 0, v[2] + 1];
  return { lo: v, hi, hiInclusive: false };
}

function comparator(op: string, text: string): VersionRange | undefined {
  const v = parseVersion(text);
  if (!v) return undefined;
  switch (op) {
    case "":
    case "=":
    case "==":
    case "===":
      return exact(v);
    case "<":
      return { hi: v, hiInclusive: false };
    case "<=":
      return { hi: v, hiInclusive: true };
    case ">":
    case ">=":
      return { lo: v, hiInclusive: false };
    default:
      return undefined;
  }
}

/** An npm dependency range (node-semver syntax); undefined for `||` unions, tags, URLs, aliases and the unknown. */
export function parseNpmRange(spec: string): VersionRange | undefined {
  const text = spec.trim();
  if (text === "" || text.includes("||") || /[:/]/.test(text)) return undefined;
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
  if (hyphen) {
    const lo = parseVersion(hyphen[1]!);
    const hi = parseVersion(hyphen[2]!);
    return lo && hi ? { lo, hi, hiInclusive: true } : undefined;
  }
  const parts: VersionRange[] = [];
  for (const token of text.replace(/([<>=~^])\s+/g, "$1").split(/\s+/)) {
    const m = /^(<=|>=|<|>|=|~|\^)?(.+)$/.exec(token)!;
    const op = m[1] ?? "";
    const r = op === "~" ? tilde(m[2]!) : op === "^" ? caret(m[2]!) : (wildcard(m[2]!) ?? comparator(op, m[2]!));
    if (!r) return undefined;
    parts.push(r);
  }
  return intersect(parts);
}

/** A PEP 440 specifier set (`==1.9.0`, `>=1.0,<1.10`, `~=1.9.0`, `==1.9.*`); `!=` clauses only narrow, and are ignored. */
export function parsePep440(spec: string): VersionRange | undefined {
  const text = spec.trim();
  if (text === "") return { hiInclusive: false };
  const parts: VersionRange[] = [];
  for (const clause of text.split(",")) {
    const m = /^\s*(===|==|~=|!=|<=|>=|<|>)\s*([^\s,;]+)\s*$/.exec(clause);
    if (!m) return undefined;
    const [, op, v] = m as unknown as [string, string, string];
    if (op === "!=") continue;
    let r: VersionRange | undefined;
    if (op === "==" && v.endsWith(".*")) r = wildcard(v);
    else if (op === "~=") {
      const parsed = parseVersion(v);
      const n = v.split(".").length;
      if (!parsed || n < 2) return undefined;
      r = { lo: parsed, hi: n === 2 ? [parsed[0] + 1, 0, 0] : [parsed[0], parsed[1] + 1, 0], hiInclusive: false };
    } else r = comparator(op, v);
    if (!r) return undefined;
    parts.push(r);
  }
  return intersect(parts);
}

/** A Poetry constraint: `^1.2`, `~1.2`, a bare `1.2.3` (exact), or PEP 440 clauses. */
export function parsePoetry(spec: string): VersionRange | undefined {
  const text = spec.trim();
  if (text.startsWith("^")) return caret(text.slice(1).trim());
  if (text.startsWith("~") && !text.startsWith("~=")) return tilde(text.slice(1).trim());
  const v = parseVersion(text);
  if (v) return exact(v);
  return wildcard(text) ?? parsePep440(text);
}

export function isAffected(a: SdkAdvisory, v: Version): boolean {
  const introduced = a.introduced ? parseVersion(a.introduced)! : undefined;
  return (!introduced || compareVersions(v, introduced) >= 0) && compareVersions(v, parseVersion(a.fixed)!) < 0;
}

/** Is every version the range allows affected by the advisory? (An open upper bound never is.) */
export function isRangeAffected(a: SdkAdvisory, r: VersionRange): boolean {
  if (!r.hi) return false;
  const introduced = a.introduced ? parseVersion(a.introduced)! : undefined;
  if (introduced && (!r.lo || compareVersions(r.lo, introduced) < 0)) return false;
  if (r.lo && compareVersions(r.lo, r.hi) > 0) return false; // empty range: nothing resolves
  const c = compareVersions(r.hi, parseVersion(a.fixed)!);
  return c < 0 || (c === 0 && !r.hiInclusive);
}

/** Advisories of `pkg` that affect the exact version `version`. */
export function advisoriesForVersion(ecosystem: Ecosystem, pkg: string, version: string): SdkAdvisory[] {
  const v = parseVersion(version);
  if (!v) return [];
  return SDK_ADVISORIES.filter((a) => a.ecosystem === ecosystem && a.package === pkg && isAffected(a, v));
}

/** Advisories of `pkg` that affect every version the range allows. */
export function advisoriesForRange(ecosystem: Ecosystem, pkg: string, range: VersionRange | undefined): SdkAdvisory[] {
  if (!range) return [];
  return SDK_ADVISORIES.filter((a) => a.ecosystem === ecosystem && a.package === pkg && isRangeAffected(a, range));
}
