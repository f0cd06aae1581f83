import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const serverShape = defineConfigRule({
  meta: {
    id: "server-shape",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
