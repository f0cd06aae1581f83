import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Node, Parser as ParserType, Tree } from "web-tree-sitter";

/**
 * The Python parser: web-tree-sitter (WebAssembly, no native build, no Python
 * interpreter) with the grammar that the npm package `tree-sitter-python` ships.
 * Both wasm files are loaded once, on the first Python file that passes the MCP
 * prefilter: a run without Python MCP code never loads them.
 *
 * Positions: given a JavaScript string, web-tree-sitter parses UTF-16, so
 * `startIndex`/`endIndex` are string offsets and `column`s are UTF-16 units, as
 * everywhere else in mcp-lint.
 */

export type { Node, Tree };

/**
 * Where the two wasm files are: in the bundle's `wasm/` folder (dist/wasm/, seen from dist/*.js or
 * dist/chunks/*.js; scripts/build-action.mjs copies them there), else in their npm packages.
 */
function wasmPath(file: "tree-sitter.wasm" | "tree-sitter-python.wasm"): string {
  for (const candidate of [`./wasm/${file}`, `../wasm/${file}`]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === "file:" && existsSync(url)) return fileURLToPath(url);
  }
  const require = createRequire(import.meta.url);
  return require.resolve(file === "tree-sitter.wasm" ? "web-tree-sitter/tree-sitter.wasm" : "tree-sitter-python/tree-sitter-python.wasm");
}

let parser: Promise<ParserType> | undefined;

/** True once the grammar was asked for (tests check that runs without Python MCP code never load it). */
export function pythonParserLoaded(): boolean {
  return parser !== undefined;
}

function loadParser(): Promise<ParserType> {
  parser ??= (async () => {
    const { Parser, Language } = await import("web-tree-sitter");
    // The runtime's own wasm is handed over as bytes: its default lookup (relative to its script) fails in a bundle.
    await Parser.init({ wasmBinary: readFileSync(wasmPath("tree-sitter.wasm")) } as object);
    const python = await Language.load(readFileSync(wasmPath("tree-sitter-python.wasm")));
    const p = new Parser();
    p.setLanguage(python);
    return p;
  })();
  return parser;
}

/** Parses Python source. The caller deletes the tree (`tree.delete()`) when done: it lives in wasm memory. */
export async function parsePython(text: string): Promise<Tree> {
  const p = await loadParser();
  const tree = p.parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

