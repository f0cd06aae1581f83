import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{n as f,o,q as m}from"./chunks/chunk-XSBHCDPL.js";import"./chunks/chunk-ZOSNH6HP.js";import{la as p}from"./chunks/chunk-E77VIFO5.js";import"./chunks/chunk-ZVR2BA2X.js";import{parentPort as u}from"node:worker_threads";u?.on("message",e=>{let a=e.abs.length,g=Math.ceil(a/e.chunkSize);for(let i=Atomics.add(e.counter,0,1);i<g;i=Atomics.add(e.counter,0,1)){let n=i*e.chunkSize,c=Math.min(a,n+e.chunkSize),s=[];for(let t=n;t<c;t++)e.statFirst&&p(e.abs[t])!==1?s.push(o):s.push(e.settingsIndex[t]<0?void 0:f(e.abs[t],e.cwd));let d=[];for(let t=n;t<c;t++){let r=s[t-n];if(!r||r===o){d.push(r);continue}let l=e.settings[e.settingsIndex[t]],y={abs:e.abs[t],file:e.file[t],explicit:e.explicit[t],dialectHint:e.dialectHint[t],codeCandidate:e.codeCandidate[t],rules:l.rules,pointerOverrides:l.pointerOverrides,...e.unusedDirectives?{unusedDirectives:e.unusedDirectives}:{}};d.push(m(y,r,!1))}u.postMessage({jobId:e.jobId,chunk:i,results:d})}u.postMessage({jobId:e.jobId,done:!0})});
