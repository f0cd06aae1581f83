/**
 * The language seam of the code pass: which files are JavaScript/TypeScript
 * (ESLint's Linter over TSESTree) and which are Python (tree-sitter). Discovery
 * and the file runner ask here, so both languages are found and dispatched the
 * same way.
 */

/** JavaScript/TypeScript sources the code rules read. */
export const JS_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/** A JavaScript/TypeScript source file (declaration files excluded). */
export function isCodeFile(path: string): boolean {
  return JS_FILE.test(path) && !/\.d\.[cm]?ts$/i.test(path);
}

/** A Python source file. */
export function isPythonFile(path: string): boolean {
  return /\.py$/i.test(path);
}

/** A source file of either language: read and prefiltered for MCP code by the runner. */
export function isSourceFile(path: string): boolean {
  return isCodeFile(path) || isPythonFile(path);
}
