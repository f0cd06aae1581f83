import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const strictJson = defineConfigRule({
  meta: {
    id: "strict-json",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
