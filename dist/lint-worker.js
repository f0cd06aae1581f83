import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{$ as d,S as p,_ as f,ba as m}from"./chunks/chunk-RO5WJ5SD.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-CUMKUWDT.js";import{parentPort as a}from"node:worker_threads";a?.on("message",e=>{let l=e.abs.length,g=Math.ceil(l/e.chunkSize);for(let n=Atomics.add(e.counter,0,1);n<g;n=Atomics.add(e.counter,0,1)){let i=n*e.chunkSize,u=Math.min(l,i+e.chunkSize),s=[];for(let t=i;t<u;t++)e.statFirst&&p(e.abs[t])!==1?s.push(d):s.push(e.settingsIndex[t]<0?void 0:f(e.abs[t],e.cwd));let o=[];for(let t=i;t<u;t++){let r=s[t-i];if(!r||r===d){o.push(r);continue}let c=e.settings[e.settingsIndex[t]],h={abs:e.abs[t],file:e.file[t],explicit:e.explicit[t],dialectHint:e.dialectHint[t],codeCandidate:e.codeCandidate[t],rules:c.rules,pointerOverrides:c.pointerOverrides};o.push(m(h,r,!1))}a.postMessage({jobId:e.jobId,chunk:n,results:o})}a.postMessage({jobId:e.jobId,done:!0})});
