import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import {
  findVariableFrom,
  memberPath,
  nodeIndex,
  nodesOfType,
  outerParent,
  rangeKey,
  staticString,
  unwrapExpression,
  walk,
  type Node,
  type Scope,
  type Variable,
} from "./ast.js";
import {
  bindingOf,
  collectImports,
  importsSdk,
  memberName,
  resolveSdkSymbol,
  requireSpecifier,
  resolveImport,
  type FileImports,
  type ResolvedSdkSymbol,
} from "./imports.js";
import { isSdkSpecifier, sdkModule, sdkSymbol, type SdkRole } from "./sdk-catalog.js";

/**
 * The per-file model the code rules share: imports, every construction of an
 * SDK class (`new Client(...)`), every call of an SDK function, and where each
 * constructed instance goes (a variable, a `this.x` member, out of the file's
 * sight, or nowhere). Built once per AST and cached; `undefined` for files that
 * import no MCP SDK module, so rules can return `{}` early.
 */

export type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where a constructed instance ends up. */
export type InstanceTarget =
  /** `const x = new X()`, `x = new X()` */
  | { kind: "variable"; variable: Variable }
  /** `this.x = new X()`, class field `x = new X()` */
  | { kind: "member"; name: string; classBody: TSESTree.ClassBody; isPrivate: boolean }
  /** `new X().method(...)` */
  | { kind: "receiver"; member: TSESTree.MemberExpression }
  /** `new X();` as a statement */
  | { kind: "dropped" }
  /** Returned, exported, passed on, stored in a structure...: used where this file cannot see. */
  | { kind: "escaped" };

export interface Construction {
  node: TSESTree.NewExpression;
  resolved: ResolvedSdkSymbol;
  target: InstanceTarget;
}

export interface SdkCall {
  node: TSESTree.CallExpression;
  resolved: ResolvedSdkSymbol;
}

/** How one use of an instance treats it. */
export type InstanceUse =
  /** `x.method(...)` */
  | { kind: "call"; method: string; call: TSESTree.CallExpression; member: TSESTree.MemberExpression }
  /** `x.prop = value` */
  | { kind: "write"; property: string; assignment: TSESTree.AssignmentExpression; member: TSESTree.MemberExpression }
  /** `x.prop` read */
  | { kind: "read"; property: string; member: TSESTree.MemberExpression }
  /** `f(x)` / `o.m(x)`: passed as an argument */
  | { kind: "argument"; call: TSESTree.CallExpression | TSESTree.NewExpression; index: number }
  /** Anything else: returned, stored, exported, compared... */
  | { kind: "escape"; node: Node };

export interface SdkFile {
  sourceCode: SourceCode;
  imports: FileImports;
  constructions: Construction[];
  calls: SdkCall[];
  scopeOf(node: Node): Scope;
  /** The SDK symbol an expression names. */
  symbolOf(expr: Node): ResolvedSdkSymbol | undefined;
  /** Instances an expression (identifier or `this.x`) may hold, by construction in this file. */
  instancesOf(expr: Node): Construction[];
  /** The SDK class an identifier or `this.x` is declared as (`server: McpServer`, `private client?: Client`). */
  declaredType(expr: Node): ResolvedSdkSymbol | undefined;
  /** SDK classes an expression holds: by construction in this file, or by its declared type. */
  classesOf(expr: Node): ResolvedSdkSymbol[];
  /** Does the file import or use any symbol with one of these roles? */
  uses(...roles: SdkRole[]): boolean;
  /** Every use of the instance created by a construction (empty for escaped / dropped ones). */
  usesOf(construction: Construction): InstanceUse[];
}

const cache = new WeakMap<object, SdkFile | null>();

/** The SDK model of the file being linted, or undefined when it imports no MCP SDK module. */
export function sdkFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): SdkFile | undefined {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  const cached = cache.get(ast);
  if (cached !== undefined) return cached ?? undefined;
  // Cheap text prefilter before any walking.
  const result = sourceCode.text.includes("@modelcontextprotocol/") ? build(sourceCode) : undefined;
  cache.set(ast, result ?? null);
  return result;
}

/** Imports of any file (SDK or not), cached; for rules that look at non-SDK modules too. */
export function fileImports(sourceCode: SourceCode): FileImports {
  const key = sourceCode.ast as object;
  const hit = importCache.get(key);
  if (hit) return hit;
  const imports = collectImports(sourceCode.ast, sourceCode.visitorKeys, nodeIndex(sourceCode).all);
  importCache.set(key, imports);
  return imports;
}
const importCache = new WeakMap<object, FileImports>();

/** Drops a file's SDK model and imports once its findings are made (`releaseSourceCode` in ./runner.ts). */
export function forgetSdkFile(ast: object): void {
  cache.delete(ast);
  importCache.delete(ast);
}

function build(sourceCode: SourceCode): SdkFile | undefined {
  const imports = fileImports(sourceCode);
  if (!importsSdk(imports)) return undefined;
  const scopeOf = (node: Node): Scope => sourceCode.getScope(node);
  const localNames = new Set(imports.bindings.filter((b) => isSdkSpecifier(b.module)).map((b) => b.local));

  const news = nodesOfType(sourceCode, "NewExpression");
  const callNodes = nodesOfType(sourceCode, "CallExpression");

  const mayName = (callee: Node): boolean => {
    const n = unwrapExpression(callee);
    if (n.type === "Identifier") return localNames.has(n.name);
    if (n.type === "MemberExpression") {
      let o = unwrapExpression(n.object);
      if (o.type === "MemberExpression") o = unwrapExpression(o.object);
      if (o.type === "Identifier") return localNames.has(o.name);
      return requireSpecifier(o) !== undefined;
    }
    return false;
  };
  const symbolOf = (expr: Node): ResolvedSdkSymbol | undefined => (mayName(expr) ? resolveSdkSymbol(imports, expr, scopeOf(expr)) : undefined);

  const constructions: Construction[] = [];
  for (const node of news) {
    const resolved = symbolOf(node.callee);
    if (!resolved || resolved.symbol.kind !== "class") continue;
    constructions.push({ node, resolved, target: targetOf(node, sourceCode) });
  }
  const calls: SdkCall[] = [];
  for (const node of callNodes) {
    const resolved = symbolOf(node.callee);
    if (resolved && resolved.symbol.kind === "function") calls.push({ node, resolved });
  }

  const byVariable = new Map<Variable, Construction[]>();
  const byMember = new Map<string, Construction[]>();
  for (const c of constructions) {
    if (c.target.kind === "variable") {
      const list = byVariable.get(c.target.variable) ?? [];
      list.push(c);
      byVariable.set(c.target.variable, list);
    } else if (c.target.kind === "member") {
      const key = `${rangeKey(c.target.classBody)}#${c.target.name}`;
      const list = byMember.get(key) ?? [];
      list.push(c);
      byMember.set(key, list);
    }
  }

  const usedRoles = new Set<SdkRole>();
  for (const b of imports.bindings) {
    if (b.imported === "*" || b.typeOnly) continue;
    const r = resolveSdkSymbol(imports, b.id, scopeOf(b.id));
    if (r) usedRoles.add(r.symbol.role);
  }
  for (const c of constructions) usedRoles.add(c.resolved.symbol.role);
  for (const c of calls) usedRoles.add(c.resolved.symbol.role);

  const instancesOf = (expr: Node): Construction[] => {
    const n = unwrapExpression(expr);
    if (n.type === "Identifier") {
      const v = findVariableFrom(scopeOf(n), n.name);
      return (v && byVariable.get(v)) || [];
    }
    if (n.type === "MemberExpression" && unwrapExpression(n.object).type === "ThisExpression") {
      const name = memberKey(n);
      const body = enclosingClassBody(n);
      if (name === undefined || !body) return [];
      return byMember.get(`${rangeKey(body)}#${name}`) ?? [];
    }
    return [];
  };

  /** The SDK class named by a type annotation (`Client`, `sdk.Client`, `Client | undefined`). */
  const typeSymbol = (annotation: TSESTree.TypeNode | undefined): ResolvedSdkSymbol | undefined => {
    if (!annotation) return undefined;
    if (annotation.type === "TSUnionType") {
      const found = annotation.types.map(typeSymbol).filter((x): x is ResolvedSdkSymbol => !!x);
      return found.length === 1 ? found[0] : undefined;
    }
    if (annotation.type !== "TSTypeReference") return undefined;
    const name = annotation.typeName;
    if (name.type === "Identifier") return resolveSdkSymbol(imports, name, scopeOf(name), true);
    if (name.type === "TSQualifiedName" && name.left.type === "Identifier") {
      const b = bindingOf(imports, name.left, scopeOf(name), true);
      if (!b || b.imported !== "*") return undefined;
      const symbol = sdkSymbol(b.module, name.right.name);
      return symbol ? { module: b.module, name: name.right.name, binding: b, symbol, catalog: sdkModule(b.module) } : undefined;
    }
    return undefined;
  };
  const annotationOf = (node: Node | undefined): TSESTree.TypeNode | undefined => {
    const ta = node && "typeAnnotation" in node ? (node as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation : undefined;
    return ta?.type === "TSTypeAnnotation" ? ta.typeAnnotation : undefined;
  };
  const declaredType = (expr: Node): ResolvedSdkSymbol | undefined => {
    const n = unwrapExpression(expr);
    if (n.type === "Identifier") {
      const v = findVariableFrom(scopeOf(n), n.name);
      for (const id of v?.identifiers ?? []) {
        const t = typeSymbol(annotationOf(id as Node));
        if (t) return t;
      }
      return undefined;
    }
    if (n.type === "MemberExpression" && unwrapExpression(n.object).type === "ThisExpression") {
      const name = memberKey(n);
      const body = enclosingClassBody(n);
      if (name === undefined || !body) return undefined;
      for (const el of body.body) {
        if (el.type === "PropertyDefinition" && !el.computed) {
          const key = el.key.type === "PrivateIdentifier" ? `#${el.key.name}` : el.key.type === "Identifier" ? el.key.name : undefined;
          if (key === name) return typeSymbol(annotationOf(el));
        }
        if (el.type === "MethodDefinition" && el.kind === "constructor") {
          for (const p of el.value.params) {
            if (p.type === "TSParameterProperty" && p.parameter.type === "Identifier" && p.parameter.name === name) {
              return typeSymbol(annotationOf(p.parameter));
            }
          }
        }
      }
    }
    return undefined;
  };
  const classesOf = (expr: Node): ResolvedSdkSymbol[] => {
    const out = instancesOf(expr).map((c) => c.resolved);
    const t = declaredType(expr);
    if (t) out.push(t);
    return out;
  };

  const usesCache = new Map<Construction, InstanceUse[]>();
  const usesOf = (c: Construction): InstanceUse[] => {
    const hit = usesCache.get(c);
    if (hit) return hit;
    let uses: InstanceUse[] = [];
    if (c.target.kind === "variable") {
      uses = c.target.variable.references.filter((r) => r.isRead()).map((r) => classifyUse(r.identifier as Node));
    } else if (c.target.kind === "member") {
      const { name, classBody } = c.target;
      walk(classBody, sourceCode.visitorKeys, (node) => {
        if (node.type === "MemberExpression" && unwrapExpression(node.object).type === "ThisExpression" && memberKey(node) === name) {
          const { parent } = outerParent(node);
          // The assignment that stores the instance itself is not a use.
          if (parent?.type === "AssignmentExpression" && parent.left === node) {
            if (unwrapExpression(parent.right) === c.node) return;
            uses.push({ kind: "escape", node: parent });
            return;
          }
          uses.push(classifyUse(node));
        }
      });
    } else if (c.target.kind === "receiver") {
      uses = [classifyUse(c.node)];
    }
    usesCache.set(c, uses);
    return uses;
  };

  return {
    sourceCode,
    imports,
    constructions,
    calls,
    scopeOf,
    symbolOf,
    instancesOf,
    declaredType,
    classesOf,
    uses: (...roles) => roles.some((r) => usedRoles.has(r)),
    usesOf,
  };
}

function memberKey(node: TSESTree.MemberExpression): string | undefined {
  if (node.property.type === "PrivateIdentifier") return `#${node.property.name}`;
  return memberName(node);
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "ClassBody") return n;
  return undefined;
}

/** Classifies how an expression holding an instance is used by its parent. */
export function classifyUse(expr: Node): InstanceUse {
  const { parent, child } = outerParent(expr);
  if (!parent) return { kind: "escape", node: expr };
  if (parent.type === "MemberExpression" && parent.object === child) {
    const property = memberName(parent) ?? "";
    const up = outerParent(parent);
    if (up.parent?.type === "CallExpression" && up.parent.callee === up.child) {
      return { kind: "call", method: property, call: up.parent, member: parent };
    }
    if (up.parent?.type === "AssignmentExpression" && up.parent.left === up.child) {
      return { kind: "write", property, assignment: up.parent, member: parent };
    }
    return { kind: "read", property, member: parent };
  }
  if ((parent.type === "CallExpression" || parent.type === "NewExpression") && parent.callee !== child) {
    return { kind: "argument", call: parent, index: parent.arguments.indexOf(child as TSESTree.CallExpressionArgument) };
  }
  // `await x` or `void x` of a plain instance does not move it anywhere.
  return { kind: "escape", node: parent };
}

function targetOf(node: TSESTree.NewExpression, sourceCode: SourceCode): InstanceTarget {
  const { parent, child } = outerParent(node);
  if (!parent) return { kind: "escaped" };
  switch (parent.type) {
    case "VariableDeclarator": {
      if (parent.init !== child || parent.id.type !== "Identifier") return { kind: "escaped" };
      const declaration = parent.parent;
      if (declaration?.parent?.type === "ExportNamedDeclaration") return { kind: "escaped" };
      const variable = sourceCode.getDeclaredVariables(parent)[0];
      return variable ? { kind: "variable", variable } : { kind: "escaped" };
    }
    case "AssignmentExpression": {
      if (parent.right !== child || parent.operator !== "=") return { kind: "escaped" };
      const { parent: up } = outerParent(parent);
      // `a = b = new X()` and `f(x = new X())` pass the value on.
      if (up && up.type !== "ExpressionStatement") return { kind: "escaped" };
      const left = unwrapExpression(parent.left);
      if (left.type === "Identifier") {
        const variable = findVariableFrom(sourceCode.getScope(parent), left.name);
        if (!variable || variable.defs.length === 0) return { kind: "escaped" };
        // A module-level `let` assigned from inside a function is still tracked by variable.
        return { kind: "variable", variable };
      }
      if (left.type === "MemberExpression" && unwrapExpression(left.object).type === "ThisExpression") {
        const name = memberKey(left);
        const classBody = enclosingClassBody(left);
        if (name !== undefined && classBody) return { kind: "member", name, classBody, isPrivate: isPrivateMember(classBody, name) };
      }
      return { kind: "escaped" };
    }
    case "PropertyDefinition": {
      if (parent.value !== child || parent.static) return { kind: "escaped" };
      const name =
        parent.key.type === "PrivateIdentifier"
          ? `#${parent.key.name}`
          : parent.key.type === "Identifier" && !parent.computed
            ? parent.key.name
            : undefined;
      const classBody = parent.parent;
      if (name === undefined || classBody?.type !== "ClassBody") return { kind: "escaped" };
      return { kind: "member", name, classBody, isPrivate: isPrivateMember(classBody, name) };
    }
    case "MemberExpression":
      return parent.object === child ? { kind: "receiver", member: parent } : { kind: "escaped" };
    case "ExpressionStatement":
      return { kind: "dropped" };
    default:
      return { kind: "escaped" };
  }
}

/** `#x`, or a TS `private` field / constructor parameter property named `name`. */
function isPrivateMember(classBody: TSESTree.ClassBody, name: string): boolean {
  if (name.startsWith("#")) return true;
  for (const el of classBody.body) {
    if (el.type === "PropertyDefinition" && el.key.type === "Identifier" && el.key.name === name && !el.computed) {
      return el.accessibility === "private";
    }
    if (el.type === "MethodDefinition" && el.kind === "constructor") {
      for (const p of el.value.params) {
        if (p.type === "TSParameterProperty" && p.parameter.type === "Identifier" && p.parameter.name === name) {
          return p.accessibility === "private";
        }
      }
    }
  }
  return false;
}

/** `x.connect(...)` → the receiver and the call, when `node` is such a call. */
export function methodCall(node: Node, method?: string): { receiver: Node; name: string; call: TSESTree.CallExpression } | undefined {
  const n = unwrapExpression(node);
  if (n.type !== "CallExpression") return undefined;
  const callee = unwrapExpression(n.callee);
  if (callee.type !== "MemberExpression") return undefined;
  const name = memberName(callee);
  if (name === undefined || (method !== undefined && name !== method)) return undefined;
  return { receiver: callee.object, name, call: n };
}

/**
 * The request a `setRequestHandler` first argument names: a string (`"tools/list"`) or the name of a request schema
 * imported from the SDK (`ListToolsRequestSchema`); a key of REQUEST_CAPABILITY when it is a known one.
 */
export function requestSchemaKey(sdk: SdkFile, arg: Node | TSESTree.SpreadElement | undefined): string | undefined {
  if (!arg || arg.type === "SpreadElement") return undefined;
  const literal = staticString(arg, sdk.scopeOf(arg));
  if (literal?.complete) return literal.value;
  const r = resolveImport(sdk.imports, arg as TSESTree.Node, sdk.scopeOf(arg));
  return r && isSdkSpecifier(r.module) ? r.name : undefined;
}

/** A receiver named like an MCP server (`server`, `mcp`, `this.mcpServer`), for files whose types are not known. */
export function namedLikeServer(receiver: Node): boolean {
  const r = unwrapExpression(receiver);
  const name = r.type === "Identifier" ? r.name : r.type === "MemberExpression" ? memberName(r) : undefined;
  return !!name && /server|mcp/i.test(name);
}

/** Text key of a receiver for same-receiver comparisons (`client`, `this.client`). */
export function receiverKey(node: Node): string | undefined {
  return memberPath(node)?.join(".");
}
