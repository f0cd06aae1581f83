import { describe, expect, it } from "vitest";
import { run, type CliIO } from "../../packages/cli/src/index.js";
import { copyFixture, writeConfig } from "./helpers.js";

function io(cwd: string, env: Record<string, string> = {}, failOnWrite = false): CliIO & { out: string; err: string } {
  const state = {
    out: "",
    err: "",
    cwd,
    env,
    stdout: {
      isTTY: false,
      write(text: string) {
        if (failOnWrite) throw new Error("stdout closed");
        state.out += text;
      },
    },
    stderr: {
      write(text: string) {
        state.err += text;
      },
    },
  };
  return state;
}

describe("run() in process", () => {
  it("returns the exit code and writes through the given streams", async () => {
    const dir = copyFixture("broken");
    writeConfig(dir);
    const target = io(dir);
    expect(await run(["-f", "json"], target)).toBe(1);
    expect(JSON.parse(target.out)).toHaveLength(1);
    expect(target.err).toBe("");
  });

  it("a crash is caught: message on stderr, exit 2, no stack trace", async () => {
    const dir = copyFixture("broken");
    writeConfig(dir);
    const target = io(dir, {}, true);
    expect(await run([], target)).toBe(2);
    expect(target.err).toBe(
      "mcp-lint: internal error: stdout closed\nThis is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.\n",
    );
  });

  it("DEBUG=mcp-lint adds the stack trace", async () => {
    const dir = copyFixture("broken");
    writeConfig(dir);
    const target = io(dir, { DEBUG: "mcp-lint" }, true);
    expect(await run([], target)).toBe(2);
    expect(target.err).toMatch(/^mcp-lint: internal error: stdout closed\nError: stdout closed\n\s+at /);
  });
});
