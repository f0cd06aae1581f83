import { describe, it, expect } from "vitest";
import { parseToml } from "../../../packages/core/src/document/toml.js";
import { parseDocument } from "../../../packages/core/src/document/index.js";
import { toValue } from "../../../packages/core/src/document/types.js";
import type { DocNode, Member, OffsetRange } from "../../../packages/core/src/document/types.js";

const slice = (text: string, range: OffsetRange): string => text.slice(range[0], range[1]);

function member(node: DocNode | undefined, key: string): Member {
  if (node?.type !== "object") throw new Error(`not an object: ${node?.type}`);
  const found = node.members.find((m) => m.key === key);
  if (!found) throw new Error(`no member ${key}`);
  return found;
}

function item(node: DocNode | undefined, index: number): DocNode {
  if (node?.type !== "array") throw new Error(`not an array: ${node?.type}`);
  return node.items[index]!;
}

const codex = [
  "# Codex CLI configuration",
  'model = "o3"',
  "",
  "[mcp_servers.github]",
  'command = "npx" # launched with npx',
  'args = ["-y", "@modelcontextprotocol/server-github"]',
  "startup_timeout_sec = 20",
  "",
  "[mcp_servers.github.env]",
  'GITHUB_PERSONAL_ACCESS_TOKEN = "ghp_example"',
  "",
  '[mcp_servers."npm:@scope/pkg"]',
  'command = "node"',
  'args = [',
  '  "server.js",',
  '  "--port", # the port',
  "  8080,",
  "]",
  'env = { LOG_LEVEL = "debug", retries = 3 }',
  "tools.allow.list = ['read', 'write']",
  "tools.enabled = true",
  "",
].join("\n");

describe("parseToml: Codex config.toml", () => {
  const out = parseToml(codex);

  it("builds the value TOML semantics define", () => {
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      model: "o3",
      mcp_servers: {
        github: {
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-github"],
          startup_timeout_sec: 20,
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: "ghp_example" },
        },
        "npm:@scope/pkg": {
          command: "node",
          args: ["server.js", "--port", 8080],
          env: { LOG_LEVEL: "debug", retries: 3 },
          tools: { allow: { list: ["read", "write"] }, enabled: true },
        },
      },
    });
  });

  it("gives header tables the last key segment as key range and header-to-last-value as range", () => {
    const servers = member(out.root, "mcp_servers");
    // Implied by `[mcp_servers.github]`: that header's range and segment.
    expect(slice(codex, servers.keyRange)).toBe("mcp_servers");
    expect(servers.keyRange[0]).toBe(codex.indexOf("[mcp_servers.github]") + 1);
    expect(slice(codex, servers.value.range)).toBe("[mcp_servers.github]");

    const github = member(servers.value, "github");
    expect(slice(codex, github.keyRange)).toBe("github");
    expect(github.keyRange[0]).toBe(codex.indexOf("github]"));
    expect(slice(codex, github.value.range)).toBe(
      '[mcp_servers.github]\ncommand = "npx" # launched with npx\nargs = ["-y", "@modelcontextprotocol/server-github"]\nstartup_timeout_sec = 20',
    );

    const env = member(github.value, "env");
    expect(slice(codex, env.keyRange)).toBe("env");
    expect(env.keyRange[0]).toBe(codex.indexOf("env]"));
    expect(slice(codex, env.value.range)).toBe('[mcp_servers.github.env]\nGITHUB_PERSONAL_ACCESS_TOKEN = "ghp_example"');
  });

  it("gives key/values exact ranges", () => {
    const github = member(member(out.root, "mcp_servers").value, "github").value;
    const command = member(github, "command");
    expect(slice(codex, command.keyRange)).toBe("command");
    expect(slice(codex, command.value.range)).toBe('"npx"');
    const args = member(github, "args").value;
    expect(slice(codex, args.range)).toBe('["-y", "@modelcontextprotocol/server-github"]');
    expect(slice(codex, item(args, 1).range)).toBe('"@modelcontextprotocol/server-github"');
    expect(slice(codex, member(github, "startup_timeout_sec").value.range)).toBe("20");
    const model = member(out.root, "model");
    expect(slice(codex, model.keyRange)).toBe("model");
    expect(slice(codex, model.value.range)).toBe('"o3"');
  });

  it("handles quoted keys, multi-line arrays, inline tables and dotted keys", () => {
    const pkg = member(member(out.root, "mcp_servers").value, "npm:@scope/pkg");
    expect(slice(codex, pkg.keyRange)).toBe('"npm:@scope/pkg"');
    expect(slice(codex, pkg.value.range).startsWith('[mcp_servers."npm:@scope/pkg"]\ncommand = "node"')).toBe(true);
    expect(slice(codex, pkg.value.range).endsWith("tools.enabled = true")).toBe(true);

    const args = member(pkg.value, "args").value;
    expect(slice(codex, args.range)).toBe('[\n  "server.js",\n  "--port", # the port\n  8080,\n]');
    expect(slice(codex, item(args, 2).range)).toBe("8080");

    const env = member(pkg.value, "env");
    expect(slice(codex, env.value.range)).toBe('{ LOG_LEVEL = "debug", retries = 3 }');
    const level = member(env.value, "LOG_LEVEL");
    expect(slice(codex, level.keyRange)).toBe("LOG_LEVEL");
    expect(slice(codex, level.value.range)).toBe('"debug"');

    // Dotted keys: each segment's key range is its own text; the implied table spans its key/values.
    const tools = member(pkg.value, "tools");
    expect(slice(codex, tools.keyRange)).toBe("tools");
    expect(tools.keyRange[0]).toBe(codex.indexOf("tools.allow"));
    expect(slice(codex, tools.value.range)).toBe("tools.allow.list = ['read', 'write']\ntools.enabled = true");
    const allow = member(tools.value, "allow");
    expect(slice(codex, allow.keyRange)).toBe("allow");
    const list = member(allow.value, "list");
    expect(slice(codex, list.keyRange)).toBe("list");
    expect(slice(codex, list.value.range)).toBe("['read', 'write']");
    expect(slice(codex, member(tools.value, "enabled").keyRange)).toBe("enabled");
  });

  it("collects comments with exact ranges", () => {
    expect(out.comments.map((c) => c.text)).toEqual(["Codex CLI configuration", "launched with npx", "the port"]);
    for (const c of out.comments) {
      expect(c.kind).toBe("line");
      expect(slice(codex, c.range)).toBe(`# ${c.text}`);
    }
  });

  it("locates pointers through parseDocument", () => {
    const doc = parseDocument("config.toml", codex, "toml");
    expect(doc.errors).toEqual([]);
    expect(doc.locate("/mcp_servers/github/command")).toEqual({ line: 5, column: 11, endLine: 5, endColumn: 16 });
    expect(doc.locate("/mcp_servers/github/command", "key")).toEqual({ line: 5, column: 1, endLine: 5, endColumn: 8 });
    expect(doc.locate("/mcp_servers/github", "key")).toEqual({ line: 4, column: 14, endLine: 4, endColumn: 20 });
    expect(doc.locate("/mcp_servers/github/env/GITHUB_PERSONAL_ACCESS_TOKEN", "key")).toEqual({ line: 10, column: 1, endLine: 10, endColumn: 29 });
    expect(doc.locate("/mcp_servers/npm:@scope~1pkg/args/2")).toEqual({ line: 17, column: 3, endLine: 17, endColumn: 7 });
    expect(doc.value).toEqual(toValue(parseToml(codex).root!));
    expect((doc.value as { mcp_servers: { github: { command: string } } }).mcp_servers.github.command).toBe("npx");
  });
});

describe("parseToml: details", () => {
  it("builds arrays of tables, with sub-tables under the last element", () => {
    const text = [
      "[[servers]]",
      'name = "a"',
      "",
      "[[servers]]",
      'name = "b"',
      "[servers.env]",
      "X = 1",
      "",
    ].join("\n");
    const out = parseToml(text);
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({ servers: [{ name: "a" }, { name: "b", env: { X: 1 } }] });
    const servers = member(out.root, "servers");
    expect(slice(text, servers.keyRange)).toBe("servers");
    expect(servers.keyRange[0]).toBe(2);
    expect(slice(text, servers.value.range)).toBe('[[servers]]\nname = "a"\n\n[[servers]]\nname = "b"');
    expect(slice(text, item(servers.value, 0).range)).toBe('[[servers]]\nname = "a"');
    expect(slice(text, item(servers.value, 1).range)).toBe('[[servers]]\nname = "b"');
    const env = member(item(servers.value, 1), "env");
    expect(slice(text, env.keyRange)).toBe("env");
    expect(slice(text, env.value.range)).toBe("[servers.env]\nX = 1");
  });

  it("gives an empty table the header's range", () => {
    const text = "[mcp_servers.empty]\n\n# nothing\n[other]\nx = 1\n";
    const out = parseToml(text);
    const empty = member(member(out.root, "mcp_servers").value, "empty");
    expect(slice(text, empty.value.range)).toBe("[mcp_servers.empty]");
    expect(toValue(out.root!)).toEqual({ mcp_servers: { empty: {} }, other: { x: 1 } });
  });

  it("lets a later header take over a table implied earlier", () => {
    const text = "[mcp_servers.a]\nx = 1\n\n[mcp_servers]\nenabled = true\n";
    const out = parseToml(text);
    expect(toValue(out.root!)).toEqual({ mcp_servers: { a: { x: 1 }, enabled: true } });
    const servers = member(out.root, "mcp_servers");
    expect(servers.keyRange[0]).toBe(text.indexOf("[mcp_servers]") + 1);
    expect(slice(text, servers.value.range)).toBe("[mcp_servers]\nenabled = true");
  });

  it("converts scalar types; dates and times become ISO strings", () => {
    const text = [
      's = "basic \\u00e9"',
      "l = 'C:\\path'",
      'm = """',
      "two",
      'lines"""',
      "i = 1_000",
      "h = 0xff",
      "f = 6.5e-1",
      "inf = -inf",
      "b = false",
      "odt = 1979-05-27 07:32:00Z",
      "ldt = 1979-05-27T07:32:00.5",
      "ld = 1979-05-27",
      "lt = 07:32:00",
      "",
    ].join("\n");
    const out = parseToml(text);
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      s: "basic é",
      l: "C:\\path",
      m: "two\nlines",
      i: 1000,
      h: 255,
      f: 0.65,
      inf: -Infinity,
      b: false,
      odt: "1979-05-27T07:32:00Z",
      ldt: "1979-05-27T07:32:00.5",
      ld: "1979-05-27",
      lt: "07:32:00",
    });
    expect(slice(text, member(out.root, "m").value.range)).toBe('"""\ntwo\nlines"""');
    expect(slice(text, member(out.root, "odt").value.range)).toBe("1979-05-27 07:32:00Z");
  });

  it("treats an empty file, or one with only comments, as an empty table", () => {
    expect(parseToml("")).toEqual({ root: { type: "object", range: [0, 0], members: [] }, comments: [], extensions: [], errors: [] });
    const comments = parseToml("# nothing yet\n");
    expect(toValue(comments.root!)).toEqual({});
    expect(comments.comments).toEqual([{ text: "nothing yet", range: [0, 13], kind: "line" }]);
  });
});

describe("parseToml: syntax errors", () => {
  const secret = "ghp_1234567890abcdefghijklmnopqrstuvwxyz";

  it("reports an unquoted value at its location without echoing it", () => {
    const text = `[mcp_servers.github.env]\nGITHUB_TOKEN = ${secret}\n`;
    const out = parseToml(text);
    expect(out.root).toBeUndefined();
    expect(out.comments).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.range).toEqual([text.indexOf("ghp_"), text.indexOf("ghp_") + 1]);
    expect(out.errors[0]!.message).toMatch(/must be in quotes/);
    expect(out.errors[0]!.message).not.toContain("ghp");
  });

  it("reports an unterminated string", () => {
    const text = `token = "${secret}\nnext = 1\n`;
    const out = parseToml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/string is not closed/);
    expect(out.errors[0]!.message).not.toContain("ghp");
    expect(out.errors[0]!.range[0]).toBe(text.indexOf("\n"));
  });

  it("reports a duplicate key with its name, located at the second definition", () => {
    const text = 'command = "a"\ncommand = "b"\n';
    const out = parseToml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/^Duplicate key 'command'/);
    expect(out.errors[0]!.range).toEqual([14, 21]);

    const tables = '[mcp_servers."npm:x"]\n[mcp_servers."npm:x"]\n';
    const dup = parseToml(tables);
    expect(dup.errors[0]!.message).toMatch(/^Duplicate key "npm:x"/);
    expect(slice(tables, dup.errors[0]!.range)).toBe('"npm:x"');
    expect(dup.errors[0]!.range[0]).toBeGreaterThan(tables.indexOf("\n"));
  });

  it("reports an unclosed table header and an invalid escape", () => {
    const header = '[mcp_servers.github\ncommand = "npx"\n';
    const out = parseToml(header);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/table header/);
    expect(out.errors[0]!.range).toEqual([0, 1]);

    const escape = 'command = "C:\\Users\\me\\server.exe"\n';
    const bad = parseToml(escape);
    expect(bad.root).toBeUndefined();
    expect(bad.errors[0]!.message).toMatch(/escape sequence/);
    expect(bad.errors[0]!.message).not.toContain("Users");
  });

  it("reports a missing value and a missing line break", () => {
    const missing = parseToml("command =\n");
    expect(missing.errors[0]!.message).toMatch(/value is missing/);
    expect(missing.errors[0]!.range).toEqual([8, 9]);
    const twoOnALine = parseToml('a = 1 b = "x"\n');
    expect(twoOnALine.errors[0]!.message).toMatch(/line break/);
    expect(twoOnALine.errors[0]!.range).toEqual([6, 7]);
  });
});
