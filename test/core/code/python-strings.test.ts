import { describe, expect, it } from "vitest";
import { PyFile, stringValue } from "../../../packages/core/src/code/python/analysis.js";
import { parsePython } from "../../../packages/core/src/code/python/parser.js";
import { decodedString } from "../../../packages/core/src/code/python/strings.js";
import { stringsOf } from "../../../packages/core/src/code/python/values.js";

/** The shared string helpers decode what Python decodes: tree-sitter nests escape sequences inside string_content. */

async function literals(source: string) {
  const tree = await parsePython(source);
  const file = new PyFile(source, tree);
  const values = file.nodes("assignment").map((a) => a.childForFieldName("right")!);
  return { file, values };
}

describe("Python string literals", () => {
  it("stringValue decodes escapes; raw strings stay as written; f-strings with a field and concatenations are unknown", async () => {
    const { values } = await literals(String.raw`a = "x\ty"
b = r"x\ty"
c = b"st\x64io"
d = f"x{y}"
e = f"plain\n"
f = "a" "b"
g = "\u200b\U0001F600\101\N{BULLET}\q"
h = """one\
two"""
i = ""
`);
    expect(values.map((v) => stringValue(v))).toEqual(["x\ty", "x\\ty", "stdio", undefined, "plain\n", undefined, "\u200b\u{1F600}A\\N{BULLET}\\q", "onetwo", ""]);
  });

  it("decodedString leaves bytes out unless asked, and gives a start offset only when the source spells the text as is", async () => {
    const { values } = await literals(`a = b"x"\nb = "plain"\nc = "es\\tcaped"\n`);
    expect(decodedString(values[0])).toBeUndefined();
    expect(decodedString(values[0], { bytes: true })).toEqual({ text: "x", start: 6 });
    expect(decodedString(values[1])).toEqual({ text: "plain", start: 14 });
    expect(decodedString(values[2])).toEqual({ text: "es\tcaped" });
  });

  it("stringsOf decodes the literal head of an f-string and a module constant", async () => {
    const { file, values } = await literals(String.raw`URL = "http:\x2f/localhost:25565/mcp"
a = f"http:\x2f/{host}:8000"
b = URL
`);
    expect(stringsOf(file, values[1]).map((s) => [s.value, s.complete])).toEqual([["http://", false]]);
    expect(stringsOf(file, values[2]).map((s) => [s.value, s.complete])).toEqual([["http://localhost:25565/mcp", true]]);
  });
});
