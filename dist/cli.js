#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as i,b as G,c as M,d as H,f as Y,k as q,l as J,n as K,q as g,r as h}from"./chunks/chunk-SDHP35RT.js";import{R as j,S as _,X as I}from"./chunks/chunk-GCD2TVWZ.js";import"./chunks/chunk-7UMKIXH6.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-UBEJ2IWO.js";import"./chunks/chunk-CUMKUWDT.js";import{parseArgs as me}from"node:util";import{lstatSync as oe}from"node:fs";import{join as z}from"node:path";import{parseArgs as se}from"node:util";import{resolve as re}from"node:path";function w(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function P(e,t){let n=e??"stylish";return g.includes(n)||h(n,[],{cwd:t}),n}function E(e){let t=e.filter(n=>n.kind==="option"&&(n.name==="color"||n.name==="no-color")).pop();return t?t.name==="color":void 0}function T(e,t,n,o){if(t!==void 0){let s=re(n,t);try{I(s,e,{root:n,mkdir:!0})}catch(r){throw new i(`Cannot write the report to "${t}" (${_(r)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var ie="https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/mcp-lint.config.schema.json",ae=`{
  // mcp-lint's config (JSON with comments). Each linted file uses the mcp-lint.config.json files from its folder
  // up to the repository root, the nearest winning; "root": true stops the lookup here.
  "$schema": "${ie}",
  "root": true,
  // "recommended" (default), "strict" (adds pinned-package) or "all".
  "preset": "recommended",
  // Rule settings: "off" | "info" | "warning" | "error", or [severity, { options }]. mcp-lint --list-rules lists them.
  "rules": {},
  // Globs of files not to lint, relative to this folder.
  "ignores": []
}
`,V=".github/workflows/mcp-lint.yml",le=`name: mcp-lint
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcp-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: mcp-lint/mcp-lint@v1
`,ue=`mcp-lint init [--workflow]

Write a starter ${M} in the current folder (never over an existing file).

      --workflow   Also write the GitHub workflow ${V} (annotations on pull requests)
  -h, --help       Show this help
`;function ce(e){try{return oe(e),!0}catch{return!1}}function X(e,t){let n;try{({values:n}=se({args:e,options:{workflow:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(r){return t.stderr.write(`mcp-lint init: ${w(r)}
Run "mcp-lint init --help" for usage.
`),2}if(n.help)return t.stdout.write(ue),0;let o=[[M,ae]];n.workflow&&o.push([V,le]);let s=o.filter(([r])=>ce(z(t.cwd,r))).map(([r])=>r);if(s.length)return t.stderr.write(`mcp-lint init: ${s.join(" and ")} already ${s.length===1?"exists":"exist"}: nothing was written (remove ${s.length===1?"it":"them"} first to start over).
`),2;for(let[r,l]of o){try{I(z(t.cwd,r),l,{root:t.cwd,mkdir:!0})}catch(u){throw new i(`init: cannot write ${r} (${_(u)}).`)}t.stdout.write(`Wrote ${r}
`)}return 0}import{parseArgs as de}from"node:util";var fe=`mcp-lint probe [options] [file|dir|glob]...

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). Default path: "."

This runs the commands your configs name: probe only configs you trust.

Options:
      --server <name>              Probe only this server (repeatable)
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores") instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${g.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
`,pe={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"}};function C(e,t,n,o){if(t===void 0)return;let s=t.trim();if(!/^\d+$/.test(s)||Number(s)<n||Number(s)>o)throw new i(`--${e} needs a whole number from ${n} to ${o}, not "${t}".`);return Number(s)}async function Q(e,t){let n;try{n=de({args:e,options:pe,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){return t.stderr.write(`mcp-lint probe: ${w(a)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:o,positionals:s,tokens:r}=n;if(o.help)return t.stdout.write(fe),0;let l=P(o.format,t.cwd),u=C("retries",o.retries,0,20),b=C("timeout",o.timeout,100,6e5),y=C("backoff",o.backoff,0,1e4),k=C("concurrency",o.concurrency,1,64),d=o["output-file"],v=t.color(E(r),d!==void 0),{probe:N,formatProbeTable:S,formatProgressLine:R,PROBE_RULE_INFO:x}=await import("./chunks/src-QCZYX4LH.js"),L=t.stderr.isTTY===!0,c=!1,f=()=>{c&&t.stderr.write("\r\x1B[2K"),c=!1},U=L?a=>{f();let m=R(a);if(a.type==="done")t.stderr.write(m+`
`);else{let O=t.stderr.columns??100;t.stderr.write(m.length>O-1?m.slice(0,O-2)+"…":m),c=!0}}:void 0,A=o.verbose?a=>{f(),t.stderr.write(`mcp-lint probe: ${a}
`)}:void 0,B=new AbortController,D=!1,ne=t.onInterrupt(()=>{D=!0,f(),t.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),B.abort()}),p;try{p=await N(s,{cwd:t.cwd,env:t.env,signal:B.signal,...o.server?{servers:o.server}:{},...o.config!==void 0?{configPath:o.config}:{},...o["no-config-lookup"]?{noConfigLookup:!0}:{},...u!==void 0?{retries:u}:{},...b!==void 0?{timeoutMs:b}:{},...y!==void 0?{backoffMs:y}:{},...k!==void 0?{concurrency:k}:{},...U?{onProgress:U}:{},...A?{log:A}:{}})}finally{ne(),f()}let W=h(l,p.results,{cwd:t.cwd,color:v,version:t.version,extraRules:x});T(W,d,t.cwd,t.stdout);let F=l==="stylish"&&d===void 0?t.stdout:t.stderr;if(p.servers.length===0)t.stderr.write(`mcp-lint probe: no MCP servers found in ${s.length?s.map(a=>`"${a}"`).join(", "):"this folder"}.
`);else{let a=F===t.stdout&&W.trim()!==""?`
`:"";F.write(a+S(p.servers,{color:v&&F===t.stdout}))}return D?130:p.results.reduce((a,m)=>a+m.findings.filter(O=>O.severity==="error").length,0)>0||p.servers.some(a=>a.status==="failed")?1:0}var $="0.1.0",ge=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint init [--workflow]       Write a starter mcp-lint.config.json (and the GitHub workflow)
  mcp-lint mcp                     Serve MCP over stdio: tools lint_config, explain_rule, probe_servers
                                   (for agents; the probe tool runs the configured servers when called)
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Output:
  -f, --format <name>              ${g.join(" | ")} (default: stylish)
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
      --report-unused-disable-directives  Report mcp-lint-disable comments that disable nothing as errors
      --report-unused-disable-directives-severity <sev>
                                   Their severity: off | info (default) | warn | error (misspelt
                                   directives are a warning, or error with error; off reports neither)

Editors and tools:
      --stdin                      Lint the text on stdin (unsaved text; at most 10 MiB) instead of files
      --stdin-filename <path>      The name of that text: it decides the client format or language and the
                                   config files that apply, as for a file of that name (default: <text>)

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
`,he={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},stdin:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"},"stdin-filename":{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function we(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:ee}}function ee(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function Z(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function be(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new i(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function ye(e){if(!e?.length)return;let t={};for(let n of e){let o=Y(n);if("error"in o)throw new i(`--rule: ${o.error}`);t[o.id]=o.setting}return t}function ve(e,t){if(e&&t!==void 0)throw new i("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");if(e)return"error";if(t===void 0)return;let n=H(/^\d$/.test(t)?Number(t):t);if(!n)throw new i(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${t}".`);return n}async function xe(e){let t=[],n=0;for await(let o of e){let s=typeof o=="string"?Buffer.from(o):o;if(n+=s.length,n>j)throw new i(`The text on stdin is larger than ${j/1024/1024} MiB, so it was not linted.`);t.push(s)}return Buffer.concat(t).toString("utf8")}function ke(){let e=J().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),t=["Rule","Default severity","Recommended","Fixable","Description"],n=[t,...e],o=t.map((r,l)=>Math.max(...n.map(u=>u[l].length))),s=r=>r.map((l,u)=>u===r.length-1?l:l.padEnd(o[u])).join("  ").trimEnd();return[s(t),s(o.map(r=>"-".repeat(r))),...e.map(s)].join(`
`)+`
`}function Se(e,t){if(e instanceof G)return`mcp-lint: ${e.describe()}
`;if(e instanceof i)return`mcp-lint: ${e.message}
`;let n=e instanceof Error?e.message:String(e),o=t&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${n.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function te(e,t={}){let n={...we(),...t},o=(n.env.DEBUG??"").split(/[\s,]+/).some(s=>s==="mcp-lint"||s==="mcp-lint:*"||s==="*");try{if(e[0]==="init")return X(e.slice(1),n);if(e[0]==="mcp"){if(e.length>1)throw new i("mcp-lint mcp takes no arguments: it serves MCP over stdio, in the current folder.");let{runMcpServer:c}=await import("./chunks/mcp-command-5AZGLZLF.js");return await c(n.cwd,$),0}if(e[0]==="probe")return await Q(e.slice(1),{cwd:n.cwd,env:n.env,stdout:n.stdout,stderr:n.stderr,onInterrupt:n.onInterrupt??ee,color:(c,f)=>c??(!f&&Z(n)),version:$});let s;try{s=me({args:e,options:he,allowPositionals:!0,strict:!0,tokens:!0})}catch(c){return n.stderr.write(`mcp-lint: ${w(c)}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:l,tokens:u}=s;if(r.help)return n.stdout.write(ge),0;if(r.version)return n.stdout.write(`v${$}
`),0;if(r["list-rules"])return n.stdout.write(ke()),0;let b=ye(r.rule),y={cwd:n.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...b?{rules:b}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return n.stdout.write(JSON.stringify(q(r["print-config"],y),null,2)+`
`),0;let k=P(r.format,n.cwd),d=be(r["max-warnings"]),v=r["output-file"],N=E(u)??(v===void 0&&Z(n));if(r["stdin-filename"]!==void 0&&!r.stdin)throw new i("--stdin-filename names the text read with --stdin: add --stdin.");let S=r.stdin?{text:await xe(n.stdin??process.stdin),...r["stdin-filename"]?{filename:r["stdin-filename"]}:{}}:void 0,R=ve(r["report-unused-disable-directives"]===!0,r["report-unused-disable-directives-severity"]),x=await K(l,{...S?{stdin:S}:{},...R?{reportUnusedDisableDirectives:R}:{},...y,fix:r.fix===!0,quiet:r.quiet===!0,...d!==void 0?{maxWarnings:d}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),L=h(k,x.results,{cwd:n.cwd,color:N,version:$});T(L,v,n.cwd,n.stdout);for(let c of x.notices)n.stderr.write(`${c}
`);return x.exitCode}catch(s){return n.stderr.write(Se(s,o)),2}}process.exitCode=await te(process.argv.slice(2));
