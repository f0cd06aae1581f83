import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "../../packages/core/src/engine/discovery.js";
import { lintFiles, printConfigFor } from "../../packages/core/src/engine/lint-files.js";
import { detectDialect, lintConfigText } from "../../packages/core/src/engine/lint-config-text.js";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-recognition-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const WINDSURF_LIKE = `{"mcpServers": {"remote": {"serverUrl": "https://example.com/mcp"}}}`;
const ROO_LIKE = `{"mcpServers": {"a": {"command": "node", "args": ["/x.js"], "alwaysAllow": ["read"]}}}`;

describe("dialect recognition (issue 12)", () => {
  it("sniffs Windsurf's format from serverUrl in an mcp_config.json outside .codeium/windsurf", () => {
    expect(detectDialect("/p/.antigravity/mcp_config.json", WINDSURF_LIKE).dialect?.id).toBe("windsurf");
    expect(detectDialect("/p/tools/mcp_config.json", WINDSURF_LIKE).dialect?.id).toBe("windsurf");
  });

  it("recognises Roo's global mcp_settings.json", () => {
    expect(detectDialect("/home/u/.config/Code/User/globalStorage/x/settings/mcp_settings.json", ROO_LIKE).dialect?.id).toBe("roo");
  });

  it("walks the same files a folder run as an explicit run recognises", async () => {
    const dir = tree({
      "a/mcp_config.json": WINDSURF_LIKE,
      "b/mcp_settings.json": ROO_LIKE,
      "config/codex/config.toml": `[mcp_servers.a]\ncommand = "node"\n`,
      "c/other.json": `{"name": "not mcp"}`,
    });
    const walked = (await discoverFiles(["."], { cwd: dir })).map((f) => f.path.slice(dir.length + 1)).sort();
    expect(walked).toEqual(["a/mcp_config.json", "b/mcp_settings.json", "config/codex/config.toml"]);
  });

  it("--print-config says why a dialect was chosen", () => {
    const dir = tree({ "tools/mcp_config.json": WINDSURF_LIKE, ".cursor/mcp.json": `{"mcpServers": {}}` });
    const sniffed = printConfigFor("tools/mcp_config.json", { cwd: dir, noConfigLookup: true });
    expect(sniffed.dialect).toBe("windsurf");
    expect(sniffed.dialectReason).toMatch(/serverUrl/);
    const byPath = printConfigFor(".cursor/mcp.json", { cwd: dir, noConfigLookup: true });
    expect(byPath.dialectReason).toMatch(/path/);
  });
});

describe("VS Code settings.json with the older \"mcp\" block (issue 12)", () => {
  // JSONC as VS Code writes it: comments, a trailing comma, unrelated settings around the block.
  const SETTINGS = `{
  // editor settings
  "editor.tabSize": 2,
  "mcp": {
    "servers": {
      "broken": { "type": "stdio" },
    },
  },
}
`;

  it("reads the sub-tree as VS Code's format, with pointers into /mcp/servers", () => {
    for (const file of ["/p/.vscode/settings.json", "/home/u/.config/Code/User/settings.json", "C:\\Users\\u\\AppData\\Roaming\\Code - Insiders\\User\\settings.json"]) {
      const result = lintConfigText(file, SETTINGS);
      expect(result.skipped, file).toBeUndefined();
      const shape = result.findings.filter((f) => f.ruleId === "server-shape");
      expect(shape.map((f) => [f.pointer, f.line, f.severity])).toEqual([["/mcp/servers/broken", 6, "error"]]);
      // Unrelated settings and JSONC syntax are not findings.
      expect(result.findings.filter((f) => f.ruleId !== "server-shape")).toEqual([]);
    }
  });

  it("skips a settings.json with no \"mcp\" block quietly, in folder and explicit runs", async () => {
    const dir = tree({ ".vscode/settings.json": `{\n  // no MCP here\n  "editor.tabSize": 2,\n}\n`, "User/settings.json": `{"files.eol": "\\n"}` });
    expect(lintConfigText(join(dir, ".vscode/settings.json"), `{"editor.tabSize": 2,}`).skipped).toBe("not-mcp");
    for (const args of [["."], [".vscode/settings.json"]]) {
      const run = await lintFiles(args, { cwd: dir, noConfigLookup: true });
      expect(run.results, args.join(" ")).toEqual([]);
    }
    const printed = printConfigFor(".vscode/settings.json", { cwd: dir, noConfigLookup: true });
    expect(printed.dialect).toBeNull();
    expect(printed.dialectReason).toMatch(/no "mcp" block/);
  });

  it("folder and explicit runs recognise it the same way, and --print-config says why", async () => {
    const dir = tree({ ".vscode/settings.json": SETTINGS });
    const walked = (await discoverFiles(["."], { cwd: dir })).map((f) => f.path.slice(dir.length + 1));
    expect(walked).toEqual([".vscode/settings.json"]);
    const folder = await lintFiles(["."], { cwd: dir, noConfigLookup: true });
    const explicit = await lintFiles([".vscode/settings.json"], { cwd: dir, noConfigLookup: true });
    expect(folder.results.map((r) => r.findings.map((f) => f.pointer))).toEqual([["/mcp/servers/broken"]]);
    expect(explicit.results.map((r) => r.findings)).toEqual(folder.results.map((r) => r.findings));
    const printed = printConfigFor(".vscode/settings.json", { cwd: dir, noConfigLookup: true });
    expect(printed.dialect).toBe("vscode-settings");
    expect(printed.dialectReason).toMatch(/"mcp" block/);
    expect(printed.dialectReason).toMatch(/\/mcp\/servers/);
  });
});
