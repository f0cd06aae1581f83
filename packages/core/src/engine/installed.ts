import { lstatSync, realpathSync } from "node:fs";
import { posix, win32 } from "node:path";

/**
 * `mcp-lint --installed`: where each supported client keeps its user-level MCP config file on macOS, Linux and
 * Windows (docs/installed.md lists every location with its source). `installedConfigCandidates` is pure (no file
 * system, no process globals): tests compute the paths of every OS layout from a fake home and environment.
 */

export type InstalledPlatform = "darwin" | "linux" | "win32";

export interface InstalledContext {
  platform: InstalledPlatform;
  env: Record<string, string | undefined>;
  /** The user's home folder (os.homedir() in the CLI; a temporary folder in tests). */
  homedir: string;
}

export interface InstalledCandidate {
  /** Client name as users know it ("Claude Desktop"). */
  client: string;
  /** The dialect id whose schema and rules apply to this file. */
  dialect: string;
  /** Absolute path in the platform's own syntax. */
  path: string;
}

/** An environment variable holding an absolute path for this platform, else undefined (a relative one is ignored). */
function absEnv(ctx: InstalledContext, name: string): string | undefined {
  const value = ctx.env[name];
  if (value === undefined || value === "") return undefined;
  const path = ctx.platform === "win32" ? win32 : posix;
  return path.isAbsolute(value) ? value : undefined;
}

/** The user-level config file candidates of every supported client, in a fixed order (one client may have several). */
export function installedConfigCandidates(ctx: InstalledContext): InstalledCandidate[] {
  const win = ctx.platform === "win32";
  const join = win ? win32.join : posix.join;
  const home = ctx.homedir;
  // Windows: %APPDATA% (Roaming) and %LOCALAPPDATA%, with their default places under the profile when unset.
  const appData = absEnv(ctx, "APPDATA") ?? join(home, "AppData", "Roaming");
  const localAppData = absEnv(ctx, "LOCALAPPDATA") ?? join(home, "AppData", "Local");
  // XDG base directory: $XDG_CONFIG_HOME when absolute, else ~/.config (tools that use it on macOS too).
  const xdgConfig = absEnv(ctx, "XDG_CONFIG_HOME") ?? join(home, ".config");
  // Where Electron apps (Claude Desktop, VS Code and its extensions) keep their user data.
  const appConfig = ctx.platform === "darwin" ? join(home, "Library", "Application Support") : win ? appData : xdgConfig;

  const out: InstalledCandidate[] = [];
  const add = (client: string, dialect: string, ...segments: string[]) => out.push({ client, dialect, path: join(...segments) });

  add("Claude Desktop", "claude-desktop", appConfig, "Claude", "claude_desktop_config.json");
  // The Microsoft Store (MSIX) build of Claude Desktop is virtualised under its package folder.
  if (win) add("Claude Desktop", "claude-desktop", localAppData, "Packages", "Claude_pzs8sxrjxfjjc", "LocalCache", "Roaming", "Claude", "claude_desktop_config.json");

  add("Claude Code", "claude-code", absEnv(ctx, "CLAUDE_CONFIG_DIR") ?? home, ".claude.json");

  add("Cursor", "cursor", home, ".cursor", "mcp.json");

  for (const product of ["Code", "Code - Insiders"]) {
    const edition = product === "Code" ? "VS Code" : "VS Code Insiders";
    add(edition, "vscode", appConfig, product, "User", "mcp.json");
    add(edition, "vscode-settings", appConfig, product, "User", "settings.json");
  }

  add("Windsurf", "windsurf", home, ".codeium", "windsurf", "mcp_config.json");
  add("Windsurf", "windsurf", home, ".codeium", "windsurf-next", "mcp_config.json");
  // Devin-branded Windsurf builds: $XDG_CONFIG_HOME/devin (macOS and Linux), %APPDATA%\devin (Windows).
  add("Windsurf", "windsurf", win ? appData : xdgConfig, "devin", "mcp_config.json");

  for (const product of ["Code", "Code - Insiders"]) {
    add("Cline", "cline", appConfig, product, "User", "globalStorage", "saoudrizwan.claude-dev", "settings", "cline_mcp_settings.json");
  }
  add("Cline", "cline", home, ".cline", "data", "settings", "cline_mcp_settings.json");

  for (const product of ["Code", "Code - Insiders"]) {
    add("Roo Code", "roo", appConfig, product, "User", "globalStorage", "rooveterinaryinc.roo-cline", "settings", "mcp_settings.json");
  }

  add("Gemini CLI", "gemini", home, ".gemini", "settings.json");
  add("Google Antigravity", "windsurf", home, ".gemini", "antigravity", "mcp_config.json");

  add("Codex", "codex", absEnv(ctx, "CODEX_HOME") ?? join(home, ".codex"), "config.toml");

  // Zed (crates/paths): $XDG_CONFIG_HOME/zed on Linux, always ~/.config/zed on macOS, %APPDATA%\Zed on Windows.
  if (win) add("Zed", "zed", appData, "Zed", "settings.json");
  else add("Zed", "zed", ctx.platform === "darwin" ? join(home, ".config") : xdgConfig, "zed", "settings.json");

  add("Continue", "continue", home, ".continue", "config.yaml");

  // Goose: ~/.config/goose (XDG, macOS too), %APPDATA%\Block\goose\config on Windows.
  if (win) add("Goose", "goose", appData, "Block", "goose", "config", "config.yaml");
  else add("Goose", "goose", xdgConfig, "goose", "config.yaml");

  // opencode uses the XDG layout on every platform.
  const opencodeDir = win ? (absEnv(ctx, "XDG_CONFIG_HOME") ?? join(home, ".config")) : xdgConfig;
  add("opencode", "opencode", opencodeDir, "opencode", "opencode.json");
  add("opencode", "opencode", opencodeDir, "opencode", "opencode.jsonc");

  add("Kiro", "kiro", home, ".kiro", "settings", "mcp.json");
  add("Amazon Q Developer CLI", "amazonq", home, ".aws", "amazonq", "mcp.json");
  add("JetBrains Junie", "generic", home, ".junie", "mcp", "mcp.json");
  add("LM Studio", "generic", home, ".lmstudio", "mcp.json");
  return out;
}

export interface InstalledFile extends InstalledCandidate {
  /** "file": a regular file (linted); "link": a symbolic link (not followed, see `target`); "other": not a regular file. */
  kind: "file" | "link" | "other";
  /** For a link: where it leads (undefined when it dangles or cannot be resolved). */
  target?: string;
}

export interface InstalledScan {
  /** Candidates that exist, in candidate order. */
  found: InstalledFile[];
  /** Clients none of whose candidates exist, in candidate order. */
  missing: string[];
}

/**
 * Which candidates exist (lstat only: nothing is read, no link is followed). A client counts as found when any of
 * its candidates exists, whatever its kind, so that a link or a folder in its place is reported rather than hidden.
 */
export function scanInstalled(candidates: InstalledCandidate[]): InstalledScan {
  const found: InstalledFile[] = [];
  const clients: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (!clients.includes(candidate.client)) clients.push(candidate.client);
    let stats;
    try {
      stats = lstatSync(candidate.path);
    } catch {
      continue;
    }
    seen.add(candidate.client);
    if (stats.isSymbolicLink()) {
      let target: string | undefined;
      try {
        target = realpathSync(candidate.path);
      } catch {
        target = undefined;
      }
      found.push({ ...candidate, kind: "link", ...(target !== undefined ? { target } : {}) });
    } else found.push({ ...candidate, kind: stats.isFile() ? "file" : "other" });
  }
  return { found, missing: clients.filter((c) => !seen.has(c)) };
}
