import { describe, expect, it } from "vitest";
import { noHardcodedCredentials } from "../../../../packages/core/src/rules/js/no-hardcoded-credentials.js";
import { runCli, tempDir, write } from "../../../cli/helpers.js";
import { tester } from "./tester.js";

// Split so no scanner mistakes this file for a leak; none of these is a real credential.
const GH = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const OPENAI = "sk-proj-" + "abcdefghij" + "ABCDEFGHIJ1234";
const RANDOM = "f3a9B7c2" + "D8e1F6a4" + "B9c3D7e2";
const SDK = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\n`;

tester().run("no-hardcoded-credentials", noHardcodedCredentials, {
  valid: [
    // From the environment, with an empty or placeholder default.
    { code: `${SDK}const key = process.env.API_KEY ?? "";\nconst token = process.env.GITHUB_TOKEN || "your-api-key";` },
    { code: `${SDK}const apiKey = "<token>";\nconst secret = "xxx";\nconst auth = { Authorization: \`Bearer \${process.env.TOKEN}\` };` },
    // Names and words that are not credentials in code.
    { code: `${SDK}const overall_pass = "boolean";\nconst continuationToken = "next-page-token-abc123";\nconst authStackClientIdOutputKey = "InteractiveOAuthClientId";` },
    // Demo values the SDK's own examples use.
    { code: `${SDK}const provider = { clientId: "demo-m2m-client", clientSecret: "demo-m2m-secret" };` },
    // Test files hold fake tokens on purpose.
    { code: `${SDK}const token = "${GH}";`, filename: "test/server.test.ts" },
    // A module that does not use the MCP SDK is not this rule's.
    { code: `const token = "${GH}";` },
    // Keys and module names are not values.
    { code: `${SDK}const m = { "${GH}": 1 };` },
  ],
  invalid: [
    {
      code: `${SDK}const GITHUB_TOKEN = "${GH}";`,
      errors: [{ messageId: "hardcoded", line: 2, column: 22, endLine: 2, endColumn: 22 + GH.length + 2, data: { where: 'The string for "GITHUB_TOKEN"', kind: "GitHub token", lookup: "process.env.NAME" } }],
    },
    // A known token shape wherever it sits, also as a default of an env lookup and in a template.
    {
      code: `${SDK}const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "${OPENAI}" });\nfetch(u, { headers: { Authorization: \`Bearer ${GH}\` } });`,
      errors: [
        { messageId: "hardcoded", line: 2, column: 67 },
        { messageId: "hardcoded", line: 3, column: 38 },
      ],
    },
    // A random-looking value under a credential name (camelCase too).
    { code: `${SDK}const apiKey = "${RANDOM}";`, errors: [{ messageId: "hardcoded", line: 2, column: 16, data: { where: 'The string for "apiKey"', kind: "credential", lookup: "process.env.NAME" } }] },
    { code: `${SDK}class S { dbPassword = "Tr0ub4dor&3x"; }`, errors: [{ messageId: "hardcoded", line: 2, column: 24, data: { where: 'The string for "dbPassword"', kind: "password", lookup: "process.env.NAME" } }] },
    { code: `${SDK}function connect(token = "${RANDOM}") {}`, errors: [{ messageId: "hardcoded", line: 2, column: 26 }] },
  ],
});

describe("no-hardcoded-credentials: the value never appears in the output", () => {
  it.each(["stylish", "json", "sarif", "github", "markdown"])("built CLI, format %s", (format) => {
    const dir = tempDir();
    write(dir, "src/server.ts", `${SDK}const GITHUB_TOKEN = "${GH}";\nexport const config = { apiKey: "${RANDOM}" };\n`);
    const r = runCli(["--no-config-lookup", "-f", format, "src/server.ts"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.match(/no-hardcoded-credentials/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const secret of [GH, RANDOM, GH.slice(4, 24), RANDOM.slice(0, 16)]) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
