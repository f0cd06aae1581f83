import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCalls, scanCode } from "../../../packages/core/src/code/python/analysis.js";

/*
 * findCalls walks back from each `(`; this oracle says what it must find with two regexes over the whole text
 * (the first implementation): a dotted name not preceded by a word character or `.`, and `).name(` / `].name(`.
 */
const CALL = /(?<![\w.])([A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)[ \t]*\(/g;
const CHAINED = /[)\]][ \t]*\.[ \t]*([A-Za-z_]\w*)[ \t]*\(/g;
const KEYWORDS = new Set(
  "if elif while for return yield not and or in is lambda assert del with except raise await async import from as else class def global nonlocal pass try finally case print_function None True False".split(" "),
);

function inside(masked: number[], offset: number): boolean {
  for (let i = 0; i < masked.length; i += 2) if (masked[i]! <= offset && offset < masked[i + 1]!) return true;
  return false;
}

function oracle(text: string): Array<[number, string]> {
  const masked = scanCode(text);
  const out: Array<[number, string]> = [];
  for (const m of text.matchAll(CALL)) {
    if (inside(masked, m.index) || KEYWORDS.has(m[1]!)) continue;
    if (/(?:^|[^\w])(?:def|class)[ \t]+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    out.push([m.index, m[1]!.replace(/[ \t]+/g, "")]);
  }
  for (const m of text.matchAll(CHAINED)) {
    if (!inside(masked, m.index)) out.push([m.index + m[0].indexOf(m[1]!, 1), `().${m[1]!}`]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const pieces = ["'", '"', "'''", '"""', "(", ")", "[", "]", ".", " . ", " ", "\t", "\n", "#", "\\", "a", "b1", "x_y", "9a", "def ", "class ", "if", "print", "é", "rb", "f", "mcp.run", ")."];

describe("findCalls", () => {
  it("finds exactly the calls the regex oracle finds, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect(findCalls(text, scanCode(text))).toEqual(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads dotted, spaced and chained callees and skips strings, comments and definitions", () => {
    const text = 'a . b(1)\nf(x).run()\n"s(t)"  # c(d)\ndef g(): pass\nxs[0]. go()\nif (y): pass\n';
    expect(findCalls(text, scanCode(text))).toEqual([
      [0, "a.b"],
      [9, "f"],
      [14, "().run"],
      // A blank between the dot and the name also makes `go` read as a plain call (as the oracle does).
      [56, "go"],
      [56, "().go"],
    ]);
  });
});
