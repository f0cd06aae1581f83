import type { ParseOutput } from "./types.js";

/** PLACEHOLDER: implemented by the YAML/TOML work item. */
export function parseToml(text: string): ParseOutput {
  return { root: undefined, comments: [], extensions: [], errors: [{ message: "TOML support is not built yet.", range: [0, Math.min(1, text.length)] }] };
}
