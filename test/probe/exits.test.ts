import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probe } from "../../packages/probe/src/index.js";
import { BIN } from "../cli/helpers.js";
import { isAlive, project, removeProjects } from "./helpers.js";

afterAll(removeProjects);

// Servers that exit at once: the most common way a wrapper script fails. Real processes, no time limits.
describe("probe: a server that exits at once", () => {
  it("reports the exit code and the stderr tail of `sh -c 'echo boom >&2; exit 2'` and of `false` (5 runs each)", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          boom: { command: "sh", args: ["-c", "echo boom >&2; exit 2"] },
          nope: { command: "false" },
        },
      },
    });
    for (let i = 0; i < 5; i++) {
      const run = await probe([], { cwd: dir, retries: 0 });
      const [boom, nope] = run.servers;
      expect(boom!.finding).toMatchObject({ ruleId: "probe-exited", pointer: "/mcpServers/boom" });
      expect(boom!.finding!.message).toContain("exited with code 2");
      expect(boom!.finding!.message).toContain("boom");
      expect(nope!.finding).toMatchObject({ ruleId: "probe-exited", pointer: "/mcpServers/nope" });
      expect(nope!.finding!.message).toContain("exited with code 1");
    }
  });

  it("the CLI exits once the server has exited, even when a detached grandchild still holds its pipes", async () => {
    const dir = project({
      ".mcp.json": {
        mcpServers: {
          // The grandchild leaves the process group (setsid), keeps stdout and stderr open and sleeps for 10 minutes.
          // The wrapper writes its pid file before it exits (setsid execs sleep in place: same pid), so the file is there
          // once the CLI is done.
          wrapper: { command: "sh", args: ["-c", 'setsid sleep 600 & echo $! > grandchild.pid; echo "wrapper failed" >&2; exit 3'] },
        },
      },
    });
    const child = spawn(process.execPath, [BIN, "probe", "--format", "json"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    // Hang guard only (reported as a failure): the grandchild sleeps 600 s, so waiting for its pipes would hit it.
    const guard = setTimeout(() => child.kill("SIGKILL"), 120_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on("exit", (c, s) => r([c, s])));
    clearTimeout(guard);
    const pid = Number(readFileSync(join(dir, "grandchild.pid"), "utf8").trim());
    expect(pid).toBeGreaterThan(1);
    try {
      expect(signal).toBeNull();
      expect(code).toBe(1);
      const message = JSON.parse(stdout)[0].messages[0];
      expect(message.ruleId).toBe("probe-exited");
      expect(message.message).toContain("exited with code 3");
      expect(message.message).toContain("wrapper failed");
    } finally {
      if (isAlive(pid)) process.kill(pid, "SIGKILL");
    }
    expect(readFileSync(join(dir, ".mcp.json"), "utf8")).toContain("wrapper");
  }, 150_000);
});
