import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isSdkSpecifier, sdkModule, sdkSymbol, type SdkModule, type SdkSymbol } from "./sdk-catalog.js";
import { findVariableFrom, nodeIndex, rangeKey, unwrapExpression } from "./ast.js";

/**
 * Per-file import tracking: which local binding holds which export of which
 * module, through
 * - ESM: `import { A, B as C }`, `import D`, `import * as ns` (then `ns.A`), TS
 *   `import x = require("m")`; type-only imports are skipped;
 * - CommonJS: `const m = require("m")`, `const { A, B: C } = require("m")`,
 *   `const A = require("m").A`;
 * - dynamic import: `const { A } = await import("m")`, `const m = await import("m")`.
 * A binding is identified by its declaring identifier, so a same-named local
 * that shadows an import never resolves to the import.
 */

export interface ImportBinding {
  /** Local name. */
  local: string;
  /** The identifier that declares the binding. */
  id: TSESTree.Identifier;
  /** Module specifier as written. */
  module: string;
  /** Exported name; `"*"` for the whole module object (namespace, default of CJS, `require()` result). */
  imported: string;
  /** The import declaration / require call / import() expression. */
  source: TSESTree.Node;
  /** `import type` / `import { type X }`: usable in type positions only. */
  typeOnly?: boolean;
}

export interface ModuleReference {
  specifier: string;
  node: TSESTree.Node;
}

export interface FileImports {
  /** Every module the file imports or requires (string specifiers only). */
  modules: ModuleReference[];
  bindings: ImportBinding[];
  /** Binding by the range of its declaring identifier. */
  byId: Map<string, ImportBinding>;
}

/** A resolved reference to a module export: `A` for an imported binding, `ns.A` for a namespace member. */
export interface ResolvedImport {
  module: string;
  name: string;
  binding: ImportBinding;
}

/** The SDK symbol a reference resolves to, and the module it came from. */
export interface ResolvedSdkSymbol extends ResolvedImport {
  symbol: SdkSymbol;
  /** Catalog entry of the module, when the specifier is one the catalog lists. */
  catalog: SdkModule | undefined;
}

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `require("m")` → "m" */
export function requireSpecifier(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrapExpression(node);
  if (n.type !== "CallExpression" || n.callee.type !== "Identifier" || n.callee.name !== "require") return undefined;
  if (n.arguments.length !== 1) return undefined;
  return stringValue(n.arguments[0]);
}

/** `import("m")` or `await import("m")` → "m" */
function dynamicImportSpecifier(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  let n = unwrapExpression(node);
  if (n.type === "AwaitExpression") n = unwrapExpression(n.argument);
  if (n.type !== "ImportExpression") return undefined;
  return stringValue(n.source);
}

function importedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

/** Bindings declared by a destructuring pattern over a module object. */
function bindPattern(pattern: TSESTree.Node, module: string, source: TSESTree.Node, out: FileImports): void {
  if (pattern.type === "Identifier") {
    add(out, { local: pattern.name, id: pattern, module, imported: "*", source });
    return;
  }
  if (pattern.type !== "ObjectPattern") return;
  for (const prop of pattern.properties) {
    if (prop.type !== "Property" || prop.computed) continue;
    const key = prop.key.type === "Identifier" ? prop.key.name : prop.key.type === "Literal" ? String(prop.key.value) : undefined;
    if (key === undefined) continue;
    let value: TSESTree.Node = prop.value;
    if (value.type === "AssignmentPattern") value = value.left;
    // `{ default: express } = await import("express")`: the default export, taken as the module object, as
    // `(await import("m")).default` and a default import are.
    if (value.type === "Identifier") add(out, { local: value.name, id: value, module, imported: key === "default" ? "*" : key, source });
  }
}

function add(out: FileImports, binding: ImportBinding): void {
  out.bindings.push(binding);
  out.byId.set(rangeKey(binding.id), binding);
}

/**
 * Collects every import of the file. `visitorKeys` are the parser's; `nodes` are the file's nodes in source order
 * (by default from a walk of `ast`).
 */
export function collectImports(
  ast: TSESTree.Program,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  nodes: readonly TSESTree.Node[] = nodeIndex({ ast, visitorKeys }).all,
): FileImports {
  const out: FileImports = { modules: [], bindings: [], byId: new Map() };
  for (const node of nodes) {
    switch (node.type) {
      case "ImportDeclaration": {
        const module = node.source.value;
        out.modules.push({ specifier: module, node });
        const declTypeOnly = node.importKind === "type";
        for (const spec of node.specifiers) {
          if (spec.type === "ImportSpecifier") {
            const typeOnly = declTypeOnly || spec.importKind === "type";
            add(out, { local: spec.local.name, id: spec.local, module, imported: importedName(spec.imported), source: node, ...(typeOnly ? { typeOnly } : {}) });
          } else {
            // Default and namespace imports: both give the module object for CJS-shaped SDK modules.
            add(out, { local: spec.local.name, id: spec.local, module, imported: "*", source: node, ...(declTypeOnly ? { typeOnly: true } : {}) });
          }
        }
        continue;
      }
      case "TSImportEqualsDeclaration": {
        if (node.importKind === "type" || node.moduleReference.type !== "TSExternalModuleReference") continue;
        const module = stringValue(node.moduleReference.expression);
        if (module === undefined) continue;
        out.modules.push({ specifier: module, node });
        add(out, { local: node.id.name, id: node.id, module, imported: "*", source: node });
        continue;
      }
      case "ImportExpression": {
        const module = stringValue(node.source);
        if (module !== undefined) out.modules.push({ specifier: module, node });
        continue;
      }
      case "CallExpression": {
        const module = requireSpecifier(node);
        if (module !== undefined) out.modules.push({ specifier: module, node });
        continue;
      }
      case "ExportNamedDeclaration":
      case "ExportAllDeclaration": {
        if (node.source) out.modules.push({ specifier: node.source.value, node });
        continue;
      }
      case "VariableDeclarator": {
        if (!node.init) continue;
        const init = unwrapExpression(node.init);
        const fromRequire = requireSpecifier(init);
        const module = fromRequire ?? dynamicImportSpecifier(init);
        if (module !== undefined) {
          bindPattern(node.id, module, init, out);
          continue;
        }
        // const A = require("m").A / (await import("m")).A
        if (init.type === "MemberExpression" && !init.computed && init.property.type === "Identifier" && node.id.type === "Identifier") {
          const objModule = requireSpecifier(init.object) ?? dynamicImportSpecifier(init.object);
          if (objModule !== undefined && init.property.name !== "default") {
            add(out, { local: node.id.name, id: node.id, module: objModule, imported: init.property.name, source: init });
          } else if (objModule !== undefined) {
            bindPattern(node.id, objModule, init, out);
          }
        }
        continue;
      }
      default:
        continue;
    }
  }
  return out;
}

/** The import binding an identifier refers to (following scopes, so shadowing locals never match). */
export function bindingOf(
  imports: FileImports,
  id: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
  types = false,
): ImportBinding | undefined {
  const variable = findVariableFrom(scope, id.name);
  if (!variable) return undefined;
  for (const def of variable.identifiers) {
    const b = imports.byId.get(rangeKey(def));
    if (b && (types || !b.typeOnly)) return b;
  }
  return undefined;
}

/**
 * What module export an expression names: `A` (imported binding), `ns.A` /
 * `ns["A"]` (member of a namespace / module object), or `require("m").A` inline.
 */
export function resolveImport(
  imports: FileImports,
  expr: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  types = false,
): ResolvedImport | undefined {
  const node = unwrapExpression(expr);
  if (node.type === "Identifier") {
    const b = bindingOf(imports, node, scope, types);
    if (!b || b.imported === "*") return b ? { module: b.module, name: "*", binding: b } : undefined;
    return { module: b.module, name: b.imported, binding: b };
  }
  if (node.type === "MemberExpression") {
    const prop = memberName(node);
    if (prop === undefined) return undefined;
    const object = unwrapExpression(node.object);
    if (object.type === "Identifier") {
      const b = bindingOf(imports, object, scope, types);
      if (b && b.imported === "*") return { module: b.module, name: prop, binding: b };
      return undefined;
    }
    // ns.default.A (CJS interop) and require("m").A inline
    if (object.type === "MemberExpression" && memberName(object) === "default" && unwrapExpression(object.object).type === "Identifier") {
      const b = bindingOf(imports, unwrapExpression(object.object) as TSESTree.Identifier, scope);
      if (b && b.imported === "*") return { module: b.module, name: prop, binding: b };
    }
  }
  return undefined;
}

/** Property name of a non-computed (or string-literal computed) member expression. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.computed && node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return undefined;
}

/** The SDK symbol an expression names (only catalog symbols from SDK modules). */
export function resolveSdkSymbol(
  imports: FileImports,
  expr: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  types = false,
): ResolvedSdkSymbol | undefined {
  const node = unwrapExpression(expr);
  // Inline `new (require("@modelcontextprotocol/sdk/client/index.js").Client)()`
  if (node.type === "MemberExpression") {
    const inline = requireSpecifier(node.object);
    const prop = memberName(node);
    if (inline !== undefined && prop !== undefined) {
      const symbol = sdkSymbol(inline, prop);
      if (symbol) {
        const binding: ImportBinding = { local: prop, id: node.property as TSESTree.Identifier, module: inline, imported: prop, source: node };
        return { module: inline, name: prop, binding, symbol, catalog: sdkModule(inline) };
      }
    }
  }
  const r = resolveImport(imports, node, scope, types);
  if (!r || r.name === "*") return undefined;
  const symbol = sdkSymbol(r.module, r.name);
  if (!symbol) return undefined;
  return { ...r, symbol, catalog: sdkModule(r.module) };
}

/** Does the file import any MCP SDK module? */
export function importsSdk(imports: FileImports): boolean {
  return imports.modules.some((m) => isSdkSpecifier(m.specifier));
}

/** Does an expression name `name` exported by one of `modules` (e.g. `setTimeout` of `node:timers/promises`)? */
export function isImportOf(imports: FileImports, expr: TSESTree.Node, scope: TSESLint.Scope.Scope, modules: readonly string[], name: string): boolean {
  const r = resolveImport(imports, expr, scope);
  return !!r && modules.includes(r.module) && r.name === name;
}

/** Is this expression the module object of one of `modules` (`net` in `net.connect`)? */
export function isModuleObject(imports: FileImports, expr: TSESTree.Node, scope: TSESLint.Scope.Scope, modules: readonly string[]): boolean {
  const node = unwrapExpression(expr);
  const inline = requireSpecifier(node);
  if (inline !== undefined) return modules.includes(inline);
  const r = resolveImport(imports, node, scope);
  return !!r && r.name === "*" && modules.includes(r.module);
}
