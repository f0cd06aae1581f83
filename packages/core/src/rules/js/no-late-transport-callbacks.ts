import type { TSESTree } from "@typescript-eslint/utils";
import { methodCall, sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { enclosingFunction, findVariableFrom, isFunction, memberPath, unwrapExpression, walk, type Node } from "../../code/js/ast.js";
import { memberName } from "../../code/js/imports.js";
import { TRANSPORT_CALLBACKS } from "../../code/js/sdk-catalog.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "late";
type Options = [];

const TRANSPORT_ROLES = new Set(["client-transport", "stdio-client-transport", "server-transport", "stdio-server-transport", "in-memory-transport"]);

function sameTarget(sdk: SdkFile, a: Node, b: Node): boolean {
  const pa = memberPath(a);
  const pb = memberPath(b);
  if (!pa || !pb || pa.join(".") !== pb.join(".")) return false;
  if (pa[0] === "this") return true;
  return findVariableFrom(sdk.scopeOf(a), pa[0]!) === findVariableFrom(sdk.scopeOf(b), pb[0]!);
}

/** Does this new handler call the one it replaces, read from the same transport beforehand into a variable? */
function chainsPrevious(sdk: SdkFile, handler: Node, callback: string, transport: Node): boolean {
  if (!isFunction(handler)) return false;
  let found = false;
  walk(handler, sdk.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type !== "CallExpression") return undefined;
    let callee = unwrapExpression(n.callee);
    // prev.call(this, …) / prev.apply(…)
    if (callee.type === "MemberExpression" && ["call", "apply"].includes(memberName(callee) ?? "")) callee = unwrapExpression(callee.object);
    if (callee.type !== "Identifier") return undefined;
    const variable = findVariableFrom(sdk.scopeOf(callee), callee.name);
    const def = variable?.defs[0]?.node as Node | undefined;
    const init = def?.type === "VariableDeclarator" && def.init ? unwrapExpression(def.init) : undefined;
    if (init?.type === "MemberExpression" && memberName(init) === callback && sameTarget(sdk, init.object, transport)) found = true;
    return undefined;
  });
  return found;
}

export const noLateTransportCallbacks = createCodeRule<Options, MessageIds>({
  name: "no-late-transport-callbacks",
  meta: {
    type: "problem",
    docs: {
      description: "Set a transport's onclose/onerror/onmessage before connect(), which chains them; afterwards they replace the SDK's handler",
      recommended: true,
      severity: "error",
    },
    messages: {
      late: "Assigning transport.{{callback}} after connect() replaces the handler connect() installed, so the client or server never learns about it ({{effect}}). Set it before connect() (connect() chains it), or use client.{{protocolCallback}} / server.{{protocolCallback}}.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      CallExpression(node) {
        const mc = methodCall(node, "connect");
        const arg = node.arguments[0];
        if (!mc || !arg || arg.type === "SpreadElement") return;
        const transport = unwrapExpression(arg);
        if (!memberPath(transport)) return;
        const isTransport = sdk.classesOf(transport).some((r) => TRANSPORT_ROLES.has(r.symbol.role));
        const isProtocol = sdk.classesOf(mc.receiver).some((r) => r.symbol.role === "client" || r.symbol.role === "server");
        if (!isTransport && !isProtocol) return;
        const fn = enclosingFunction(node);
        const root: Node = fn ? fn.body : sdk.sourceCode.ast;
        walk(root, sdk.sourceCode.visitorKeys, (n) => {
          if (n !== root && isFunction(n)) return false;
          if (n.range[1] <= node.range[1]) return false;
          if (n.type !== "AssignmentExpression" || n.operator !== "=" || n.range[0] < node.range[1]) return undefined;
          const left = unwrapExpression(n.left);
          if (left.type !== "MemberExpression") return undefined;
          const callback = memberName(left);
          if (!callback || !TRANSPORT_CALLBACKS.has(callback) || !sameTarget(sdk, left.object, transport)) return undefined;
          // `const prev = t.onclose; t.onclose = () => { prev?.(); … }` keeps the SDK's handler: not a replacement.
          if (chainsPrevious(sdk, unwrapExpression(n.right), callback, transport)) return undefined;
          context.report({
            node: left as TSESTree.Node,
            messageId: "late",
            data: {
              callback,
              protocolCallback: callback === "onmessage" ? "setRequestHandler()" : callback,
              effect:
                callback === "onclose"
                  ? "pending requests hang until their timeout instead of failing with \"Connection closed\""
                  : callback === "onerror"
                    ? "transport errors no longer reach the protocol layer"
                    : "no message reaches the protocol layer any more",
            },
          });
          return undefined;
        });
      },
    };
  },
});
