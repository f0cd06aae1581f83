import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noUndeclaredInput = defineConfigRule({
  meta: {
    id: "no-undeclared-input",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
