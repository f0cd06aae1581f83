/** Entry point of the bundled action (dist/index.js): `runs.main` in action.yml. */
import { run } from "./main.js";

await run();
