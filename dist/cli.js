#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as c,b as x,d as v,e as R,f as _,g as C,h,i as w}from"./chunks/chunk-2SXXBNWM.js";import"./chunks/chunk-YUI6DBSM.js";import"./chunks/chunk-LL3TG3DV.js";import"./chunks/chunk-ZW2QYXCY.js";import{mkdirSync as F,writeFileSync as N}from"node:fs";import{dirname as I,resolve as L}from"node:path";import{parseArgs as $}from"node:util";var S="0.1.0",P=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Output:
  -f, --format <name>              ${h.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off (default: on for a terminal, off with NO_COLOR)
      --quiet                      Report errors only

Rules and config:
  -c, --config <file>              Use this config file instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
      --rule <id:severity>         Set a rule, e.g. --rule npx-yes:off or 'no-relative-path:["error",{...}]'
                                   (repeatable; beats the config file)
      --dialect <id>               Check the files named on the command line as this client's format
      --no-warn-ignored            No warning for explicitly named files that "ignores" matches

Fixing and results:
      --fix                        Fix problems where the fix is certain, and write the files back
      --max-warnings <n>           Fail (exit 1) when there are more than n warnings

Suppressions (baseline of accepted errors):
      --suppress-all               Record all current errors in the suppressions file
      --prune-suppressions         Remove suppressions that no longer occur
      --suppressions-location <f>  Suppressions file (default: mcp-lint-suppressions.json)
      --pass-on-unpruned-suppressions  Do not fail on suppressions that no longer occur

Information:
      --list-rules                 List the rules and their defaults
      --print-config <file>        Print the dialect and rule settings used for a file
  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or internal error.
`,T={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function j(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr}}function M(n){return n.env.FORCE_COLOR==="0"||n.env.NO_COLOR!==void 0&&n.env.NO_COLOR!==""?!1:n.env.FORCE_COLOR!==void 0&&n.env.FORCE_COLOR!==""?!0:n.stdout.isTTY===!0}function U(n){if(n!==void 0){if(!/^-?\d+$/.test(n.trim()))throw new c(`--max-warnings needs a whole number, not "${n}".`);return Number(n)}}function D(n){if(!n?.length)return;let i={};for(let t of n){let s=v(t);if("error"in s)throw new c(`--rule: ${s.error}`);i[s.id]=s.setting}return i}function q(){let n=_().map(e=>[e.id,e.severity,e.recommended?"yes":"no",e.fixable?"yes":e.hasSuggestions?"suggestion":"no",e.description]),i=["Rule","Default severity","Recommended","Fixable","Description"],t=[i,...n],s=i.map((e,a)=>Math.max(...t.map(l=>l[a].length))),r=e=>e.map((a,l)=>l===e.length-1?a:a.padEnd(s[l])).join("  ").trimEnd();return[r(i),r(s.map(e=>"-".repeat(e))),...n.map(r)].join(`
`)+`
`}function W(n,i){if(n instanceof x)return`mcp-lint: ${n.describe()}
`;if(n instanceof c)return`mcp-lint: ${n.message}
`;let t=n instanceof Error?n.message:String(n),s=i&&n instanceof Error&&n.stack?`
${n.stack}`:"";return`mcp-lint: internal error: ${t.split(`
`)[0]}${s}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function k(n,i={}){let t={...j(),...i},s=(t.env.DEBUG??"").split(/[\s,]+/).some(r=>r==="mcp-lint"||r==="mcp-lint:*"||r==="*");try{let r;try{r=$({args:n,options:T,allowPositionals:!0,strict:!0,tokens:!0})}catch(o){let m=(o instanceof Error?o.message:String(o)).split(/\.\s/)[0].replace(/\.?$/,".");return t.stderr.write(`mcp-lint: ${m}
Run "mcp-lint --help" for usage.
`),2}let{values:e,positionals:a,tokens:l}=r;if(e.help)return t.stdout.write(P),0;if(e.version)return t.stdout.write(`v${S}
`),0;if(e["list-rules"])return t.stdout.write(q()),0;let y=D(e.rule),b={cwd:t.cwd,...e.config!==void 0?{configPath:e.config}:{},...e["no-config-lookup"]?{noConfigLookup:!0}:{},...y?{rules:y}:{},...e.dialect!==void 0?{dialect:e.dialect}:{}};if(e["print-config"]!==void 0)return t.stdout.write(JSON.stringify(R(e["print-config"],b),null,2)+`
`),0;let f=e.format??"stylish";h.includes(f)||w(f,[],{cwd:t.cwd});let O=U(e["max-warnings"]),p=e["output-file"],d=l.filter(o=>o.kind==="option"&&(o.name==="color"||o.name==="no-color")).pop(),E=d?d.kind==="option"&&d.name==="color":p===void 0&&M(t),g=await C(a,{...b,fix:e.fix===!0,quiet:e.quiet===!0,...O!==void 0?{maxWarnings:O}:{},suppressAll:e["suppress-all"]===!0,pruneSuppressions:e["prune-suppressions"]===!0,...e["suppressions-location"]!==void 0?{suppressionsLocation:e["suppressions-location"]}:{},passOnUnprunedSuppressions:e["pass-on-unpruned-suppressions"]===!0,warnIgnored:e["no-warn-ignored"]!==!0}),u=w(f,g.results,{cwd:t.cwd,color:E,version:S});if(p!==void 0){let o=L(t.cwd,p);try{F(I(o),{recursive:!0}),N(o,u)}catch(m){throw new c(`Cannot write the report to "${p}" (${m.code??"unknown error"}).`)}}else u!==""&&t.stdout.write(u.endsWith(`
`)?u:u+`
`);for(let o of g.notices)t.stderr.write(`${o}
`);return g.exitCode}catch(r){return t.stderr.write(W(r,s)),2}}process.exitCode=await k(process.argv.slice(2));
