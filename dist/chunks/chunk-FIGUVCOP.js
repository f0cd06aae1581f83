import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
var e=/\.(?:[cm]?[jt]s|[jt]sx)$/i;function n(t){return e.test(t)&&!/\.d\.[cm]?ts$/i.test(t)}function o(t){return/\.py$/i.test(t)}function i(t){return n(t)||o(t)}export{n as a,o as b,i as c};
