#!/usr/bin/env node
// In-repository launcher (not published): runs the CLI from its TypeScript sources through tsx's loader, in this same
// process, so repository tests exercise the current code. `send-interchange` resolves to the SDK's sources too (the
// workspace's `send-interchange:source` export condition, added by a resolve hook), never to a stale sdk/dist. The
// published package's bin is dist/conformance/src/bin.js.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

registerTsx();
// Registered last, so it runs first and hands the extra condition to tsx's resolver and Node's.
const addSourceCondition = `export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, "send-interchange:source"] });
}`;
register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
await import(new URL("../src/bin.ts", import.meta.url).href);
