import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatResults, formatterNames, printConfigFor, runLint } from "../../packages/core/src/index.js";

/**
 * Issue 13: for any generated config (several dialects) that carries a generated secret anywhere (values,
 * keys, command lines, URLs, $-prefixed values), no output of any format, --fix, --print-config or the
 * suppressions baseline contains it. The core API (runLint, formatResults, printConfigFor: what the CLI and
 * the Action call) for the bulk, the real CLI for a sample.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "packages/cli/bin/mcp-lint.js");

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A credential under a credential-like name: distinct characters (high entropy), lower, upper and digits. */
const secretArb = fc
  .shuffledSubarray([...ALPHABET.replace(/[aZ9]/g, "")], { minLength: 17, maxLength: 29 })
  .map((chars) => `aZ9${chars.join("")}`);
/** A token with a known shape (GitHub), for places where only the shape can tell (a key, a server name). */
const tokenArb = fc.array(fc.constantFrom(...ALPHABET), { minLength: 36, maxLength: 36 }).map((c) => ["ghp", "_", c.join("")].join(""));

type Placement =
  | "env"
  | "env-dollar"
  | "env-mid-dollar"
  | "command-space"
  | "command-equals"
  | "args-pair"
  | "args-equals"
  | "git-userinfo"
  | "url-userinfo"
  | "bearer-header"
  | "env-key"
  | "server-name";

const PLACEMENTS: Placement[] = [
  "env",
  "env-dollar",
  "env-mid-dollar",
  "command-space",
  "command-equals",
  "args-pair",
  "args-equals",
  "git-userinfo",
  "url-userinfo",
  "bearer-header",
  "env-key",
  "server-name",
];

const SECRET_NAMES = ["DB_PASSWORD", "API_KEY", "GITHUB_TOKEN", "CLIENT_SECRET", "AUTH_TOKEN"];

interface Entry {
  name: string;
  command?: string;
  args: string[];
  env: Record<string, string>;
  url?: string;
  headers: Record<string, string>;
}

/** One server carrying `secret` (or `token`, for keys) at `placement`. */
function entryWith(placement: Placement, secret: string, token: string, envName: string, index: number): Entry {
  const e: Entry = { name: `srv${index}`, command: "npx", args: ["-y", "some-mcp@1.2.3"], env: {}, headers: {} };
  switch (placement) {
    case "env":
      e.env[envName] = secret;
      break;
    case "env-dollar":
      e.env[envName] = `$${secret}`;
      break;
    case "env-mid-dollar":
      e.env[envName] = `abc$${secret}`;
      break;
    case "command-space":
      e.command = `mysql-mcp --password ${secret}`;
      e.args = [];
      break;
    case "command-equals":
      e.command = `mysql-mcp --verbose --token=${secret}`;
      e.args = [];
      break;
    case "args-pair":
      e.args = ["-y", "some-mcp@1.2.3", "--api-key", secret];
      break;
    case "args-equals":
      e.args = ["-y", "some-mcp@1.2.3", `--client-secret=${secret}`];
      break;
    case "git-userinfo":
      e.args = ["-y", `git+https://deploy:${secret}@example.com/org/repo.git`];
      break;
    case "url-userinfo":
      delete e.command;
      e.args = [];
      e.url = `https://admin:${secret}@mcp.example.com/mcp`;
      break;
    case "bearer-header":
      delete e.command;
      e.args = [];
      e.url = "https://mcp.example.com/mcp";
      e.headers.Authorization = `Bearer ${secret}`;
      break;
    case "env-key":
      e.env[token] = "1";
      break;
    case "server-name":
      e.name = token;
      break;
  }
  return e;
}

interface Dialect {
  file: string;
  render(entries: Entry[]): string;
  headers: boolean;
}

const jsonDialect = (file: string, root: string, withType: boolean, headers = true): Dialect => ({
  file,
  headers,
  render: (entries) =>
    JSON.stringify(
      {
        [root]: Object.fromEntries(
          entries.map((e) => [
            e.name,
            {
              ...(withType ? { type: e.url ? "http" : "stdio" } : {}),
              ...(e.command !== undefined ? { command: e.command } : {}),
              ...(e.args.length ? { args: e.args } : {}),
              ...(Object.keys(e.env).length ? { env: e.env } : {}),
              ...(e.url ? { url: e.url } : {}),
              ...(Object.keys(e.headers).length ? { headers: e.headers } : {}),
            },
          ]),
        ),
      },
      null,
      2,
    ),
});

const tomlString = (s: string) => JSON.stringify(s);
const DIALECTS: Dialect[] = [
  jsonDialect(".mcp.json", "mcpServers", false),
  jsonDialect(".cursor/mcp.json", "mcpServers", false),
  jsonDialect(".vscode/mcp.json", "servers", true),
  jsonDialect("claude_desktop_config.json", "mcpServers", false, false),
  jsonDialect(".gemini/settings.json", "mcpServers", false),
  {
    file: ".codex/config.toml",
    headers: false,
    render: (entries) =>
      entries
        .map((e) =>
          [
            `[mcp_servers.${tomlString(e.name)}]`,
            ...(e.command !== undefined ? [`command = ${tomlString(e.command)}`] : []),
            ...(e.args.length ? [`args = [${e.args.map(tomlString).join(", ")}]`] : []),
            ...(e.url ? [`url = ${tomlString(e.url)}`] : []),
            ...(Object.keys(e.env).length ? [`env = { ${Object.entries(e.env).map(([k, v]) => `${tomlString(k)} = ${tomlString(v)}`).join(", ")} }`] : []),
          ].join("\n"),
        )
        .join("\n\n") + "\n",
  },
  {
    file: ".continue/mcpServers/servers.yaml",
    headers: false,
    render: (entries) =>
      "name: servers\nversion: 0.0.1\nschema: v1\nmcpServers:\n" +
      entries
        .map((e) =>
          [
            `  - name: ${JSON.stringify(e.name)}`,
            ...(e.url ? [`    type: streamable-http`, `    url: ${JSON.stringify(e.url)}`] : []),
            ...(e.command !== undefined ? [`    command: ${JSON.stringify(e.command)}`] : []),
            ...(e.args.length ? [`    args: [${e.args.map((a) => JSON.stringify(a)).join(", ")}]`] : []),
            ...(Object.keys(e.env).length ? [`    env:`, ...Object.entries(e.env).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`)] : []),
          ].join("\n"),
        )
        .join("\n") +
      "\n",
  },
];

interface Case {
  /** A file name of DIALECTS (a string, so that a counterexample reads well). */
  file: string;
  placements: Array<{ placement: Placement; secret: string; token: string; envName: string }>;
}

const dialectOf = (c: Case): Dialect => DIALECTS.find((d) => d.file === c.file)!;

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    file: fc.constantFrom(...DIALECTS.map((d) => d.file)),
    placements: fc.array(
      fc.record({ placement: fc.constantFrom(...PLACEMENTS), secret: secretArb, token: tokenArb, envName: fc.constantFrom(...SECRET_NAMES) }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  // Headers only where the dialect has them.
  .map((c) => ({ ...c, placements: c.placements.filter((p) => dialectOf(c).headers || p.placement !== "bearer-header") }))
  .filter((c) => c.placements.length > 0);

/** The strings that must appear nowhere: each secret, and the part after "$" of a $-prefixed one. */
function secretsOf(c: Case): string[] {
  return c.placements.flatMap((p) => (p.placement === "env-key" || p.placement === "server-name" ? [p.token] : [p.secret]));
}

/** Writes the case into a fresh folder: the config, and an mcp-lint config whose pointer override names the keys. */
function materialise(c: Case): string {
  const dialect = dialectOf(c);
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-secrets-"));
  temps.push(dir);
  const entries = c.placements.map((p, i) => entryWith(p.placement, p.secret, p.token, p.envName, i));
  const path = join(dir, dialect.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, dialect.render(entries));
  const overrides = dialect.file.endsWith(".json")
    ? entries.filter((e) => e.name.startsWith("ghp")).map((e) => ({ files: [`${dialect.file}#/mcpServers/${e.name}`], rules: { "npx-yes": "off" } }))
    : [];
  writeFileSync(join(dir, "mcp-lint.config.json"), JSON.stringify({ preset: "all", ...(overrides.length ? { overrides } : {}) }, null, 2));
  return dir;
}

function expectClean(label: string, text: string, secrets: string[]): void {
  for (const s of secrets) if (text.includes(s)) expect.fail(`${label} contains the secret ${s.slice(0, 4)}…:\n${text.slice(0, 2000)}`);
}

describe("no output carries a secret (property, issue 13)", () => {
  it("core API: every format, --fix, --suppress-all's baseline and --print-config", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const dir = materialise(c);
        const secrets = secretsOf(c);
        const outcome = await runLint(["."], { cwd: dir });
        // A secret in a value is found by no-hardcoded-secrets (keys are not values it judges).
        const inValues = c.placements.filter((p) => p.placement !== "env-key" && p.placement !== "server-name").length;
        const flagged = outcome.results.flatMap((r) => r.findings).filter((f) => f.ruleId === "no-hardcoded-secrets").length;
        if (inValues > 0) expect(flagged, "no-hardcoded-secrets findings").toBeGreaterThan(0);
        for (const format of formatterNames) expectClean(format, formatResults(format, outcome.results, { cwd: dir, color: true }), secrets);
        const suppressed = await runLint(["."], { cwd: dir, suppressAll: true });
        expectClean("suppress-all report", formatResults("json", suppressed.results, { cwd: dir }), secrets);
        expectClean("baseline", readFileSync(join(dir, "mcp-lint-suppressions.json"), "utf8"), secrets);
        const fixed = await runLint(["."], { cwd: dir, fix: true });
        for (const format of formatterNames) expectClean(`--fix ${format}`, formatResults(format, fixed.results, { cwd: dir }), secrets);
        expectClean("print-config", JSON.stringify(printConfigFor(c.file, { cwd: dir })), secrets);
      }),
      { numRuns: 200 },
    );
  }, 600_000);

  it("the real CLI, on a sample", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const dir = materialise(c);
        const secrets = secretsOf(c);
        const run = (args: string[]) => {
          const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
          expect(r.status, r.stderr).not.toBe(null);
          expectClean(args.join(" "), r.stdout + r.stderr, secrets);
        };
        for (const format of formatterNames) run(["-f", format, "."]);
        run(["--print-config", c.file]);
        run(["--suppress-all", "."]);
        expectClean("baseline", readFileSync(join(dir, "mcp-lint-suppressions.json"), "utf8"), secrets);
        run(["--fix", "-f", "json", "."]);
      }),
      { numRuns: 2 },
    );
  }, 600_000);
});
