import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/** Small parser-agnostic AST helpers (espree ESTree and typescript-estree alike). */

export type Node = TSESTree.Node;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

/** Stable key of a node by its range. */
export function rangeKey(node: Node): string {
  return `${node.range[0]}:${node.range[1]}`;
}

/**
 * Visits every node in source order (pre-order). `visit` returning false skips the children.
 * Uses the parser's visitor keys, with a fallback over enumerable child objects.
 */
export function walk(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node) => boolean | void): void {
  const keysByType = visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    pushChildren(node, keysByType[node.type] ?? fallbackKeys(node), stack);
  }
}

/** Pushes the children of `node` onto `stack` so that they pop in source order. */
function pushChildren(node: Node, keys: readonly string[], stack: Node[]): void {
  for (let k = keys.length - 1; k >= 0; k--) {
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as Node);
    } else if (isNode(value)) {
      stack.push(value);
    }
  }
}

/** Every node of a file, in source order (pre-order), and the same by node type. */
export interface NodeIndex {
  all: readonly Node[];
  byType: ReadonlyMap<string, readonly Node[]>;
}

const EMPTY: readonly Node[] = [];
const indexCache = new WeakMap<object, NodeIndex>();

/** A step of ESLint's `SourceCode#traverse()` (ESLint 9+): node visits (kind 1) in the order rules see them. */
interface TraversalStep {
  kind: number;
  phase?: number;
  target: unknown;
}

/**
 * The node index of a file, cached per AST: rules and the SDK model look nodes up
 * here instead of each walking the whole program again. It reuses the traversal
 * ESLint has already made for the rules (`SourceCode#traverse()`, the same pre-order
 * over the same visitor keys), or walks the AST where there is none.
 */
export function nodeIndex(sourceCode: { ast: Node; visitorKeys: TSESLint.SourceCode.VisitorKeys }): NodeIndex {
  const hit = indexCache.get(sourceCode.ast);
  if (hit) return hit;
  const all: Node[] = [];
  const byType = new Map<string, Node[]>();
  const add = (node: Node): void => {
    all.push(node);
    const list = byType.get(node.type);
    if (list) list.push(node);
    else byType.set(node.type, [node]);
  };
  const traverse = (sourceCode as { traverse?: () => Iterable<TraversalStep> }).traverse;
  const steps = typeof traverse === "function" ? traverse.call(sourceCode) : undefined;
  if (steps) {
    for (const step of steps) if (step.kind === 1 && step.phase === 1) add(step.target as Node);
  }
  if (all[0] !== sourceCode.ast) {
    // No ESLint traversal (a hand-made SourceCode), or one of another shape: walk.
    all.length = 0;
    byType.clear();
    walk(sourceCode.ast, sourceCode.visitorKeys, add);
  }
  const index: NodeIndex = { all, byType };
  indexCache.set(sourceCode.ast, index);
  return index;
}

/** Drops a file's node index once its findings are made (`releaseSourceCode` in ./runner.ts). */
export function forgetNodeIndex(ast: object): void {
  indexCache.delete(ast);
}

/** Every node of one type in the file, in source order. */
export function nodesOfType<T extends `${Node["type"]}`>(
  sourceCode: { ast: Node; visitorKeys: TSESLint.SourceCode.VisitorKeys },
  type: T,
): readonly NodeOfType<T>[] {
  return (nodeIndex(sourceCode).byType.get(type) ?? EMPTY) as readonly NodeOfType<T>[];
}

/** The node interface of a node type name (`"CallExpression"` → `TSESTree.CallExpression`). */
export type NodeOfType<T extends string> = Node extends infer N ? (N extends { type: infer U } ? (`${U & string}` extends T ? N : never) : never) : never;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function fallbackKeys(node: Node): string[] {
  return Object.keys(node).filter((k) => k !== "parent" && k !== "loc" && k !== "range" && k !== "tokens" && k !== "comments");
}

/** Strips TS-only wrappers and optional chains: `(x as T)!` → `x`. */
export function unwrapExpression<T extends Node>(node: T): Node {
  let n: Node = node;
  for (;;) {
    switch (n.type) {
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
      case "TSInstantiationExpression":
        n = n.expression;
        continue;
      case "ChainExpression":
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
}

/** The parent, skipping TS-only wrappers and chain expressions. */
export function outerParent(node: Node): { parent: Node | undefined; child: Node } {
  let child: Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === "TSAsExpression" ||
      parent.type === "TSSatisfiesExpression" ||
      parent.type === "TSNonNullExpression" ||
      parent.type === "TSTypeAssertion" ||
      parent.type === "ChainExpression")
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** Looks a name up from `scope` outwards. */
export function findVariableFrom(scope: Scope | null, name: string): Variable | undefined {
  for (let s: Scope | null = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

/** Is `name` at this point the global (not a local, parameter or import)? */
export function isGlobalReference(scope: Scope, name: string): boolean {
  const v = findVariableFrom(scope, name);
  return !v || v.defs.length === 0;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

/** The innermost function containing `node`, or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

export function isLoop(node: Node): boolean {
  return (
    node.type === "ForStatement" ||
    node.type === "ForInStatement" ||
    node.type === "ForOfStatement" ||
    node.type === "WhileStatement" ||
    node.type === "DoWhileStatement"
  );
}

/** Is `node` inside a loop of its own function? */
export function insideLoop(node: Node): boolean {
  for (let n = node.parent; n && !isFunction(n); n = n.parent) if (isLoop(n)) return true;
  return false;
}

/** Does `inner` lie within `outer` (ranges)? */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The statement that directly contains `node` in a statement list (block, program, switch case). */
export function statementOf(node: Node): { statement: TSESTree.Statement | TSESTree.ProgramStatement; list: readonly Node[] } | undefined {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isFunction(n)) return undefined;
    if (n.type === "BlockStatement" || n.type === "Program" || n.type === "StaticBlock") {
      return { statement: child as TSESTree.Statement, list: n.body };
    }
    if (n.type === "SwitchCase" && n.consequent.includes(child as TSESTree.Statement)) {
      return { statement: child as TSESTree.Statement, list: n.consequent };
    }
  }
  return undefined;
}

/** The single `const` initialiser of a variable, when it has exactly one definition and no writes. */
export function constInit(variable: Variable | undefined): Node | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.node.type !== "VariableDeclarator") return undefined;
  const decl = def.node;
  if (decl.id.type !== "Identifier" || !decl.init) return undefined;
  const declaration = def.parent;
  if (!declaration || declaration.type !== "VariableDeclaration") return undefined;
  if (declaration.kind !== "const" && variable.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return undefined;
  return decl.init;
}

/** A string known at lint time, or the known prefix of one (`\`http://${h}\`` → "http://", complete false). */
export interface StaticString {
  value: string;
  complete: boolean;
  /** The literal / template node the text comes from. */
  node: Node;
}

/** Evaluates string literals, templates (their static prefix), `"a" + x` and `const` identifiers. */
export function staticString(node: Node, scope: Scope, depth = 0): StaticString | undefined {
  const n = unwrapExpression(node);
  if (n.type === "Literal" && typeof n.value === "string") return { value: n.value, complete: true, node: n };
  if (n.type === "TemplateLiteral") {
    const first = n.quasis[0]?.value.cooked;
    if (first == null) return undefined;
    return { value: first, complete: n.expressions.length === 0, node: n };
  }
  if (n.type === "BinaryExpression" && n.operator === "+") {
    const left = staticString(n.left, scope, depth);
    if (!left) return undefined;
    if (!left.complete) return { ...left, node: n };
    const right = staticString(n.right, scope, depth);
    if (right) return { value: left.value + right.value, complete: right.complete, node: n };
    return { value: left.value, complete: false, node: n };
  }
  if (n.type === "Identifier" && depth < 4) {
    const init = constInit(findVariableFrom(scope, n.name));
    if (init) return staticString(init, scope, depth + 1);
  }
  return undefined;
}

/** A number known at lint time (numeric literal, numeric string literal, or `const` of one). */
export function staticNumber(node: Node, scope: Scope, depth = 0): number | undefined {
  const n = unwrapExpression(node);
  if (n.type === "Literal" && typeof n.value === "number") return n.value;
  if (n.type === "Literal" && typeof n.value === "string" && /^\d+$/.test(n.value)) return Number(n.value);
  if (n.type === "Identifier" && depth < 4) {
    const init = constInit(findVariableFrom(scope, n.name));
    if (init) return staticNumber(init, scope, depth + 1);
  }
  return undefined;
}

/** `a.b.c` → ["a", "b", "c"] for plain member chains over an identifier (or `this`). */
export function memberPath(node: Node): string[] | undefined {
  const n = unwrapExpression(node);
  if (n.type === "Identifier") return [n.name];
  if (n.type === "ThisExpression") return ["this"];
  if (n.type === "MemberExpression") {
    const base = memberPath(n.object);
    if (!base) return undefined;
    if (!n.computed && n.property.type === "Identifier") return [...base, n.property.name];
    if (n.computed && n.property.type === "Literal" && typeof n.property.value === "string") return [...base, n.property.value];
  }
  return undefined;
}

/** Property `name` of an object literal (non-computed or string key), last one wins like at run time. */
export function objectProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    if (p.type === "Property" && propertyKey(p) === name) found = p;
  }
  return found;
}

/** The key of an object literal property: a plain name, or a literal key (computed or not); undefined otherwise. */
export function propertyKey(p: TSESTree.Property): string | undefined {
  if (p.key.type === "Identifier" && !p.computed) return p.key.name;
  if (p.key.type === "Literal") return String(p.key.value);
  return undefined;
}

/** Does the object literal spread anything (so absent keys may still be present at run time)? */
export function hasSpread(obj: TSESTree.ObjectExpression): boolean {
  return obj.properties.some((p) => p.type === "SpreadElement");
}

/** Follows a `const` identifier to its object-literal initialiser. */
export function objectLiteral(node: Node, scope: Scope): TSESTree.ObjectExpression | undefined {
  const n = unwrapExpression(node);
  if (n.type === "ObjectExpression") return n;
  if (n.type === "Identifier") {
    const init = constInit(findVariableFrom(scope, n.name));
    if (init && unwrapExpression(init).type === "ObjectExpression") return unwrapExpression(init) as TSESTree.ObjectExpression;
  }
  return undefined;
}

/** Can `await` be written at this point (async function, or module top level)? */
export function canAwaitAt(node: Node, sourceType: "module" | "script" | "commonjs" | undefined): boolean {
  const fn = enclosingFunction(node);
  if (fn) return fn.async;
  return sourceType === "module";
}
