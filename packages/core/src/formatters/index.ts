import { UsageError } from "../model/errors.js";
import type { LintFileResult } from "../engine/lint-files.js";
import { redactResults } from "../engine/redact.js";
import { didYouMeanText } from "../util/did-you-mean.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter, FormatterContext } from "./types.js";

export type { Formatter, FormatterContext } from "./types.js";
export { escapeData, escapeProperty } from "./github.js";
export { codeSpan, escapeCell, escapeControl } from "./escape.js";

const formatters: Record<string, Formatter> = { stylish, json, sarif, github, markdown };

/** Names accepted by `formatResults` (and --format). */
export const formatterNames: readonly string[] = Object.keys(formatters);

/** Renders results in a named format. An unknown name throws a UsageError. */
export function formatResults(name: string, results: LintFileResult[], context: FormatterContext): string {
  const formatter = formatters[name];
  if (!formatter)
    throw new UsageError(`Unknown format "${name}".${didYouMeanText(name, formatterNames)} Formats: ${formatterNames.join(", ")}.`);
  // The output redaction step (a no-op for results that went through it already, as runLint's have).
  return formatter(redactResults(results), context);
}
