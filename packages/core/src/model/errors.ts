/**
 * Errors the front ends turn into exit code 2: bad arguments (UsageError) and
 * bad config files (ConfigError). Core never prints or exits; it throws these.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    message: string,
    /** The config file (as given: absolute or relative to the cwd). */
    readonly file: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }

  /** `file:line:column: message`, the form editors and terminals link. */
  describe(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}
