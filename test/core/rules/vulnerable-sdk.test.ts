import { describe, expect, it } from "vitest";
import { lintConfigText } from "../../../packages/core/src/index.js";
import { parseNpmRange, parsePep440, parsePoetry, advisoriesForRange, advisoriesForVersion, SDK_ADVISORIES, ADVISORIES_CHECKED } from "../../../packages/core/src/security/sdk-advisories.js";
import { lintRule, positions, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("vulnerable-sdk", file, text);
const ids = (found: { ghsa: string }[]) => found.map((a) => a.ghsa);
const npmIds = (spec: string) => ids(advisoriesForRange("npm", "@modelcontextprotocol/sdk", parseNpmRange(spec)));
const pyIds = (spec: string) => ids(advisoriesForRange("pypi", "mcp", parsePep440(spec)));

const DNS_TS = "GHSA-w48q-cv73-mx4w";
const REDOS_TS = "GHSA-8r9q-7v3j-jr4g";
const LEAK_TS = "GHSA-345p-7cg4-v4c7";
const DOS_PY = "GHSA-j975-95f5-7wqh";
const VALIDATION_PY = "GHSA-3qhf-m339-9g5v";
const DNS_PY = "GHSA-9h52-p55h-vw2f";

describe("vulnerable-sdk: the advisory list", () => {
  it("is dated and every entry is complete", () => {
    expect(ADVISORIES_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const a of SDK_ADVISORIES) {
      expect(a.ghsa).toMatch(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
      expect(a.cve).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(a.url).toBe(`https://github.com/advisories/${a.ghsa}`);
      expect(a.summary.length).toBeGreaterThan(20);
    }
  });

  it("matches exact versions at the advisories' bounds", () => {
    const ts = (v: string) => ids(advisoriesForVersion("npm", "@modelcontextprotocol/sdk", v));
    expect(ts("1.9.0")).toEqual([DNS_TS, REDOS_TS]);
    expect(ts("1.10.0")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(ts("1.23.9")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(ts("1.24.0")).toEqual([REDOS_TS, LEAK_TS]);
    expect(ts("1.25.1")).toEqual([REDOS_TS, LEAK_TS]);
    expect(ts("1.25.2")).toEqual([LEAK_TS]);
    expect(ts("1.25.3")).toEqual([LEAK_TS]);
    expect(ts("1.26.0")).toEqual([]);
    expect(ts("2.0.0")).toEqual([]);
    expect(ts("1.25.0-beta.1")).toEqual([]); // prereleases are not compared
    const py = (v: string) => ids(advisoriesForVersion("pypi", "mcp", v));
    expect(py("1.9.3")).toEqual([VALIDATION_PY, DOS_PY, DNS_PY]);
    expect(py("1.9.4")).toEqual([DOS_PY, DNS_PY]);
    expect(py("1.10.0")).toEqual([DNS_PY]);
    expect(py("1.23.0")).toEqual([]);
  });
});

describe("vulnerable-sdk: range semantics (no lockfile)", () => {
  it("npm: reports only ranges whose every version is affected", () => {
    expect(npmIds("1.20.1")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(npmIds("=1.20.1")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(npmIds("~1.20.0")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(npmIds("1.25.x")).toEqual([LEAK_TS]);
    expect(npmIds("1.25.0 - 1.25.1")).toEqual([REDOS_TS, LEAK_TS]);
    expect(npmIds(">=1.10.0 <1.24.0")).toEqual([DNS_TS, REDOS_TS, LEAK_TS]);
    expect(npmIds("<1.24.0")).toEqual([DNS_TS, REDOS_TS]); // 1.0 is not in the leak's range
    expect(npmIds("<=1.24.0")).toEqual([REDOS_TS]); // 1.24.0 is fixed for DNS rebinding, and 1.0 predates the leak
    expect(npmIds("<=1.25.2")).toEqual([]); // 1.25.2 has the ReDoS fix
    expect(npmIds("^1.20.0")).toEqual([]); // may resolve to 1.26
    expect(npmIds("~1.26.0")).toEqual([]);
    expect(npmIds(">=1.20.0")).toEqual([]);
    expect(npmIds("*")).toEqual([]);
    expect(npmIds("latest")).toEqual([]);
    expect(npmIds("1.20.1 || 1.26.0")).toEqual([]);
    expect(npmIds("github:modelcontextprotocol/typescript-sdk")).toEqual([]);
    expect(npmIds("^0.6.0")).toEqual([DNS_TS, REDOS_TS]);
  });

  it("PEP 440: ==, <=, <, ~=, >=, wildcards", () => {
    expect(pyIds("==1.9.0")).toEqual([VALIDATION_PY, DOS_PY, DNS_PY]);
    expect(pyIds("==1.22.*")).toEqual([DNS_PY]);
    expect(pyIds("<=1.22.0")).toEqual([DNS_PY]);
    expect(pyIds("<1.23")).toEqual([DNS_PY]);
    expect(pyIds("<=1.23.0")).toEqual([]);
    expect(pyIds("~=1.22.0")).toEqual([DNS_PY]);
    expect(pyIds("~=1.22")).toEqual([]); // allows 1.23 and later 1.x
    expect(pyIds(">=1.0,<1.10")).toEqual([DOS_PY, DNS_PY]);
    expect(pyIds(">=1.0,<1.9.4")).toEqual([VALIDATION_PY, DOS_PY, DNS_PY]);
    expect(pyIds(">=1.9")).toEqual([]);
    expect(pyIds("")).toEqual([]);
    expect(pyIds(">=1.0,!=1.5.0,<1.10")).toEqual([DOS_PY, DNS_PY]);
  });

  it("Poetry constraints", () => {
    const poetry = (spec: string) => ids(advisoriesForRange("pypi", "mcp", parsePoetry(spec)));
    expect(poetry("^1.2")).toEqual([]);
    expect(poetry("~1.9")).toEqual([DOS_PY, DNS_PY]);
    expect(poetry("1.9.0")).toEqual([VALIDATION_PY, DOS_PY, DNS_PY]);
    expect(poetry("1.22.0")).toEqual([DNS_PY]);
    expect(poetry(">=1.0,<1.23")).toEqual([DNS_PY]);
  });
});

describe("vulnerable-sdk: located findings per file format", () => {
  it("package.json: at the dependency value, pinned only", () => {
    const text = `{\n  "dependencies": {\n    "@modelcontextprotocol/sdk": "1.20.1"\n  },\n  "devDependencies": { "@modelcontextprotocol/sdk": "^1.20.0" },\n  "peerDependencies": { "@modelcontextprotocol/sdk": "1.0.0" }\n}\n`;
    const findings = lint("pkg/package.json", text);
    expect(positions(findings)).toEqual([[3, 34, 3, 42]]);
    expect(slice(text, findings[0]!)).toBe('"1.20.1"');
    expect(findings[0]!.severity).toBe("warning");
    expect(findings[0]!.message).toContain(DNS_TS);
    expect(findings[0]!.message).toContain("CVE-2026-25536");
    expect(findings[0]!.message).toContain("1.26.0 or later");
  });

  it("package-lock.json v3 (hoisted and nested copies) and v1", () => {
    const v3 = `{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "dependencies": { "@modelcontextprotocol/sdk": "^1.0.0" } },\n    "node_modules/@modelcontextprotocol/sdk": { "version": "1.24.1" },\n    "node_modules/x/node_modules/@modelcontextprotocol/sdk": { "version": "1.26.0" },\n    "node_modules/y/node_modules/@modelcontextprotocol/sdk": { "version": "1.5.0" }\n  }\n}\n`;
    const f = lint("package-lock.json", v3);
    expect(f.map((x) => slice(v3, x))).toEqual(['"1.24.1"', '"1.5.0"']);
    expect(positions(f)[0]).toEqual([5, 60, 5, 68]);
    expect(f[0]!.message).toMatch(/^This lockfile resolves @modelcontextprotocol\/sdk 1\.24\.1, affected by GHSA-8r9q-7v3j-jr4g \(CVE-2026-0621\), GHSA-345p-7cg4-v4c7 \(CVE-2026-25536\): .*Upgrade @modelcontextprotocol\/sdk to 1\.26\.0 or later\.$/);
    expect(f[1]!.message).toContain(DNS_TS);
    expect(f[1]!.message).not.toContain(LEAK_TS);
    const v1 = `{"lockfileVersion":1,"dependencies":{"@modelcontextprotocol/sdk":{"version":"1.11.0"}}}`;
    expect(lint("npm-shrinkwrap.json", v1).map((x) => slice(v1, x))).toEqual(['"1.11.0"']);
    expect(lint("package-lock.json", v3.replace(/1\.24\.1|1\.5\.0/g, "1.26.1"))).toEqual([]);
  });

  it("requirements.txt: at the specifier, extras and markers aside; directives in # comments", () => {
    const text = "requests==2.31.0\nmcp[cli]==1.9.0 ; python_version >= '3.10'  # old\nmcp>=1.2\n  MCP<=1.22.0\nmcp-server-git==0.1.0\n-r other.txt\nfastmcp==0.1\n";
    const f = lint("requirements-dev.txt", text);
    expect(positions(f)).toEqual([
      [2, 9, 2, 16],
      [4, 6, 4, 14],
    ]);
    expect(f.map((x) => slice(text, x))).toEqual(["==1.9.0", "<=1.22.0"]);
    const disabled = text.replace("# old", "# mcp-lint-disable-line vulnerable-sdk");
    expect(positions(lint("requirements.txt", disabled))).toEqual([[4, 6, 4, 14]]);
  });

  it("pyproject.toml: PEP 621, optional dependencies, dependency groups and Poetry tables", () => {
    const text = [
      "[project]",
      'name = "x"',
      'dependencies = ["httpx", "mcp==1.22.0"]',
      "[project.optional-dependencies]",
      'server = ["mcp[cli]>=1.0,<1.10"]',
      "[dependency-groups]",
      'dev = ["mcp>=1.9"]',
      "[tool.poetry.dependencies]",
      'mcp = "~1.9"',
      "[tool.poetry.group.test.dependencies]",
      'mcp = { version = "1.20.0", extras = ["cli"] }',
      "",
    ].join("\n");
    const f = lint("pyproject.toml", text);
    expect(f.map((x) => [x.line, slice(text, x)])).toEqual([
      [3, "==1.22.0"],
      [5, ">=1.0,<1.10"],
      [9, '"~1.9"'],
      [11, '"1.20.0"'],
    ]);
  });

  it("uv.lock and poetry.lock: at the resolved version", () => {
    const text = 'version = 1\n\n[[package]]\nname = "anyio"\nversion = "4.0.0"\n\n[[package]]\nname = "mcp"\nversion = "1.12.0"\nsource = { registry = "https://pypi.org/simple" }\n';
    for (const file of ["uv.lock", "poetry.lock"]) {
      const f = lint(file, text);
      expect(positions(f)).toEqual([[9, 11, 9, 19]]);
      expect(f[0]!.message).toContain(DNS_PY);
      expect(f[0]!.message).not.toContain(DOS_PY);
    }
    expect(lint("uv.lock", text.replace("1.12.0", "1.23.1"))).toEqual([]);
  });

  it("skips manifests that name no MCP SDK quietly, and never runs config rules on manifests", () => {
    const r = lintConfigText("package.json", '{"name":"a","dependencies":{"left-pad":"1.0.0"}}');
    expect(r.skipped).toBe("not-mcp");
    const withMcp = lintConfigText("package.json", '{"name":"a","mcpServers":{"x":{}},"dependencies":{"@modelcontextprotocol/sdk":"1.26.0"}}');
    expect(withMcp.dialect).toBe("manifest");
    expect(withMcp.findings).toEqual([]);
  });

  it("hostile input: a malformed or huge lockfile gives one located info, never a crash", () => {
    const broken = '{"packages": {"node_modules/@modelcontextprotocol/sdk": {"version": "1.0.0"';
    const f = lint("package-lock.json", broken);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("info");
    expect(f[0]!.line).toBe(1);
    expect(f[0]!.message).toContain("does not parse");
    const huge = `{"lockfileVersion":3,"packages":{${Array.from({ length: 50_000 }, (_, i) => `"node_modules/p${i}":{"version":"1.0.0"}`).join(",")},"node_modules/@modelcontextprotocol/sdk":{"version":"1.0.0"}}}`;
    expect(lint("package-lock.json", huge).map((x) => x.ruleId)).toEqual(["vulnerable-sdk"]);
    expect(lint("requirements.txt", "mcp==\nmcp==1.2.3.4.5\nmcp @ https://x/y.whl\nmcp===1.9.0abc\n" + "\\\n".repeat(1000))).toEqual([]);
  });
});
