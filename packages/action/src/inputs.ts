import { formatterNames } from "@mcp-lint/core";

/** A bad `with:` value: the message names the input and says what is accepted. */
export class InputError extends Error {
  override readonly name = "InputError";
}

export type FailOn = "error" | "warning" | "never";

export interface ActionInputs {
  /** Folder (relative to the workspace) that `paths`, `config` and the suppressions file are relative to; undefined: the workspace. */
  workingDirectory?: string;
  paths: string[];
  /** Config file relative to the workspace; undefined: look up mcp-lint.config.json. */
  config?: string;
  failOn: FailOn;
  annotations: boolean;
  summary: boolean;
  /** SARIF file relative to the workspace; undefined: none. */
  sarifFile?: string;
  onlyChanged: boolean;
  format: string;
  /** Also start or reach every configured server (mcp-lint probe). */
  probe: boolean;
}

/** Reads one input, trimmed ("" when unset), as @actions/core's getInput does. */
export type GetInput = (name: string) => string;

const TRUE = new Set(["true", "True", "TRUE"]);
const FALSE = new Set(["false", "False", "FALSE"]);

function booleanInput(get: GetInput, name: string, fallback: boolean): boolean {
  const value = get(name);
  if (value === "") return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new InputError(`Input "${name}" must be true or false, not "${value}".`);
}

/**
 * `paths`: one path per line when the value has several lines (so a path may
 * hold spaces), otherwise separated by spaces. Empty: ".".
 */
export function splitPaths(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === "") return ["."];
  const parts = /[\r\n]/.test(trimmed) ? trimmed.split(/\r?\n|\r/) : trimmed.split(/\s+/);
  const paths = parts.map((p) => p.trim()).filter((p) => p !== "");
  return paths.length ? paths : ["."];
}

export function readInputs(get: GetInput): ActionInputs {
  const failOn = (get("fail-on") || "error").toLowerCase();
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never")
    throw new InputError(`Input "fail-on" must be error, warning or never, not "${get("fail-on")}".`);
  const format = get("format") || "stylish";
  if (!formatterNames.includes(format))
    throw new InputError(`Input "format" must be one of ${formatterNames.join(", ")}, not "${format}".`);
  const config = get("config");
  const sarifFile = get("sarif-file");
  const workingDirectory = get("working-directory");
  return {
    ...(workingDirectory ? { workingDirectory } : {}),
    paths: splitPaths(get("paths")),
    ...(config ? { config } : {}),
    failOn,
    annotations: booleanInput(get, "annotations", true),
    summary: booleanInput(get, "summary", true),
    ...(sarifFile ? { sarifFile } : {}),
    onlyChanged: booleanInput(get, "only-changed", false),
    format,
    probe: booleanInput(get, "probe", false),
  };
}
