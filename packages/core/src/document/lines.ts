/** Maps string offsets to 1-based line/column pairs (columns in UTF-16 units, as ESLint). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // A byte order mark is not a column: line 1 starts after it (as in ESLint, which strips it, and editors).
    if (text.charCodeAt(0) === 0xfeff) this.starts[0] = 1;
    if (text.indexOf("\r") < 0) {
      // Only "\n" line breaks (nearly every file): let indexOf find them.
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, o - this.starts[lo]! + 1) };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  range(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    // position(start) and position(max(start, end)) without the two intermediate objects.
    const starts = this.starts;
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(0, Math.min(Math.max(start, end), this.text.length));
    const sl = this.lineOf(s);
    const el = e === s ? sl : this.lineOf(e);
    return { line: sl + 1, column: Math.max(1, s - starts[sl]! + 1), endLine: el + 1, endColumn: Math.max(1, e - starts[el]! + 1) };
  }

  /** 0-based line of a clamped offset. */
  private lineOf(o: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
