import type { LintFileResult } from "../engine/lint-files.js";

export interface FormatterContext {
  /** Folder the result paths are relative to. */
  cwd: string;
  /** Emit ANSI colours (stylish only). The front end decides; core never looks at the terminal. */
  color?: boolean;
  /** mcp-lint version, for SARIF's tool.driver. */
  version?: string;
}

export type Formatter = (results: LintFileResult[], context: FormatterContext) => string;
