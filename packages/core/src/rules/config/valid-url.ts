import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const validUrl = defineConfigRule({
  meta: {
    id: "valid-url",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
