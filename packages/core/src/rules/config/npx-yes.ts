import { addMemberAfter, insertArrayItems, stringArray } from "../../document/edits.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";
import { invocation, npxPackageIndex, programName } from "../../util/commands.js";

export const npxYes = defineConfigRule({
  meta: {
    id: "npx-yes",
    description: "Convention: write `npx -y` (npm assumes it under a client's pipe, but a `yes=false` npm config refuses the install)",
    severity: "info",
    recommended: false,
    fixable: true,
    messages: {
      missing:
        'npx runs {{what}} without "-y": npm assumes --yes when stdin is not a terminal (npm help exec), as under an MCP client, so this works; but with "yes=false" in an npm config, npx refuses to install it and the server exits. Add "-y" before the package name (the usual form).',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, servers, report }) {
    for (const entry of servers) {
      // Only npx, or `cmd /c npx`, can need "-y": other programs are skipped before the arguments are gathered.
      const command = entry.command;
      if (!command || typeof command.value !== "string") continue;
      const program = programName(command.value);
      if (program !== "npx" && program !== "cmd") continue;
      const run = invocation(entry);
      if (!run || run.program !== "npx") continue;
      const pkgIndex = npxPackageIndex(run.args);
      const npxOptions = run.args.slice(0, pkgIndex < 0 ? run.args.length : pkgIndex).map((a) => a.value);
      if (npxOptions.some((o) => o === "-y" || o === "--yes" || o === "--no" || o === "--no-yes" || o === "--no-install")) continue;
      const pkg = pkgIndex >= 0 ? run.args[pkgIndex] : undefined;
      const insertAt = entry.argsOffset + run.argsStart;
      let fix = entry.argsPointer ? insertArrayItems(document, entry.argsPointer, insertAt, ["-y"]) : undefined;
      if (!fix && !entry.argsPointer && entry.command && run.argsStart === 0 && !entry.command.pointer.endsWith("/0")) {
        // No args at all: add `"args": ["-y"]` after the command.
        fix = addMemberAfter(document, entry.command.pointer, "args", stringArray(["-y"]));
      }
      report({
        messageId: "missing",
        data: { what: pkg ? echo(pkg.value, "the package") : "the package" },
        pointer: run.programPointer,
        part: "value",
        ...(fix ? { fix } : {}),
      });
    }
  },
});

