#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx's loader, so there is
// no separate build step between `npm ci` and `npx partnership`.
import { register } from "tsx/esm/api";

register();
const { main, processIo } = await import("../generator/cli.ts");
process.exitCode = await main(process.argv.slice(2), processIo());
