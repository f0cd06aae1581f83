import { describe, it, expect } from "vitest";
import { parseYaml } from "../../../packages/core/src/document/yaml.js";
import { parseDocument } from "../../../packages/core/src/document/index.js";
import { toValue } from "../../../packages/core/src/document/types.js";
import type { DocNode, Member, OffsetRange } from "../../../packages/core/src/document/types.js";

const slice = (text: string, range: OffsetRange): string => text.slice(range[0], range[1]);

function member(node: DocNode | undefined, key: string): Member {
  if (node?.type !== "object") throw new Error(`not an object: ${node?.type}`);
  const found = node.members.filter((m) => m.key === key);
  if (found.length === 0) throw new Error(`no member ${key}`);
  return found[found.length - 1]!;
}

function item(node: DocNode | undefined, index: number): DocNode {
  if (node?.type !== "array") throw new Error(`not an array: ${node?.type}`);
  return node.items[index]!;
}

describe("parseYaml: Continue-style config", () => {
  const text = [
    "name: my-assistant # the assistant",
    "version: 0.0.1",
    "mcpServers:",
    "  - name: github",
    "    command: npx",
    "    args:",
    "      - -y",
    '      - "@modelcontextprotocol/server-github"',
    "    env:",
    "      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
    "  - name: files",
    "    command: node",
    '    args: ["-y", "pkg"]',
    "",
  ].join("\n");
  const out = parseYaml(text);

  it("parses without errors into the expected value", () => {
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      name: "my-assistant",
      version: "0.0.1",
      mcpServers: [
        {
          name: "github",
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-github"],
          env: { GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" },
        },
        { name: "files", command: "node", args: ["-y", "pkg"] },
      ],
    });
  });

  it("gives exact key and value ranges", () => {
    const servers = member(out.root, "mcpServers");
    expect(slice(text, servers.keyRange)).toBe("mcpServers");
    const first = item(servers.value, 0);
    expect(first.type).toBe("object");
    expect(slice(text, first.range).startsWith("name: github")).toBe(true);
    expect(slice(text, first.range).endsWith("${{ secrets.GITHUB_TOKEN }}")).toBe(true);
    const command = member(first, "command");
    expect(slice(text, command.keyRange)).toBe("command");
    expect(slice(text, command.value.range)).toBe("npx");
    const args = member(first, "args").value;
    expect(args.type).toBe("array");
    expect(slice(text, args.range)).toBe('- -y\n      - "@modelcontextprotocol/server-github"');
    expect(slice(text, item(args, 0).range)).toBe("-y");
    expect(slice(text, item(args, 1).range)).toBe('"@modelcontextprotocol/server-github"');
    const token = member(member(first, "env").value, "GITHUB_TOKEN");
    expect(slice(text, token.keyRange)).toBe("GITHUB_TOKEN");
    expect(slice(text, token.value.range)).toBe("${{ secrets.GITHUB_TOKEN }}");
  });

  it("gives exact ranges in flow sequences", () => {
    const second = item(member(out.root, "mcpServers").value, 1);
    const args = member(second, "args").value;
    expect(slice(text, args.range)).toBe('["-y", "pkg"]');
    expect(slice(text, item(args, 0).range)).toBe('"-y"');
    expect(slice(text, item(args, 1).range)).toBe('"pkg"');
  });

  it("collects comments with exact ranges", () => {
    expect(out.comments).toHaveLength(1);
    expect(out.comments[0]!.text).toBe("the assistant");
    expect(out.comments[0]!.kind).toBe("line");
    expect(slice(text, out.comments[0]!.range)).toBe("# the assistant");
  });

  it("locates pointers through parseDocument", () => {
    const doc = parseDocument("config.yaml", text, "yaml");
    expect(doc.locate("/mcpServers/0/command")).toEqual({ line: 5, column: 14, endLine: 5, endColumn: 17 });
    expect(doc.locate("/mcpServers/1/args/1")).toEqual({ line: 13, column: 18, endLine: 13, endColumn: 23 });
    expect(doc.locate("/mcpServers/0/env/GITHUB_TOKEN", "key")).toEqual({ line: 10, column: 7, endLine: 10, endColumn: 19 });
  });
});

describe("parseYaml: Goose config", () => {
  const text = [
    "GOOSE_PROVIDER: openai",
    "extensions:",
    "  github:",
    "    # GitHub MCP server",
    "    enabled: true",
    "    type: stdio",
    "    cmd: npx",
    "    args: [-y, '@modelcontextprotocol/server-github']",
    "    envs:",
    "      GITHUB_TOKEN: abc",
    "    timeout: 300",
    "  memory:",
    "    enabled: false",
    "    cmd: uvx",
    "    args:",
    "    envs: {}",
    "",
  ].join("\n");
  const out = parseYaml(text);

  it("builds the value with typed scalars", () => {
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      GOOSE_PROVIDER: "openai",
      extensions: {
        github: {
          enabled: true,
          type: "stdio",
          cmd: "npx",
          args: ["-y", "@modelcontextprotocol/server-github"],
          envs: { GITHUB_TOKEN: "abc" },
          timeout: 300,
        },
        memory: { enabled: false, cmd: "uvx", args: null, envs: {} },
      },
    });
  });

  it("gives exact ranges, also for empty values", () => {
    const github = member(member(out.root, "extensions").value, "github");
    expect(slice(text, github.keyRange)).toBe("github");
    expect(slice(text, member(github.value, "cmd").value.range)).toBe("npx");
    expect(slice(text, member(github.value, "timeout").value.range)).toBe("300");
    expect(slice(text, member(github.value, "enabled").value.range)).toBe("true");
    const args = member(github.value, "args").value;
    expect(slice(text, item(args, 1).range)).toBe("'@modelcontextprotocol/server-github'");

    const memory = member(member(out.root, "extensions").value, "memory");
    const emptyArgs = member(memory.value, "args");
    expect(slice(text, emptyArgs.keyRange)).toBe("args");
    expect(emptyArgs.value).toMatchObject({ type: "scalar", value: null });
    expect(emptyArgs.value.range[0]).toBe(emptyArgs.value.range[1]);
    expect(emptyArgs.value.range[0]).toBe(emptyArgs.keyRange[1] + 1); // just after the ':'
    const envs = member(memory.value, "envs").value;
    expect(envs).toMatchObject({ type: "object", members: [] });
    expect(slice(text, envs.range)).toBe("{}");
  });

  it("ends block collections at their last value, not at trailing comments or blank lines", () => {
    const withTrailing = "a:\n  b: 1\n  # trailing\n\nc: 2\n";
    const result = parseYaml(withTrailing);
    expect(slice(withTrailing, member(result.root, "a").value.range)).toBe("b: 1");
    expect(slice(withTrailing, result.comments[0]!.range)).toBe("# trailing");
  });

  it("collects an indented comment line", () => {
    expect(out.comments.map((c) => c.text)).toEqual(["GitHub MCP server"]);
    expect(slice(text, out.comments[0]!.range)).toBe("# GitHub MCP server");
  });
});

describe("parseYaml: details", () => {
  it("keeps duplicate keys as separate members", () => {
    const text = "servers:\n  a:\n    command: one\n  a:\n    command: two\n";
    const out = parseYaml(text);
    expect(out.errors).toEqual([]);
    const servers = member(out.root, "servers").value;
    expect(servers.type === "object" && servers.members.map((m) => m.key)).toEqual(["a", "a"]);
    if (servers.type !== "object") return;
    expect(servers.members.map((m) => slice(text, m.keyRange))).toEqual(["a", "a"]);
    expect(servers.members[0]!.keyRange[0]).toBe(text.indexOf("  a:") + 2);
    expect(servers.members[1]!.keyRange[0]).toBe(text.lastIndexOf("  a:") + 2);
    // As in JSON.parse, the last one wins in the plain value.
    expect(toValue(out.root!)).toEqual({ servers: { a: { command: "two" } } });
  });

  it("resolves aliases to the anchored value, with the alias's range", () => {
    const text = "defaults: &env\n  LOG: debug\nservers:\n  a:\n    env: *env\n  b:\n    env: *env\nname: &n x\nother: *n\n";
    const out = parseYaml(text);
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      defaults: { LOG: "debug" },
      servers: { a: { env: { LOG: "debug" } }, b: { env: { LOG: "debug" } } },
      name: "x",
      other: "x",
    });
    const a = member(member(member(out.root, "servers").value, "a").value, "env");
    expect(slice(text, a.value.range)).toBe("*env");
    expect(a.value.range[0]).toBe(text.indexOf("*env"));
    const b = member(member(member(out.root, "servers").value, "b").value, "env");
    expect(b.value.range[0]).toBe(text.lastIndexOf("*env"));
    // The nodes below an alias keep the anchored text's ranges.
    expect(slice(text, member(a.value, "LOG").value.range)).toBe("debug");
    expect(slice(text, member(out.root, "other").value.range)).toBe("*n");
  });

  it("rejects an alias to an undefined anchor, and a recursive alias", () => {
    const undefinedAnchor = "a: *nope\n";
    const out = parseYaml(undefinedAnchor);
    expect(out.root).toBeUndefined();
    expect(out.errors).toHaveLength(1);
    expect(slice(undefinedAnchor, out.errors[0]!.range)).toBe("*nope");

    const recursive = "a: &x [1, *x]\n";
    const rec = parseYaml(recursive);
    expect(rec.root).toBeUndefined();
    expect(slice(recursive, rec.errors[0]!.range)).toBe("*x");
  });

  it("refuses an alias expansion bomb", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const out = parseYaml(lines.join("\n") + "\n");
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/too large/);
  });

  it("parses scalar types of the YAML 1.2 core schema", () => {
    const text = "s: hello\nq: 'yes'\ni: 42\nh: 0x1F\nf: 1.5\nb: false\nn: null\nt: ~\ny: yes\nd: 2024-01-01\nblock: |\n  line 1\n  line 2\n\nnext: 1\n";
    const out = parseYaml(text);
    expect(out.errors).toEqual([]);
    expect(toValue(out.root!)).toEqual({
      s: "hello",
      q: "yes",
      i: 42,
      h: 31,
      f: 1.5,
      b: false,
      n: null,
      t: null,
      y: "yes",
      d: "2024-01-01",
      block: "line 1\nline 2\n",
      next: 1,
    });
    expect(slice(text, member(out.root, "block").value.range)).toBe("|\n  line 1\n  line 2");
    expect(slice(text, member(out.root, "q").value.range)).toBe("'yes'");
  });

  it("gives flow mappings exact ranges, and a key without a value a zero-length range after it", () => {
    const text = "env: {A: 1, B, 'C': \"x\"}\n";
    const out = parseYaml(text);
    const env = member(out.root, "env").value;
    expect(slice(text, env.range)).toBe("{A: 1, B, 'C': \"x\"}");
    const b = member(env, "B");
    expect(slice(text, b.keyRange)).toBe("B");
    expect(b.value).toEqual({ type: "scalar", range: [b.keyRange[1], b.keyRange[1]], value: null });
    const c = member(env, "C");
    expect(slice(text, c.keyRange)).toBe("'C'");
    expect(slice(text, c.value.range)).toBe('"x"');
  });

  it("collects every comment, including after values and in flow collections", () => {
    const text = "# head\na: 1 # one\nb: [1, # inside\n  2]\nc: | # header\n  text\n#tail";
    const out = parseYaml(text);
    expect(out.errors).toEqual([]);
    expect(out.comments.map((c) => c.text)).toEqual(["head", "one", "inside", "header", "tail"]);
    for (const c of out.comments) {
      expect(slice(text, c.range).startsWith("#")).toBe(true);
      expect(slice(text, c.range).slice(1).trim()).toBe(c.text);
      expect(c.kind).toBe("line");
    }
  });

  it("reads only the first document of a stream", () => {
    const text = "a: 1\n---\nb: 2\n";
    const out = parseYaml(text);
    expect(toValue(out.root!)).toEqual({ a: 1 });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.message).toMatch(/^Only the first YAML document is read/);
    expect(out.errors[0]!.range).toEqual([5, 8]);

    const leading = "---\na: 1\n---\nb: 2\n";
    const second = parseYaml(leading);
    expect(toValue(second.root!)).toEqual({ a: 1 });
    expect(second.errors[0]!.range).toEqual([9, 12]);

    // `...` ends a document; with nothing after it there is a single document.
    expect(parseYaml("a: 1\n...\n# done\n").errors).toEqual([]);
  });

  it("treats an empty file, or one with only comments, as empty and valid", () => {
    expect(parseYaml("")).toEqual({ root: undefined, comments: [], extensions: [], errors: [] });
    expect(parseYaml("\n\n")).toEqual({ root: undefined, comments: [], extensions: [], errors: [] });
    const onlyComments = parseYaml("# nothing here\n");
    expect(onlyComments.root).toBeUndefined();
    expect(onlyComments.errors).toEqual([]);
    expect(onlyComments.comments).toEqual([{ text: "nothing here", range: [0, 14], kind: "line" }]);
  });
});

describe("parseYaml: syntax errors", () => {
  const secret = "ghp_1234567890abcdefghijklmnopqrstuvwxyz";

  it("locates an unexpected token without echoing the source", () => {
    const text = `mcpServers:\n  - name: gh\n    env:\n      TOKEN: "${secret}" extra\n`;
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors.length).toBeGreaterThan(0);
    const [error] = out.errors;
    expect(slice(text, error!.range)).toBe("extra");
    for (const e of out.errors) {
      expect(e.message).not.toContain("ghp_");
      expect(e.message).not.toContain("extra");
      expect(e.message).not.toContain("TOKEN");
    }
  });

  it("reports an unclosed quote at its location", () => {
    const text = `token: "${secret}\n`;
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/quoted string is not closed/);
    expect(out.errors[0]!.range[0]).toBe(text.length);
    expect(JSON.stringify(out.errors)).not.toContain("ghp_");
  });

  it("reports bad indentation", () => {
    const text = "extensions:\n  github:\n    cmd: npx\n   args: []\n";
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.errors[0]!.range[0]).toBeGreaterThanOrEqual(text.indexOf("   args"));
    expect(out.errors[0]!.range[0]).toBeLessThanOrEqual(text.indexOf("args"));
  });

  it("reports an invalid escape in a double-quoted string (Windows paths)", () => {
    const text = 'command: "C:\\Users\\me\\server.exe"\n';
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/escape sequence/);
    expect(out.errors[0]!.message).not.toContain("Users");
    expect(out.errors[0]!.range[0]).toBe(text.indexOf("\\U"));
  });

  it("reports tabs used as indentation", () => {
    const text = "a:\n\t- b\n";
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors.map((e) => e.message).join(" ")).toMatch(/Tabs/);
  });

  it("reports an unclosed flow sequence", () => {
    const text = `args: [-y, ${secret}\nenv: {}\n`;
    const out = parseYaml(text);
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toMatch(/not closed/);
    expect(JSON.stringify(out.errors)).not.toContain("ghp_");
  });
});
