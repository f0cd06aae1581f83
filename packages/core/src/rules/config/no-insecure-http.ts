import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noInsecureHttp = defineConfigRule({
  meta: {
    id: "no-insecure-http",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
