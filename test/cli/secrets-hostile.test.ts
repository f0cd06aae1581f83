import { describe, expect, it } from "vitest";
import { read, runCli, tempDir, write } from "./helpers.js";

// Issue 13, item 1: secrets that reached the output through other rules' messages. Built at run time so that
// no credential-shaped string is committed.
const PASS = ["Xk9mP2", "qR7vT4", "wZ8aB3nL"].join("");
const DOLLAR = "$" + ["Yh3kP9", "sW2xQ7", "mN4bV6"].join("");
const MID = "abc$" + ["Zk9Lq2", "Wx8Rt5", "Pm3Nv7"].join("");
const URLPASS = ["Gh7Kd2", "Lp9Qs4", "Vm"].join("");
const KEYTOKEN = ["ghp", "_", "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0UvWxYz"].join("");

function hostileProject(): string {
  const dir = tempDir();
  write(
    dir,
    ".mcp.json",
    JSON.stringify(
      {
        mcpServers: {
          db: { command: `mysql-mcp --password ${PASS}` },
          dbeq: { command: `mysql-mcp --token=${PASS}x` },
          dbargs: { command: "mysql-mcp", args: ["--api-key", `${PASS}y`] },
          dollar: { command: "npx", args: ["-y", "db-mcp@1.0.0"], env: { DB_PASSWORD: DOLLAR, OTHER_SECRET: MID } },
          git: { command: "npx", args: ["-y", `git+https://user:${URLPASS}@example.com/org/repo.git`] },
          keyed: { command: "npx", args: ["-y", "x-mcp@1.0.0"], env: { [KEYTOKEN]: "1" } },
          [KEYTOKEN]: { args: ["x"] },
        },
      },
      null,
      2,
    ),
  );
  write(dir, "mcp-lint.config.json", '{ "preset": "all" }\n');
  return dir;
}

const SECRETS = [PASS, DOLLAR.slice(1), MID.slice(4), URLPASS, KEYTOKEN];

describe("secrets quoted by other rules never reach the output (issue 13)", () => {
  it.each(["stylish", "json", "sarif", "github", "markdown"])("format %s, with and without --fix", (format) => {
    for (const extra of [[], ["--fix"]]) {
      const dir = hostileProject();
      const r = runCli(["-f", format, ...extra, "."], { cwd: dir });
      expect(r.status, r.stderr).toBe(1);
      for (const secret of SECRETS) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
  });

  it("a command-line secret is flagged by no-hardcoded-secrets; $-values are secrets, not placeholders, and --fix keeps them", () => {
    const dir = hostileProject();
    const r = runCli(["-f", "json", "--rule", "variable-syntax:warn", "."], { cwd: dir });
    const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; message: string }> }>;
    const messages = results.flatMap((x) => x.messages);
    const secrets = messages.filter((m) => m.ruleId === "no-hardcoded-secrets");
    const text = read(dir, ".mcp.json");
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
    const flagged = new Set(secrets.map((m) => m.line));
    for (const needle of [`--password ${PASS}`, `--token=${PASS}x`, `${PASS}y`, DOLLAR, MID]) expect(flagged, needle).toContain(lineOf(needle));
    expect(messages.filter((m) => m.ruleId === "variable-syntax")).toEqual([]);
    runCli(["--fix", "."], { cwd: dir });
    const after = read(dir, ".mcp.json");
    expect(after).toContain(JSON.stringify(DOLLAR));
    expect(after).toContain(JSON.stringify(MID));
  });

  it("--suppress-all writes no secret (nor secret-looking key) into the baseline, and the baseline still applies", () => {
    const dir = hostileProject();
    const first = runCli(["--suppress-all", "-f", "json", "."], { cwd: dir });
    expect(first.status, first.stderr).toBe(0);
    const baseline = read(dir, "mcp-lint-suppressions.json");
    expect(Object.keys(JSON.parse(baseline) as object).length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(baseline).not.toContain(secret);
    const again = runCli(["."], { cwd: dir });
    expect(again.status, again.stdout).toBe(0);
  });

  it("--print-config does not print a secret from the config's pointer overrides or options", () => {
    const dir = tempDir();
    write(dir, ".mcp.json", '{ "mcpServers": {} }\n');
    write(
      dir,
      "mcp-lint.config.json",
      JSON.stringify({ overrides: [{ files: [`.mcp.json#/mcpServers/${KEYTOKEN}`], rules: { "npx-yes": "off" } }] }),
    );
    const r = runCli(["--print-config", ".mcp.json"], { cwd: dir });
    for (const secret of SECRETS) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
