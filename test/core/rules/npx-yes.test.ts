import { describe, expect, it } from "vitest";
import { fixed, lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("npx-yes", file, text);

describe("npx-yes", () => {
  it("accepts -y, --yes and npx options before them", () => {
    for (const args of [`["-y", "pkg"]`, `["--yes", "pkg"]`, `["-p", "a", "-y", "pkg"]`, `["--no-install", "pkg"]`]) {
      expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ${args}}}}`)).toEqual([]);
    }
  });

  it("ignores programs other than npx", () => {
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"command": "uvx", "args": ["pkg"]}}}`)).toEqual([]);
    expect(lint(".mcp.json", `{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp"}}}`)).toEqual([]);
  });

  it("reports npx without -y at the command value and fixes it", () => {
    const text = `{\n  "mcpServers": {\n    "pw": {\n      "command": "npx",\n      "args": ["@playwright/mcp@1.2.3"]\n    }\n  }\n}\n`;
    const findings = lint(".cursor/mcp.json", text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([4, 18, 4, 23]);
    expect(slice(text, f!)).toBe('"npx"');
    expect(f!.message).toContain('"@playwright/mcp@1.2.3"');
    expect(f!.pointer).toBe("/mcpServers/pw/command");
    expect(fixed(text, findings)).toBe(text.replace(`["@playwright`, `["-y", "@playwright`));
  });

  it("does not take -y after the package as npx's own flag", () => {
    const f = lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ["pkg", "-y"]}}}`);
    expect(f).toHaveLength(1);
  });

  it("sees through cmd /c on Windows and puts -y after npx", () => {
    const text = `{"mcpServers": {"a": {"command": "cmd", "args": ["/c", "npx", "pkg"]}}}`;
    const findings = lint("claude_desktop_config.json", text);
    expect(findings.map((f) => slice(text, f))).toEqual(['"npx"']);
    expect(fixed(text, findings)).toBe(`{"mcpServers": {"a": {"command": "cmd", "args": ["/c", "npx", "-y", "pkg"]}}}`);
  });

  it("adds an args array when there is none", () => {
    const text = `{\n  "mcpServers": {\n    "a": {\n      "command": "npx"\n    }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(fixed(text, findings)).toBe(`{\n  "mcpServers": {\n    "a": {\n      "command": "npx",\n      "args": ["-y"]\n    }\n  }\n}`);
  });

  it("fixes opencode's command array in place", () => {
    const text = `{"mcp": {"a": {"type": "local", "command": ["npx", "pkg"]}}}`;
    const findings = lint("opencode.json", text);
    expect(fixed(text, findings)).toBe(`{"mcp": {"a": {"type": "local", "command": ["npx", "-y", "pkg"]}}}`);
  });

  it("never quotes a secret-looking package argument", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const [f] = lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ["${token}"]}}}`);
    expect(f!.message).not.toContain(token);
  });
});

describe("npx-yes is a convention, not a failure (issue 12)", () => {
  it("is an info outside recommended: npm assumes --yes when stdin is not a TTY", async () => {
    const { getRuleInfo, presetSeverities } = await import("../../../packages/core/src/rules/catalog.js");
    expect(getRuleInfo("npx-yes")).toMatchObject({ severity: "info", recommended: false });
    expect(presetSeverities("recommended")["npx-yes"]).toBe("off");
  });

  it("does not claim that the server hangs", () => {
    const [f] = lint(".mcp.json", `{"mcpServers": {"a": {"command": "npx", "args": ["pkg"]}}}`);
    expect(f!.severity).toBe("info");
    expect(f!.message).not.toMatch(/hang|no one can answer/);
    expect(f!.message).toContain("yes=false");
  });
});
