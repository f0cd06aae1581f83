import { existsSync } from "node:fs";

/**
 * Generated JavaScript that the code pass does not parse unless the file is named
 * on the command line or in an `overrides` entry of the config: bundler and
 * compiler output is not where MCP mistakes are fixed (its source is), and a
 * 300 KB bundle costs as much to parse as a hundred hand-written modules.
 *
 * - minified: a file of 10 KB or more whose lines average over 250 characters, or
 *   that has a line of 20,000 characters or more;
 * - build output: under a `dist/` or `build/` folder, with a source map next to it
 *   (`<file>.map`) or a `sourceMappingURL` comment at its end.
 */

const MIN_SIZE = 10 * 1024;
const MEAN_LINE = 250;
const LONG_LINE = 20_000;
const OUTPUT_FOLDER = /(?:^|[\\/])(?:dist|build)[\\/]/;
const SOURCE_MAP_COMMENT = /\/[/*][#@]\s*sourceMappingURL=/;

/** Minified, by its line lengths (reads the text once, no copy). */
export function looksMinified(text: string): boolean {
  if (text.length < MIN_SIZE && text.length < LONG_LINE) return false;
  let lines = 1;
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) {
    if (nl - start >= LONG_LINE) return true;
    start = nl + 1;
    lines++;
  }
  if (text.length - start >= LONG_LINE) return true;
  return text.length >= MIN_SIZE && text.length / lines > MEAN_LINE;
}

/**
 * Is this source file generated output? `file` is the path relative to the run's folder (its `dist/`/`build/`
 * segments count, not those of the folder the run started in); `abs` is used to look for a `.map` file next to it.
 */
export function isGeneratedCode(file: string, abs: string, text: string): boolean {
  if (looksMinified(text)) return true;
  if (!OUTPUT_FOLDER.test(file)) return false;
  if (SOURCE_MAP_COMMENT.test(text.slice(-1024))) return true;
  return existsSync(`${abs}.map`);
}
