import { defineConfigRule } from "../types.js";

export const syntax = defineConfigRule({
  meta: {
    id: "syntax",
    description: "Config files must parse: the client rejects the whole file otherwise",
    severity: "error",
    recommended: true,
    messages: {
      parse: "{{message}} {{client}} cannot read this file, so none of its servers start.",
      limit: "{{message}} Nothing else in this file was checked.",
    },
    schema: [],
    defaultOptions: {},
  },
  runsOnParseErrors: true,
  check({ document, dialect, report }) {
    for (const error of document.errors) {
      report({ messageId: error.limit ? "limit" : "parse", data: { message: error.message, client: dialect.client }, pointer: "", range: error.range });
    }
  },
});
