import { describe, expect, it } from "vitest";
import { lintConfigText } from "../../../packages/core/src/index.js";
import { parseNpmRange, parsePep440, parsePoetry, advisoriesForRange, advisoriesForVersion, ADVISORY_PACKAGES, SDK_ADVISORIES, ADVISORIES_CHECKED } from "../../../packages/core/src/security/sdk-advisories.js";
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
    // The Python manifests' prefilter looks for the word `mcp` (document/manifest.ts): another PyPI package needs it extended.
    expect(ADVISORY_PACKAGES.pypi).toEqual(["mcp"]);
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

describe("vulnerable-sdk: pnpm-lock.yaml, yarn.lock and bun.lock", () => {
  const at = (file: string, text: string) => lint(file, text).map((f) => [f.line, slice(text, f)]);

  it("pnpm-lock.yaml v9: the `packages:` keys, once per resolved version (not `snapshots:`, not `importers:`, not peer suffixes)", () => {
    const text = [
      "lockfileVersion: '9.0'",
      "",
      "importers:",
      "  .:",
      "    dependencies:",
      "      '@modelcontextprotocol/sdk':",
      "        specifier: ^1.20.0",
      "        version: 1.20.1(zod@3.25.76)",
      "      agents:",
      "        version: 0.1.0(@modelcontextprotocol/sdk@1.5.0(zod@3.25.76))",
      "",
      "packages:",
      "",
      "  '@modelcontextprotocol/sdk@1.20.1':",
      "    resolution: {integrity: sha512-x}",
      "",
      '  "@modelcontextprotocol/sdk@1.26.0":',
      "    resolution: {integrity: sha512-y}",
      "",
      "  agents@0.1.0(@modelcontextprotocol/sdk@1.5.0(zod@3.25.76)):",
      "    resolution: {integrity: sha512-z}",
      "",
      "snapshots:",
      "",
      "  '@modelcontextprotocol/sdk@1.20.1(zod@3.25.76)':",
      "    dependencies: {}",
      "",
    ].join("\n");
    const f = lint("pnpm-lock.yaml", text);
    expect(positions(f)).toEqual([[14, 30, 14, 36]]);
    expect(slice(text, f[0]!)).toBe("1.20.1");
    expect(f[0]!.message).toMatch(/^This lockfile resolves @modelcontextprotocol\/sdk 1\.20\.1, affected by GHSA-w48q-cv73-mx4w/);
    expect(f[0]!.message).toContain(LEAK_TS);
    // Fixed: nothing.
    expect(lint("pnpm-lock.yaml", text.replace(/1\.20\.1/g, "1.26.1"))).toEqual([]);
  });

  it("pnpm-lock.yaml v6 (`/name@version(peers)`) and v5 (`/name/version_peers`), CRLF line ends", () => {
    const v6 = "lockfileVersion: '6.0'\n\npackages:\n\n  /@modelcontextprotocol/sdk@1.0.4:\n    resolution: {integrity: sha512-x}\n\n  /@modelcontextprotocol/sdk@1.12.0(zod@3.23.8):\n    resolution: {integrity: sha512-y}\n    dev: false\n";
    expect(at("pnpm-lock.yaml", v6)).toEqual([
      [5, "1.0.4"],
      [8, "1.12.0"],
    ]);
    const v5 = "lockfileVersion: 5.4\n\npackages:\n\n  /@modelcontextprotocol/sdk/1.11.0_zod@3.23.8:\n    resolution: {integrity: sha512-x}\n";
    expect(at("pnpm-lock.yaml", v5)).toEqual([[5, "1.11.0"]]);
    expect(at("pnpm-lock.yaml", v6.replace(/\n/g, "\r\n"))).toEqual([
      [5, "1.0.4"],
      [8, "1.12.0"],
    ]);
  });

  it("yarn.lock v1: every header naming the SDK, at its version line", () => {
    const text = [
      "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.",
      "# yarn lockfile v1",
      "",
      "",
      '"@modelcontextprotocol/sdk@^1.0.4", "@modelcontextprotocol/sdk@^1.0.0":',
      '  version "1.0.4"',
      '  resolved "https://registry.yarnpkg.com/@modelcontextprotocol/sdk/-/sdk-1.0.4.tgz#abc"',
      "  dependencies:",
      '    content-type "^1.0.5"',
      "",
      "left-pad@^1.0.0:",
      '  version "1.0.0"',
      "",
      '"@modelcontextprotocol/sdk@^1.26.0":',
      '  version "1.26.0"',
      "",
      "some-dep@1.0.0:",
      '  version "1.0.0"',
      "  dependencies:",
      '    "@modelcontextprotocol/sdk" "1.0.0"',
      "",
    ].join("\n");
    const f = lint("yarn.lock", text);
    expect(positions(f)).toEqual([[6, 11, 6, 18]]);
    expect(slice(text, f[0]!)).toBe('"1.0.4"');
    expect(f[0]!.message).toContain("resolves @modelcontextprotocol/sdk 1.0.4");
  });

  it("yarn.lock berry: `@npm:` descriptors and `version:` lines; workspace and patch entries are not registry versions", () => {
    const text = [
      "# This file is generated by running \"yarn install\" inside your project.",
      "",
      "__metadata:",
      "  version: 8",
      "  cacheKey: 10",
      "",
      '"@modelcontextprotocol/sdk@npm:^1.11.4, @modelcontextprotocol/sdk@npm:^1.11.0":',
      "  version: 1.11.4",
      '  resolution: "@modelcontextprotocol/sdk@npm:1.11.4"',
      "  dependencies:",
      '    ajv: "npm:^8.17.1"',
      "  checksum: 10/abc",
      "  languageName: node",
      "  linkType: hard",
      "",
      '"@modelcontextprotocol/sdk@patch:@modelcontextprotocol/sdk@npm%3A1.11.4#~/.yarn/patches/sdk.patch":',
      "  version: 1.11.4",
      "",
      '"@modelcontextprotocol/sdk@workspace:packages/sdk":',
      "  version: 0.0.0-use.local",
      "",
      '"@modelcontextprotocol/sdk@https://github.com/someone/typescript-sdk.git#commit=abc":',
      "  version: 1.11.4",
      "",
    ].join("\n");
    expect(at("yarn.lock", text)).toEqual([[8, "1.11.4"]]);
    // Classic: a git or tarball source says the version of its own package.json (maybe a patched fork): not read.
    const v1 = '"@modelcontextprotocol/sdk@github:someone/typescript-sdk#fix":\n  version "1.0.0"\n\n"@modelcontextprotocol/sdk@git+https://example.com/sdk.git":\n  version "1.0.0"\n\n"@modelcontextprotocol/sdk@1.0.0":\n  version "1.0.0"\n';
    expect(at("yarn.lock", v1)).toEqual([[8, '"1.0.0"']]);
  });

  it("bun.lock: every installed copy (hoisted and nested), at the version inside its `name@version` string", () => {
    const text = [
      "{",
      '  "lockfileVersion": 1,',
      '  "workspaces": {',
      '    "": { "dependencies": { "@modelcontextprotocol/sdk": "^1.8.0", }, },',
      "  },",
      '  "packages": {',
      '    "@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.8.0", "", { "dependencies": { "zod": "^3.23.8" } }, "sha512-x"],',
      '    "@modelcontextprotocol/sdk/express": ["express@5.0.1", "", {}, "sha512-y"],',
      '    "other/@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.26.0", "", {}, "sha512-z"],',
      '    "third/@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.24.0", "", {}, "sha512-w"],',
      '    "local": ["@modelcontextprotocol/sdk@workspace:packages/sdk"],',
      "  },",
      "}",
      "",
    ].join("\n");
    const f = lint("bun.lock", text);
    expect(f.map((x) => [x.line, slice(text, x)])).toEqual([
      [7, "1.8.0"],
      [10, "1.24.0"],
    ]);
    expect(positions(f)[0]).toEqual([7, 62, 7, 67]);
    expect(f[1]!.message).toContain(LEAK_TS);
    expect(f[1]!.message).not.toContain(DNS_TS);
  });

  it("lockfiles that do not name the SDK are dropped before parsing; a suppression comment works in yarn.lock", () => {
    for (const file of ["pnpm-lock.yaml", "yarn.lock", "bun.lock"]) {
      expect(lintConfigText(file, "lockfileVersion: '9.0'\npackages:\n  left-pad@1.0.0:\n    resolution: {}\n").skipped).toBe("not-mcp");
    }
    const text = '# mcp-lint-disable vulnerable-sdk\n"@modelcontextprotocol/sdk@^1.0.0":\n  version "1.0.0"\n';
    expect(lint("yarn.lock", text)).toEqual([]);
    expect(lint("yarn.lock", text.replace("# mcp-lint-disable vulnerable-sdk", "# a comment"))).toHaveLength(1);
    const pnpm = "# mcp-lint-disable vulnerable-sdk\nlockfileVersion: '9.0'\npackages:\n  '@modelcontextprotocol/sdk@1.8.0':\n    resolution: {}\n";
    expect(lint("pnpm-lock.yaml", pnpm)).toEqual([]);
    const bun = '{\n  // mcp-lint-disable vulnerable-sdk\n  "packages": { "@modelcontextprotocol/sdk": ["@modelcontextprotocol/sdk@1.8.0", "", {}, "x"], },\n}\n';
    expect(lint("bun.lock", bun)).toEqual([]);
    expect(lint("bun.lock", bun.replace("// mcp-lint-disable vulnerable-sdk", "// a comment"))).toHaveLength(1);
  });

  it("hostile input: broken, binary, huge and deeply nested lockfiles give no crash and no invented finding", () => {
    // Truncated mid-entry, a header without a version line, keys without a version, stray indentation.
    expect(lint("yarn.lock", '"@modelcontextprotocol/sdk@^1.0.0":\n  resolved "x"\n\n"@modelcontextprotocol/sdk@^1.1.0":\n    version "1.1.0"\n  version')).toEqual([]);
    expect(lint("pnpm-lock.yaml", "packages:\n  '@modelcontextprotocol/sdk@':\n  '@modelcontextprotocol/sdk@latest':\n  '@modelcontextprotocol/sdk@1.0.0\n   '@modelcontextprotocol/sdk@1.0.0':\n")).toEqual([]);
    // Binary garbage around an SDK name.
    const binary = "\u0000\u0001\uFFFD@modelcontextprotocol/sdk@1.0.0\u0000\n".repeat(1000);
    for (const file of ["pnpm-lock.yaml", "yarn.lock"]) expect(lint(file, binary)).toEqual([]);
    const bun = lint("bun.lock", binary);
    expect(bun).toHaveLength(1);
    expect(bun[0]!.severity).toBe("info");
    expect(bun[0]!.message).toContain("does not parse");
    // Deep nesting in bun.lock: the JSON depth limit, located, not a stack overflow.
    const deep = `{"packages":{"@modelcontextprotocol/sdk":${"[".repeat(100_000)}`;
    const d = lint("bun.lock", deep);
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe("info");
    // A very long single line and many entries: linear, bounded.
    const long = `packages:\n  '@modelcontextprotocol/sdk@1.0.0${"(x@1.0.0)".repeat(200_000)}':\n`;
    expect(at("pnpm-lock.yaml", long)).toHaveLength(1);
    const many = "packages:\n" + Array.from({ length: 30_000 }, (_, i) => `  '@modelcontextprotocol/sdk@1.0.${i}':\n    resolution: {}\n`).join("");
    expect(lint("pnpm-lock.yaml", many)).toHaveLength(10_000);
  });
});
