import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/js/analysis.js";
import { nodesOfType, outerParent, propertyKey, type Node } from "../../code/js/ast.js";
import { memberName } from "../../code/js/imports.js";
import { classify } from "../config/no-hardcoded-secrets.js";
import { isTestPath } from "../../util/paths.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "hardcoded";
type Options = [];

/** Longest literal looked at (a private key block is ~3.3k characters; longer strings are data, not credentials). */
const MAX_LITERAL = 8192;

export const noHardcodedCredentials = createCodeRule<Options, MessageIds>({
  name: "no-hardcoded-credentials",
  meta: {
    type: "problem",
    docs: {
      description: "Credentials must not be written as string literals in MCP server or client code",
      recommended: true,
      severity: "error",
      securitySeverity: 7.5,
    },
    messages: {
      hardcoded:
        "{{where}} holds a hard-coded {{kind}}: anyone who can read this code (the repository, the published package) can use it. Read it from the environment ({{lookup}}) or a secret store, and revoke this one.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Test files hold fake tokens on purpose (measured: docs/precision.md).
    if (isTestPath(context.filename)) return {};
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        const check = (node: Node, text: string): void => {
          if (text.length < 6 || text.length > MAX_LITERAL) return;
          const name = nameOf(node);
          const kind = codeCredential(name, text);
          if (!kind) return;
          const where = name === undefined ? "This string" : `The string for ${JSON.stringify(name)}`;
          context.report({ node, messageId: "hardcoded", data: { where, kind, lookup: "process.env.NAME" } });
        };
        for (const lit of nodesOfType(sdk.sourceCode, "Literal")) {
          if (typeof lit.value !== "string" || isKeyOrModule(lit)) continue;
          check(lit, lit.value);
        }
        for (const t of nodesOfType(sdk.sourceCode, "TemplateLiteral")) {
          if (t.expressions.length > 0 || t.parent?.type === "TaggedTemplateExpression") continue;
          check(t, t.quasis[0]?.value.cooked ?? "");
        }
      },
    };
  },
});

/**
 * The config rule's detector (known token shapes, then credential-like names with random-looking or password-like
 * values), with what code adds to a config's names and values left out: see DEMO_WORD, NOT_CREDENTIAL_NAME and
 * identifierLike.
 */
export function codeCredential(name: string | undefined, text: string): string | undefined {
  const snake = name === undefined ? undefined : snakeCase(name);
  if (snake !== undefined && NOT_CREDENTIAL_NAME.test(snake)) return classify(undefined, text);
  const kind = classify(snake, text);
  if (kind === "password" && (DEMO_WORD.test(text) || !PASSWORD_WORD.test(snake ?? ""))) return undefined;
  if (kind === "credential" && identifierLike(text)) return undefined;
  return kind;
}

/** Names of tokens that are not credentials: pagination, progress and cancellation tokens, CSRF field names... */
const NOT_CREDENTIAL_NAME = /(continuation|page|next|cursor|sync|progress|cancel(lation)?|resume|csrf|xsrf)_?token|token_?(type|count|limit|usage|budget|url|endpoint|name|key_name|env|var|header|field|param)$/i;

/** In code, `pass` and `secret` are ordinary words (`overall_pass: "boolean"`): a plaintext password needs a password name. */
const PASSWORD_WORD = /(^|_)(password|passwd|pwd|passphrase)(_|$)/i;

/** Letters only, in CamelCase words of four letters or more on average (`InteractiveOAuthClientId`): a name, not a token. */
function identifierLike(text: string): boolean {
  if (!/^[A-Za-z]+$/.test(text)) return false;
  const words = text.match(/[A-Z]+[a-z]*|[a-z]+/g) ?? [];
  return words.length > 0 && text.length / words.length >= 4;
}

/**
 * A plaintext password in code that names itself a demo value (`"demo-m2m-secret"`, `"reporting-job-secret"`,
 * `"test-password"`): example code, the SDK's own among it, writes these on purpose. Known token shapes and
 * random-looking values are still reported whatever they contain.
 */
const DEMO_WORD = /demo|example|sample|test|dummy|fake|mock|secret|passw(or)?d|placeholder|changeme|insecure/i;

/** `githubToken` → `github_Token`, so the credential-name test (words split at `_`/`-`) sees camelCase words. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
}

/** A string that is a property key, an import/export source or a TypeScript literal type: not a value. */
function isKeyOrModule(lit: TSESTree.Literal): boolean {
  const p = lit.parent;
  if (!p) return true;
  if (p.type === "Property" && p.key === lit) return true;
  if ((p.type === "PropertyDefinition" || p.type === "MethodDefinition" || p.type === "TSPropertySignature") && p.key === lit) return true;
  if (p.type === "ImportDeclaration" || p.type === "ExportNamedDeclaration" || p.type === "ExportAllDeclaration" || p.type === "ImportExpression") return true;
  if (p.type === "TSLiteralType" || p.type === "TSExternalModuleReference" || p.type === "TSEnumMember" && p.id === lit) return true;
  return false;
}

/**
 * The name a string is given: the variable, property, parameter or member it initialises or is assigned to, or the
 * environment variable it is the default of (`process.env.API_KEY ?? "…"`).
 */
function nameOf(node: Node): string | undefined {
  const { parent, child } = outerParent(node);
  if (!parent) return undefined;
  switch (parent.type) {
    case "VariableDeclarator":
      return parent.init === child && parent.id.type === "Identifier" ? parent.id.name : undefined;
    case "Property":
      return parent.value === child ? propertyKey(parent) : undefined;
    case "PropertyDefinition":
      return parent.value === child && parent.key.type === "Identifier" && !parent.computed ? parent.key.name : undefined;
    case "AssignmentPattern":
      return parent.right === child && parent.left.type === "Identifier" ? parent.left.name : undefined;
    case "AssignmentExpression":
      if (parent.right !== child) return undefined;
      if (parent.left.type === "Identifier") return parent.left.name;
      return parent.left.type === "MemberExpression" ? memberName(parent.left) : undefined;
    case "LogicalExpression": {
      if (parent.right !== child || (parent.operator !== "??" && parent.operator !== "||")) return undefined;
      const left = parent.left.type === "ChainExpression" ? parent.left.expression : parent.left;
      return left.type === "MemberExpression" ? memberName(left) : left.type === "Identifier" ? left.name : nameOf(parent);
    }
    default:
      return undefined;
  }
}
