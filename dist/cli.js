#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as l,b as D,e as q,j as z,k as J,l as Y,o as w,p as b}from"./chunks/chunk-AICWAU6F.js";import{M as W,R as H}from"./chunks/chunk-OX6NBGZE.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-UBEJ2IWO.js";import"./chunks/chunk-CUMKUWDT.js";import{parseArgs as he}from"node:util";import{statSync as re}from"node:fs";import{resolve as oe}from"node:path";import{parseArgs as se}from"node:util";import{resolve as ne}from"node:path";function R(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function k(e,t){let n=e??"stylish";return w.includes(n)||b(n,[],{cwd:t}),n}function S(e){let t=e.filter(n=>n.kind==="option"&&(n.name==="color"||n.name==="no-color")).pop();return t?t.name==="color":void 0}function T(e,t,n,o){if(t!==void 0){let i=ne(n,t);try{H(i,e,{root:n,mkdir:!0})}catch(r){throw new l(`Cannot write the report to "${t}" (${W(r)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var ie=`mcp-lint probe [options] [file|dir|glob]...
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
`,ae={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},wait:{type:"string"},url:{type:"string"},sse:{type:"boolean"},header:{type:"string",multiple:!0},env:{type:"string",multiple:!0},cwd:{type:"string"}},le={ms:1,s:1e3,m:6e4,h:36e5},ce=864e5;function ue(e){let t=e.trim(),n=/(\d+(?:\.\d+)?)(ms|s|m|h)/y,o=0,i=0;if(t!=="")for(n.lastIndex=0;i<t.length;i=n.lastIndex){let s=n.exec(t);if(!s)break;o+=Number(s[1])*le[s[2]]}let r=JSON.stringify(e.length>40?`${e.slice(0,40)}…`:e);if(t===""||i<t.length){let s=/^\d+(\.\d+)?$/.test(t)?` (a unit is needed: ${t}s or ${t}ms?)`:"";throw new l(`--wait needs a duration such as 30s, 2m, 500ms or 1h, not ${r}${s}.`)}if(o<1||o>ce)throw new l(`--wait needs a duration from 1ms to 24h, not ${r}.`);return Math.round(o)}function de(e){let t=e.indexOf(":"),n=t>0?e.slice(0,t).trim():"";if(!/^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/.test(n))throw new l(`--header needs "Name: value" with a valid header name${t>0?"":' (no ":" found)'}.`);return[n,e.slice(t+1).trim()]}function fe(e){let t=e.indexOf("="),n=t>0?e.slice(0,t):"";if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))throw new l("--env needs NAME=value with a variable name of letters, digits and _.");return[n,e.slice(t+1)]}function _(e,t,n,o){if(t===void 0)return;let i=t.trim();if(!/^\d+$/.test(i)||Number(i)<n||Number(i)>o)throw new l(`--${e} needs a whole number from ${n} to ${o}, not "${t}".`);return Number(i)}async function B(e,t){let n=e.indexOf("--"),o=n>=0?e.slice(n+1):void 0,i;try{i=se({args:n>=0?e.slice(0,n):e,options:ae,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){return t.stderr.write(`mcp-lint probe: ${R(a)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:r,positionals:s,tokens:c}=i;if(r.help)return t.stdout.write(ie),0;let f=k(r.format,t.cwd),d=_("retries",r.retries,0,20),O=_("timeout",r.timeout,100,6e5),y=_("backoff",r.backoff,0,1e4),v=_("concurrency",r.concurrency,1,64),x=r["output-file"],h=t.color(S(c),x!==void 0),g=r.wait!==void 0?ue(r.wait):void 0;if(g!==void 0&&d!==void 0)throw new l("--wait and --retries do not go together: --wait retries until its time is up.");let m=pe(r,s,o,t.cwd),{probe:C,probeTarget:K,formatProbeTable:X,formatProgressLine:F,PROBE_RULE_INFO:Q}=await import("./chunks/src-XEFZKG37.js"),ee=t.stderr.isTTY===!0,I=!1,P=()=>{I&&t.stderr.write("\r\x1B[2K"),I=!1},j=ee?a=>{P();let u=F(a);if(a.type==="done")t.stderr.write(u+`
`);else{let $=t.stderr.columns??100;t.stderr.write(u.length>$-1?u.slice(0,$-2)+"…":u),I=!0}}:g!==void 0?me(t.stderr,F):void 0,M=r.verbose?a=>{P(),t.stderr.write(`mcp-lint probe: ${a}
`)}:void 0,U=new AbortController,N=!1,te=t.onInterrupt(()=>{N=!0,P(),t.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),U.abort()}),p;try{let a={cwd:t.cwd,env:t.env,signal:U.signal,...r.server?{servers:r.server}:{},...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...d!==void 0?{retries:d}:{},...g!==void 0?{waitMs:g}:{},...O!==void 0?{timeoutMs:O}:{},...y!==void 0?{backoffMs:y}:{},...v!==void 0?{concurrency:v}:{},...j?{onProgress:j}:{},...M?{log:M}:{}};p=m?await K(m,a):await C(s,a)}finally{te(),P()}let A=b(f,p.results,{cwd:t.cwd,color:h,version:t.version,extraRules:Q});T(A,x,t.cwd,t.stdout);let E=f==="stylish"&&x===void 0?t.stdout:t.stderr;if(p.servers.length===0&&g!==void 0)return t.stderr.write(`mcp-lint probe: no MCP servers found in ${s.length?s.map(a=>`"${a}"`).join(", "):"this folder"}: nothing to wait for.
`),N?130:1;if(p.servers.length===0)t.stderr.write(`mcp-lint probe: no MCP servers found in ${s.length?s.map(a=>`"${a}"`).join(", "):"this folder"}.
`);else{let a=E===t.stdout&&A.trim()!==""?`
`:"";E.write(a+X(p.servers,{color:h&&E===t.stdout}))}if(N)return 130;if(g!==void 0){let a=p.servers.filter(u=>u.status!=="ok");return a.length>0&&t.stderr.write(`mcp-lint probe: ${a.length} of ${p.servers.length} not up: ${a.map(u=>`${u.name} (${u.status})`).join(", ").slice(0,500)}
`),a.length>0?1:0}return p.results.reduce((a,u)=>a+u.findings.filter($=>$.severity==="error").length,0)>0||p.servers.some(a=>a.status==="failed")?1:0}function pe(e,t,n,o){let i=[...t.length>0?[`paths (${t.map(s=>JSON.stringify(s)).join(" ").slice(0,80)})`]:[],...e.server?["--server"]:[],...e.config!==void 0?["--config"]:[]];if(e.url!==void 0&&n!==void 0)throw new l('Give either --url or a command after "--", not both.');let r=e.url!==void 0?"--url":n!==void 0?'a command after "--"':void 0;if(r&&i.length>0)throw new l(`${i.join(", ")} select config files; with ${r} no config file is read.`);if(e.url===void 0){for(let s of["sse","header"])if(e[s]!==void 0)throw new l(`--${s} goes with --url.`)}if(n===void 0){for(let s of["env","cwd"])if(e[s]!==void 0)throw new l(`--${s} goes with a command after "--".`)}if(e.url!==void 0){if(!/^https?:\/\//i.test(e.url.trim()))throw new l("--url needs an http:// or https:// URL.");let s={};for(let c of e.header??[]){let[f,d]=de(c);s[f]=d}return{url:e.url.trim(),...e.sse?{sse:!0}:{},...e.header?{headers:s}:{}}}if(n!==void 0){if(n.length===0||n[0]==="")throw new l('Name the command to probe after "--" (mcp-lint probe -- node build/index.js).');let s={};for(let c of e.env??[]){let[f,d]=fe(c);s[f]=d}if(e.cwd!==void 0&&!ge(oe(o,e.cwd)))throw new l(`--cwd: no folder ${JSON.stringify(e.cwd.slice(0,200))}.`);return{command:n[0],args:n.slice(1),...e.env?{env:s}:{},...e.cwd!==void 0?{cwd:e.cwd}:{}}}}function ge(e){try{return re(e).isDirectory()}catch{return!1}}function me(e,t){let n=new Map;return o=>{let i=`${o.file}\0${o.name}`;if(o.type!=="attempt"){if(o.type==="retry-wait"){if(n.get(i)===o.reason)return;n.set(i,o.reason)}e.write(`mcp-lint probe: ${t(o)}
`)}}}var L="0.1.0",we=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
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
`,be={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function ye(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:V}}function V(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function G(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function ve(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new l(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function xe(e){if(!e?.length)return;let t={};for(let n of e){let o=q(n);if("error"in o)throw new l(`--rule: ${o.error}`);t[o.id]=o.setting}return t}function Oe(){let e=J().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),t=["Rule","Default severity","Recommended","Fixable","Description"],n=[t,...e],o=t.map((r,s)=>Math.max(...n.map(c=>c[s].length))),i=r=>r.map((s,c)=>c===r.length-1?s:s.padEnd(o[c])).join("  ").trimEnd();return[i(t),i(o.map(r=>"-".repeat(r))),...e.map(i)].join(`
`)+`
`}function Pe(e,t){if(e instanceof D)return`mcp-lint: ${e.describe()}
`;if(e instanceof l)return`mcp-lint: ${e.message}
`;let n=e instanceof Error?e.message:String(e),o=t&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${n.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function Z(e,t={}){let n={...ye(),...t},o=(n.env.DEBUG??"").split(/[\s,]+/).some(i=>i==="mcp-lint"||i==="mcp-lint:*"||i==="*");try{if(e[0]==="probe")return await B(e.slice(1),{cwd:n.cwd,env:n.env,stdout:n.stdout,stderr:n.stderr,onInterrupt:n.onInterrupt??V,color:(m,C)=>m??(!C&&G(n)),version:L});let i;try{i=he({args:e,options:be,allowPositionals:!0,strict:!0,tokens:!0})}catch(m){return n.stderr.write(`mcp-lint: ${R(m)}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:s,tokens:c}=i;if(r.help)return n.stdout.write(we),0;if(r.version)return n.stdout.write(`v${L}
`),0;if(r["list-rules"])return n.stdout.write(Oe()),0;let f=xe(r.rule),d={cwd:n.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...f?{rules:f}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return n.stdout.write(JSON.stringify(z(r["print-config"],d),null,2)+`
`),0;let O=k(r.format,n.cwd),y=ve(r["max-warnings"]),v=r["output-file"],x=S(c)??(v===void 0&&G(n)),h=await Y(s,{...d,fix:r.fix===!0,quiet:r.quiet===!0,...y!==void 0?{maxWarnings:y}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),g=b(O,h.results,{cwd:n.cwd,color:x,version:L});T(g,v,n.cwd,n.stdout);for(let m of h.notices)n.stderr.write(`${m}
`);return h.exitCode}catch(i){return n.stderr.write(Pe(i,o)),2}}process.exitCode=await Z(process.argv.slice(2));
