import { createHash } from "node:crypto";

/**
 * A finding's identity that survives edits: rule + file + JSON pointer (code
 * findings use their enclosing path instead of a pointer). Used for SARIF
 * partialFingerprints and the suppressions baseline.
 */
export function fingerprint(ruleId: string, file: string, pointer: string): string {
  return createHash("sha256")
    .update(`${ruleId}\0${file.replace(/\\/g, "/")}\0${pointer}`)
    .digest("hex")
    .slice(0, 32);
}
