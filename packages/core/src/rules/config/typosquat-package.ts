import { invocation } from "../../util/commands.js";
import { isIndirect, packageSpecs, runnerFor, type Kind } from "../../util/package-runners.js";
import { echo } from "../../util/secrets.js";
import { damerauDistance } from "../../util/similarity.js";
import { defineConfigRule } from "../types.js";

/**
 * Well-known MCP server packages (runnable servers, not SDKs), from the npm and PyPI registries' listings as of
 * 2026-12-04: the @modelcontextprotocol/server-* packages and servers with about 50,000 npm downloads a month or more;
 * on PyPI the reference servers and the most downloaded server packages. Names shorter than 10 characters are left
 * out: one edit away from a short name is too often another real package.
 */
const NPM_WELL_KNOWN: readonly string[] = [
  "@playwright/mcp", "chrome-devtools-mcp", "@upstash/context7-mcp", "mcp-remote",
  "@modelcontextprotocol/server-filesystem", "@modelcontextprotocol/server-sequential-thinking",
  "@modelcontextprotocol/server-github", "@modelcontextprotocol/server-memory", "@modelcontextprotocol/server-postgres",
  "@modelcontextprotocol/server-everything", "@modelcontextprotocol/server-google-maps", "@modelcontextprotocol/server-slack",
  "@modelcontextprotocol/server-brave-search", "@modelcontextprotocol/server-puppeteer", "@modelcontextprotocol/server-gitlab",
  "@modelcontextprotocol/server-gdrive", "@modelcontextprotocol/server-redis", "@modelcontextprotocol/server-aws-kb-retrieval",
  "@modelcontextprotocol/server-everart", "@modelcontextprotocol/inspector",
  "@supabase/mcp-server-supabase", "@azure/mcp", "@azure-devops/mcp", "@notionhq/notion-mcp-server",
  "@circleci/mcp-server-circleci", "mongodb-mcp-server", "supergateway", "@stripe/mcp", "tavily-mcp", "firecrawl-mcp",
  "@zereight/mcp-gitlab", "@wonderwhy-er/desktop-commander", "@sentry/mcp-server", "@smithery/cli", "figma-developer-mcp",
  "@executeautomation/playwright-mcp-server", "@salesforce/mcp", "@launchdarkly/mcp-server", "@composio/mcp", "@eslint/mcp",
  "@winor30/mcp-server-datadog", "@antv/mcp-server-chart", "@dynatrace-oss/dynatrace-mcp-server", "@bytebase/dbhub",
  "@hubspot/mcp-server", "@perplexity-ai/mcp-server", "@apify/actors-mcp-server", "@mobilenext/mobile-mcp",
  "next-devtools-mcp", "@gongrzhe/server-gmail-autoauth-mcp", "@cocal/google-calendar-mcp", "xcodebuildmcp", "@shortcut/mcp",
];

/** PyPI names, compared normalised (PEP 503: case, and runs of `-`, `_`, `.` as one `-`). */
const PYTHON_WELL_KNOWN: readonly string[] = [
  "mcp-server-fetch", "mcp-server-time", "mcp-server-sqlite", "mcp-server-qdrant", "mcp-server-duckdb", "mcp-atlassian",
  "awslabs-aws-documentation-mcp-server", "awslabs-aws-api-mcp-server", "awslabs-cloudwatch-mcp-server",
  "awslabs-aws-pricing-mcp-server", "arxiv-mcp-server", "mcp-grafana", "mcp-clickhouse", "excel-mcp-server",
  "office-word-mcp-server", "markitdown-mcp", "blender-mcp",
];

const IMAGE_WELL_KNOWN: readonly string[] = ["ghcr.io/github/github-mcp-server"];

/**
 * Real, distinct packages one edit away from a well-known name (found in the same registry listings): not typos.
 */
const KNOWN_DISTINCT: ReadonlySet<string> = new Set([
  "mcp-server-fetch2", "mcp-server-xfetch", "mcp-server-sqlite3", "mcp-clickhousex",
]);

const MIN_LENGTH = 10;

function normalise(kind: Kind, name: string): string {
  const lower = name.toLowerCase();
  return kind === "python" ? lower.replace(/[-_.]+/g, "-") : lower;
}

const WELL_KNOWN: Record<Kind, ReadonlyMap<string, string>> = {
  npm: new Map(NPM_WELL_KNOWN.map((n) => [normalise("npm", n), n])),
  python: new Map(PYTHON_WELL_KNOWN.map((n) => [normalise("python", n), n])),
  docker: new Map(IMAGE_WELL_KNOWN.map((n) => [normalise("docker", n), n])),
};

/** The package or image name of a spec, without version, tag, digest or extras; undefined for paths, URLs, git. */
export function packageName(kind: Kind, spec: string): string | undefined {
  const s = spec.trim();
  if (/^(\.|\/|~|[A-Za-z]:[\\/]|file:|https?:|git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(s)) return undefined;
  if (kind === "npm") {
    const t = s.startsWith("npm:") ? s.slice(4) : s;
    if (!t.startsWith("@") && t.includes("/")) return undefined; // owner/repo: a GitHub shorthand
    const at = t.indexOf("@", t.startsWith("@") ? 1 : 0);
    return at > 0 ? t.slice(0, at) : t;
  }
  if (kind === "python") return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(s)?.[0];
  const digest = s.indexOf("@");
  const noDigest = digest >= 0 ? s.slice(0, digest) : s;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.indexOf(":", slash + 1);
  return colon >= 0 ? noDigest.slice(0, colon) : noDigest;
}

/** The well-known package `name` is one edit away from, if any (never the name itself). */
export function typosquatOf(kind: Kind, name: string): string | undefined {
  const n = normalise(kind, name);
  const known = WELL_KNOWN[kind];
  if (n.length < MIN_LENGTH - 1 || n.length > 214 || known.has(n) || KNOWN_DISTINCT.has(n)) return undefined;
  for (const [k, real] of known) {
    if (k.length < MIN_LENGTH) continue;
    if (damerauDistance(n, k, 1) === 1) return real;
  }
  return undefined;
}

interface Options {
  ignore: string[];
}

export const typosquatPackage = defineConfigRule<"typosquat" | "typosquatRegistry", Options>({
  meta: {
    id: "typosquat-package",
    description: "A package or image name one edit away from a well-known MCP server is likely a typo or a typosquat",
    severity: "warning",
    recommended: true,
    securitySeverity: 8.0,
    messages: {
      typosquat:
        '{{what}} is one edit away from the well-known MCP server "{{real}}": a typo installs someone else\'s package (or fails), and look-alike names are how malicious packages get run. Use "{{real}}" if that is what you meant.',
      typosquatRegistry:
        '{{name}} is one edit away from the well-known MCP server "{{real}}": clients installing this entry get a look-alike of it. Use "{{real}}" if that is what you meant.',
    },
    schema: [
      {
        type: "object",
        properties: { ignore: { type: "array", items: { type: "string" }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
    defaultOptions: { ignore: [] },
  },
  check({ servers, document, dialect, options, report }) {
    const ignore = new Set((options.ignore ?? []).map((n) => n.toLowerCase()));
    for (const entry of servers) {
      const run = invocation(entry);
      if (!run) continue;
      const runner = runnerFor(run.program, run.args);
      if (!runner) continue;
      for (const spec of packageSpecs(runner, run.args)) {
        if (spec.text.trim() === "" || isIndirect(spec.text)) continue;
        const name = packageName(runner.kind, spec.text);
        if (!name || ignore.has(name.toLowerCase())) continue;
        const real = typosquatOf(runner.kind, name);
        if (!real) continue;
        const quoted = echo(name, "");
        report({
          messageId: "typosquat",
          data: { what: quoted ? `${runner.label} ${quoted}` : `This ${runner.label} package`, real },
          pointer: spec.pointer,
          part: "value",
        });
      }
    }
    // MCP Registry server.json: the packages the entry publishes.
    if (dialect.id !== "mcp-registry") return;
    const root = document.value as { packages?: unknown } | undefined;
    const packages = root && typeof root === "object" && Array.isArray(root.packages) ? root.packages : [];
    for (let i = 0; i < packages.length && i < 1000; i++) {
      const pkg = packages[i] as Record<string, unknown> | null;
      if (!pkg || typeof pkg !== "object") continue;
      const identifier = pkg.identifier;
      const registry = pkg.registryType;
      if (typeof identifier !== "string" || typeof registry !== "string") continue;
      const kind: Kind | undefined = registry === "npm" ? "npm" : registry === "pypi" ? "python" : registry === "oci" ? "docker" : undefined;
      if (!kind) continue;
      const name = packageName(kind, identifier);
      if (!name || ignore.has(name.toLowerCase())) continue;
      const real = typosquatOf(kind, name);
      if (!real) continue;
      report({
        messageId: "typosquatRegistry",
        data: { name: echo(name, "This package"), real },
        pointer: `/packages/${i}/identifier`,
        part: "value",
      });
    }
  },
});
