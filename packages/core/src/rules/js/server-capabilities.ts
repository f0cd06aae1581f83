import type { TSESTree } from "@typescript-eslint/utils";
import { requestSchemaKey, sdkFile, type Construction } from "../../code/js/analysis.js";
import { REQUEST_CAPABILITY } from "../../code/js/sdk-catalog.js";
import { hasSpread, objectProperty, propertyKey, unwrapExpression } from "../../code/js/ast.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "missingCapability";
type Options = [];

/**
 * The capability keys a `new Server(info, options)` declares, when the file says them all: no options or no
 * `capabilities` (none), or an object literal of plain keys. Undefined when they cannot be read (a variable, a spread,
 * a computed key).
 */
function declaredCapabilities(construction: Construction): Set<string> | undefined {
  const options = construction.node.arguments[1];
  if (!options) return new Set();
  const o = unwrapExpression(options);
  if (o.type !== "ObjectExpression" || !plainKeys(o)) return undefined;
  const capabilities = objectProperty(o, "capabilities")?.value;
  if (!capabilities) return new Set();
  const c = unwrapExpression(capabilities);
  if (c.type !== "ObjectExpression" || !plainKeys(c)) return undefined;
  const keys = new Set<string>();
  for (const p of c.properties) {
    // `tools: undefined` declares nothing.
    if (p.type === "Property" && !(p.value.type === "Identifier" && p.value.name === "undefined")) keys.add(propertyKey(p)!);
  }
  return keys;
}

/** Every member of the object literal is a property with a key written out (no spread, no computed key). */
function plainKeys(o: TSESTree.ObjectExpression): boolean {
  return !hasSpread(o) && o.properties.every((p) => p.type === "Property" && !p.computed && propertyKey(p) !== undefined);
}

export const serverCapabilities = createCodeRule<Options, MessageIds>({
  name: "server-capabilities",
  meta: {
    type: "problem",
    docs: {
      description: "A low-level Server must declare the capability of every request it handles: setRequestHandler throws otherwise",
      recommended: true,
      severity: "error",
    },
    messages: {
      missingCapability:
        'setRequestHandler({{handler}}) throws when the server starts: this Server declares no "{{capability}}" capability, and the SDK (1.x and 2.x) refuses a handler for {{method}} without it ("Server does not support {{capability}} (required for {{method}})"). Add `{{capability}}: {}` to the capabilities in `new Server(info, { capabilities })`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    // registerCapabilities() anywhere may add the capability at run time: the file cannot tell, so no finding.
    if (sdk.sourceCode.text.includes("registerCapabilities")) return {};
    return {
      Program() {
        for (const c of sdk.constructions) {
          if (!c.resolved.symbol.lowLevel || c.resolved.symbol.role !== "server") continue;
          if (c.target.kind !== "variable" && c.target.kind !== "member") continue;
          const declared = declaredCapabilities(c);
          if (!declared) continue;
          for (const use of sdk.usesOf(c)) {
            if (use.kind !== "call" || use.method !== "setRequestHandler") continue;
            const first = use.call.arguments[0];
            if (!first) continue;
            const key = requestSchemaKey(sdk, first);
            const need = key !== undefined ? REQUEST_CAPABILITY[key] : undefined;
            if (!need || declared.has(need.capability)) continue;
            context.report({
              node: first as TSESTree.Node,
              messageId: "missingCapability",
              data: { handler: context.sourceCode.getText(first as TSESTree.Node), capability: need.capability, method: need.method },
            });
          }
        }
      },
    };
  },
});
