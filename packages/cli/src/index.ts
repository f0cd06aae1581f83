export { run, version, type CliIO } from "./cli.js";
