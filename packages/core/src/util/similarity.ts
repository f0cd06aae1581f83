/**
 * Near-miss detection for config keys and enum values ("did you mean").
 * Distances are optimal-string-alignment Damerau-Levenshtein: a swap of two
 * neighbouring letters (`comamnd`) costs 1, like one insertion or deletion.
 */

/**
 * Damerau-Levenshtein (optimal string alignment) distance between two short strings. With `limit`, any distance
 * above it may be returned as limit + 1: strings whose lengths differ by more than `limit` are not compared at all,
 * so the cost is bounded by the shorter string's length (a 1 MB unknown key against a 10-letter candidate is free).
 */
export function damerauDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** A key as a client compares it, minus what people get wrong without noticing: case, separators, stray spaces. */
export function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

/** How `actual` differs from `expected` when both normalise to the same key. */
export function spellingDifference(actual: string, expected: string): "whitespace" | "case" | "separators" {
  if (actual !== actual.trim() || /\s/.test(actual)) return "whitespace";
  if (actual.toLowerCase() === expected.toLowerCase()) return "case";
  return "separators";
}

/**
 * Largest edit distance still taken for a typo of `candidate`. Short words get
 * less slack: one edit turns "env" into "end", which is not a typo of it.
 */
function allowance(candidate: string, strict: boolean): number {
  const n = candidate.length;
  if (strict) return n >= 9 ? 2 : n >= 5 ? 1 : 0;
  return n >= 6 ? 2 : n >= 3 ? 1 : 0;
}

/** `tool_timeout` for `tool_timeout_sec`: the key without its last short segment (a unit or a plural). */
function isUnitlessPrefix(input: string, a: string, candidate: string, b: string): boolean {
  return a.length >= 5 && b.startsWith(a) && b.length - a.length <= 4 && /[_-][a-z]{1,4}$/i.test(candidate) && !/[_-]$/.test(input);
}

/**
 * The candidates closest to `input` within the allowed distance (several when
 * tied), compared case-insensitively. `strict` is for keys that are allowed
 * anyway (open objects), where a false "did you mean" would be noise.
 */
export function closestMatches(input: string, candidates: Iterable<string>, strict = false): string[] {
  // The input is normalised once: per candidate, only work bounded by the candidate's length is done.
  const needle = input.trim().toLowerCase();
  const normalisedInput = normaliseKey(input);
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const normalised = normaliseKey(candidate);
    if (normalised === normalisedInput) return [candidate];
    const allowed = allowance(candidate, strict);
    const d = isUnitlessPrefix(input, normalisedInput, candidate, normalised) ? 1 : damerauDistance(needle, candidate.toLowerCase(), allowed);
    if (d > allowed) continue;
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance && !best.includes(candidate)) {
      best.push(candidate);
    }
  }
  return best;
}
