import type { OffsetRange } from "../../document/types.js";
import type { Fix } from "../../model/finding.js";
import { containerPointerAt } from "../../util/rule-text.js";
import { defineConfigRule } from "../types.js";

export const strictJson = defineConfigRule({
  meta: {
    id: "strict-json",
    description: "No comments or trailing commas in JSON files whose client reads strict JSON",
    severity: "error",
    recommended: true,
    fixable: true,
    hasSuggestions: true,
    messages: {
      comment:
        "Comments are not valid JSON and {{client}} reads this file as strict JSON: it discards the whole file, so none of its servers start. Remove the comment.",
      trailingComma:
        "Trailing commas are not valid JSON and {{client}} does not accept them: it discards the whole file, so none of its servers start. Remove the comma.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, report }) {
    if (document.format !== "json") return;
    for (const extension of document.extensions) {
      const pointer = containerPointerAt(document.root, extension.range[0]);
      if (extension.kind === "comment" && !dialect.comments) {
        report({
          messageId: "comment",
          data: { client: dialect.client },
          pointer,
          range: extension.range,
          suggestions: [{ desc: "Remove the comment", fix: removeComment(document.text, extension.range) }],
        });
      } else if (extension.kind === "trailing-comma" && !dialect.trailingCommas) {
        report({
          messageId: "trailingComma",
          data: { client: dialect.client },
          pointer,
          range: extension.range,
          fix: { range: extension.range, text: "" },
        });
      }
    }
  },
});

/**
 * Deletes a comment. A comment alone on its line(s) goes with its line; a
 * comment at the end of a line goes with the spaces before it; a comment
 * between tokens goes with the spaces after it.
 */
function removeComment(text: string, [start, end]: OffsetRange): Fix {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t]*\r?$/.test(after)) {
    // The whole line: up to and including its line break (or the previous one at the end of the file).
    if (lineEnd < text.length) return { range: [lineStart, lineEnd + 1], text: "" };
    const prevBreak = lineStart > 0 ? (text[lineStart - 2] === "\r" ? lineStart - 2 : lineStart - 1) : lineStart;
    return { range: [prevBreak, lineEnd], text: "" };
  }
  if (/^[ \t]*\r?$/.test(after)) {
    const spaces = /[ \t]*$/.exec(before)![0].length;
    return { range: [start - spaces, end], text: "" };
  }
  const spaces = /^[ \t]*/.exec(after)![0].length;
  return { range: [start, end + spaces], text: "" };
}
