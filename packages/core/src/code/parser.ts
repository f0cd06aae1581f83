import { createRequire } from "node:module";
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
 * typescript-estree, scope-manager, visitor-keys and TypeScript are loaded the way
 * `@typescript-eslint/parser` loads them (resolved from the parser's own location),
 * so they are always the versions the stock parser would use. Where they cannot
 * be resolved (a bundle without node_modules), and for any file the scanner pass
 * does not model (JSX), the stock `parseForESLint` does the work.
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

/** The lean parser, or undefined when its modules cannot be loaded next to the stock parser. */
export function createLeanParser(stock: StockParser): Linter.Parser | undefined {
  let estree: EstreeModule;
  let scopeManager: ScopeManagerModule;
  let keys: VisitorKeysModule["visitorKeys"];
  let ts: typeof TS;
  try {
    const here = createRequire(import.meta.url);
    const parserEntry = here.resolve("@typescript-eslint/parser");
    // Only next to the very parser module this process imported. In a bundle, that parser is inlined and a copy on
    // disk (if any) is another one: do not load a second TypeScript for it.
    if (here.cache[parserEntry]?.exports !== stock) return undefined;
    const fromParser = createRequire(parserEntry);
    const estreeEntry = fromParser.resolve("@typescript-eslint/typescript-estree");
    estree = fromParser(estreeEntry) as EstreeModule;
    scopeManager = fromParser("@typescript-eslint/scope-manager") as ScopeManagerModule;
    keys = (fromParser("@typescript-eslint/visitor-keys") as VisitorKeysModule).visitorKeys;
    ts = createRequire(estreeEntry)("typescript") as typeof TS;
    if (typeof estree.parse !== "function" || typeof scopeManager.analyze !== "function" || !keys || typeof ts.createScanner !== "function") {
      return undefined;
    }
  } catch {
    return undefined;
  }

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
