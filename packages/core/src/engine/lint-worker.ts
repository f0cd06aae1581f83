import type { SeveritySetting } from "../model/finding.js";
import { parentPort } from "node:worker_threads";
import { fileKind } from "../util/paths.js";
import type { PointerOverride, RuleSettings } from "./lint-config-text.js";
import { lintReadFile, NOT_A_FILE, readText, type FileJob, type ReadResult } from "./file-lint.js";

/**
 * Worker thread of lintFiles (see lint-files.ts, `lintInParallel`): lints chunks of a job's config files,
 * taking the next chunk from a counter shared with the main thread until none is left, and posts each
 * chunk's results. Each file's result is computed by the same code as on the main thread.
 */

export type WorkerJob = LintJob;

export interface LintJob {
  type: "lint";
  jobId: number;
  /** Files named one by one, not yet known to be files: stat each first (NOT_A_FILE when it is not one). */
  statFirst: boolean;
  /** Int32Array over a SharedArrayBuffer: [next chunk to take]. */
  counter: Int32Array;
  chunkSize: number;
  /** The run's cwd: symbolic links are followed only inside it (or their git work tree). */
  cwd: string;
  abs: string[];
  file: string[];
  explicit: boolean[];
  dialectHint: Array<string | undefined>;
  codeCandidate: boolean[];
  /** Index into `settings` per file, -1 for a file that is not linted (ignored). */
  settingsIndex: number[];
  settings: Array<{ rules: RuleSettings; pointerOverrides: PointerOverride[] }>;
  /** --report-unused-disable-directives-severity, the same for every file. */
  unusedDirectives?: SeveritySetting;
}

export type WorkerReply = { jobId: number; chunk: number; results: unknown[] } | { jobId: number; done: true };

parentPort?.on("message", (job: WorkerJob) => {
  const n = job.abs.length;
  const chunks = Math.ceil(n / job.chunkSize);
  for (let chunk = Atomics.add(job.counter, 0, 1); chunk < chunks; chunk = Atomics.add(job.counter, 0, 1)) {
    const start = chunk * job.chunkSize;
    const end = Math.min(n, start + job.chunkSize);
    // Read the chunk first, then lint it (see lintFiles on reading ahead).
    const reads: Array<ReadResult | typeof NOT_A_FILE | undefined> = [];
    for (let i = start; i < end; i++) {
      if (job.statFirst && fileKind(job.abs[i]!) !== 1) reads.push(NOT_A_FILE);
      else reads.push(job.settingsIndex[i]! < 0 ? undefined : readText(job.abs[i]!, job.cwd));
    }
    const results: unknown[] = [];
    for (let i = start; i < end; i++) {
      const read = reads[i - start];
      if (!read || read === NOT_A_FILE) {
        results.push(read);
        continue;
      }
      const settings = job.settings[job.settingsIndex[i]!]!;
      const fileJob: FileJob = {
        abs: job.abs[i]!,
        file: job.file[i]!,
        explicit: job.explicit[i]!,
        dialectHint: job.dialectHint[i],
        codeCandidate: job.codeCandidate[i]!,
        rules: settings.rules,
        pointerOverrides: settings.pointerOverrides,
        ...(job.unusedDirectives ? { unusedDirectives: job.unusedDirectives } : {}),
      };
      results.push(lintReadFile(fileJob, read, false));
    }
    parentPort!.postMessage({ jobId: job.jobId, chunk, results } satisfies WorkerReply);
  }
  parentPort!.postMessage({ jobId: job.jobId, done: true } satisfies WorkerReply);
});

