#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a,b as z,c as W,d as J,f as Y,k as V,l as K,n as Z,q as w,r as b}from"./chunks/chunk-L7SXTFZH.js";import{R as U,S as P,X as _}from"./chunks/chunk-6G7QTZ3U.js";import"./chunks/chunk-7UMKIXH6.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-UBEJ2IWO.js";import"./chunks/chunk-CUMKUWDT.js";import{parseArgs as Te}from"node:util";import{lstatSync as ue}from"node:fs";import{join as X}from"node:path";import{parseArgs as ce}from"node:util";import{resolve as le}from"node:path";function y(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function T(e,t){let n=e??"stylish";return w.includes(n)||b(n,[],{cwd:t}),n}function I(e){let t=e.filter(n=>n.kind==="option"&&(n.name==="color"||n.name==="no-color")).pop();return t?t.name==="color":void 0}function E(e,t,n,o){if(t!==void 0){let s=le(n,t);try{_(s,e,{root:n,mkdir:!0})}catch(r){throw new a(`Cannot write the report to "${t}" (${P(r)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var de="https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/mcp-lint.config.schema.json",fe=`{
  // mcp-lint's config (JSON with comments). Each linted file uses the mcp-lint.config.json files from its folder
  // up to the repository root, the nearest winning; "root": true stops the lookup here.
  "$schema": "${de}",
  "root": true,
  // "recommended" (default), "strict" (adds pinned-package) or "all".
  "preset": "recommended",
  // Rule settings: "off" | "info" | "warning" | "error", or [severity, { options }]. mcp-lint --list-rules lists them.
  "rules": {},
  // Globs of files not to lint, relative to this folder.
  "ignores": []
}
`,Q=".github/workflows/mcp-lint.yml",pe=`name: mcp-lint
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcp-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: mcp-lint/mcp-lint@v1
`,me=`mcp-lint init [--workflow]

Write a starter ${W} in the current folder (never over an existing file).

      --workflow   Also write the GitHub workflow ${Q} (annotations on pull requests)
  -h, --help       Show this help
`;function ge(e){try{return ue(e),!0}catch{return!1}}function ee(e,t){let n;try{({values:n}=ce({args:e,options:{workflow:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(r){return t.stderr.write(`mcp-lint init: ${y(r)}
Run "mcp-lint init --help" for usage.
`),2}if(n.help)return t.stdout.write(me),0;let o=[[W,fe]];n.workflow&&o.push([Q,pe]);let s=o.filter(([r])=>ge(X(t.cwd,r))).map(([r])=>r);if(s.length)return t.stderr.write(`mcp-lint init: ${s.join(" and ")} already ${s.length===1?"exists":"exist"}: nothing was written (remove ${s.length===1?"it":"them"} first to start over).
`),2;for(let[r,i]of o){try{_(X(t.cwd,r),i,{root:t.cwd,mkdir:!0})}catch(u){throw new a(`init: cannot write ${r} (${P(u)}).`)}t.stdout.write(`Wrote ${r}
`)}return 0}import{statSync as he}from"node:fs";import{resolve as we}from"node:path";import{parseArgs as be}from"node:util";var ye=`mcp-lint probe [options] [file|dir|glob]...
mcp-lint probe [options] --url <url>
mcp-lint probe [options] -- <command> [args...]

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). Default path: "."

Or probe one server without a config file: --url (Streamable HTTP; --sse for the legacy SSE transport), or
the command after "--" (stdio). With --wait, keep retrying until every server answers or the time is up:
a startup gate for containers, compose files, CI jobs and supervisors.

This runs the commands your configs name: probe only configs you trust.

Options:
      --wait <duration>            Retry until every server answers initialize and tools/list, or until this
                                   long has passed (30s, 2m, 500ms, 1h); exit 0 when all are up, else 1.
                                   Failures waiting cannot fix (command not found, 401, 404, a web page) stop
                                   at once. Replaces --retries
      --url <url>                  Probe this URL instead of config files
      --sse                        With --url: use the legacy HTTP+SSE transport
      --header <"Name: value">     With --url: send this request header (repeatable)
      --env <NAME=value>           With "--": set this environment variable for the command (repeatable)
      --cwd <dir>                  With "--": the command's working directory
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
  -f, --format <name>              ${w.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding; with --wait: a server that is not
up), 2 usage error, 130 interrupted.
`,ve={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},wait:{type:"string"},url:{type:"string"},sse:{type:"boolean"},header:{type:"string",multiple:!0},env:{type:"string",multiple:!0},cwd:{type:"string"}},xe={ms:1,s:1e3,m:6e4,h:36e5},ke=864e5;function Se(e){let t=e.trim(),n=/(\d+(?:\.\d+)?)(ms|s|m|h)/y,o=0,s=0;if(t!=="")for(n.lastIndex=0;s<t.length;s=n.lastIndex){let i=n.exec(t);if(!i)break;o+=Number(i[1])*xe[i[2]]}let r=JSON.stringify(e.length>40?`${e.slice(0,40)}…`:e);if(t===""||s<t.length){let i=/^\d+(\.\d+)?$/.test(t)?` (a unit is needed: ${t}s or ${t}ms?)`:"";throw new a(`--wait needs a duration such as 30s, 2m, 500ms or 1h, not ${r}${i}.`)}if(o<1||o>ke)throw new a(`--wait needs a duration from 1ms to 24h, not ${r}.`);return Math.round(o)}function $e(e){let t=e.indexOf(":"),n=t>0?e.slice(0,t).trim():"";if(!/^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/.test(n))throw new a(`--header needs "Name: value" with a valid header name${t>0?"":' (no ":" found)'}.`);return[n,e.slice(t+1).trim()]}function Oe(e){let t=e.indexOf("="),n=t>0?e.slice(0,t):"";if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))throw new a("--env needs NAME=value with a variable name of letters, digits and _.");return[n,e.slice(t+1)]}function C(e,t,n,o){if(t===void 0)return;let s=t.trim();if(!/^\d+$/.test(s)||Number(s)<n||Number(s)>o)throw new a(`--${e} needs a whole number from ${n} to ${o}, not "${t}".`);return Number(s)}async function te(e,t){let n=e.indexOf("--"),o=n>=0?e.slice(n+1):void 0,s;try{s=be({args:n>=0?e.slice(0,n):e,options:ve,allowPositionals:!0,strict:!0,tokens:!0})}catch(l){return t.stderr.write(`mcp-lint probe: ${y(l)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:r,positionals:i,tokens:u}=s;if(r.help)return t.stdout.write(ye),0;let f=T(r.format,t.cwd),d=C("retries",r.retries,0,20),$=C("timeout",r.timeout,100,6e5),v=C("backoff",r.backoff,0,1e4),x=C("concurrency",r.concurrency,1,64),k=r["output-file"],S=t.color(I(u),k!==void 0),p=r.wait!==void 0?Se(r.wait):void 0;if(p!==void 0&&d!==void 0)throw new a("--wait and --retries do not go together: --wait retries until its time is up.");let h=Re(r,i,o,t.cwd),{probe:L,probeTarget:m,formatProbeTable:F,formatProgressLine:D,PROBE_RULE_INFO:se}=await import("./chunks/src-XPANJ56Q.js"),ie=t.stderr.isTTY===!0,M=!1,O=()=>{M&&t.stderr.write("\r\x1B[2K"),M=!1},B=ie?l=>{O();let c=D(l);if(l.type==="done")t.stderr.write(c+`
`);else{let R=t.stderr.columns??100;t.stderr.write(c.length>R-1?c.slice(0,R-2)+"…":c),M=!0}}:p!==void 0?_e(t.stderr,D):void 0,H=r.verbose?l=>{O(),t.stderr.write(`mcp-lint probe: ${l}
`)}:void 0,G=new AbortController,j=!1,ae=t.onInterrupt(()=>{j=!0,O(),t.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),G.abort()}),g;try{let l={cwd:t.cwd,env:t.env,signal:G.signal,...r.server?{servers:r.server}:{},...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...d!==void 0?{retries:d}:{},...p!==void 0?{waitMs:p}:{},...$!==void 0?{timeoutMs:$}:{},...v!==void 0?{backoffMs:v}:{},...x!==void 0?{concurrency:x}:{},...B?{onProgress:B}:{},...H?{log:H}:{}};g=h?await m(h,l):await L(i,l)}finally{ae(),O()}let q=b(f,g.results,{cwd:t.cwd,color:S,version:t.version,extraRules:se});E(q,k,t.cwd,t.stdout);let A=f==="stylish"&&k===void 0?t.stdout:t.stderr;if(g.servers.length===0&&p!==void 0)return t.stderr.write(`mcp-lint probe: no MCP servers found in ${i.length?i.map(l=>`"${l}"`).join(", "):"this folder"}: nothing to wait for.
`),j?130:1;if(g.servers.length===0)t.stderr.write(`mcp-lint probe: no MCP servers found in ${i.length?i.map(l=>`"${l}"`).join(", "):"this folder"}.
`);else{let l=A===t.stdout&&q.trim()!==""?`
`:"";A.write(l+F(g.servers,{color:S&&A===t.stdout}))}if(j)return 130;if(p!==void 0){let l=g.servers.filter(c=>c.status!=="ok");return l.length>0&&t.stderr.write(`mcp-lint probe: ${l.length} of ${g.servers.length} not up: ${l.map(c=>`${c.name} (${c.status})`).join(", ").slice(0,500)}
`),l.length>0?1:0}return g.results.reduce((l,c)=>l+c.findings.filter(R=>R.severity==="error").length,0)>0||g.servers.some(l=>l.status==="failed")?1:0}function Re(e,t,n,o){let s=[...t.length>0?[`paths (${t.map(i=>JSON.stringify(i)).join(" ").slice(0,80)})`]:[],...e.server?["--server"]:[],...e.config!==void 0?["--config"]:[]];if(e.url!==void 0&&n!==void 0)throw new a('Give either --url or a command after "--", not both.');let r=e.url!==void 0?"--url":n!==void 0?'a command after "--"':void 0;if(r&&s.length>0)throw new a(`${s.join(", ")} select config files; with ${r} no config file is read.`);if(e.url===void 0){for(let i of["sse","header"])if(e[i]!==void 0)throw new a(`--${i} goes with --url.`)}if(n===void 0){for(let i of["env","cwd"])if(e[i]!==void 0)throw new a(`--${i} goes with a command after "--".`)}if(e.url!==void 0){if(!/^https?:\/\//i.test(e.url.trim()))throw new a("--url needs an http:// or https:// URL.");let i={};for(let u of e.header??[]){let[f,d]=$e(u);i[f]=d}return{url:e.url.trim(),...e.sse?{sse:!0}:{},...e.header?{headers:i}:{}}}if(n!==void 0){if(n.length===0||n[0]==="")throw new a('Name the command to probe after "--" (mcp-lint probe -- node build/index.js).');let i={};for(let u of e.env??[]){let[f,d]=Oe(u);i[f]=d}if(e.cwd!==void 0&&!Pe(we(o,e.cwd)))throw new a(`--cwd: no folder ${JSON.stringify(e.cwd.slice(0,200))}.`);return{command:n[0],args:n.slice(1),...e.env?{env:i}:{},...e.cwd!==void 0?{cwd:e.cwd}:{}}}}function Pe(e){try{return he(e).isDirectory()}catch{return!1}}function _e(e,t){let n=new Map;return o=>{let s=`${o.file}\0${o.name}`;if(o.type!=="attempt"){if(o.type==="retry-wait"){if(n.get(s)===o.reason)return;n.set(s,o.reason)}e.write(`mcp-lint probe: ${t(o)}
`)}}}var N="1.0.0",Ie=`mcp-lint [options] [file|dir|glob]...

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
  -f, --format <name>              ${w.join(" | ")} (default: stylish)
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
`,Ee={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},stdin:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"},"stdin-filename":{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function Ce(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:re}}function re(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function ne(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function Ne(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new a(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function Le(e){if(!e?.length)return;let t={};for(let n of e){let o=Y(n);if("error"in o)throw new a(`--rule: ${o.error}`);t[o.id]=o.setting}return t}function Fe(e,t){if(e&&t!==void 0)throw new a("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");if(e)return"error";if(t===void 0)return;let n=J(/^\d$/.test(t)?Number(t):t);if(!n)throw new a(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${t}".`);return n}async function Me(e){let t=[],n=0;for await(let o of e){let s=typeof o=="string"?Buffer.from(o):o;if(n+=s.length,n>U)throw new a(`The text on stdin is larger than ${U/1024/1024} MiB, so it was not linted.`);t.push(s)}return Buffer.concat(t).toString("utf8")}function je(){let e=K().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),t=["Rule","Default severity","Recommended","Fixable","Description"],n=[t,...e],o=t.map((r,i)=>Math.max(...n.map(u=>u[i].length))),s=r=>r.map((i,u)=>u===r.length-1?i:i.padEnd(o[u])).join("  ").trimEnd();return[s(t),s(o.map(r=>"-".repeat(r))),...e.map(s)].join(`
`)+`
`}function Ae(e,t){if(e instanceof z)return`mcp-lint: ${e.describe()}
`;if(e instanceof a)return`mcp-lint: ${e.message}
`;let n=e instanceof Error?e.message:String(e),o=t&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${n.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function oe(e,t={}){let n={...Ce(),...t},o=(n.env.DEBUG??"").split(/[\s,]+/).some(s=>s==="mcp-lint"||s==="mcp-lint:*"||s==="*");try{if(e[0]==="init")return ee(e.slice(1),n);if(e[0]==="mcp"){if(e.length>1)throw new a("mcp-lint mcp takes no arguments: it serves MCP over stdio, in the current folder.");let{runMcpServer:m}=await import("./chunks/mcp-command-QRHHJEXK.js");return await m(n.cwd,N),0}if(e[0]==="probe")return await te(e.slice(1),{cwd:n.cwd,env:n.env,stdout:n.stdout,stderr:n.stderr,onInterrupt:n.onInterrupt??re,color:(m,F)=>m??(!F&&ne(n)),version:N});let s;try{s=Te({args:e,options:Ee,allowPositionals:!0,strict:!0,tokens:!0})}catch(m){return n.stderr.write(`mcp-lint: ${y(m)}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:i,tokens:u}=s;if(r.help)return n.stdout.write(Ie),0;if(r.version)return n.stdout.write(`v${N}
`),0;if(r["list-rules"])return n.stdout.write(je()),0;let f=Le(r.rule),d={cwd:n.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...f?{rules:f}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return n.stdout.write(JSON.stringify(V(r["print-config"],d),null,2)+`
`),0;let $=T(r.format,n.cwd),v=Ne(r["max-warnings"]),x=r["output-file"],k=I(u)??(x===void 0&&ne(n));if(r["stdin-filename"]!==void 0&&!r.stdin)throw new a("--stdin-filename names the text read with --stdin: add --stdin.");let S=r.stdin?{text:await Me(n.stdin??process.stdin),...r["stdin-filename"]?{filename:r["stdin-filename"]}:{}}:void 0,p=Fe(r["report-unused-disable-directives"]===!0,r["report-unused-disable-directives-severity"]),h=await Z(i,{...S?{stdin:S}:{},...p?{reportUnusedDisableDirectives:p}:{},...d,fix:r.fix===!0,quiet:r.quiet===!0,...v!==void 0?{maxWarnings:v}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),L=b($,h.results,{cwd:n.cwd,color:k,version:N});E(L,x,n.cwd,n.stdout);for(let m of h.notices)n.stderr.write(`${m}
`);return h.exitCode}catch(s){return n.stderr.write(Ae(s,o)),2}}process.exitCode=await oe(process.argv.slice(2));
