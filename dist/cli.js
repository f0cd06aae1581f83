#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as l,b as z,c as H,d as V,f as K,j as Z,k as X,m as Q,p as x,q as g,r as ee,s as te}from"./chunks/chunk-FIXBGZD3.js";import"./chunks/chunk-FIGUVCOP.js";import{a as D,b as T,g as E}from"./chunks/chunk-N5RVJAGY.js";import"./chunks/chunk-PHPX4XBI.js";import"./chunks/chunk-ZCW6SX45.js";import"./chunks/chunk-RXAUW7JA.js";import"./chunks/chunk-P56EVE45.js";import"./chunks/chunk-ZVR2BA2X.js";import{parseArgs as Ae}from"node:util";import{lstatSync as he}from"node:fs";import{join as ne}from"node:path";import{parseArgs as ge}from"node:util";import{resolve as me}from"node:path";function $(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function N(e,n){let r=e??"stylish";return x.includes(r)||g(r,[],{cwd:n}),r}function F(e){let n=e.filter(r=>r.kind==="option"&&(r.name==="color"||r.name==="no-color")).pop();return n?n.name==="color":void 0}function S(e,n,r,o){if(n!==void 0){let i=me(r,n);try{E(i,e,{root:r,mkdir:!0})}catch(t){throw new l(`Cannot write the report to "${n}" (${T(t)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var we="https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/mcp-lint.config.schema.json",be=`{
  // mcp-lint's config (JSON with comments). Each linted file uses the mcp-lint.config.json files from its folder
  // up to the repository root, the nearest winning; "root": true stops the lookup here.
  "$schema": "${we}",
  "root": true,
  // "recommended" (default), "strict" (adds pinned-package) or "all".
  "preset": "recommended",
  // Rule settings: "off" | "info" | "warning" | "error", or [severity, { options }]. mcp-lint --list-rules lists them.
  "rules": {},
  // Globs of files not to lint, relative to this folder.
  "ignores": []
}
`,re=".github/workflows/mcp-lint.yml",ye=`name: mcp-lint
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcp-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: mcp-lint/mcp-lint@v1
`,ve=`mcp-lint init [--workflow]

Write a starter ${H} in the current folder (never over an existing file).

      --workflow   Also write the GitHub workflow ${re} (annotations on pull requests)
  -h, --help       Show this help
`;function ke(e){try{return he(e),!0}catch{return!1}}function oe(e,n){let r;try{({values:r}=ge({args:e,options:{workflow:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(t){return n.stderr.write(`mcp-lint init: ${$(t)}
Run "mcp-lint init --help" for usage.
`),2}if(r.help)return n.stdout.write(ve),0;let o=[[H,be]];r.workflow&&o.push([re,ye]);let i=o.filter(([t])=>ke(ne(n.cwd,t))).map(([t])=>t);if(i.length)return n.stderr.write(`mcp-lint init: ${i.join(" and ")} already ${i.length===1?"exists":"exist"}: nothing was written (remove ${i.length===1?"it":"them"} first to start over).
`),2;for(let[t,s]of o){try{E(ne(n.cwd,t),s,{root:n.cwd,mkdir:!0})}catch(c){throw new l(`init: cannot write ${t} (${T(c)}).`)}n.stdout.write(`Wrote ${t}
`)}return 0}import{homedir as xe}from"node:os";function $e(){return process.platform==="darwin"||process.platform==="win32"?process.platform:"linux"}function Se(e,n){let r=n==="win32"?e.USERPROFILE??e.HOME:e.HOME;return r!==void 0&&r!==""?r:xe()}function ie(e){return/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(e)?JSON.stringify(e):e}function Oe(e,n){let r=[],o=e.found.filter(t=>t.kind==="file");r.push(`${n}: ${o.length===0?"no client config file found":`${o.length} client config file${o.length===1?"":"s"} found`}:`);let i=Math.max(0,...e.found.map(t=>t.client.length));for(let t of e.found){let s=`  ${t.client.padEnd(i)}  ${ie(t.path)}`;t.kind==="file"?r.push(s):t.kind==="link"?r.push(t.target===void 0?`${s}  (a symbolic link that leads nowhere: not linted)`:`${s}  (a symbolic link to ${ie(t.target)}: not followed; lint it with mcp-lint --dialect ${t.dialect} ${JSON.stringify(t.target)})`):r.push(`${s}  (not a regular file: not linted)`)}return e.missing.length>0&&r.push(`  No config file for: ${e.missing.join(", ")}.`),r.join(`
`)+`
`}function L(e,n,r){let o=$e(),i=te(ee({platform:o,env:e,homedir:Se(e,o)}));return n.write(Oe(i,r)),i.found.filter(t=>t.kind==="file").map(t=>t.path)}import{statSync as Re}from"node:fs";import{resolve as Pe}from"node:path";import{parseArgs as Ie}from"node:util";var _e=`mcp-lint probe [options] [file|dir|glob]...
mcp-lint probe [options] --url <url>
mcp-lint probe [options] -- <command> [args...]

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). What servers return is scanned for tool poisoning
(served-prompt-injection). Default path: "."

Or probe one server without a config file: --url (Streamable HTTP; --sse for the legacy SSE transport), or
the command after "--" (stdio). With --wait, keep retrying until every server answers or the time is up:
a startup gate for containers, compose files, CI jobs and supervisors.

This runs the commands your configs name: probe only configs you trust.

Options:
      --wait <duration>            Retry until every server answers initialize and tools/list, or until this
                                   long has passed (30s, 2m, 500ms, 1h); exit 0 when all are up, else 1.
                                   Failures waiting cannot fix (command not found, 401, 404, a web page) stop
                                   at once. Replaces --retries
      --installed                  Probe the servers of the config files this machine's clients load (their
                                   user-level files, as "mcp-lint --installed" finds them) instead of paths
      --url <url>                  Probe this URL instead of config files
      --sse                        With --url: use the legacy HTTP+SSE transport
      --header <"Name: value">     With --url: send this request header (repeatable)
      --env <NAME=value>           With "--": set this environment variable for the command (repeatable)
      --cwd <dir>                  With "--": the command's working directory
      --server <name>              Probe only this server (repeatable)
      --lock, --update-lock        Write mcp-lint.lock.json: every server's tools, prompts and resource
                                   templates (names, descriptions, schema hashes). Without it, a probe reports
                                   every change against that file when it exists (tool-surface-changed)
      --no-lock                    Neither read nor write mcp-lint.lock.json
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores") instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${x.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding; with --wait: a server that is not
up), 2 usage error, 130 interrupted.
`,Ce={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},wait:{type:"string"},url:{type:"string"},sse:{type:"boolean"},header:{type:"string",multiple:!0},env:{type:"string",multiple:!0},cwd:{type:"string"},installed:{type:"boolean"},lock:{type:"boolean"},"update-lock":{type:"boolean"},"no-lock":{type:"boolean"}},Te={ms:1,s:1e3,m:6e4,h:36e5},Ee=864e5;function Ne(e){let n=e.trim(),r=/(\d+(?:\.\d+)?)(ms|s|m|h)/y,o=0,i=0;if(n!=="")for(r.lastIndex=0;i<n.length;i=r.lastIndex){let s=r.exec(n);if(!s)break;o+=Number(s[1])*Te[s[2]]}let t=JSON.stringify(e.length>40?`${e.slice(0,40)}…`:e);if(n===""||i<n.length){let s=/^\d+(\.\d+)?$/.test(n)?` (a unit is needed: ${n}s or ${n}ms?)`:"";throw new l(`--wait needs a duration such as 30s, 2m, 500ms or 1h, not ${t}${s}.`)}if(o<1||o>Ee)throw new l(`--wait needs a duration from 1ms to 24h, not ${t}.`);return Math.round(o)}function Fe(e){let n=e.indexOf(":"),r=n>0?e.slice(0,n).trim():"";if(!/^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/.test(r))throw new l(`--header needs "Name: value" with a valid header name${n>0?"":' (no ":" found)'}.`);return[r,e.slice(n+1).trim()]}function Le(e){let n=e.indexOf("="),r=n>0?e.slice(0,n):"";if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(r))throw new l("--env needs NAME=value with a variable name of letters, digits and _.");return[r,e.slice(n+1)]}function M(e,n,r,o){if(n===void 0)return;let i=n.trim();if(!/^\d+$/.test(i)||Number(i)<r||Number(i)>o)throw new l(`--${e} needs a whole number from ${r} to ${o}, not "${n}".`);return Number(i)}async function se(e,n){let r=e.indexOf("--"),o=r>=0?e.slice(r+1):void 0,i;try{i=Ie({args:r>=0?e.slice(0,r):e,options:Ce,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){return n.stderr.write(`mcp-lint probe: ${$(a)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:t,positionals:s,tokens:c}=i;if(t.help)return n.stdout.write(_e),0;let m=N(t.format,n.cwd),h=M("retries",t.retries,0,20),O=M("timeout",t.timeout,100,6e5),R=M("backoff",t.backoff,0,1e4),v=M("concurrency",t.concurrency,1,64),w=t["output-file"],k=n.color(F(c),w!==void 0),f=t.wait!==void 0?Ne(t.wait):void 0;if(f!==void 0&&h!==void 0)throw new l("--wait and --retries do not go together: --wait retries until its time is up.");let b=Me(t,s,o,n.cwd),y=s;if(t.installed){if(b||s.length>0)throw new l("--installed probes the servers of your clients' config files: give no paths, --url or command with it.");if(y=L(n.env,n.stderr,"mcp-lint probe --installed"),y.length===0)return S(g(m,[],{cwd:n.cwd,color:k,version:n.version}),w,n.cwd,n.stdout),f!==void 0?1:0}let I=t.installed?"the config files of your clients":s.length?s.map(a=>`"${a}"`).join(", "):"this folder";if(b&&(t.lock||t["update-lock"]))throw new l('--lock records the servers of config files: it does not go with --url or "--".');if((t.lock||t["update-lock"])&&t["no-lock"])throw new l("--lock and --no-lock do not go together.");let{probe:d,probeTarget:j,formatProbeTable:de,formatProgressLine:B,PROBE_RULE_INFO:fe}=await import("./chunks/src-QB2VCRKG.js"),ue=n.stderr.isTTY===!0,W=!1,_=()=>{W&&n.stderr.write("\r\x1B[2K"),W=!1},G=ue?a=>{_();let p=B(a);if(a.type==="done")n.stderr.write(p+`
`);else{let C=n.stderr.columns??100;n.stderr.write(p.length>C-1?p.slice(0,C-2)+"…":p),W=!0}}:f!==void 0?We(n.stderr,B):void 0,J=t.verbose?a=>{_(),n.stderr.write(`mcp-lint probe: ${a}
`)}:void 0,q=new AbortController,A=!1,pe=n.onInterrupt(()=>{A=!0,_(),n.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),q.abort()}),u;try{let a={cwd:n.cwd,env:n.env,signal:q.signal,...t.server?{servers:t.server}:{},...t.config!==void 0?{configPath:t.config}:{},...t["no-config-lookup"]?{noConfigLookup:!0}:{},...h!==void 0?{retries:h}:{},...f!==void 0?{waitMs:f}:{},...O!==void 0?{timeoutMs:O}:{},...R!==void 0?{backoffMs:R}:{},...v!==void 0?{concurrency:v}:{},...G?{onProgress:G}:{},...J?{log:J}:{},...t.lock||t["update-lock"]?{lock:"write"}:t["no-lock"]?{lock:"off"}:{}};u=b?await j(b,a):await d(y,a)}finally{pe(),_()}u.lockWritten&&n.stderr.write(`mcp-lint probe: wrote ${u.lockWritten}
`);let Y=g(m,u.results,{cwd:n.cwd,color:k,version:n.version,extraRules:fe});S(Y,w,n.cwd,n.stdout);let U=m==="stylish"&&w===void 0?n.stdout:n.stderr;if(u.servers.length===0&&f!==void 0)return n.stderr.write(`mcp-lint probe: no MCP servers found in ${I}: nothing to wait for.
`),A?130:1;if(u.servers.length===0)n.stderr.write(`mcp-lint probe: no MCP servers found in ${I}.
`);else{let a=U===n.stdout&&Y.trim()!==""?`
`:"";U.write(a+de(u.servers,{color:k&&U===n.stdout}))}if(A)return 130;if(f!==void 0){let a=u.servers.filter(p=>p.status!=="ok");return a.length>0&&n.stderr.write(`mcp-lint probe: ${a.length} of ${u.servers.length} not up: ${a.map(p=>`${p.name} (${p.status})`).join(", ").slice(0,500)}
`),a.length>0?1:0}return u.results.reduce((a,p)=>a+p.findings.filter(C=>C.severity==="error").length,0)>0||u.servers.some(a=>a.status==="failed")?1:0}function Me(e,n,r,o){let i=[...n.length>0?[`paths (${n.map(s=>JSON.stringify(s)).join(" ").slice(0,80)})`]:[],...e.server?["--server"]:[],...e.config!==void 0?["--config"]:[]];if(e.url!==void 0&&r!==void 0)throw new l('Give either --url or a command after "--", not both.');let t=e.url!==void 0?"--url":r!==void 0?'a command after "--"':void 0;if(t&&i.length>0)throw new l(`${i.join(", ")} select config files; with ${t} no config file is read.`);if(e.url===void 0){for(let s of["sse","header"])if(e[s]!==void 0)throw new l(`--${s} goes with --url.`)}if(r===void 0){for(let s of["env","cwd"])if(e[s]!==void 0)throw new l(`--${s} goes with a command after "--".`)}if(e.url!==void 0){if(!/^https?:\/\//i.test(e.url.trim()))throw new l("--url needs an http:// or https:// URL.");let s={};for(let c of e.header??[]){let[m,h]=Fe(c);s[m]=h}return{url:e.url.trim(),...e.sse?{sse:!0}:{},...e.header?{headers:s}:{}}}if(r!==void 0){if(r.length===0||r[0]==="")throw new l('Name the command to probe after "--" (mcp-lint probe -- node build/index.js).');let s={};for(let c of e.env??[]){let[m,h]=Le(c);s[m]=h}if(e.cwd!==void 0&&!je(Pe(o,e.cwd)))throw new l(`--cwd: no folder ${JSON.stringify(e.cwd.slice(0,200))}.`);return{command:r[0],args:r.slice(1),...e.env?{env:s}:{},...e.cwd!==void 0?{cwd:e.cwd}:{}}}}function je(e){try{return Re(e).isDirectory()}catch{return!1}}function We(e,n){let r=new Map;return o=>{let i=`${o.file}\0${o.name}`;if(o.type!=="attempt"){if(o.type==="retry-wait"){if(r.get(i)===o.reason)return;r.set(i,o.reason)}e.write(`mcp-lint probe: ${n(o)}
`)}}}var P="1.0.0",Ue=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint init [--workflow]       Write a starter mcp-lint.config.json (and the GitHub workflow)
  mcp-lint mcp                     Serve MCP over stdio: tools lint_config, explain_rule, probe_servers
                                   (for agents; the probe tool runs the configured servers when called)
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Your clients' configs:
      --installed                  Check the config files the MCP clients of this machine load (Claude Desktop,
                                   Claude Code, Cursor, VS Code, Windsurf, Cline, Gemini CLI, Codex, ...) at their
                                   user-level locations; says on stderr which were found and which clients have none
                                   (see docs/installed.md). Give no paths with it.

Output:
  -f, --format <name>              ${x.join(" | ")} (default: stylish)
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
`,De={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},stdin:{type:"boolean"},installed:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"},"stdin-filename":{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function He(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:ae}}function ae(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function le(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function Be(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new l(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function Ge(e){if(!e?.length)return;let n={};for(let r of e){let o=K(r);if("error"in o)throw new l(`--rule: ${o.error}`);n[o.id]=o.setting}return n}function Je(e,n){if(e&&n!==void 0)throw new l("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");if(e)return"error";if(n===void 0)return;let r=V(/^\d$/.test(n)?Number(n):n);if(!r)throw new l(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${n}".`);return r}async function qe(e){let n=[],r=0;for await(let o of e){let i=typeof o=="string"?Buffer.from(o):o;if(r+=i.length,r>D)throw new l(`The text on stdin is larger than ${D/1024/1024} MiB, so it was not linted.`);n.push(i)}return Buffer.concat(n).toString("utf8")}function Ye(){let e=X().map(t=>[t.id,t.severity,t.recommended?"yes":"no",t.fixable?"yes":t.hasSuggestions?"suggestion":"no",t.description]),n=["Rule","Default severity","Recommended","Fixable","Description"],r=[n,...e],o=n.map((t,s)=>Math.max(...r.map(c=>c[s].length))),i=t=>t.map((s,c)=>c===t.length-1?s:s.padEnd(o[c])).join("  ").trimEnd();return[i(n),i(o.map(t=>"-".repeat(t))),...e.map(i)].join(`
`)+`
`}function ze(e,n){if(e instanceof z)return`mcp-lint: ${e.describe()}
`;if(e instanceof l)return`mcp-lint: ${e.message}
`;let r=e instanceof Error?e.message:String(e),o=n&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${r.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function ce(e,n={}){let r={...He(),...n},o=(r.env.DEBUG??"").split(/[\s,]+/).some(i=>i==="mcp-lint"||i==="mcp-lint:*"||i==="*");try{if(e[0]==="init")return oe(e.slice(1),r);if(e[0]==="mcp"){if(e.length>1)throw new l("mcp-lint mcp takes no arguments: it serves MCP over stdio, in the current folder.");let{runMcpServer:d}=await import("./chunks/mcp-command-PSW4W6JS.js");return await d(r.cwd,P),0}if(e[0]==="probe")return await se(e.slice(1),{cwd:r.cwd,env:r.env,stdout:r.stdout,stderr:r.stderr,onInterrupt:r.onInterrupt??ae,color:(d,j)=>d??(!j&&le(r)),version:P});let i;try{i=Ae({args:e,options:De,allowPositionals:!0,strict:!0,tokens:!0})}catch(d){return r.stderr.write(`mcp-lint: ${$(d)}
Run "mcp-lint --help" for usage.
`),2}let{values:t,positionals:s,tokens:c}=i;if(t.help)return r.stdout.write(Ue),0;if(t.version)return r.stdout.write(`v${P}
`),0;if(t["list-rules"])return r.stdout.write(Ye()),0;let m=Ge(t.rule),h={cwd:r.cwd,...t.config!==void 0?{configPath:t.config}:{},...t["no-config-lookup"]?{noConfigLookup:!0}:{},...m?{rules:m}:{},...t.dialect!==void 0?{dialect:t.dialect}:{}};if(t["print-config"]!==void 0)return r.stdout.write(JSON.stringify(Z(t["print-config"],h),null,2)+`
`),0;let O=N(t.format,r.cwd),R=Be(t["max-warnings"]),v=t["output-file"],w=F(c)??(v===void 0&&le(r));if(t["stdin-filename"]!==void 0&&!t.stdin)throw new l("--stdin-filename names the text read with --stdin: add --stdin.");let k=t.stdin?{text:await qe(r.stdin??process.stdin),...t["stdin-filename"]?{filename:t["stdin-filename"]}:{}}:void 0,f=s;if(t.installed){let d=[...s.length>0?["paths"]:[],...t.stdin?["--stdin"]:[],...t.dialect!==void 0?["--dialect"]:[],...t.fix?["--fix"]:[]];if(d.length>0)throw new l(`--installed checks the files your clients load, each as its client's format and without writing them: give no ${d.join(", ")} with it.`);if(f=L(r.env,r.stderr,"mcp-lint --installed"),f.length===0)return S(g(O,[],{cwd:r.cwd,color:w,version:P}),v,r.cwd,r.stdout),0}let b=Je(t["report-unused-disable-directives"]===!0,t["report-unused-disable-directives-severity"]),y=await Q(f,{...k?{stdin:k}:{},...b?{reportUnusedDisableDirectives:b}:{},...h,fix:t.fix===!0,quiet:t.quiet===!0,...R!==void 0?{maxWarnings:R}:{},suppressAll:t["suppress-all"]===!0,pruneSuppressions:t["prune-suppressions"]===!0,...t["suppressions-location"]!==void 0?{suppressionsLocation:t["suppressions-location"]}:{},passOnUnprunedSuppressions:t["pass-on-unpruned-suppressions"]===!0,warnIgnored:t["no-warn-ignored"]!==!0}),I=g(O,y.results,{cwd:r.cwd,color:w,version:P});S(I,v,r.cwd,r.stdout);for(let d of y.notices)r.stderr.write(`${d}
`);return y.exitCode}catch(i){return r.stderr.write(ze(i,o)),2}}process.exitCode=await ce(process.argv.slice(2));
