import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The fenced block between `<!-- name-start -->` and `<!-- name-end -->` in README.md. */
export function readmeBlock(name: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const m = new RegExp(`<!-- ${name}-start -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}-end -->`).exec(readme);
  if (!m) throw new Error(`README.md has no ${name} block`);
  return m[1]!;
}
