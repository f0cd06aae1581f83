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
    expect(exited).toMatchObject({ helpUri: expect.stringMatching(/docs\/rules\/probe-exited\.md$/), shortDescription: { text: expect.stringContaining("exited") } });
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

describe("probe: true, the lock and tool poisoning", () => {
  const SURFACE = fixture("surface-server.mjs");
  const POISONED = fixture("poisoned-server.mjs");

  function lockWorkspace(): string {
    const dir = tempDir();
    write(dir, "desc.txt", "Searches the notes");
    const servers = {
      notes: { command: NODE, args: [SURFACE], env: { FIXTURE_DESCRIPTION_FILE: join(dir, "desc.txt") } },
      poisoned: { command: NODE, args: [POISONED] },
    };
    write(dir, ".mcp.json", JSON.stringify({ mcpServers: servers }, null, 2) + "\n");
    return dir;
  }

  it("compares the committed lock and reports changes and served poisoning in annotations and SARIF; never writes the lock", async () => {
    const dir = lockWorkspace();
    // The lock as a developer commits it: written by `mcp-lint probe --lock` (the library, here) before the change.
    const { probe } = await import("../../packages/probe/src/index.js");
    await probe([], { cwd: dir, lock: "write" });
    const locked = readFileSync(join(dir, "mcp-lint.lock.json"), "utf8");
    write(dir, "desc.txt", "Searches the notes and the archive.");

    const run = runAction(dir, { inputs: { probe: "true", "sarif-file": "out.sarif" } });
    // The tag characters are an error: the step fails (fail-on: error).
    expect(run.status, run.stderr).toBe(1);
    const annotated = (rule: string) => run.commands.filter((c) => c.properties.title?.includes(rule)).map((c) => [c.command, c.properties.file, c.properties.line]);
    expect(annotated("tool-surface-changed")).toEqual([["warning", ".mcp.json", "3"]]);
    expect(annotated("served-prompt-injection")).toEqual([
      ["error", ".mcp.json", "12"],
      ...Array.from({ length: 6 }, () => ["warning", ".mcp.json", "12"]),
    ]);
    expect(run.commands.find((c) => c.properties.title?.includes("tool-surface-changed"))?.message).toMatch(/Tool "search" of server "notes" has a different description/);

    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>; tool: { driver: { rules: Array<{ id: string; properties: { tags: string[]; "security-severity"?: string } }> } } }>;
    };
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === "tool-surface-changed" || r.ruleId === "served-prompt-injection");
    expect(results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine]).sort()).toEqual([
      ...Array.from({ length: 7 }, () => ["served-prompt-injection", 12]),
      ["tool-surface-changed", 3],
    ]);
    const rules = sarif.runs[0]!.tool.driver.rules;
    // A security alert in code scanning: the `security` tag and a numeric security-severity.
    expect(rules.find((r) => r.id === "served-prompt-injection")?.properties).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "8.0" });
    expect(rules.find((r) => r.id === "tool-surface-changed")?.properties).toEqual({ tags: ["mcp", "configuration", "security"], "security-severity": "5.0" });

    // The Action only reads the lock.
    expect(readFileSync(join(dir, "mcp-lint.lock.json"), "utf8")).toBe(locked);
  }, 120_000);

  it("without a lock: nothing compared, nothing written, the poisoning scan still runs", () => {
    const dir = lockWorkspace();
    const run = runAction(dir, { inputs: { probe: "true" } });
    expect(run.status, run.stderr).toBe(1);
    expect(existsSync(join(dir, "mcp-lint.lock.json"))).toBe(false);
    expect(run.commands.filter((c) => c.properties.title?.includes("tool-surface-changed"))).toEqual([]);
    expect(run.commands.filter((c) => c.properties.title?.includes("served-prompt-injection"))).toHaveLength(7);
  }, 120_000);

  it("mcp-lint.config.json and the suppressions file decide what the probe's findings do to the step", () => {
    // A pointer override lowers the poisoned server's findings to warnings: nothing fails the step.
    const lowered = lockWorkspace();
    write(lowered, "mcp-lint.config.json", JSON.stringify({ overrides: [{ files: [".mcp.json#/mcpServers/poisoned"], rules: { "served-prompt-injection": "warning" } }] }) + "\n");
    const run = runAction(lowered, { inputs: { probe: "true" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.commands.filter((c) => c.properties.title?.includes("served-prompt-injection")).map((c) => c.command)).toEqual(Array(7).fill("warning"));

    // The suppressions file accepts the one error (the tag characters); the six warnings are still shown.
    const suppressed = lockWorkspace();
    write(suppressed, "mcp-lint-suppressions.json", JSON.stringify({ ".mcp.json": { "served-prompt-injection": { "/mcpServers/poisoned": 1 } } }) + "\n");
    const accepted = runAction(suppressed, { inputs: { probe: "true" } });
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.commands.filter((c) => c.properties.title?.includes("served-prompt-injection")).map((c) => c.command)).toEqual(Array(6).fill("warning"));
    expect(accepted.stdout).toMatch(/^probe: 1 error accepted by the suppressions file mcp-lint-suppressions\.json are not reported\.$/m);
    // The lint part does not call the probe's entry unused.
    expect(accepted.stdout).not.toContain("no longer occur");
  }, 120_000);
});
