import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../packages/core/src/model/finding.js";
import { lintRule, slice, suggested } from "../helpers.js";

const lint = (file: string, text: string) => lintRule("no-hardcoded-secrets", file, text);

// Test credentials are assembled at run time so the file itself holds no token-shaped literal.
const GH = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const OPENAI = "sk-proj-" + "abcdefghij" + "ABCDEFGHIJ1234";
const SUPABASE = "sbp_" + "0123456789abcdef0123456789abcdef";
const RANDOM = "f3a9B7c2" + "D8e1F6a4" + "B9c3D7e2";
const BEARER = "abcdefABCDEF" + "0123456789";

/** Every text a finding shows: message and suggestion descriptions. */
const shown = (f: Finding) => [f.message, ...(f.suggestions ?? []).map((s) => s.desc)].join("\n");

describe("no-hardcoded-secrets", () => {
  it("reports a GitHub token in env at the value, with the dialect's placeholder", () => {
    const text = `{\n  "servers": {\n    "github": {\n      "command": "npx",\n      "env": { "GITHUB_TOKEN": "${GH}" }\n    }\n  }\n}`;
    const findings = lint(".vscode/mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([5, 32, 5, 74]);
    expect(slice(text, f)).toBe(`"${GH}"`);
    expect(f.pointer).toBe("/servers/github/env/GITHUB_TOKEN");
    expect(f.severity).toBe("error");
    expect(f.message).toBe(
      '"GITHUB_TOKEN" holds a hard-coded GitHub token: anyone who can read this file can use it. Reference it with ${env:GITHUB_TOKEN} instead and set GITHUB_TOKEN in the environment (and rotate this token).',
    );
    expect(f.fix).toBeUndefined();
    expect(f.suggestions![0]!.desc).toBe("Replace the secret with ${env:GITHUB_TOKEN}");
    expect(suggested(text, f)).toBe(text.replace(GH, "${env:GITHUB_TOKEN}"));
  });

  it("keeps a Bearer prefix in header suggestions", () => {
    const text = JSON.stringify({ mcpServers: { api: { type: "http", url: "https://x.dev/mcp", headers: { Authorization: `Bearer ${BEARER}` } } } });
    const [f] = lint(".mcp.json", text);
    expect(f!.message).toMatch(/^Header "Authorization" holds a hard-coded bearer token: .* Reference it with \$\{API_TOKEN\} instead/);
    expect(suggested(text, f!)).toBe(text.replace(`Bearer ${BEARER}`, "Bearer ${API_TOKEN}"));
  });

  it("finds credentials in args: option values, --opt=value, NAME=value, headers, tokens, URLs", () => {
    const args = [
      "--api-key", RANDOM,
      `--access-token=${SUPABASE}`,
      "-e", `OPENAI_API_KEY=${OPENAI}`,
      "--header", `Authorization: Bearer ${BEARER}`,
      GH,
      `https://x.dev/mcp?api_key=${RANDOM}`,
    ];
    const text = JSON.stringify({ mcpServers: { svc: { command: "npx", args } } }, null, 2);
    const findings = lint(".cursor/mcp.json", text);
    expect(findings.map((f) => f.pointer)).toEqual([1, 2, 4, 6, 7, 8].map((i) => `/mcpServers/svc/args/${i}`));
    expect(findings.map((f) => f.message.split(" holds")[0])).toEqual([
      "The value of --api-key",
      "The value of --access-token",
      '"OPENAI_API_KEY" in this argument',
      'Header "Authorization" in this argument',
      "This argument",
      'This URL\'s parameter "api_key"',
    ]);
    const after = findings.map((f) => JSON.parse(suggested(text, f)).mcpServers.svc.args);
    expect(after[0][1]).toBe("${env:SVC_API_KEY}");
    expect(after[1][2]).toBe("--access-token=${env:SVC_ACCESS_TOKEN}");
    expect(after[2][4]).toBe("OPENAI_API_KEY=${env:OPENAI_API_KEY}");
    expect(after[3][6]).toBe("Authorization: Bearer ${env:SVC_TOKEN}");
    expect(after[4][7]).toBe("${env:SVC_TOKEN}");
    expect(after[5][8]).toBe("https://x.dev/mcp?api_key=${env:SVC_API_KEY}");
  });

  it("finds passwords in URL user info and secrets in the query, without showing them", () => {
    const url = `https://admin:hunter2pass@mcp.example.com/mcp?api_key=${RANDOM}&project_ref=abc`;
    const text = JSON.stringify({ mcpServers: { db: { type: "http", url } } });
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.message).toMatch(/^The URL's user info \(and 1 more part of it\) holds a hard-coded password: .*\(and change this password\)\.$/);
    expect(shown(f)).not.toMatch(/admin|hunter2pass|f3a9/);
    expect(f.suggestions![0]!.desc).toBe("Replace the secrets with ${DB_PASSWORD} and ${DB_API_KEY}");
    expect(JSON.parse(suggested(text, f)).mcpServers.db.url).toBe("https://admin:${DB_PASSWORD}@mcp.example.com/mcp?api_key=${DB_API_KEY}&project_ref=abc");
    // A user name alone is not a secret; a placeholder password is fine.
    expect(lint(".mcp.json", JSON.stringify({ mcpServers: { a: { type: "http", url: "https://user@x.dev/mcp" } } }))).toEqual([]);
    expect(lint(".mcp.json", JSON.stringify({ mcpServers: { a: { type: "http", url: "https://user:${PASS}@x.dev/mcp" } } }))).toEqual([]);
  });

  it("gives client-specific advice and suggests placeholders only where the client expands them", () => {
    const env = { GITHUB_TOKEN: GH };
    const desktop = lint("claude_desktop_config.json", JSON.stringify({ mcpServers: { gh: { command: "npx", env } } }));
    expect(desktop[0]!.message).toContain(
      "Claude Desktop does not expand variables: keep this file out of version control or use a wrapper script that reads the secret (and rotate this token).",
    );
    expect(desktop[0]!.suggestions).toBeUndefined();
    for (const [file, text] of [
      ["cline_mcp_settings.json", JSON.stringify({ mcpServers: { gh: { command: "npx", env } } })],
      [".zed/settings.json", JSON.stringify({ context_servers: { gh: { command: "npx", args: [], env } } })],
    ] as const) {
      const [f] = lint(file, text);
      expect(f!.message, file).toContain("does not expand variables");
      expect(f!.suggestions, file).toBeUndefined();
    }
    const [oc] = lint("opencode.json", JSON.stringify({ mcp: { gh: { type: "local", command: ["npx", "x"], environment: env } } }));
    expect(oc!.message).toContain("Reference it with {env:GITHUB_TOKEN} instead");
    const [goose] = lint("goose/config.yaml", `extensions:\n  gh:\n    type: stdio\n    cmd: npx\n    args: []\n    envs:\n      GITHUB_TOKEN: ${GH}\n`);
    expect(goose!.message).toContain('list "GITHUB_TOKEN" under env_keys');
    expect(goose!.suggestions).toBeUndefined();
  });

  it("uses env_vars, bearer_token_env_var and env_http_headers for Codex (TOML)", () => {
    const text = `[mcp_servers.gh]\ncommand = "npx"\nenv = { GITHUB_TOKEN = "${GH}" }\n\n[mcp_servers.remote]\nurl = "https://x.dev/mcp"\nhttp_headers = { Authorization = "Bearer ${BEARER}", "X-Api-Key" = "${RANDOM}" }\n`;
    const findings = lint(".codex/config.toml", text);
    expect(findings.map((f) => slice(text, f))).toEqual([`"${GH}"`, `"Bearer ${BEARER}"`, `"${RANDOM}"`]);
    expect(findings[0]!.message).toContain('forward the variable with env_vars = ["GITHUB_TOKEN"]');
    expect(findings[1]!.message).toContain('Use bearer_token_env_var = "REMOTE_TOKEN" instead');
    expect(findings[2]!.message).toContain('Use env_http_headers = { "X-Api-Key" = "REMOTE_API_KEY" } instead');
    expect(findings.every((f) => f.suggestions === undefined)).toBe(true);
  });

  it("suggests ${{ secrets.NAME }} in Continue YAML", () => {
    const text = `name: x\nversion: 0.0.1\nmcpServers:\n  - name: gh\n    command: npx\n    env:\n      GITHUB_TOKEN: ${GH}\n`;
    const [f, ...rest] = lint(".continue/mcpServers/gh.yaml", text);
    expect(rest).toEqual([]);
    expect([f!.line, f!.column, f!.endLine, f!.endColumn]).toEqual([7, 21, 7, 61]);
    expect(f!.message).toContain("Reference it with ${{ secrets.GITHUB_TOKEN }} instead and store the value as a Continue secret");
    expect(suggested(text, f!)).toBe(text.replace(GH, '"${{ secrets.GITHUB_TOKEN }}"'));
  });

  it("checks registry remote URLs", () => {
    const text = JSON.stringify({ $schema: "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", remotes: [{ type: "streamable-http", url: `https://x.dev/mcp?apiKey=${RANDOM}` }] });
    const [f] = lint("server.json", text);
    expect(f!.message).toContain('Use a {api_key} URL variable declared under "variables" with "isSecret": true');
    expect(lint("server.json", text.replace(RANDOM, "{api_key}"))).toEqual([]);
  });

  it("does not report placeholders, paths, URLs, booleans, numbers, short values, models or packages", () => {
    const env: Record<string, unknown> = {
      GITHUB_TOKEN: "${env:GITHUB_TOKEN}",
      API_KEY: "${input:api-key}",
      OPENAI_API_KEY: "<your-token>",
      SLACK_TOKEN: "xxxx",
      STRIPE_SECRET: "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
      PASSWORD: "changeme",
      AUTH_TOKEN: "your-auth-token-here",
      TOKEN_FILE: "secrets/token.json",
      API_KEY_PATH: "C:\\Users\\me\\keys\\openai.key",
      CREDENTIALS_DIR: "/home/me/.config/gcloud/credentials",
      AUTH_URL: "https://auth.example.com/oauth2/authorize?client_id=abc",
      AUTH_ENABLED: "true",
      TOKEN_TTL: "3600",
      SECRET_NAME: "prod/github-mcp/AppToken2024",
      ANTHROPIC_MODEL: "claude-3-5-sonnet-20241022",
      MODEL: "gpt-4o-2024-08-06-Preview",
      LOG_LEVEL: "debug",
      NODE_ENV: "production",
      PORT: 3000,
      DEBUG: true,
      API_KEY_SHORT: "abc123",
    };
    const text = JSON.stringify({
      servers: {
        a: {
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-github@1.2.3", "--token", "${env:TOKEN}", "--config", "./config/api-keys.json", "--api-key-file", "keys/api.key", "/Users/me/projects/AbCdEf0123456789"],
          env,
        },
        b: { type: "http", url: "https://mcp.example.com/mcp?project_ref=abcdefghijklmnop&token=${input:tok}", headers: { Authorization: "Bearer ${input:token}", "X-Request-Id": "0f8fad5b-d9cb-469f-a165-70867728950e" } },
      },
    });
    expect(lint(".vscode/mcp.json", text)).toEqual([]);
  });

  it("property: every token kind is found and never shown, in env, headers and args", () => {
    const alnum = "ABCDEFGHIJKLMNOPQRSTUVWZabcdefghijklmnopqrstuvwz0123456789".split("");
    const upper = "ABCDEFGHIJKLMNOPQRSTUVWZ0123456789".split("");
    const body = (min: number, max = min, chars = alnum) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
    const kinds: Record<string, fc.Arbitrary<string>> = {
      github: body(36, 40).map((b) => "ghp_" + b),
      githubPat: body(40, 50).map((b) => "github_pat_" + b),
      anthropic: body(20, 40).map((b) => "sk-ant-api03-" + b),
      openai: body(20, 40).map((b) => "sk-proj-" + b),
      slack: body(10, 30).map((b) => "xoxb-" + b),
      aws: body(16, 16, upper).map((b) => "AKIA" + b),
      google: body(35).map((b) => "AIza" + b),
      gitlab: body(20, 30).map((b) => "glpat-" + b),
      stripe: body(20, 30).map((b) => "sk_live_" + b),
      supabase: body(30, 40).map((b) => "sbp_" + b),
      npm: body(36).map((b) => "npm_" + b),
      huggingface: body(30, 40).map((b) => "hf_" + b),
      jwt: fc.tuple(body(10, 20), body(10, 20), body(10, 20)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
      bearer: body(16, 40).map((b) => "Bearer " + b),
      basic: body(12, 40).map((b) => "Basic " + b),
      privateKey: body(40, 80).map((b) => `-----BEGIN RSA PRIVATE KEY-----\n${b}\n-----END RSA PRIVATE KEY-----`),
    };
    const places = fc.constantFrom("env", "header", "arg", "flag");
    const files = fc.constantFrom(".vscode/mcp.json", ".mcp.json", "claude_desktop_config.json", ".cursor/mcp.json", ".gemini/settings.json", "opencode.json");
    for (const [kind, arb] of Object.entries(kinds)) {
      fc.assert(
        fc.property(arb, places, files, (token, place, file) => {
          // Claude Desktop entries have no headers.
          fc.pre(!(place === "header" && file === "claude_desktop_config.json"));
          const secret = kind === "bearer" || kind === "basic" ? token.replace(/^\w+ /, "") : kind === "privateKey" ? token.split("\n")[1]! : token;
          const entry: Record<string, unknown> = { command: "npx", args: ["-y", "pkg@1.0.0"] };
          if (place === "env") entry.env = { SOME_SETTING: token };
          if (place === "header") entry.headers = { "X-Custom": token };
          if (place === "arg") entry.args = ["-y", "pkg@1.0.0", token];
          if (place === "flag") entry.args = ["-y", "pkg@1.0.0", `--auth=${token}`];
          let root: unknown = { mcpServers: { s: entry } };
          if (file === ".vscode/mcp.json") root = { servers: { s: entry } };
          if (file === "opencode.json") {
            const env = entry.env as Record<string, unknown> | undefined;
            root = { mcp: { s: { type: "local", command: ["npx", ...(entry.args as string[])], ...(env ? { environment: env } : {}), ...(entry.headers ? { headers: entry.headers } : {}) } } };
          }
          const text = JSON.stringify(root);
          const findings = lint(file, text);
          expect(findings, `${kind} in ${place} of ${file}`).toHaveLength(1);
          const f = findings[0]!;
          expect(shown(f)).not.toContain(secret);
          expect(shown(f)).not.toContain(secret.slice(-12));
          for (const s of f.suggestions ?? []) expect(s.fix.text).not.toContain(secret);
        }),
        { numRuns: 25 },
      );
    }
  });

  it("property: placeholders are never reported, whatever the name", () => {
    const name = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ_".split("")), minLength: 1, maxLength: 24 });
    const forms = fc.constantFrom(
      (n: string) => `\${env:${n}}`,
      (n: string) => `\${input:${n.toLowerCase()}}`,
      (n: string) => `\${${n}}`,
      (n: string) => `{env:${n}}`,
      (n: string) => `Bearer \${env:${n}}`,
      (n: string) => `<your-${n.toLowerCase()}>`,
      () => "xxxx",
      () => "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    );
    fc.assert(
      fc.property(name, forms, (n, form) => {
        const value = form(n);
        const text = JSON.stringify({ servers: { s: { command: "npx", args: ["--api-key", value, `--token=${value}`], env: { [`${n}_API_KEY`]: value, GITHUB_TOKEN: value }, headers: { Authorization: value } } } });
        expect(lint(".vscode/mcp.json", text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("no-hardcoded-secrets wording (issue 12)", () => {
  it("names a Basic-auth credential in the singular", () => {
    const f = lintRule("no-hardcoded-secrets", ".vscode/mcp.json", `{"servers": {"a": {"type": "http", "url": "https://x.dev/mcp", "headers": {"Authorization": "Basic dXNlcjpwYXNzd29yZDEyMw=="}}}}`);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining("a hard-coded Basic-auth credential:")]);
  });
});

describe("no-hardcoded-secrets: short plaintext passwords under a password-like name (issue 12)", () => {
  const env = (k: string, v: string) => JSON.stringify({ mcpServers: { a: { command: "x", env: { [k]: v } } } });
  it("reports a plaintext password under *PASSWORD*, *_SECRET, *_PASS, without quoting it", () => {
    for (const [k, v] of [["DB_PASSWORD", "hunter22"], ["APP_SECRET", "s3cr3tval"], ["SMTP_PASS", "mailpw12"], ["MYSQL_ROOT_PASSWORD", "Tr0ub4dor&3"]]) {
      const findings = lintRule("no-hardcoded-secrets", ".cursor/mcp.json", env(k!, v!));
      expect(findings.map((f) => [f.pointer, f.severity]), k).toEqual([[`/mcpServers/a/env/${k}`, "error"]]);
      expect(findings[0]!.message).toContain("hard-coded password");
      expect(findings[0]!.message).not.toContain(v!);
    }
  });

  it("leaves placeholders, well-known defaults, short values, paths and non-secret names alone", () => {
    for (const [k, v] of [["DB_PASSWORD", "changeme"], ["DB_PASSWORD", "your_password"], ["DB_PASSWORD", "password"], ["DB_PASSWORD", "postgres"], ["DB_PASSWORD", "root"], ["DB_PASSWORD", "admin123"], ["DB_PASSWORD", "12345678"], ["DB_PASSWORD", "abc"], ["PASSWORD_FILE", "/run/secrets/pw"], ["DB_PASSWORD", "/run/secrets/pw"], ["PASS_THROUGH", "enabled"], ["BYPASS", "yes-please"], ["DB_PASSWORD", "${DB_PASSWORD}"]]) {
      expect(lintRule("no-hardcoded-secrets", ".cursor/mcp.json", env(k!, v!)), `${k}=${v}`).toEqual([]);
    }
  });
});
