import { statSync } from "node:fs";
import { resolve, sep } from "node:path";

/** What statSync says about a path: 0 it fails (missing, unreadable), 1 a file, 2 a folder, 3 something else. */
export type FileKind = 0 | 1 | 2 | 3;

export function fileKind(abs: string): FileKind {
  let stats;
  try {
    stats = statSync(abs);
  } catch {
    return 0;
  }
  return stats.isFile() ? 1 : stats.isDirectory() ? 2 : 3;
}

/** path.resolve(cwd, arg), without its work for an absolute POSIX path that is already normalised. */
export function resolvePath(cwd: string, arg: string): string {
  if (
    sep === "/" &&
    arg.charCodeAt(0) === 47 &&
    arg.length > 1 &&
    arg.indexOf("//") < 0 &&
    arg.indexOf("/./") < 0 &&
    arg.indexOf("/../") < 0 &&
    !arg.endsWith("/") &&
    !arg.endsWith("/.") &&
    !arg.endsWith("/..")
  ) {
    return arg;
  }
  return resolve(cwd, arg);
}

/**
 * A test or fixture file by its path: `*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`, `conftest.py`, or a file under
 * a `test`, `tests`, `__tests__`, `__mocks__`, `fixtures` or `e2e` folder. Both separators; the path as given.
 */
export function isTestPath(file: string): boolean {
  const parts = file.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? "";
  if (/\.(test|spec)\.[cm]?[jt]sx?$/i.test(base) || /^(test_.*|.*_test|conftest)\.py$/i.test(base)) return true;
  return parts.slice(0, -1).some((d) => /^(tests?|__tests__|__mocks__|fixtures?|e2e)$/i.test(d));
}
