import { closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from "node:path";

/**
 * Reading and writing files of a repository that may be hostile (issue 13): a committed symbolic link to
 * /dev/zero, a FIFO, a link out of the tree or a huge file must not hang the run, eat memory or leak a file
 * from outside; a report, --fix or the baseline must not be written through a link to outside the tree.
 *
 * - Every file read is a regular file of at most MAX_FILE_BYTES, opened with O_NONBLOCK (opening a FIFO
 *   does not wait for a writer) and checked with fstat on the open descriptor before a byte is read.
 * - A symbolic link is followed only to a regular file inside the tree (see `readRegularFile`).
 * - Every file written is written to a temporary file in the same folder and renamed over the target, so
 *   the target's name is replaced, never written through: a link there is refused, not followed, and the
 *   folder (with every link in its path resolved) must be inside the tree.
 */

/** Largest file read (config, source, ignore, suppressions file): 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Why a file was not read or written (besides the OS error codes: ENOENT, EACCES …). */
export type FileProblemCode = "not-regular" | "too-large" | "link-outside" | "outside-tree" | "is-link" | "changed" | "read-only";

export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode | string,
    message: string,
  ) {
    super(message);
  }
}

/** A short reason for a problem writing a file (an OS code, or one of FileProblemCode). */
export function writeProblemReason(error: unknown): string {
  const code = (error as { code?: string }).code ?? "unknown error";
  const reasons: Record<string, string> = {
    "outside-tree": "it is outside the project, or a symbolic link in its path leads outside",
    "is-link": "it is a symbolic link, which is not written through",
    "not-regular": "it is not a regular file",
    changed: "the file changed since it was read",
    "read-only": "the file is read-only",
  };
  return reasons[code] ?? code;
}

/** A short sentence for a problem reading `what` (an OS error, or a FileProblem of readRegularFile). */
export function readProblemText(error: unknown, what: string): string {
  const code = (error as { code?: string }).code ?? "unknown error";
  switch (code) {
    case "not-regular":
      return `${what} is not a regular file (a FIFO, a device or a socket, possibly through a symbolic link), so it was not read.`;
    case "too-large":
      return `${what} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, so it was not read.`;
    case "link-outside":
      return `${what} is a symbolic link to a path outside the project, so it was not followed.`;
    default:
      return `Cannot read ${what.charAt(0).toLowerCase() + what.slice(1)} (${code}).`;
  }
}

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const READ_FLAGS = constants.O_RDONLY | O_NONBLOCK;

/** Is `p` (absolute, normalised) `root` or inside it? */
export function isInside(root: string, p: string): boolean {
  if (p === root) return true;
  const rel = relative(root, p);
  return rel !== "" && !rel.startsWith(".." + sep) && rel !== ".." && !isAbsolute(rel);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The git work tree root containing `dir` (a `.git` entry found upward), or undefined. */
function gitRootOf(dir: string): string | undefined {
  for (let d = resolve(dir); ; ) {
    try {
      lstatSync(join(d, ".git"));
      return d;
    } catch {
      // not here
    }
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/**
 * Reads a regular file as UTF-8, at most MAX_FILE_BYTES. A symbolic link (the last component) is followed only
 * when its target is inside `root` (default: the process's cwd) or inside the git work tree holding the link.
 * Throws a FileProblem (code not-regular, too-large, link-outside) or the OS error (ENOENT …).
 */
export function readRegularFile(abs: string, root?: string): string {
  let fd: number;
  try {
    fd = openSync(abs, READ_FLAGS | O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOOP" || O_NOFOLLOW === 0) throw error;
    // A symbolic link: followed only into the tree, then opened by its resolved path (which has no link left).
    const target = realpathSync(abs);
    const roots = [realOrSelf(root ?? process.cwd())];
    const git = gitRootOf(dirname(abs));
    if (git) roots.push(realOrSelf(git));
    if (!roots.some((r) => isInside(r, target))) throw new FileProblem("link-outside", "link-outside");
    fd = openSync(target, READ_FLAGS | O_NOFOLLOW);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileProblem("not-regular", "not-regular");
    if (stats.size > MAX_FILE_BYTES) throw new FileProblem("too-large", "too-large");
    // Read up to one byte past the cap: a file that grows while it is read is still bounded.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue; // not expected for a regular file
        throw error;
      }
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) throw new FileProblem("too-large", "too-large");
        break;
      }
    }
    return buffer.toString("utf8", 0, length);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFile`, or undefined for a missing file (any other problem throws). */
export function readRegularFileIfExists(abs: string, root?: string): string | undefined {
  try {
    return readRegularFile(abs, root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export interface SafeWriteOptions {
  /** The tree the file must be written in (its folder, links resolved, must be inside realpath(root)). */
  root: string;
  /** Create the file's folder (inside the tree) when missing. */
  mkdir?: boolean;
  /** --fix: the text the file had when it was read; the file is not written if it changed since. */
  expected?: string;
  /** --fix: refuse a file without write permission (instead of replacing it, which its folder would allow). */
  keepReadOnly?: boolean;
}

/**
 * Writes `text` to `target` without following links and atomically: a temporary file in the same folder,
 * renamed over the target. `target` itself may be a link only to a regular file inside the tree (an in-tree
 * link that --fix rewrites: its resolved file is replaced); the folder must resolve inside `root`.
 * Throws a FileProblem (outside-tree, is-link, not-regular, changed, read-only) or the OS error.
 */
export function writeFileSafely(target: string, text: string, options: SafeWriteOptions): void {
  const realRoot = realOrSelf(options.root);
  let dir = dirname(resolve(target));
  // The nearest existing folder, links resolved, must be inside the tree before anything is created.
  let existing = dir;
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  if (!isInside(realRoot, realOrSelf(existing))) throw new FileProblem("outside-tree", "outside-tree");
  if (options.mkdir && existing !== dir) mkdirSync(dir, { recursive: true });
  dir = realpathSync(dir);
  if (!isInside(realRoot, dir)) throw new FileProblem("outside-tree", "outside-tree");
  let name = basename(target);
  let path = join(dir, name);
  let mode = 0o666;
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (stats?.isSymbolicLink()) {
    if (options.expected === undefined) throw new FileProblem("is-link", "is-link");
    // --fix of a file read through an in-tree link: the file it resolves to is replaced, if it is in the tree.
    const real = realpathSync(path);
    if (!isInside(realRoot, real)) throw new FileProblem("outside-tree", "outside-tree");
    path = real;
    dir = dirname(real);
    name = basename(real);
    stats = lstatSync(path);
  }
  if (stats) {
    if (!stats.isFile()) throw new FileProblem("not-regular", "not-regular");
    mode = stats.mode & 0o7777;
    if (options.keepReadOnly && (mode & 0o222) === 0) throw new FileProblem("read-only", "read-only");
  }
  if (options.expected !== undefined) {
    let now: string | undefined;
    try {
      now = readRegularFile(path, realRoot);
    } catch {
      now = undefined;
    }
    if (now !== options.expected) throw new FileProblem("changed", "changed");
  }
  // node:crypto is loaded here, on the first write (--fix), not at every start: loading it is a few milliseconds.
  const { randomBytes } = process.getBuiltinModule("node:crypto");
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString("hex")}.mcp-lint-tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, mode);
  try {
    try {
      if (stats) fchmodSync(fd, mode); // the replaced file's permissions, whatever the umask
      const data = Buffer.from(text, "utf8");
      for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or gone
    }
    throw error;
  }
}
