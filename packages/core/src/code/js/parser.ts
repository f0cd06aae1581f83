import type * as TS from "typescript";
import type { Linter } from "eslint";
import type { TSESTree } from "@typescript-eslint/utils";
import { scanTokensAndComments } from "./tokens.js";

/**
 * The parser the code pass gives ESLint's `Linter`: `@typescript-eslint/parser`'s
 * `parseForESLint`, with the same AST, tokens, comments, scope manager and visitor
 * keys, built with less work:
 * - typescript-estree's `parse` without `tokens` and `comment`; the token and
 *   comment lists come from one pass of TypeScript's scanner (./tokens.ts)
 *   instead of typescript-estree's `getChildren()` walk;
 * - no ESTree⇄TypeScript node maps (no rule uses type information);
 * - scope analysis with the options `parseForESLint` would pass.
 * typescript-estree, scope-manager, visitor-keys and TypeScript are core's own
 * dependencies (pinned to the versions `@typescript-eslint/parser` pins), imported
 * directly so the bundles (dist/cli.js, dist/index.js) get this parser too. If the
 * versions differ after all, and for any file the scanner pass does not model
 * (JSX), the stock `parseForESLint` does the work.
 */

interface EstreeModule {
  parse(code: string, options: Record<string, unknown>): TSESTree.Program;
}
interface ScopeManagerModule {
  analyze(ast: TSESTree.Program, options: Record<string, unknown>): unknown;
}
interface VisitorKeysModule {
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
}
type StockParser = Linter.Parser & {
  parseForESLint(code: string, options?: Record<string, unknown>): Record<string, unknown>;
  meta?: { name?: string; version?: string };
};

interface ParserOptions {
  sourceType?: unknown;
  ecmaFeatures?: { jsx?: unknown; globalReturn?: unknown };
  filePath?: unknown;
  jsxPragma?: unknown;
  jsxFragmentName?: unknown;
  lib?: unknown;
  project?: unknown;
  projectService?: unknown;
  programs?: unknown;
  onUnsupportedTypeScriptVersion?: unknown;
  warnOnUnsupportedTypeScriptVersion?: unknown;
  emitDecoratorMetadata?: unknown;
  experimentalDecorators?: unknown;
  isolatedDeclarations?: unknown;
  [key: string]: unknown;
}

/** TypeScript's language variant for a file, as typescript-estree's getScriptKind + getLanguageVariant decide it. */
function languageVariantOf(ts: typeof TS, filePath: unknown, jsx: boolean): TS.LanguageVariant {
  const path = typeof filePath === "string" ? filePath.toLowerCase() : "";
  const ext = /\.[^./\\]*$/.exec(path)?.[0] ?? "";
  switch (ext) {
    case ".js":
    case ".cjs":
    case ".mjs":
    case ".jsx":
    case ".tsx":
    case ".json":
      return ts.LanguageVariant.JSX;
    case ".ts":
    case ".mts":
    case ".cts":
      return ts.LanguageVariant.Standard;
    default:
      return jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  }
}

/** The modules the lean parser is made of: core's own dependencies, pinned to the stock parser's versions. */
export interface LeanParserModules {
  estree: EstreeModule & { version?: string };
  scopeManager: ScopeManagerModule;
  visitorKeys: VisitorKeysModule;
  typescript: typeof TS;
}

/** The modules, imported directly (lazily: TypeScript is large), so a bundle carries them too. */
export async function importLeanParserModules(): Promise<LeanParserModules> {
  const [estree, scopeManager, visitorKeys, typescript] = await Promise.all([
    import("@typescript-eslint/typescript-estree"),
    import("@typescript-eslint/scope-manager"),
    import("@typescript-eslint/visitor-keys"),
    import("typescript"),
  ]);
  const unwrap = <T>(m: T): T => ((m as { default?: T }).default ?? m) as T;
  return {
    estree: unwrap(estree) as unknown as LeanParserModules["estree"],
    scopeManager: unwrap(scopeManager) as unknown as ScopeManagerModule,
    visitorKeys: unwrap(visitorKeys) as unknown as VisitorKeysModule,
    typescript: unwrap(typescript) as unknown as typeof TS,
  };
}

/**
 * The lean parser, or undefined when the modules are not what the stock parser would use (another
 * typescript-estree version than the parser's, or something missing): then the stock parser does the work.
 */
export function createLeanParser(stock: StockParser, modules: LeanParserModules): Linter.Parser | undefined {
  const { estree, scopeManager, typescript: ts } = modules;
  const keys = modules.visitorKeys?.visitorKeys;
  if (typeof estree?.parse !== "function" || typeof scopeManager?.analyze !== "function" || !keys || typeof ts?.createScanner !== "function") {
    return undefined;
  }
  // @typescript-eslint/parser depends on exactly its own version of typescript-estree and scope-manager.
  if (stock.meta?.version !== undefined && estree.version !== stock.meta.version) return undefined;

  function parseForESLint(code: string, options: ParserOptions = {}): Record<string, unknown> {
    // Typed linting needs the stock parser's program handling; the code pass never asks for it.
    if (options.project || options.projectService || options.programs) return stock.parseForESLint(code, options);
    // What @typescript-eslint/parser's parseForESLint does with the options, minus tokens/comment/node maps.
    const parserOptions: ParserOptions = { ...options };
    if (parserOptions.sourceType !== "module" && parserOptions.sourceType !== "script") parserOptions.sourceType = "script";
    if (typeof parserOptions.ecmaFeatures !== "object" || parserOptions.ecmaFeatures === null) parserOptions.ecmaFeatures = {};
    const jsx = parserOptions.ecmaFeatures.jsx === true;
    const onUnsupportedTypeScriptVersion =
      parserOptions.onUnsupportedTypeScriptVersion ?? (parserOptions.warnOnUnsupportedTypeScriptVersion === false ? "ignore" : "warn");
    const ast = estree.parse(code, {
      jsx,
      ...parserOptions,
      onUnsupportedTypeScriptVersion,
      errorOnTypeScriptSyntacticAndSemanticIssues: false,
      comment: false,
      loc: true,
      range: true,
      tokens: false,
    });
    const extra = scanTokensAndComments(ts, code, ast, keys, languageVariantOf(ts, parserOptions.filePath, jsx));
    if (!extra) return stock.parseForESLint(code, { ...options, preserveNodeMaps: false });
    ast.tokens = extra.tokens;
    ast.comments = extra.comments;
    ast.sourceType = parserOptions.sourceType as "module" | "script";
    const scope = scopeManager.analyze(ast, {
      globalReturn: parserOptions.ecmaFeatures.globalReturn,
      jsxFragmentName: parserOptions.jsxFragmentName,
      jsxPragma: parserOptions.jsxPragma,
      lib: parserOptions.lib,
      sourceType: parserOptions.sourceType,
    });
    const services = {
      program: null,
      emitDecoratorMetadata: parserOptions.emitDecoratorMetadata === true,
      experimentalDecorators: parserOptions.experimentalDecorators === true,
      isolatedDeclarations: parserOptions.isolatedDeclarations === true,
      esTreeNodeToTSNodeMap: new WeakMap(),
      tsNodeToESTreeNodeMap: new WeakMap(),
    };
    return { ast, scopeManager: scope, services, visitorKeys: keys };
  }

  return {
    meta: { name: "mcp-lint/typescript-estree", version: stock.meta?.version },
    parseForESLint,
  } as unknown as Linter.Parser;
}
