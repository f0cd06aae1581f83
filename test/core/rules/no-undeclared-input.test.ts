import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-undeclared-input", file, text);

describe("no-undeclared-input", () => {
  it("accepts inputs that are declared and used", () => {
    const text = JSON.stringify({
      inputs: [
        { type: "promptString", id: "api-key", description: "API key", password: true },
        { type: "pickString", id: "region", description: "Region", options: ["eu", "us"] },
      ],
      servers: {
        a: { command: "npx", args: ["-y", "srv@1.0.0", "--region=${input:region}"], env: { KEY: "${input:api-key}" } },
        b: { type: "http", url: "https://x.dev/mcp", headers: { Authorization: "Bearer ${input:api-key}" } },
      },
    });
    expect(lint(".vscode/mcp.json", text)).toEqual([]);
  });

  it("runs for VS Code only", () => {
    const text = JSON.stringify({ mcpServers: { a: { command: "x", env: { K: "${input:nope}" } } } });
    expect(lint(".cursor/mcp.json", text)).toEqual([]);
    expect(lint(".mcp.json", text)).toEqual([]);
  });

  it("reports an undeclared input at the placeholder", () => {
    const text = `{\n  "servers": {\n    "a": {\n      "command": "npx",\n      "env": { "KEY": "Bearer \${input:api-key}" }\n    }\n  }\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([5, 31, 5, 47]);
    expect(slice(text, f)).toBe("${input:api-key}");
    expect(f.pointer).toBe("/servers/a/env/KEY");
    expect(f.severity).toBe("error");
    expect(f.message).toBe(
      '${input:api-key} has no entry in "inputs": VS Code cannot prompt for it and the server receives the literal text. Add {"type": "promptString", "id": "api-key", "description": "…", "password": true} to "inputs".',
    );
  });

  it("reports every use, including several in one string and in nested keys", () => {
    const text = JSON.stringify({ inputs: [], servers: { a: { command: "x", args: ["${input:a}-${input:b}"], envFile: "${input:c}" } } });
    const findings = lint(".vscode/mcp.json", text);
    expect(findings.map((f) => slice(text, f))).toEqual(["${input:a}", "${input:b}", "${input:c}"]);
  });

  it("reports inputs that no server uses, at the id", () => {
    const text = `{\n  "inputs": [\n    { "type": "promptString", "id": "old-token", "description": "x" }\n  ],\n  "servers": {}\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe('"old-token"');
    expect(findings[0]!.pointer).toBe("/inputs/0/id");
    expect(findings[0]!.message).toBe(
      'Input "old-token" is never used: no server references ${input:old-token}, so VS Code never asks for it. Reference it where the value is needed, or remove it.',
    );
  });

  it("reports duplicate ids at the later entries", () => {
    const text = JSON.stringify({
      inputs: [
        { type: "promptString", id: "k", description: "a" },
        { type: "promptString", id: "k", description: "b" },
        { type: "promptString", id: "k", description: "c" },
      ],
      servers: { a: { command: "x", env: { K: "${input:k}" } } },
    });
    const findings = lint(".vscode/mcp.json", text);
    expect(findings.map((f) => f.pointer)).toEqual(["/inputs/1/id", "/inputs/2/id"]);
    expect(findings[0]!.message).toBe('Input id "k" is declared more than once: VS Code uses only one of these entries. Remove or rename the duplicate.');
  });

  it("reports the whole value when the string has escapes, and ignores inputs outside servers", () => {
    const text = `{"inputs": [{"type": "command", "id": "x", "command": "\${input:other}"}], "servers": {"a": {"command": "c", "args": ["\\t\${input:x}\${input:missing}"]}}}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    expect(slice(text, findings[0]!)).toBe(`"\\t\${input:x}\${input:missing}"`);
    expect(findings[0]!.message).toMatch(/^\$\{input:missing\} has no entry/);
  });

  it("never quotes a secret-looking id", () => {
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const text = JSON.stringify({ inputs: [{ type: "promptString", id: token, description: "x" }], servers: { a: { command: "x", env: { K: `\${input:${token}x}` } } } });
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(2);
    for (const f of findings) expect(f.message).not.toContain(token);
  });
});

describe("no-undeclared-input in VS Code settings.json (the older \"mcp\" block)", () => {
  it("reads inputs from /mcp/inputs and uses from /mcp/servers", () => {
    const ok = `{"mcp": {"inputs": [{"type": "promptString", "id": "k"}], "servers": {"a": {"command": "x", "env": {"K": "\${input:k}"}}}}}`;
    expect(lintRule("no-undeclared-input", ".vscode/settings.json", ok)).toEqual([]);
    const missing = `{"mcp": {"servers": {"a": {"command": "x", "env": {"K": "\${input:k}"}}}}}`;
    const findings = lintRule("no-undeclared-input", ".vscode/settings.json", missing);
    expect(findings.map((f) => [f.pointer, f.severity])).toEqual([["/mcp/servers/a/env/K", "error"]]);
  });
});
