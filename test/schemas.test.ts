import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { dialectForPath } from "../packages/core/src/dialects/index.js";

const ROOT = join(import.meta.dirname, "..");
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, "schemas", name), "utf8")) as Record<string, unknown>;
const catalog = read("schemastore-catalog.json") as { schemas: Array<{ name: string; description: string; fileMatch: string[]; url: string }> };

/** A minimal valid and a broken file per catalog schema (JSON; YAML blocks as their parsed value). */
const EXAMPLES: Record<string, { valid: unknown; invalid: unknown }> = {
  "claude-code": { valid: { mcpServers: { a: { command: "node", args: ["x.js"] } } }, invalid: { mcpServers: { a: { command: 42 } } } },
  cursor: { valid: { mcpServers: { a: { url: "https://x.example/mcp" } } }, invalid: { mcpServers: { a: { args: "x" } } } },
  vscode: { valid: { servers: { a: { type: "stdio", command: "node" } } }, invalid: { servers: { a: { type: "stdio", command: ["node"] } } } },
  amazonq: { valid: { mcpServers: { a: { command: "node" } } }, invalid: { mcpServers: [] } },
  kiro: { valid: { mcpServers: { a: { command: "node" } } }, invalid: { mcpServers: [] } },
  roo: { valid: { mcpServers: { a: { command: "node" } } }, invalid: { mcpServers: [] } },
  "claude-desktop": { valid: { mcpServers: { a: { command: "node" } } }, invalid: { mcpServers: [] } },
  windsurf: { valid: { mcpServers: { a: { serverUrl: "https://x.example/mcp" } } }, invalid: { mcpServers: [] } },
  cline: { valid: { mcpServers: { a: { command: "node" } } }, invalid: { mcpServers: [] } },
  continue: { valid: { name: "x", version: "1.0.0", schema: "v1", mcpServers: [{ name: "a", command: "node" }] }, invalid: { mcpServers: {} } },
  "mcp-lint.config": { valid: { root: true, preset: "strict", rules: { "npx-yes": "off" } }, invalid: { preset: "loose" } },
};

describe("schemas/ for editors", () => {
  it("every catalog entry points at a shipped schema with that stable URL, which validates and rejects files", () => {
    // The ajv the rules use (a dependency of core).
    const { Ajv } = createRequire(join(ROOT, "packages/core/package.json"))("ajv") as {
      Ajv: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    expect(catalog.schemas.length).toBe(Object.keys(EXAMPLES).length);
    for (const entry of catalog.schemas) {
      const file = entry.url.split("/").pop()!;
      expect(entry.url).toBe(`https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/${file}`);
      const schema = read(file);
      expect(schema.$id).toBe(entry.url);
      const validate = ajv.compile(schema);
      const example = EXAMPLES[file.replace(/\.schema\.json$/, "")]!;
      expect(validate(example.valid), `${file} valid: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate(example.invalid), `${file} invalid`).toBe(false);
    }
  });

  it("each file pattern names a path the dialect of its schema recognises", () => {
    for (const entry of catalog.schemas) {
      const id = entry.url.split("/").pop()!.replace(/\.schema\.json$/, "");
      for (const pattern of entry.fileMatch) {
        const path = `/home/u/project/${pattern.replace("*", "github")}`;
        if (id === "mcp-lint.config") continue;
        expect(dialectForPath(path)?.id, pattern).toBe(id);
      }
    }
  });

  it("the starter config of mcp-lint init names the shipped config schema", () => {
    const init = readFileSync(join(ROOT, "packages/cli/src/init-command.ts"), "utf8");
    expect(init).toContain(`"${(read("mcp-lint.config.schema.json") as { $id: string }).$id}"`);
  });
});
