#!/usr/bin/env node
// Runs the TypeScript CLI in this same process: registers tsx's loader, then imports main.ts (one PID, no wrapper).
import { register } from "tsx/esm/api";

register();
try {
  const { main } = await import(new URL("../src/cli/main.ts", import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`send-interchange: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
