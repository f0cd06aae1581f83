import type { ConfigDocument } from "../../document/document.js";
import { manifestKind, normalizePythonName, parsePep508 } from "../../document/manifest.js";
import { joinPointer } from "../../document/pointer.js";
import { isObject } from "../../dialects/shared.js";
import type { DocNode, OffsetRange } from "../../document/types.js";
import {
  ADVISORY_PACKAGES,
  advisoriesForRange,
  advisoriesForVersion,
  advisoryScore,
  compareVersions,
  parseNpmRange,
  parsePep440,
  parsePoetry,
  parseVersion,
  SDK_ADVISORIES,
  type Ecosystem,
  type SdkAdvisory,
  type VersionRange,
} from "../../security/sdk-advisories.js";
import { defineConfigRule, type ReportDescriptor } from "../types.js";

type MessageIds = "resolved" | "range" | "unparsed";

/** npm dependency sections that say what is installed (peerDependencies only say what is accepted). */
const NPM_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"];

/** Bound on the entries read from one lockfile (a hostile one cannot make the loop unbounded). */
const MAX_ENTRIES = 200_000;

function describe(found: SdkAdvisory[]): Record<string, string> {
  const fixed = found.map((a) => a.fixed).reduce((a, b) => (compareVersions(parseVersion(a)!, parseVersion(b)!) >= 0 ? a : b));
  return {
    advisories: found.map((a) => `${a.ghsa} (${a.cve})`).join(", "),
    summary: found.map((a) => a.summary).join("; "),
    fixed,
  };
}

/** The range of `value`'s characters from `from` (length `length`) inside a string node written without escapes. */
function inString(doc: ConfigDocument, node: DocNode | undefined, value: string, from: number, length: number): OffsetRange | undefined {
  if (!node || node.type !== "scalar") return undefined;
  const raw = doc.text.slice(node.range[0], node.range[1]);
  const quote = raw.length === value.length + 2 ? raw[0] : undefined;
  if (raw === value) return [node.range[0] + from, node.range[0] + from + length];
  if (quote && (quote === '"' || quote === "'") && raw.slice(1, -1) === value) return [node.range[0] + 1 + from, node.range[0] + 1 + from + length];
  return undefined;
}

export const vulnerableSdk = defineConfigRule<MessageIds>({
  meta: {
    id: "vulnerable-sdk",
    description: "The MCP SDK version a project resolves (package.json with its lockfile: package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock; pyproject.toml, requirements*.txt, uv.lock, poetry.lock) has a published security advisory.",
    severity: "warning",
    recommended: true,
    securitySeverity: Math.max(...SDK_ADVISORIES.map(advisoryScore)),
    messages: {
      resolved: "This lockfile resolves {{package}} {{version}}, affected by {{advisories}}: {{summary}}. Upgrade {{package}} to {{fixed}} or later.",
      range: "{{package}} \"{{version}}\" only allows versions affected by {{advisories}}: {{summary}}. Allow {{fixed}} or later.",
      unparsed: "This dependency file names an MCP SDK package but does not parse ({{reason}}): the SDK version it resolves was not checked.",
    },
    schema: [],
    defaultOptions: {},
  },
  manifest: true,
  runsOnParseErrors: true,
  check({ document: doc, report }) {
    const kind = manifestKind(doc.filePath);
    if (!kind) return;
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      report({ messageId: "unparsed", data: { reason: e.message.replace(/\.$/, "") }, pointer: "", range: e.range, maxSeverity: "info" });
      return;
    }
    const value = doc.value;
    const onRange = (ecosystem: Ecosystem, pkg: string, spec: string, range: VersionRange | undefined, at: Omit<ReportDescriptor<MessageIds>, "messageId">): void => {
      const found = advisoriesForRange(ecosystem, pkg, range);
      if (found.length > 0) report({ ...at, messageId: "range", data: { package: pkg, version: spec, ...describe(found) } });
    };
    const onVersion = (ecosystem: Ecosystem, pkg: string, version: string, pointer: string): void => {
      const found = advisoriesForVersion(ecosystem, pkg, version);
      if (found.length > 0) report({ messageId: "resolved", pointer, part: "value", data: { package: pkg, version, ...describe(found) } });
    };
    /** A PEP 508 requirement string at `pointer`: reported at its version specifier. */
    const onRequirement = (requirement: string, pointer: string, node: DocNode | undefined): void => {
      const req = parsePep508(requirement);
      if (!req || req.url) return;
      const pkg = normalizePythonName(req.name);
      if (!ADVISORY_PACKAGES.pypi.includes(pkg)) return;
      const range = inString(doc, node, requirement, req.specifierStart, req.specifier.length);
      onRange("pypi", pkg, req.specifier, parsePep440(req.specifier), { pointer, part: "value", ...(range ? { range } : {}) });
    };

    switch (kind) {
      case "package-json": {
        if (!isObject(value)) return;
        for (const section of NPM_SECTIONS) {
          const deps = value[section];
          if (!isObject(deps)) continue;
          for (const pkg of ADVISORY_PACKAGES.npm) {
            const spec = deps[pkg];
            if (typeof spec !== "string") continue;
            onRange("npm", pkg, spec, parseNpmRange(spec), { pointer: joinPointer("", section, pkg), part: "value" });
          }
        }
        return;
      }
      case "package-lock": {
        if (!isObject(value)) return;
        const packages = value.packages;
        if (isObject(packages)) {
          // v2/v3: every installed copy, hoisted (`node_modules/<pkg>`) or nested (`…/node_modules/<pkg>`).
          let n = 0;
          for (const key in packages) {
            if (++n > MAX_ENTRIES) break;
            const pkg = ADVISORY_PACKAGES.npm.find((p) => key === `node_modules/${p}` || key.endsWith(`/node_modules/${p}`));
            const entry = packages[key];
            if (!pkg || !isObject(entry) || typeof entry.version !== "string") continue;
            onVersion("npm", pkg, entry.version, joinPointer("", "packages", key, "version"));
          }
          return;
        }
        const deps = value.dependencies; // lockfile v1: the top level of the tree
        if (!isObject(deps)) return;
        for (const pkg of ADVISORY_PACKAGES.npm) {
          const entry = deps[pkg];
          if (isObject(entry) && typeof entry.version === "string") onVersion("npm", pkg, entry.version, joinPointer("", "dependencies", pkg, "version"));
        }
        return;
      }
      case "pnpm-lock":
      case "yarn-lock": {
        // document/lockfiles.ts: `[{ name, version }]`, one per resolved copy of an `@modelcontextprotocol/*` package.
        if (!Array.isArray(value)) return;
        value.slice(0, MAX_ENTRIES).forEach((entry: unknown, i: number) => {
          if (!isObject(entry) || typeof entry.name !== "string" || typeof entry.version !== "string") return;
          if (ADVISORY_PACKAGES.npm.includes(entry.name)) onVersion("npm", entry.name, entry.version, joinPointer("", i, "version"));
        });
        return;
      }
      case "bun-lock": {
        // `"packages": { "<path>": ["<name>@<version>", "<registry>", { deps }, "<integrity>"] }`; the path is the
        // install location (`@modelcontextprotocol/sdk`, `some-dep/@modelcontextprotocol/sdk`), the first item says
        // which package and version are installed there (an alias key still installs the package it names).
        if (!isObject(value) || !isObject(value.packages)) return;
        let n = 0;
        for (const key in value.packages) {
          if (++n > MAX_ENTRIES) break;
          const entry = value.packages[key];
          const id = Array.isArray(entry) ? entry[0] : undefined;
          if (typeof id !== "string") continue;
          const at = id.indexOf("@", 1);
          const pkg = at > 0 ? id.slice(0, at) : "";
          if (!ADVISORY_PACKAGES.npm.includes(pkg)) continue;
          const version = id.slice(at + 1);
          const found = advisoriesForVersion("npm", pkg, version);
          if (found.length === 0) continue;
          const pointer = joinPointer("", "packages", key, 0);
          const range = inString(doc, doc.nodeAt(pointer), id, at + 1, version.length);
          report({ messageId: "resolved", pointer, part: "value", ...(range ? { range } : {}), data: { package: pkg, version, ...describe(found) } });
        }
        return;
      }
      case "python-lock": {
        // uv.lock and poetry.lock: `[[package]]` tables with name and version.
        if (!isObject(value) || !Array.isArray(value.package)) return;
        value.package.slice(0, MAX_ENTRIES).forEach((entry: unknown, i: number) => {
          if (!isObject(entry) || typeof entry.name !== "string" || typeof entry.version !== "string") return;
          const pkg = normalizePythonName(entry.name);
          if (ADVISORY_PACKAGES.pypi.includes(pkg)) onVersion("pypi", pkg, entry.version, joinPointer("", "package", i, "version"));
        });
        return;
      }
      case "requirements": {
        if (!Array.isArray(value)) return;
        value.forEach((line: unknown, i: number) => {
          if (typeof line === "string") onRequirement(line, joinPointer("", i), doc.nodeAt(joinPointer("", i)));
        });
        return;
      }
      case "pyproject": {
        if (!isObject(value)) return;
        const lists: Array<[string, unknown]> = [];
        if (isObject(value.project)) {
          lists.push(["/project/dependencies", value.project.dependencies]);
          const optional = value.project["optional-dependencies"];
          if (isObject(optional)) for (const g in optional) lists.push([joinPointer("/project/optional-dependencies", g), optional[g]]);
        }
        if (isObject(value["dependency-groups"])) {
          const groups = value["dependency-groups"];
          for (const g in groups) lists.push([joinPointer("/dependency-groups", g), groups[g]]);
        }
        for (const [base, list] of lists) {
          if (!Array.isArray(list)) continue;
          list.slice(0, MAX_ENTRIES).forEach((item: unknown, i: number) => {
            const pointer = joinPointer(base, i);
            if (typeof item === "string") onRequirement(item, pointer, doc.nodeAt(pointer));
          });
        }
        // Poetry: `[tool.poetry.dependencies]`, `[tool.poetry.dev-dependencies]`, `[tool.poetry.group.<g>.dependencies]`.
        const poetry = isObject(value.tool) && isObject(value.tool.poetry) ? value.tool.poetry : undefined;
        if (!poetry) return;
        const tables: Array<[string, unknown]> = [
          ["/tool/poetry/dependencies", poetry.dependencies],
          ["/tool/poetry/dev-dependencies", poetry["dev-dependencies"]],
        ];
        if (isObject(poetry.group)) for (const g in poetry.group) tables.push([joinPointer("/tool/poetry/group", g, "dependencies"), (poetry.group[g] as Record<string, unknown> | undefined)?.dependencies]);
        for (const [base, table] of tables) {
          if (!isObject(table)) continue;
          for (const name in table) {
            const pkg = normalizePythonName(name);
            if (!ADVISORY_PACKAGES.pypi.includes(pkg)) continue;
            const spec = table[name];
            const pointer = isObject(spec) ? joinPointer(base, name, "version") : joinPointer(base, name);
            const text = isObject(spec) ? spec.version : spec;
            if (typeof text === "string") onRange("pypi", pkg, text, parsePoetry(text), { pointer, part: "value" });
          }
        }
        return;
      }
    }
  },
});
