import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dialectForPath } from "../../packages/core/src/dialects/index.js";
import { installedConfigCandidates, scanInstalled, type InstalledPlatform } from "../../packages/core/src/engine/installed.js";

/** client → its candidate paths, for one platform layout. */
function pathsOf(platform: InstalledPlatform, homedir: string, env: Record<string, string | undefined> = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of installedConfigCandidates({ platform, env, homedir })) (out[c.client] ??= []).push(c.path);
  return out;
}

describe("installedConfigCandidates: the user-level files of each OS layout (computed, no real OS needed)", () => {
  it("macOS", () => {
    const p = pathsOf("darwin", "/Users/ada");
    expect(p["Claude Desktop"]).toEqual(["/Users/ada/Library/Application Support/Claude/claude_desktop_config.json"]);
    expect(p["Claude Code"]).toEqual(["/Users/ada/.claude.json"]);
    expect(p["Cursor"]).toEqual(["/Users/ada/.cursor/mcp.json"]);
    expect(p["VS Code"]).toEqual(["/Users/ada/Library/Application Support/Code/User/mcp.json", "/Users/ada/Library/Application Support/Code/User/settings.json"]);
    expect(p["VS Code Insiders"]).toContain("/Users/ada/Library/Application Support/Code - Insiders/User/mcp.json");
    expect(p["Windsurf"]).toContain("/Users/ada/.codeium/windsurf/mcp_config.json");
    expect(p["Cline"]).toContain("/Users/ada/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json");
    expect(p["Roo Code"]).toContain("/Users/ada/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json");
    expect(p["Gemini CLI"]).toEqual(["/Users/ada/.gemini/settings.json"]);
    expect(p["Codex"]).toEqual(["/Users/ada/.codex/config.toml"]);
    expect(p["Zed"]).toEqual(["/Users/ada/.config/zed/settings.json"]);
    expect(p["Continue"]).toEqual(["/Users/ada/.continue/config.yaml"]);
    expect(p["Goose"]).toEqual(["/Users/ada/.config/goose/config.yaml"]);
    expect(p["opencode"]).toEqual(["/Users/ada/.config/opencode/opencode.json", "/Users/ada/.config/opencode/opencode.jsonc"]);
    expect(p["Kiro"]).toEqual(["/Users/ada/.kiro/settings/mcp.json"]);
    expect(p["Amazon Q Developer CLI"]).toEqual(["/Users/ada/.aws/amazonq/mcp.json"]);
  });

  it("macOS: Zed ignores XDG_CONFIG_HOME there, Goose and opencode follow it", () => {
    const p = pathsOf("darwin", "/Users/ada", { XDG_CONFIG_HOME: "/Users/ada/xdg" });
    expect(p["Zed"]).toEqual(["/Users/ada/.config/zed/settings.json"]);
    expect(p["Goose"]).toEqual(["/Users/ada/xdg/goose/config.yaml"]);
    expect(p["opencode"]![0]).toBe("/Users/ada/xdg/opencode/opencode.json");
    // Electron apps keep Application Support whatever XDG says.
    expect(p["Claude Desktop"]).toEqual(["/Users/ada/Library/Application Support/Claude/claude_desktop_config.json"]);
  });

  it("Linux, default and with XDG_CONFIG_HOME", () => {
    const p = pathsOf("linux", "/home/ada");
    expect(p["Claude Desktop"]).toEqual(["/home/ada/.config/Claude/claude_desktop_config.json"]);
    expect(p["VS Code"]![0]).toBe("/home/ada/.config/Code/User/mcp.json");
    expect(p["Zed"]).toEqual(["/home/ada/.config/zed/settings.json"]);
    expect(p["Windsurf"]).toContain("/home/ada/.config/devin/mcp_config.json");
    const x = pathsOf("linux", "/home/ada", { XDG_CONFIG_HOME: "/cfg" });
    expect(x["Claude Desktop"]).toEqual(["/cfg/Claude/claude_desktop_config.json"]);
    expect(x["VS Code"]![0]).toBe("/cfg/Code/User/mcp.json");
    expect(x["Cline"]![0]).toBe("/cfg/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json");
    expect(x["Zed"]).toEqual(["/cfg/zed/settings.json"]);
    expect(x["Goose"]).toEqual(["/cfg/goose/config.yaml"]);
    expect(x["Windsurf"]).toContain("/cfg/devin/mcp_config.json");
    // Home-folder dotfiles do not move.
    expect(x["Cursor"]).toEqual(["/home/ada/.cursor/mcp.json"]);
  });

  it("Windows, with APPDATA and LOCALAPPDATA and without them", () => {
    const env = { APPDATA: "D:\\Roam", LOCALAPPDATA: "D:\\Loc" };
    const p = pathsOf("win32", "C:\\Users\\ada", env);
    expect(p["Claude Desktop"]).toEqual([
      "D:\\Roam\\Claude\\claude_desktop_config.json",
      "D:\\Loc\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json",
    ]);
    expect(p["Claude Code"]).toEqual(["C:\\Users\\ada\\.claude.json"]);
    expect(p["Cursor"]).toEqual(["C:\\Users\\ada\\.cursor\\mcp.json"]);
    expect(p["VS Code"]![0]).toBe("D:\\Roam\\Code\\User\\mcp.json");
    expect(p["Windsurf"]).toContain("C:\\Users\\ada\\.codeium\\windsurf\\mcp_config.json");
    expect(p["Windsurf"]).toContain("D:\\Roam\\devin\\mcp_config.json");
    expect(p["Zed"]).toEqual(["D:\\Roam\\Zed\\settings.json"]);
    expect(p["Goose"]).toEqual(["D:\\Roam\\Block\\goose\\config\\config.yaml"]);
    expect(p["opencode"]![0]).toBe("C:\\Users\\ada\\.config\\opencode\\opencode.json");
    const d = pathsOf("win32", "C:\\Users\\ada");
    expect(d["Claude Desktop"]![0]).toBe("C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json");
    expect(d["Claude Desktop"]![1]).toMatch(/^C:\\Users\\ada\\AppData\\Local\\Packages\\/);
  });

  it("CLAUDE_CONFIG_DIR and CODEX_HOME move those clients' files; relative or empty overrides are ignored", () => {
    const p = pathsOf("linux", "/home/ada", { CLAUDE_CONFIG_DIR: "/opt/claude", CODEX_HOME: "/opt/codex" });
    expect(p["Claude Code"]).toEqual(["/opt/claude/.claude.json"]);
    expect(p["Codex"]).toEqual(["/opt/codex/config.toml"]);
    const w = pathsOf("win32", "C:\\Users\\ada", { CODEX_HOME: "E:\\codex" });
    expect(w["Codex"]).toEqual(["E:\\codex\\config.toml"]);
    const bad = pathsOf("linux", "/home/ada", { CLAUDE_CONFIG_DIR: "rel/dir", CODEX_HOME: "", XDG_CONFIG_HOME: "relative", APPDATA: "/x" });
    expect(bad["Claude Code"]).toEqual(["/home/ada/.claude.json"]);
    expect(bad["Codex"]).toEqual(["/home/ada/.codex/config.toml"]);
    expect(bad["Zed"]).toEqual(["/home/ada/.config/zed/settings.json"]);
    // A POSIX path in APPDATA means nothing on Linux.
    expect(bad["Claude Desktop"]).toEqual(["/home/ada/.config/Claude/claude_desktop_config.json"]);
  });

  it.each(["darwin", "linux", "win32"] as const)("%s: every candidate's path selects the dialect it is tagged with", (platform) => {
    const home = platform === "win32" ? "C:\\Users\\ada" : "/home/ada";
    const candidates = installedConfigCandidates({ platform, env: {}, homedir: home });
    expect(candidates.length).toBeGreaterThan(20);
    for (const c of candidates) expect([c.path, dialectForPath(c.path.replace(/\\/g, "/"))?.id]).toEqual([c.path, c.dialect]);
  });
});

describe("scanInstalled", () => {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-installed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports files, links (with their target, not followed) and non-files; lists clients with nothing", () => {
    mkdirSync(join(dir, "a"), { recursive: true });
    writeFileSync(join(dir, "a", "mcp.json"), "{}");
    writeFileSync(join(dir, "target.json"), "{}");
    symlinkSync(join(dir, "target.json"), join(dir, "link.json"));
    symlinkSync(join(dir, "nowhere.json"), join(dir, "dangling.json"));
    const scan = scanInstalled([
      { client: "A", dialect: "cursor", path: join(dir, "a", "mcp.json") },
      { client: "B", dialect: "cursor", path: join(dir, "link.json") },
      { client: "C", dialect: "cursor", path: join(dir, "dangling.json") },
      { client: "D", dialect: "cursor", path: join(dir, "a") },
      { client: "E", dialect: "cursor", path: join(dir, "missing.json") },
      { client: "E", dialect: "cursor", path: join(dir, "missing2.json") },
    ]);
    expect(scan.found.map((f) => [f.client, f.kind, f.target])).toEqual([
      ["A", "file", undefined],
      ["B", "link", join(dir, "target.json")],
      ["C", "link", undefined],
      ["D", "other", undefined],
    ]);
    expect(scan.missing).toEqual(["E"]);
  });
});
