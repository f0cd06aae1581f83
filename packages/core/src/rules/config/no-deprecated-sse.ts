import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noDeprecatedSse = defineConfigRule({
  meta: {
    id: "no-deprecated-sse",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
