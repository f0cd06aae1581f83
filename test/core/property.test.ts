import fc from "fast-check";
import { describe, it } from "vitest";
import { dialects, lintConfigText } from "../../packages/core/src/index.js";
import { assertInside } from "./helpers.js";

/** Representative file names, one per dialect that a path can select. */
const FILES = [
  ".mcp.json",
  ".cursor/mcp.json",
  ".vscode/mcp.json",
  "claude_desktop_config.json",
  ".gemini/settings.json",
  ".codex/config.toml",
  ".continue/mcpServers/a.yaml",
  "goose/config.yaml",
  "opencode.jsonc",
  ".zed/settings.json",
  "server.json",
];

/** Text that is often almost a config: JSON of config-like values, then mutated. */
const configLike = fc
  .record({
    root: fc.constantFrom("mcpServers", "servers", "context_servers", "mcp", "mcp_servers", "extensions", "x"),
    name: fc.string({ maxLength: 8 }),
    command: fc.oneof(fc.constantFrom("npx", "npx -y pkg", "./run.sh", "~/bin/x", "cmd"), fc.string()),
    args: fc.array(fc.oneof(fc.constantFrom("-y", "pkg@1", "@s/p", "--port", "25565"), fc.string()), { maxLength: 4 }),
    url: fc.oneof(fc.constantFrom("tcp://h:1", "http://10.0.0.1:25565/sse", "localhost:3000", "https://x.dev/mcp", "${env:U}"), fc.string()),
    type: fc.constantFrom("stdio", "http", "sse", "streamable-http", "local", "remote", 3, null),
    env: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.constant("${X}"))),
  })
  .map((r) => JSON.stringify({ [r.root]: { [r.name]: { command: r.command, args: r.args, url: r.url, type: r.type, env: r.env } } }, null, 2));

const mutated = fc.tuple(configLike, fc.nat(), fc.nat({ max: 6 }), fc.string({ maxLength: 3 })).map(([text, at, del, ins]) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + ins + text.slice(i + del);
});

describe("config pipeline properties", () => {
  it("never throws and keeps every range inside the file, for any text in any dialect", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), configLike, mutated), fc.constantFrom(...FILES), (text, file) => {
        const result = lintConfigText(file, text);
        for (const f of result.findings) assertInside(text, f);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws when every dialect is forced on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(configLike, mutated), fc.constantFrom(...dialects.map((d) => d.id)), (text, dialect) => {
        const result = lintConfigText("any.file", text, { dialect });
        for (const f of result.findings) assertInside(text, f);
      }),
      { numRuns: 800 },
    );
  });

  it("keeps every range inside the file after --fix", () => {
    fc.assert(
      fc.property(fc.oneof(configLike, mutated), fc.constantFrom(...FILES), (text, file) => {
        const result = lintConfigText(file, text, { fix: true });
        const out = result.output ?? text;
        for (const f of result.findings) assertInside(out, f);
      }),
      { numRuns: 500 },
    );
  });
});
