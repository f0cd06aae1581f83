import { spawn } from "node:child_process";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE, fixture, isAlive, pidsWith, project, readPid, removeProjects, waitFor } from "./helpers.js";

/**
 * The last lines of defence, checked on real processes: a program that uses the probe and exits (or is
 * interrupted) in the middle of a run must not leave a server behind. The probe's sources are bundled
 * with esbuild into a small driver program, run with node.
 */

let driverDir = "";

beforeAll(async () => {
  driverDir = project({
    "driver.mjs": `import { existsSync } from "node:fs";
import { probe } from "./probe.mjs";
const [cwd, pidFile, mode] = process.argv.slice(2);
const controller = new AbortController();
if (mode === "handled") {
  // An application that handles Ctrl-C itself, as the CLI does: it aborts the run.
  process.once("SIGINT", () => controller.abort());
}
probe([], { cwd, timeoutMs: 60_000, signal: controller.signal }).then((run) => {
  console.log("resolved " + run.servers.map((s) => s.status).join(","));
  process.exitCode = 130;
});
while (!existsSync(pidFile)) await new Promise((r) => setTimeout(r, 20));
console.log("started");
// "exit": leave with process.exit() as soon as the test says so (a line on stdin).
if (mode === "exit") process.stdin.once("data", () => process.exit(0));
`,
  });
  symlinkSync(fileURLToPath(new URL("../../node_modules", import.meta.url)), join(driverDir, "node_modules"), "dir");
  await build({
    entryPoints: [fileURLToPath(new URL("../../packages/probe/src/index.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: join(driverDir, "probe.mjs"),
    logLevel: "silent",
  });
});

/** Pid files of the servers started through the driver: if a guarantee regresses, the test fails and this still cleans up. */
const pidFiles: string[] = [];

afterAll(() => {
  // Only processes whose command line names one of these pid files (unique temp paths): never another process.
  for (const pid of pidFiles.flatMap((file) => pidsWith(file))) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone, as it should be
    }
  }
  removeProjects();
});

/** Runs the driver on a config whose one server hangs; resolves once the server runs. */
async function drive(mode: "exit" | "signal" | "handled", ignoreSigterm: boolean) {
  const dir = project({});
  const pidFile = join(dir, "server.pid");
  writeFileSync(
    join(dir, ".mcp.json"),
    JSON.stringify({ mcpServers: { stuck: { command: NODE, args: [fixture("hang.mjs"), "--pid-file", pidFile, ...(ignoreSigterm ? ["--ignore-sigterm"] : [])] } } }),
  );
  const driver = spawn(NODE, [join(driverDir, "driver.mjs"), dir, pidFile, mode], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  driver.stdout.on("data", (d: Buffer) => (output += d.toString()));
  driver.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => driver.once("exit", (code, signal) => r({ code, signal })));
  await waitFor(() => output.includes("started"), 15_000, "the driver to start its server");
  pidFiles.push(pidFile);
  const pid = await readPid(pidFile);
  expect(isAlive(pid)).toBe(true);
  return { driver, pid, exited, output: () => output };
}

describe("probe: cleanup when the host process goes away", () => {
  it("process.exit() in the middle of a run: the 'exit' hook SIGKILLs the server", async () => {
    const { driver, pid, exited } = await drive("exit", true);
    driver.stdin.write("go\n");
    expect(await exited).toEqual({ code: 0, signal: null });
    await waitFor(() => !isAlive(pid), 2000, `pid ${pid} to be gone`);
  });

  it("Ctrl-C (SIGINT) with nobody else listening: the server is killed, then the signal ends the process", async () => {
    const { driver, pid, exited } = await drive("signal", true);
    driver.kill("SIGINT");
    expect(await exited).toEqual({ code: null, signal: "SIGINT" });
    await waitFor(() => !isAlive(pid), 2000, `pid ${pid} to be gone`);
  });

  it("Ctrl-C handled by the application (abort): the run resolves as aborted and the server is stopped", async () => {
    const { driver, pid, exited, output } = await drive("handled", false);
    driver.kill("SIGINT");
    expect(await exited).toEqual({ code: 130, signal: null });
    expect(output()).toContain("resolved aborted");
    expect(isAlive(pid)).toBe(false);
  });
});
