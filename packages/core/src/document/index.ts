import { ConfigDocument } from "./document.js";
import { parseJson } from "./json.js";
import { parseToml } from "./toml.js";
import { parseYaml } from "./yaml.js";
import type { Format, ParseOutput } from "./types.js";

export { ConfigDocument } from "./document.js";
export type { PointerPart } from "./document.js";
export * from "./pointer.js";
export * from "./types.js";
export { LineIndex } from "./lines.js";
export { parseJson, fromMomoa } from "./json.js";

export function parseText(text: string, format: Format): ParseOutput {
  // A UTF-8 byte order mark is accepted, as the ESLint plugin (ESLint strips it) and editors accept it. It is
  // read as one space, so every offset (ranges, fixes) still points into the text as written.
  if (text.charCodeAt(0) === 0xfeff && format !== "yaml") text = " " + text.slice(1);
  switch (format) {
    case "json":
      return parseJson(text);
    case "yaml":
      return parseYaml(text);
    case "toml":
      return parseToml(text);
  }
}

export function parseDocument(filePath: string, text: string, format: Format): ConfigDocument {
  return new ConfigDocument(filePath, text, format, parseText(text, format));
}
