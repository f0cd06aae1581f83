import { describe, expect, it } from "vitest";
import { lintPy, py } from "../../python-helpers.js";

const RULE = "no-hardcoded-credentials";
// Built at run time so that no token-shaped string is committed; none is a real credential.
const GH = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const RANDOM = "f3a9B7c2" + "D8e1F6a4" + "B9c3D7e2";

const at = (f: Array<{ line: number; column: number; endColumn: number }>): Array<[number, number, number]> => f.map((x) => [x.line, x.column, x.endColumn]);

describe(`${RULE} (Python)`, () => {
  it("reports known token shapes and credential-named values at the literal, without the value", async () => {
    const text = py`
      import os
      from mcp.server.fastmcp import FastMCP
      GITHUB_TOKEN = "${GH}"
      mcp = FastMCP("x")
      client = Client(api_key="${RANDOM}")
      headers = {"Authorization": "Bearer ${RANDOM}"}
      token = os.getenv("API_TOKEN", "${RANDOM}")
      def connect(db_password="Tr0ub4dor&3x"):
          pass
    `;
    const f = await lintPy(RULE, text);
    expect(at(f)).toEqual([
      [3, 16, 16 + GH.length + 2],
      [5, 25, 25 + RANDOM.length + 2],
      [6, 29, 29 + RANDOM.length + 9],
      [7, 32, 32 + RANDOM.length + 2],
      [8, 25, 39],
    ]);
    expect(f[0]!.message).toContain('The string for "GITHUB_TOKEN" holds a hard-coded GitHub token');
    expect(f[1]!.message).toContain('The string for "api_key" holds a hard-coded credential');
    expect(f[3]!.message).toContain('The string for "API_TOKEN"');
    expect(f[4]!.message).toContain("hard-coded password");
    expect(f[0]!.message).toContain('os.environ["NAME"]');
    for (const x of f) {
      expect(x.message).not.toContain(GH);
      expect(x.message).not.toContain(RANDOM);
    }
  });

  it("leaves env lookups, placeholders, demo values, non-credential names and test files alone", async () => {
    const text = py`
      import os
      from mcp.server.fastmcp import FastMCP
      API_KEY = os.environ.get("API_KEY", "")
      TOKEN = os.getenv("TOKEN") or "your-api-key"
      secret = "<token>"
      client_secret = "demo-m2m-secret"
      overall_pass = "boolean"
      next_page_token = "next-page-token-abc123"
      description = "Pass your GitHub token in GITHUB_TOKEN"
    `;
    expect(await lintPy(RULE, text)).toEqual([]);
    expect(await lintPy(RULE, `from mcp.server.fastmcp import FastMCP\nTOKEN = "${GH}"\n`, {}, "tests/test_server.py")).toEqual([]);
  });
});
