import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readRegularFile, writeFileSafely } from "../../packages/core/src/util/safe-fs.js";

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), "mcp-lint-safe-fs-"));
  temps.push(d);
  return d;
}
const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("readRegularFile", () => {
  it("reads a regular file, refuses FIFOs, devices, links out of the tree and files over the cap", () => {
    const dir = temp();
    writeFileSync(join(dir, "a.json"), "{}");
    expect(readRegularFile(join(dir, "a.json"), dir)).toBe("{}");
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(code(() => readRegularFile(join(dir, "fifo"), dir))).toBe("not-regular");
    symlinkSync("/dev/zero", join(dir, "zero"));
    expect(code(() => readRegularFile(join(dir, "zero"), dir))).toBe("link-outside");
    expect(code(() => readRegularFile("/dev/zero", "/"))).toBe("not-regular");
    symlinkSync("a.json", join(dir, "in-tree"));
    expect(readRegularFile(join(dir, "in-tree"), dir)).toBe("{}");
    writeFileSync(join(dir, "big"), Buffer.alloc(MAX_FILE_BYTES + 1, 32));
    expect(code(() => readRegularFile(join(dir, "big"), dir))).toBe("too-large");
    expect(code(() => readRegularFile(join(dir, "missing"), dir))).toBe("ENOENT");
  });
});

describe("writeFileSafely", () => {
  it("does not overwrite a file that changed since it was read (--fix)", () => {
    const dir = temp();
    const file = join(dir, "x.json");
    writeFileSync(file, "changed by someone else");
    expect(code(() => writeFileSafely(file, "fixed", { root: dir, expected: "as read" }))).toBe("changed");
    expect(readFileSync(file, "utf8")).toBe("changed by someone else");
    writeFileSafely(file, "fixed", { root: dir, expected: "changed by someone else" });
    expect(readFileSync(file, "utf8")).toBe("fixed");
    expect(readdirSync(dir)).toEqual(["x.json"]);
  });

  it("refuses targets outside the root, through a linked folder, or that are links", () => {
    const root = temp();
    const outside = temp();
    mkdirSync(join(root, "in"));
    symlinkSync(outside, join(root, "out"));
    expect(code(() => writeFileSafely(join(root, "out", "x"), "x", { root, mkdir: true }))).toBe("outside-tree");
    expect(code(() => writeFileSafely(join(outside, "x"), "x", { root }))).toBe("outside-tree");
    symlinkSync(join(outside, "target"), join(root, "in", "link"));
    expect(code(() => writeFileSafely(join(root, "in", "link"), "x", { root }))).toBe("is-link");
    expect(readdirSync(outside)).toEqual([]);
    writeFileSafely(join(root, "in", "deep", "ok.txt"), "ok", { root, mkdir: true });
    expect(readFileSync(join(root, "in", "deep", "ok.txt"), "utf8")).toBe("ok");
  });
});
