import { syntax } from "./config/syntax.js";
import { strictJson } from "./config/strict-json.js";
import { noDuplicateKeys } from "./config/no-duplicate-keys.js";
import { validSchema } from "./config/valid-schema.js";
import { rootKey } from "./config/root-key.js";
import { serverShape } from "./config/server-shape.js";
import { validUrl } from "./config/valid-url.js";
import { noNonMcpPort } from "./config/no-non-mcp-port.js";
import { noCommandLine } from "./config/no-command-line.js";
import { npxYes } from "./config/npx-yes.js";
import { pinnedPackage } from "./config/pinned-package.js";
import { typosquatPackage } from "./config/typosquat-package.js";
import { remoteScriptCommand } from "./config/remote-script-command.js";
import { overbroadAccess } from "./config/overbroad-access.js";
import { noHardcodedSecrets } from "./config/no-hardcoded-secrets.js";
import { noInsecureHttp } from "./config/no-insecure-http.js";
import { noDeprecatedSse } from "./config/no-deprecated-sse.js";
import { variableSyntax } from "./config/variable-syntax.js";
import { noUndeclaredInput } from "./config/no-undeclared-input.js";
import { supportedTransport } from "./config/supported-transport.js";
import { noRelativePath } from "./config/no-relative-path.js";
import { stdioLauncher } from "./config/stdio-launcher.js";
import { noPromptInjection } from "./config/no-prompt-injection.js";
import { vulnerableSdk } from "./config/vulnerable-sdk.js";
import type { ConfigRule } from "./types.js";

export * from "./types.js";

/** Every config rule, in documentation order. */
export const configRules: readonly ConfigRule<string, never>[] = [
  syntax,
  strictJson,
  noDuplicateKeys,
  validSchema,
  rootKey,
  serverShape,
  validUrl,
  noNonMcpPort,
  noCommandLine,
  npxYes,
  pinnedPackage,
  typosquatPackage,
  remoteScriptCommand,
  overbroadAccess,
  noHardcodedSecrets,
  noInsecureHttp,
  noDeprecatedSse,
  variableSyntax,
  noUndeclaredInput,
  supportedTransport,
  noRelativePath,
  stdioLauncher,
  noPromptInjection,
  vulnerableSdk,
] as unknown as readonly ConfigRule<string, never>[];

const byId = new Map(configRules.map((r) => [r.meta.id, r]));

export function getConfigRule(id: string): ConfigRule<string, never> | undefined {
  return byId.get(id);
}
