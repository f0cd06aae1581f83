import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const variableSyntax = defineConfigRule({
  meta: {
    id: "variable-syntax",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
