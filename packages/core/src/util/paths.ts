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
