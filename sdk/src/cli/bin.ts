#!/usr/bin/env node
// The `send-interchange` executable: runs the CLI in this process with its arguments and exit status. The package's
// `bin` is this file compiled (dist/sdk/src/cli/bin.js, shebang kept by tsc); in this repository bin/send-interchange.js
// runs the same file from source.
import { main } from "./main.ts";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`send-interchange: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
