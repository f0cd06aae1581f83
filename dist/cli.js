#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as l,b as V,c as G,d as K,f as Z,h as X,j as Q,k as ee,m as te,n as ne,q as x,r as w,t as re,u as oe}from"./chunks/chunk-Y4KAH3UN.js";import"./chunks/chunk-FIGUVCOP.js";import{a as H,b as N,g as F}from"./chunks/chunk-XSBHCDPL.js";import"./chunks/chunk-PHPX4XBI.js";import"./chunks/chunk-ZOSNH6HP.js";import"./chunks/chunk-E77VIFO5.js";import"./chunks/chunk-P56EVE45.js";import"./chunks/chunk-ZVR2BA2X.js";import{parseArgs as De}from"node:util";import{lstatSync as we}from"node:fs";import{join as se}from"node:path";import{parseArgs as be}from"node:util";import{resolve as ge}from"node:path";function $(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function L(e,n){let r=e??"stylish";return x.includes(r)||w(r,[],{cwd:n}),r}function j(e){let n=e.filter(r=>r.kind==="option"&&(r.name==="color"||r.name==="no-color")).pop();return n?n.name==="color":void 0}function S(e,n,r,o){if(n!==void 0){let s=ge(r,n);try{F(s,e,{root:r,mkdir:!0})}catch(t){throw new l(`Cannot write the report to "${n}" (${N(t)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var ye="https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/mcp-lint.config.schema.json",ve=`{
  // mcp-lint's config (JSON with comments). Each linted file uses the mcp-lint.config.json files from its folder
  // up to the repository root, the nearest winning; "root": true stops the lookup here.
  "$schema": "${ye}",
  "root": true,
  // "recommended" (default), "strict" (adds pinned-package) or "all".
  "preset": "recommended",
  // Rule settings: "off" | "info" | "warning" | "error", or [severity, { options }]. mcp-lint --list-rules lists them.
  "rules": {},
  // Globs of files not to lint, relative to this folder.
  "ignores": []
}
`,ie=".github/workflows/mcp-lint.yml",ke=`name: mcp-lint
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcp-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: mcp-lint/mcp-lint@v1
`,xe=`mcp-lint init [--workflow]

Write a starter ${G} in the current folder (never over an existing file).

      --workflow   Also write the GitHub workflow ${ie} (annotations on pull requests)
  -h, --help       Show this help
`;function $e(e){try{return we(e),!0}catch{return!1}}function le(e,n){let r;try{({values:r}=be({args:e,options:{workflow:{type:"boolean"},help:{type:"boolean",short:"h"}},strict:!0}))}catch(t){return n.stderr.write(`mcp-lint init: ${$(t)}
Run "mcp-lint init --help" for usage.
`),2}if(r.help)return n.stdout.write(xe),0;let o=[[G,ve]];r.workflow&&o.push([ie,ke]);let s=o.filter(([t])=>$e(se(n.cwd,t))).map(([t])=>t);if(s.length)return n.stderr.write(`mcp-lint init: ${s.join(" and ")} already ${s.length===1?"exists":"exist"}: nothing was written (remove ${s.length===1?"it":"them"} first to start over).
`),2;for(let[t,i]of o){try{F(se(n.cwd,t),i,{root:n.cwd,mkdir:!0})}catch(c){throw new l(`init: cannot write ${t} (${N(c)}).`)}n.stdout.write(`Wrote ${t}
`)}return 0}import{homedir as Se}from"node:os";function Oe(){return process.platform==="darwin"||process.platform==="win32"?process.platform:"linux"}function Pe(e,n){let r=n==="win32"?e.USERPROFILE??e.HOME:e.HOME;return r!==void 0&&r!==""?r:Se()}function ae(e){return/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(e)?JSON.stringify(e):e}function Re(e,n){let r=[],o=e.found.filter(t=>t.kind==="file");r.push(`${n}: ${o.length===0?"no client config file found":`${o.length} client config file${o.length===1?"":"s"} found`}:`);let s=Math.max(0,...e.found.map(t=>t.client.length));for(let t of e.found){let i=`  ${t.client.padEnd(s)}  ${ae(t.path)}`;t.kind==="file"?r.push(i):t.kind==="link"?r.push(t.target===void 0?`${i}  (a symbolic link that leads nowhere: not linted)`:`${i}  (a symbolic link to ${ae(t.target)}: not followed; lint it with mcp-lint --dialect ${t.dialect} ${JSON.stringify(t.target)})`):r.push(`${i}  (not a regular file: not linted)`)}return e.missing.length>0&&r.push(`  No config file for: ${e.missing.join(", ")}.`),r.join(`
`)+`
`}function M(e,n,r){let o=Oe(),s=oe(re({platform:o,env:e,homedir:Pe(e,o)}));return n.write(Re(s,r)),s.found.filter(t=>t.kind==="file").map(t=>t.path)}import{statSync as Ce}from"node:fs";import{resolve as Ie}from"node:path";import{parseArgs as Te}from"node:util";var _e=`mcp-lint probe [options] [file|dir|glob]...
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
      --suppress-all               Record the probe's current errors in the suppressions file (its other
                                   entries are kept)
      --suppressions-location <f>  Suppressions file (default: mcp-lint-suppressions.json)
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores" and "rules") instead of looking up
                                   mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${x.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

The findings are rules like any other: mcp-lint.config.json sets their severity or turns them off, inline
"mcp-lint-disable" comments in the config file and the suppressions file apply to them.

Exit codes: 0 no error reported, 1 an error was reported (a server that failed, unless the config lowers its
finding; with --wait: a server that is not up), 2 usage error, 130 interrupted.
`,Ee={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},wait:{type:"string"},url:{type:"string"},sse:{type:"boolean"},header:{type:"string",multiple:!0},env:{type:"string",multiple:!0},cwd:{type:"string"},installed:{type:"boolean"},lock:{type:"boolean"},"update-lock":{type:"boolean"},"no-lock":{type:"boolean"},"suppress-all":{type:"boolean"},"suppressions-location":{type:"string"}},Ne={ms:1,s:1e3,m:6e4,h:36e5},Fe=864e5;function Le(e){let n=e.trim(),r=/(\d+(?:\.\d+)?)(ms|s|m|h)/y,o=0,s=0;if(n!=="")for(r.lastIndex=0;s<n.length;s=r.lastIndex){let i=r.exec(n);if(!i)break;o+=Number(i[1])*Ne[i[2]]}let t=JSON.stringify(e.length>40?`${e.slice(0,40)}…`:e);if(n===""||s<n.length){let i=/^\d+(\.\d+)?$/.test(n)?` (a unit is needed: ${n}s or ${n}ms?)`:"";throw new l(`--wait needs a duration such as 30s, 2m, 500ms or 1h, not ${t}${i}.`)}if(o<1||o>Fe)throw new l(`--wait needs a duration from 1ms to 24h, not ${t}.`);return Math.round(o)}function je(e){let n=e.indexOf(":"),r=n>0?e.slice(0,n).trim():"";if(!/^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/.test(r))throw new l(`--header needs "Name: value" with a valid header name${n>0?"":' (no ":" found)'}.`);return[r,e.slice(n+1).trim()]}function Me(e){let n=e.indexOf("="),r=n>0?e.slice(0,n):"";if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(r))throw new l("--env needs NAME=value with a variable name of letters, digits and _.");return[r,e.slice(n+1)]}function W(e,n,r,o){if(n===void 0)return;let s=n.trim();if(!/^\d+$/.test(s)||Number(s)<r||Number(s)>o)throw new l(`--${e} needs a whole number from ${r} to ${o}, not "${n}".`);return Number(s)}async function ce(e,n){let r=e.indexOf("--"),o=r>=0?e.slice(r+1):void 0,s;try{s=Te({args:r>=0?e.slice(0,r):e,options:Ee,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){return n.stderr.write(`mcp-lint probe: ${$(a)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:t,positionals:i,tokens:c}=s;if(t.help)return n.stdout.write(_e),0;let p=L(t.format,n.cwd),h=W("retries",t.retries,0,20),O=W("timeout",t.timeout,100,6e5),P=W("backoff",t.backoff,0,1e4),v=W("concurrency",t.concurrency,1,64),b=t["output-file"],k=n.color(j(c),b!==void 0),u=t.wait!==void 0?Le(t.wait):void 0;if(u!==void 0&&h!==void 0)throw new l("--wait and --retries do not go together: --wait retries until its time is up.");let m=We(t,i,o,n.cwd),y=i;if(t.installed){if(m||i.length>0)throw new l("--installed probes the servers of your clients' config files: give no paths, --url or command with it.");if(y=M(n.env,n.stderr,"mcp-lint probe --installed"),y.length===0)return S(w(p,[],{cwd:n.cwd,color:k,version:n.version}),b,n.cwd,n.stdout),u!==void 0?1:0}let C=t.installed?"the config files of your clients":i.length?i.map(a=>`"${a}"`).join(", "):"this folder";if(m&&(t.lock||t["update-lock"]))throw new l('--lock records the servers of config files: it does not go with --url or "--".');if((t.lock||t["update-lock"])&&t["no-lock"])throw new l("--lock and --no-lock do not go together.");if(m&&(t["suppress-all"]||t["suppressions-location"]!==void 0))throw new l('The suppressions file is keyed by config file: it does not go with --url or "--".');let{probe:d,probeTarget:A,formatProbeTable:pe,formatProgressLine:B}=await import("./chunks/src-BHXA4RMS.js"),he=n.stderr.isTTY===!0,U=!1,I=()=>{U&&n.stderr.write("\r\x1B[2K"),U=!1},J=he?a=>{I();let f=B(a);if(a.type==="done")n.stderr.write(f+`
`);else{let E=n.stderr.columns??100;n.stderr.write(f.length>E-1?f.slice(0,E-2)+"…":f),U=!0}}:u!==void 0?Ue(n.stderr,B):void 0,q=t.verbose?a=>{I(),n.stderr.write(`mcp-lint probe: ${a}
`)}:void 0,Y=new AbortController,T=!1,me=n.onInterrupt(()=>{T=!0,I(),n.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),Y.abort()}),g;try{let a={cwd:n.cwd,env:n.env,signal:Y.signal,...t.server?{servers:t.server}:{},...t.config!==void 0?{configPath:t.config}:{},...t["no-config-lookup"]?{noConfigLookup:!0}:{},...h!==void 0?{retries:h}:{},...u!==void 0?{waitMs:u}:{},...O!==void 0?{timeoutMs:O}:{},...P!==void 0?{backoffMs:P}:{},...v!==void 0?{concurrency:v}:{},...J?{onProgress:J}:{},...q?{log:q}:{},...t.lock||t["update-lock"]?{lock:"write"}:t["no-lock"]?{lock:"off"}:{}};g=m?await A(m,a):await d(y,a)}finally{me(),I()}g.lockWritten&&n.stderr.write(`mcp-lint probe: wrote ${g.lockWritten}
`);let _=g.results;if(!m&&!T){let a=await ne(_,{cwd:n.cwd,...t["suppressions-location"]!==void 0?{suppressionsLocation:t["suppressions-location"]}:{},...t["suppress-all"]?{suppressAll:!0}:{}});_=a.results,a.suppressionsWritten&&n.stderr.write(`mcp-lint probe: wrote ${X(n.cwd,a.suppressionsFile)}
`),a.suppressedCount>0&&n.stderr.write(`mcp-lint probe: ${a.suppressedCount} ${a.suppressedCount===1?"error":"errors"} accepted by the suppressions file not reported.
`)}let z=w(p,_,{cwd:n.cwd,color:k,version:n.version});S(z,b,n.cwd,n.stdout);let D=p==="stylish"&&b===void 0?n.stdout:n.stderr;if(g.servers.length===0&&u!==void 0)return n.stderr.write(`mcp-lint probe: no MCP servers found in ${C}: nothing to wait for.
`),T?130:1;if(g.servers.length===0)n.stderr.write(`mcp-lint probe: no MCP servers found in ${C}.
`);else{let a=D===n.stdout&&z.trim()!==""?`
`:"";D.write(a+pe(g.servers,{color:k&&D===n.stdout}))}if(T)return 130;if(u!==void 0){let a=g.servers.filter(f=>f.status!=="ok");return a.length>0&&n.stderr.write(`mcp-lint probe: ${a.length} of ${g.servers.length} not up: ${a.map(f=>`${f.name} (${f.status})`).join(", ").slice(0,500)}
`),a.length>0?1:0}return _.reduce((a,f)=>a+f.findings.filter(E=>E.severity==="error").length,0)>0?1:0}function We(e,n,r,o){let s=[...n.length>0?[`paths (${n.map(i=>JSON.stringify(i)).join(" ").slice(0,80)})`]:[],...e.server?["--server"]:[],...e.config!==void 0?["--config"]:[]];if(e.url!==void 0&&r!==void 0)throw new l('Give either --url or a command after "--", not both.');let t=e.url!==void 0?"--url":r!==void 0?'a command after "--"':void 0;if(t&&s.length>0)throw new l(`${s.join(", ")} select config files; with ${t} no config file is read.`);if(e.url===void 0){for(let i of["sse","header"])if(e[i]!==void 0)throw new l(`--${i} goes with --url.`)}if(r===void 0){for(let i of["env","cwd"])if(e[i]!==void 0)throw new l(`--${i} goes with a command after "--".`)}if(e.url!==void 0){if(!/^https?:\/\//i.test(e.url.trim()))throw new l("--url needs an http:// or https:// URL.");let i={};for(let c of e.header??[]){let[p,h]=je(c);i[p]=h}return{url:e.url.trim(),...e.sse?{sse:!0}:{},...e.header?{headers:i}:{}}}if(r!==void 0){if(r.length===0||r[0]==="")throw new l('Name the command to probe after "--" (mcp-lint probe -- node build/index.js).');let i={};for(let c of e.env??[]){let[p,h]=Me(c);i[p]=h}if(e.cwd!==void 0&&!Ae(Ie(o,e.cwd)))throw new l(`--cwd: no folder ${JSON.stringify(e.cwd.slice(0,200))}.`);return{command:r[0],args:r.slice(1),...e.env?{env:i}:{},...e.cwd!==void 0?{cwd:e.cwd}:{}}}}function Ae(e){try{return Ce(e).isDirectory()}catch{return!1}}function Ue(e,n){let r=new Map;return o=>{let s=`${o.file}\0${o.name}`;if(o.type!=="attempt"){if(o.type==="retry-wait"){if(r.get(s)===o.reason)return;r.set(s,o.reason)}e.write(`mcp-lint probe: ${n(o)}
`)}}}var R="1.0.0",He=`mcp-lint [options] [file|dir|glob]...

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
`,Ge={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},stdin:{type:"boolean"},installed:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"},"stdin-filename":{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function Be(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:ue}}function ue(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function de(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function Je(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new l(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function qe(e){if(!e?.length)return;let n={};for(let r of e){let o=Z(r);if("error"in o)throw new l(`--rule: ${o.error}`);n[o.id]=o.setting}return n}function Ye(e,n){if(e&&n!==void 0)throw new l("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");if(e)return"error";if(n===void 0)return;let r=K(/^\d$/.test(n)?Number(n):n);if(!r)throw new l(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${n}".`);return r}async function ze(e){let n=[],r=0;for await(let o of e){let s=typeof o=="string"?Buffer.from(o):o;if(r+=s.length,r>H)throw new l(`The text on stdin is larger than ${H/1024/1024} MiB, so it was not linted.`);n.push(s)}return Buffer.concat(n).toString("utf8")}function Ve(){let e=ee().map(t=>[t.id,t.severity,t.recommended?"yes":"no",t.fixable?"yes":t.hasSuggestions?"suggestion":"no",t.description]),n=["Rule","Default severity","Recommended","Fixable","Description"],r=[n,...e],o=n.map((t,i)=>Math.max(...r.map(c=>c[i].length))),s=t=>t.map((i,c)=>c===t.length-1?i:i.padEnd(o[c])).join("  ").trimEnd();return[s(n),s(o.map(t=>"-".repeat(t))),...e.map(s)].join(`
`)+`
`}function Ke(e,n){if(e instanceof V)return`mcp-lint: ${e.describe()}
`;if(e instanceof l)return`mcp-lint: ${e.message}
`;let r=e instanceof Error?e.message:String(e),o=n&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${r.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function fe(e,n={}){let r={...Be(),...n},o=(r.env.DEBUG??"").split(/[\s,]+/).some(s=>s==="mcp-lint"||s==="mcp-lint:*"||s==="*");try{if(e[0]==="init")return le(e.slice(1),r);if(e[0]==="mcp"){if(e.length>1)throw new l("mcp-lint mcp takes no arguments: it serves MCP over stdio, in the current folder.");let{runMcpServer:d}=await import("./chunks/mcp-command-CZ55NTNZ.js");return await d(r.cwd,R),0}if(e[0]==="probe")return await ce(e.slice(1),{cwd:r.cwd,env:r.env,stdout:r.stdout,stderr:r.stderr,onInterrupt:r.onInterrupt??ue,color:(d,A)=>d??(!A&&de(r)),version:R});let s;try{s=De({args:e,options:Ge,allowPositionals:!0,strict:!0,tokens:!0})}catch(d){return r.stderr.write(`mcp-lint: ${$(d)}
Run "mcp-lint --help" for usage.
`),2}let{values:t,positionals:i,tokens:c}=s;if(t.help)return r.stdout.write(He),0;if(t.version)return r.stdout.write(`v${R}
`),0;if(t["list-rules"])return r.stdout.write(Ve()),0;let p=qe(t.rule),h={cwd:r.cwd,...t.config!==void 0?{configPath:t.config}:{},...t["no-config-lookup"]?{noConfigLookup:!0}:{},...p?{rules:p}:{},...t.dialect!==void 0?{dialect:t.dialect}:{}};if(t["print-config"]!==void 0)return r.stdout.write(JSON.stringify(Q(t["print-config"],h),null,2)+`
`),0;let O=L(t.format,r.cwd),P=Je(t["max-warnings"]),v=t["output-file"],b=j(c)??(v===void 0&&de(r));if(t["stdin-filename"]!==void 0&&!t.stdin)throw new l("--stdin-filename names the text read with --stdin: add --stdin.");let k=t.stdin?{text:await ze(r.stdin??process.stdin),...t["stdin-filename"]?{filename:t["stdin-filename"]}:{}}:void 0,u=i;if(t.installed){let d=[...i.length>0?["paths"]:[],...t.stdin?["--stdin"]:[],...t.dialect!==void 0?["--dialect"]:[],...t.fix?["--fix"]:[]];if(d.length>0)throw new l(`--installed checks the files your clients load, each as its client's format and without writing them: give no ${d.join(", ")} with it.`);if(u=M(r.env,r.stderr,"mcp-lint --installed"),u.length===0)return S(w(O,[],{cwd:r.cwd,color:b,version:R}),v,r.cwd,r.stdout),0}let m=Ye(t["report-unused-disable-directives"]===!0,t["report-unused-disable-directives-severity"]),y=await te(u,{...k?{stdin:k}:{},...m?{reportUnusedDisableDirectives:m}:{},...h,fix:t.fix===!0,quiet:t.quiet===!0,...P!==void 0?{maxWarnings:P}:{},suppressAll:t["suppress-all"]===!0,pruneSuppressions:t["prune-suppressions"]===!0,...t["suppressions-location"]!==void 0?{suppressionsLocation:t["suppressions-location"]}:{},passOnUnprunedSuppressions:t["pass-on-unpruned-suppressions"]===!0,warnIgnored:t["no-warn-ignored"]!==!0}),C=w(O,y.results,{cwd:r.cwd,color:b,version:R});S(C,v,r.cwd,r.stdout);for(let d of y.notices)r.stderr.write(`${d}
`);return y.exitCode}catch(s){return r.stderr.write(Ke(s,o)),2}}process.exitCode=await fe(process.argv.slice(2));
