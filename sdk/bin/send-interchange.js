#!/usr/bin/env node
// In-repository launcher (not published): runs the CLI from its TypeScript sources through tsx's loader, in this same
// process, so repository tests exercise the current code. The published package's bin is dist/sdk/src/cli/bin.js.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli/bin.ts", import.meta.url).href);
