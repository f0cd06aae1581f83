import { damerauDistance } from "./similarity.js";

/** The closest candidate when it is close enough to be a typo, else undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // Only distances within the limit below count: longer comparisons are cut short (bounded by c's length).
    const d = damerauDistance(lower, c.toLowerCase(), Math.max(2, Math.floor(Math.max(input.length, c.length) / 3)));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "x"?` or "". */
export function didYouMeanText(input: string, candidates: Iterable<string>): string {
  const guess = didYouMean(input, candidates);
  return guess ? ` Did you mean "${guess}"?` : "";
}
