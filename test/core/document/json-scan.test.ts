import { parse as momoa } from "@humanwhocodes/momoa";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMomoa, parseJson } from "../../../packages/core/src/document/json.js";
import { scanJson } from "../../../packages/core/src/document/json-scan.js";
import { toValue } from "../../../packages/core/src/document/types.js";

function viaMomoa(text: string) {
  try {
    return fromMomoa(momoa(text, { mode: "jsonc", ranges: true, tokens: true, allowTrailingCommas: true }), text);
  } catch {
    return undefined;
  }
}

const jsonish = fc.oneof(
  fc.json().map((j) => j),
  fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
  fc
    .tuple(fc.jsonValue().map((v) => JSON.stringify(v, null, 1)), fc.nat(), fc.constantFrom(",", "//c\n", "/*x*/", "}", "]", '"', "\\", " ", "\t", "\u0001", "tru", "-", "0", "1e", ".5"))
    .map(([t, at, ins]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + ins + t.slice(i);
    }),
);

describe("fast JSONC scanner", () => {
  it("agrees with momoa on what parses, and on the tree, value, comments and trailing commas", () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const failure: { controlCharacterAt?: number } = {};
        const fast = scanJson(text, failure);
        const slow = viaMomoa(text);
        // momoa tolerates raw control characters in strings; the scanner (like JSON.parse) does not.
        if (failure.controlCharacterAt !== undefined) {
          expect(() => JSON.parse(text)).toThrow();
          expect(parseJson(text).errors).toHaveLength(1);
          return;
        }
        expect(fast === undefined).toBe(slow === undefined);
        if (!fast || !slow) return;
        expect(fast.root).toEqual(slow.root);
        expect(fast.value).toEqual(toValue(slow.root!));
        expect(fast.comments).toEqual(slow.comments);
        expect(fast.extensions).toEqual(slow.extensions);
      }),
      { numRuns: 3000 },
    );
  });

  it("records comments and trailing commas with exact ranges", () => {
    const text = '{\n  // note\n  "a": [1, 2,], /* b */\n  "c": {"d": true,},\n}';
    const out = parseJson(text);
    expect(out.errors).toEqual([]);
    expect(out.comments.map((c) => [c.text, text.slice(...c.range)])).toEqual([
      ["note", "// note"],
      ["b", "/* b */"],
    ]);
    const commas = out.extensions.filter((e) => e.kind === "trailing-comma");
    expect(commas.map((e) => text.slice(e.range[0], e.range[1]))).toEqual([",", ",", ","]);
    expect(commas.map((e) => text.slice(e.range[0] - 2, e.range[1] + 1))).toEqual([" 2,]", "ue,}", ",},\n"]);
  });

  it("falls back to momoa to explain errors", () => {
    const out = parseJson('{"a": 1 "b": 2}');
    expect(out.root).toBeUndefined();
    expect(out.errors[0]!.message).toBe("Missing ',' before this string.");
    expect(out.errors[0]!.range).toEqual([8, 9]);
  });
});
