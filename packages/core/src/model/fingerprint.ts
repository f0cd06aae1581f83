/**
 * A finding's identity that survives edits: rule + file + JSON pointer (code
 * findings use their enclosing path instead of a pointer). Used for SARIF
 * partialFingerprints and the suppressions baseline.
 *
 * Two independent 32-bit FNV-1a-style hashes give 64 bits: plenty to tell
 * findings of one repository apart, and far cheaper than a cryptographic
 * hash on every finding (nothing here needs collision resistance).
 */
export function fingerprint(ruleId: string, file: string, pointer: string): string {
  // Hashes `${ruleId}\0${file with "/" for "\\"}\0${pointer}` piece by piece, without building that string.
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let part = 0; part < 3; part++) {
    const text = part === 0 ? ruleId : part === 1 ? file : pointer;
    if (part > 0) {
      h1 = Math.imul(h1, 0x01000193); // h1 ^ 0 === h1
      h2 = Math.imul(h2, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (part === 1 && c === 92) c = 47;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/** Lines longer than this are fingerprinted by a window of this many characters from the finding's column. */
export const FINGERPRINT_LINE = 400;

/** The part of a code finding's line its fingerprint hashes: the whole trimmed line, or a bounded window of a long one. */
export function fingerprintText(line: string, column: number): string {
  if (line.length <= FINGERPRINT_LINE) return line.trim();
  const start = Math.max(0, Math.min(line.length, column - 1));
  return line.slice(start, start + FINGERPRINT_LINE).trim();
}
