import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVERYTHING, fixture, freePort, NODE } from "../probe/helpers.js";
import { runAction, tempDir, verbatimBlock, write } from "./helpers.js";

const SECRET = "sk-live-51HqTestSecretValue0123456789";

/** The bundled action with `probe: true`: real servers, the real GITHUB_* files. */

function workspace(port: number): string {
  const dir = tempDir();
  write(
    dir,
    ".mcp.json",
    JSON.stringify(
      {
        mcpServers: {
          everything: { command: NODE, args: [EVERYTHING, "stdio"] },
          crashes: { command: NODE, args: [fixture("exit-at-once.mjs")], env: { FIXTURE_API_KEY: "${FIXTURE_API_KEY}" } },
          refused: { type: "http", url: `http://127.0.0.1:${port}/mcp` },
        },
      },
      null,
      2,
    ) + "\n",
  );
  return dir;
}

describe("probe: true", () => {
  it("adds a finding per failing server to the annotations, the summary and SARIF, and lists every server", async () => {
    const dir = workspace(await freePort());
    const run = runAction(dir, { inputs: { probe: "true", "sarif-file": "out.sarif" }, env: { FIXTURE_API_KEY: SECRET } });
    expect(run.status, run.stderr).toBe(1);
    const errors = run.commands.filter((c) => c.command === "error");
    expect(errors.map((c) => [c.properties.title, c.properties.file])).toEqual(
      expect.arrayContaining([
        [expect.stringContaining("probe-exited"), ".mcp.json"],
        [expect.stringContaining("probe-connection-refused"), ".mcp.json"],
      ]),
    );
    expect(run.summary).toContain("### Servers probed");
    expect(run.summary).toMatch(/\| `everything` \| `\.mcp\.json` \| stdio \| ✅ ok \|/);
    expect(run.summary).toMatch(/\| `crashes` \| `\.mcp\.json:\d+` \| stdio \| ❌ failed \|/);
    expect(run.outputs["servers-failed"]).toBe("2");
    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string } }> } } }>;
    };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(["probe-exited", "probe-connection-refused"]));
    // Described and documented like the static rules.
    const exited = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === "probe-exited");
    expect(exited).toMatchObject({ helpUri: expect.stringMatching(/docs\/probe\.md#findings$/), shortDescription: { text: expect.stringContaining("exited") } });
    expect(verbatimBlock(run.stdout)).toContain("probe-connection-refused");
    expect(run.stdout).toMatch(/^\s*everything\s.*\bok\b/m);
    // The secret the crashing server echoes on stderr is in no output.
    for (const text of [run.stdout, run.stderr, run.summary]) expect(text).not.toContain(SECRET);
  }, 90_000);

  it("is off by default: no server is started and servers-failed is empty", async () => {
    const dir = workspace(await freePort());
    const run = runAction(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.summary).not.toContain("Servers probed");
    expect(run.outputs["servers-failed"]).toBe("");
    expect(run.stdout).not.toContain("probe");
  });

  it("rejects a probe value that is not a boolean", async () => {
    const dir = workspace(await freePort());
    const run = runAction(dir, { inputs: { probe: "yes" } });
    expect(run.status).toBe(1);
    expect(run.commands.find((c) => c.command === "error")?.message).toBe('mcp-lint: Input "probe" must be true or false, not "yes".');
  });
});

describe("probe: true, hardening", () => {
  it("servers get neither the runner's tokens nor the action's inputs; config ignores apply; names cannot become commands", async () => {
    const dir = tempDir();
    write(dir, "env-check.mjs", 'console.error(`runtime=${process.env.ACTIONS_RUNTIME_TOKEN ?? "unset"} oidc=${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "unset"} input=${process.env.INPUT_PROBE ?? "unset"} mine=${process.env.MY_SETTING ?? "unset"}`);\nprocess.exit(1);\n');
    write(
      dir,
      ".mcp.json",
      JSON.stringify({ mcpServers: { "::error file=README.md,line=1::injected": { command: NODE, args: [join(dir, "env-check.mjs")] } } }, null, 2) + "\n",
    );
    write(dir, "fixtures/.mcp.json", JSON.stringify({ mcpServers: { ignored: { command: NODE, args: [join(dir, "marker.mjs")] } } }) + "\n");
    write(dir, "marker.mjs", `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(join(dir, "RAN"))}, "");\n`);
    write(dir, "lint-ci.json", JSON.stringify({ ignores: ["fixtures/**"] }) + "\n");
    const run = runAction(dir, {
      inputs: { probe: "true", config: "lint-ci.json" },
      env: { ACTIONS_RUNTIME_TOKEN: "runtime-token-value", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-token-value", MY_SETTING: "kept" },
    });
    expect(run.status, run.stderr).toBe(1);
    const exited = run.commands.find((c) => c.command === "error" && c.properties.title?.includes("probe-exited"));
    expect(exited?.message).toContain("runtime=unset oidc=unset input=unset mine=kept");
    // The ignored config's server never ran.
    expect(existsSync(join(dir, "RAN"))).toBe(false);
    // The server's name is printed, but never as a workflow command of its own.
    expect(run.commands.filter((c) => c.properties.file === "README.md")).toEqual([]);
    expect(run.stdout).toMatch(/^probe: ::error file=README\.md,line=1::injected \(\.mcp\.json\): failed/m);
  }, 60_000);
});
