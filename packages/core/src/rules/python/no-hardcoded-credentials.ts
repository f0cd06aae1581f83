import { stringValue } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { isTestPath } from "../../util/paths.js";
import { codeCredential } from "../js/no-hardcoded-credentials.js";
import { definePythonRule } from "./types.js";

type MessageIds = "hardcoded";

/** Longest literal looked at (a private key block is ~3.3k characters). */
const MAX_LITERAL = 8192;

/**
 * Python side of no-hardcoded-credentials: a credential written as a string literal in MCP code (known token
 * shapes anywhere; random-looking or password values under a credential-like name), reported at the literal,
 * never quoted. Same detector as the JavaScript rule and the config rule no-hardcoded-secrets.
 */
export const noHardcodedCredentialsPython = definePythonRule<MessageIds>({
  meta: {
    id: "no-hardcoded-credentials",
    description: "Credentials must not be written as string literals in MCP server or client code",
    severity: "error",
    recommended: true,
    securitySeverity: 7.5,
    messages: {
      hardcoded:
        "{{where}} holds a hard-coded {{kind}}: anyone who can read this code (the repository, the published package) can use it. Read it from the environment ({{lookup}}) or a secret store, and revoke this one.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, path, report }) {
    // Test files hold fake tokens on purpose (measured: docs/precision.md).
    if (isTestPath(path)) return;
    for (const node of file.nodes("string")) {
      if (node.parent?.type === "concatenated_string") continue;
      const text = stringValue(node);
      if (text === undefined || text.length < 6 || text.length > MAX_LITERAL) continue;
      const name = nameOf(node);
      const kind = codeCredential(name, text);
      if (!kind) continue;
      const where = name === undefined ? "This string" : `The string for ${JSON.stringify(name)}`;
      report({ node, messageId: "hardcoded", data: { where, kind, lookup: 'os.environ["NAME"]' } });
    }
  },
});

/** The last name of `a.b.c` or `a`. */
function lastName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "identifier") return node.text;
  if (node.type === "attribute") return node.childForFieldName("attribute")?.text;
  return undefined;
}

/**
 * The name a string is given: assigned to (`API_KEY = "…"`, `self.token = "…"`), a keyword argument, a dict value
 * under a string key, a parameter default, or the default of an environment lookup (`os.getenv("TOKEN", "…")`,
 * `os.environ.get("TOKEN") or "…"`).
 */
function nameOf(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case "assignment":
      return parent.childForFieldName("right")?.id === node.id ? lastName(parent.childForFieldName("left")) : undefined;
    case "keyword_argument":
    case "default_parameter":
    case "typed_default_parameter":
      return parent.childForFieldName("value")?.id === node.id ? parent.childForFieldName("name")?.text : undefined;
    case "pair":
      return parent.childForFieldName("value")?.id === node.id ? stringValue(parent.childForFieldName("key")) ?? lastName(parent.childForFieldName("key")) : undefined;
    case "boolean_operator": {
      if (parent.childForFieldName("right")?.id !== node.id) return undefined;
      const left = parent.childForFieldName("left");
      return left?.type === "call" ? envName(left) : lastName(left) ?? nameOf(parent);
    }
    case "argument_list": {
      // os.getenv("NAME", "default"), os.environ.get("NAME", "default")
      const call = parent.parent;
      const args = parent.namedChildren;
      if (call?.type !== "call" || args.length < 2 || args[1]?.id !== node.id) return undefined;
      return envName(call);
    }
    default:
      return undefined;
  }
}

/** `os.getenv("NAME")`, `os.environ.get("NAME")`, `environ.get("NAME")`: the variable's name. */
function envName(call: Node): string | undefined {
  const callee = call.childForFieldName("function")?.text ?? "";
  if (!/(^|\.)(getenv|environ\.get)$/.test(callee)) return undefined;
  const first = call.childForFieldName("arguments")?.namedChildren[0];
  return stringValue(first);
}
