#!/usr/bin/env node
// Launcher: registers tsx so the TypeScript sources run directly (no build step), then runs the CLI.
import { register } from "tsx/esm/api";

register();
const { cli } = await import("../src/cli.ts");
process.exit(await cli(process.argv.slice(2)));
