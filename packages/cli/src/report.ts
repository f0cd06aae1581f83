import { resolve } from "node:path";
import { formatResults, formatterNames, UsageError, writeFileSafely, writeProblemReason } from "@mcp-lint/core";

/** Option handling shared by `mcp-lint` and `mcp-lint probe`. */

/** Node's parseArgs messages run on ("... To specify a positional argument ..."): keep the first sentence. */
export function argsErrorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0]!.replace(/\.?$/, ".");
}

/** The --format value, checked: an unknown name is a UsageError with a did-you-mean. */
export function checkedFormat(format: string | undefined, cwd: string): string {
  const name = format ?? "stylish";
  if (!formatterNames.includes(name)) formatResults(name, [], { cwd }); // throws
  return name;
}

type Token = { kind: string; name?: string };

/** The last of --color / --no-color, or undefined when neither was given. */
export function explicitColor(tokens: readonly Token[]): boolean | undefined {
  const last = tokens.filter((t) => t.kind === "option" && (t.name === "color" || t.name === "no-color")).pop();
  return last ? last.name === "color" : undefined;
}

/**
 * Writes the report to --output-file (creating its folder), or to stdout with a final newline. The file must be
 * inside the cwd tree and is written atomically without following links (see core util/safe-fs.ts).
 */
export function emitReport(report: string, outputFile: string | undefined, cwd: string, stdout: { write(text: string): unknown }): void {
  if (outputFile !== undefined) {
    const target = resolve(cwd, outputFile);
    try {
      writeFileSafely(target, report, { root: cwd, mkdir: true });
    } catch (error) {
      throw new UsageError(`Cannot write the report to "${outputFile}" (${writeProblemReason(error)}).`);
    }
  } else if (report !== "") {
    stdout.write(report.endsWith("\n") ? report : report + "\n");
  }
}
