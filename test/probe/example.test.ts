import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EVERYTHING, NODE, freePort, startNode, stopAll } from "./helpers.js";

/** packages/probe/examples/wait-then-connect.mjs, run as the README shows it, against a server started late. */
const EXAMPLE = fileURLToPath(new URL("../../packages/probe/examples/wait-then-connect.mjs", import.meta.url));

afterAll(stopAll);

describe("the README example", () => {
  it("waits for server-everything (started after the first refusals), then connects the SDK Client", async () => {
    const port = await freePort();
    const child = spawn(NODE, [EXAMPLE, `http://127.0.0.1:${port}/mcp`], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let started = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (!started && /: retry 2 in /.test(stderr)) {
        started = true;
        void startNode([EVERYTHING, "streamableHttp"], { env: { PORT: String(port) } });
      }
    });
    const status = await new Promise<number | null>((r) => child.once("close", r));
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/^up after ([3-9]|\d\d+) attempts$/m);
    expect(stdout).toMatch(/^connected to .*everything.*: \d+ tools$/m);
  }, 120_000);
});
