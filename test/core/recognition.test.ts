import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "../../packages/core/src/engine/discovery.js";
import { printConfigFor } from "../../packages/core/src/engine/lint-files.js";
import { detectDialect } from "../../packages/core/src/engine/lint-config-text.js";

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
