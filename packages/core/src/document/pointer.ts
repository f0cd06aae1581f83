/** RFC 6901 JSON pointers. */
export function escapeSegment(segment: string | number): string {
  const s = typeof segment === "number" ? String(segment) : segment;
  // Fast path: most keys need no escaping.
  if (s.indexOf("~") < 0 && s.indexOf("/") < 0) return s;
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const segment of segments) out += "/" + escapeSegment(segment);
  return out;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  const parts = pointer.slice(1).split("/");
  return pointer.indexOf("~") < 0 ? parts : parts.map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** True when `pointer` equals `ancestor` or lies below it. */
export function isWithinPointer(pointer: string, ancestor: string): boolean {
  return ancestor === "" || pointer === ancestor || pointer.startsWith(ancestor + "/");
}
