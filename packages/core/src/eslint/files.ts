/**
 * Glob patterns (ESLint flat-config `files`) of every JSON file the CLI reads
 * as an MCP config when it walks a folder: the path matchers of the JSON
 * dialects (dialects/*.ts `paths`) plus the MCP Registry's `server.json`
 * (recognised by content). YAML and TOML dialects (Continue, Goose, Codex)
 * are not here: no ESLint JSON language reads them.
 *
 * Keep in step with the dialects' `paths`: test/eslint-plugin checks that the
 * fixture file of every JSON dialect matches one of these globs.
 */
export const MCP_JSON_FILES: readonly string[] = Object.freeze([
  // Claude Desktop, Claude Code
  "**/claude_desktop_config.json",
  "**/.mcp.json",
  "**/.claude.json",
  "**/managed-mcp.json",
  // Cursor, VS Code, Cline, Roo Code, Kiro, Amazon Q, Junie, LM Studio, and any other mcp.json
  "**/mcp.json",
  // VS Code settings.json with the older "mcp" block (skipped quietly without it)
  "**/.vscode/settings.json",
  "**/Code/User/settings.json",
  "**/Code - Insiders/User/settings.json",
  "**/Code/User/profiles/*/settings.json",
  "**/Code - Insiders/User/profiles/*/settings.json",
  // Windsurf
  "**/.codeium/windsurf/mcp_config.json",
  "**/.codeium/windsurf-next/mcp_config.json",
  "**/codeium/windsurf/mcp_config.json",
  "**/.windsurf/mcp_config.json",
  "**/devin/mcp_config.json",
  // Cline, Roo Code (VS Code global storage)
  "**/cline_mcp_settings.json",
  "**/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
  // Gemini CLI
  "**/.gemini/settings.json",
  "**/gemini-extension.json",
  "**/gemini-cli/settings.json",
  "**/gemini-cli/system-defaults.json",
  // Zed
  "**/.zed/settings.json",
  "**/zed/settings.json",
  // opencode
  "**/opencode.json",
  "**/opencode.jsonc",
  // MCP Registry (recognised by its content)
  "**/server.json",
]);

/** JavaScript and TypeScript sources the code rules read (declaration files excepted, as in the CLI). */
export const CODE_FILES: readonly string[] = Object.freeze(["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx", "**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"]);
export const TYPESCRIPT_FILES: readonly string[] = Object.freeze(["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"]);
export const DECLARATION_FILES: readonly string[] = Object.freeze(["**/*.d.ts", "**/*.d.mts", "**/*.d.cts"]);
