import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAction, tempDir, write } from "./helpers.js";

// Issue 13 through the real Action bundle (dist/index.js). Credentials are assembled at run time.
const PASS = ["Xk9mP2", "qR7vT4", "wZ8aB3nL"].join("");
const DOLLAR = "$" + ["Yh3kP9", "sW2xQ7", "mN4bV6"].join("");
const URLPASS = ["Gh7Kd2", "Lp9Qs4", "Vm"].join("");

describe("the Action on a hostile pull request (issue 13)", () => {
  it("prints no secret in its log, annotations, job summary or SARIF, whatever rule quotes it", () => {
    const workspace = tempDir();
    write(
      workspace,
      ".mcp.json",
      JSON.stringify(
        {
          mcpServers: {
            db: { command: `mysql-mcp --password ${PASS}` },
            dollar: { command: "npx", args: ["-y", "db-mcp@1.0.0"], env: { DB_PASSWORD: DOLLAR } },
            git: { command: "npx", args: ["-y", `git+https://user:${URLPASS}@example.com/org/repo.git`] },
          },
        },
        null,
        2,
      ),
    );
    write(workspace, "mcp-lint.config.json", '{ "preset": "all" }\n');
    for (const format of ["stylish", "github", "markdown", "json", "sarif"]) {
      const run = runAction(workspace, { inputs: { format, "sarif-file": "out.sarif" } });
      expect(run.commands.some((c) => c.command === "error" && c.properties.title === "no-hardcoded-secrets")).toBe(true);
      const sarif = readFileSync(join(workspace, "out.sarif"), "utf8");
      for (const secret of [PASS, DOLLAR.slice(1), URLPASS]) {
        for (const [what, text] of [["log", run.stdout + run.stderr], ["summary", run.summary], ["sarif", sarif]] as const) {
          expect(text, `${format} ${what}`).not.toContain(secret);
        }
      }
    }
  });

  it("a file name cannot forge a workflow command, and Markdown in keys stays text in the summary", () => {
    const workspace = tempDir();
    write(workspace, join("x\n::error title=forged::pwned\n", ".mcp.json"), JSON.stringify({ mcpServers: { a: { command: "node", "[click](https://evil.example/x)": 1 } } }));
    const run = runAction(workspace, { inputs: { format: "stylish" } });
    expect(run.commands.filter((c) => c.properties.title === "forged" || c.message === "pwned")).toEqual([]);
    expect(run.summary).toContain("evil.example");
    expect(run.summary).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
  });
});
