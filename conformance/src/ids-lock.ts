// conformance/ids.lock: every test id ever used. An id may never disappear without a `retired` entry, and a retired
// id may never come back (a new meaning needs a new id). Pure check over the parsed file.
import { readFileSync } from "node:fs";

export interface IdsLock {
  active: string[];
  retired: { id: string; reason: string }[];
}

export const IDS_LOCK_PATH = new URL("../ids.lock", import.meta.url);

export function readIdsLock(path: URL | string = IDS_LOCK_PATH): IdsLock {
  return JSON.parse(readFileSync(path, "utf8")) as IdsLock;
}

export const ID_PATTERN = /^send\.[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Problems between the registered test ids and the lock; empty when consistent. */
export function checkIdsLock(registered: readonly string[], lock: IdsLock): string[] {
  const problems: string[] = [];
  const reg = new Set(registered);
  const retired = new Set(lock.retired.map((r) => r.id));
  const dupes = registered.filter((id, i) => registered.indexOf(id) !== i);
  for (const d of new Set(dupes)) problems.push(`test id ${d} is registered twice`);
  for (const id of registered)
    if (!ID_PATTERN.test(id)) problems.push(`test id ${id} is not send.<profile>.<behaviour> in dot/kebab case`);
  for (const id of lock.active)
    if (!reg.has(id)) problems.push(`id ${id} disappeared: keep the test or move it to "retired" with a reason`);
  for (const id of registered) {
    if (retired.has(id)) problems.push(`id ${id} is retired and cannot be reused; choose a new id`);
    else if (!lock.active.includes(id)) problems.push(`id ${id} is not in conformance/ids.lock: add it to "active"`);
  }
  for (const r of lock.retired) if (!r.reason?.trim()) problems.push(`retired id ${r.id} has no reason`);
  for (const id of lock.active) if (retired.has(id)) problems.push(`id ${id} is both active and retired`);
  return problems;
}
