import type { PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import type { Fix, Severity } from "../../model/finding.js";
import type { RuleMeta } from "../types.js";

/**
 * A Python code rule: the same metadata as every other rule (id, description,
 * severity, messages, options schema) and a function over the file's shared
 * analysis (code/python/analysis.ts). Where a Python rule reports the same
 * failure as a JavaScript/TypeScript rule, it has the same id: one setting,
 * one suppression, one doc page for both languages.
 */
export interface PythonReport<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** The node the finding is about (or give `range`). */
  node?: Node;
  /** Exact string offsets [start, end) when narrower or wider than one node. */
  range?: [number, number];
  fix?: Fix;
  /**
   * At most this severity for this one finding (a rule whose cases differ: an error where the call raises, a
   * warning where it is only misread). Never raises the configured severity.
   */
  severity?: Severity;
  suggestions?: Array<{ desc: string; fix: Fix }>;
}

export interface PythonRuleContext<MessageIds extends string, Options> {
  file: PyFile;
  /** The file's path as linted (relative or absolute), for rules that treat test files differently. */
  path: string;
  options: Options;
  report(descriptor: PythonReport<MessageIds>): void;
}

export interface PythonRule<MessageIds extends string = string, Options = Record<string, unknown>> {
  meta: RuleMeta<MessageIds>;
  check(context: PythonRuleContext<MessageIds, Options>): void;
}

/** Identity helper that keeps message ids and options typed. */
export function definePythonRule<MessageIds extends string, Options = Record<string, unknown>>(
  rule: PythonRule<MessageIds, Options>,
): PythonRule<MessageIds, Options> {
  return rule;
}
