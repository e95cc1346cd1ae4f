#!/usr/bin/env node
// The `send-conformance` executable: runs the command line in this process with its arguments and exit status. The
// package's `bin` is this file compiled (dist/conformance/src/bin.js, shebang kept by tsc); in this repository
// bin/send-conformance.js runs the same file from source.
import { cli } from "./cli.ts";

// Exit explicitly: a run may leave sockets (keep-alive, the loopback receiver) that would hold the process open.
process.exit(await cli(process.argv.slice(2)));
