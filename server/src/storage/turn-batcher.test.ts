// The turn batcher: what is gathered together, in what order, and how failures and limits behave.
import { describe, expect, it } from "vitest";
import { turnBatcher } from "./turn-batcher.ts";

/** A runner that records each batch it was given and answers each item doubled, after `wait`. */
function recorder(wait: () => Promise<void> = async () => undefined) {
  const batches: number[][] = [];
  let running = 0;
  let maxRunning = 0;
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      await wait();
      if (items.includes(-1)) throw new Error("bad item");
      return items.map((i) => i * 2);
    } finally {
      running--;
    }
  };
  return { run, batches, maxRunning: () => maxRunning };
}

describe("turnBatcher", () => {
  it("calls made in one turn go in one batch, in call order, each answered with its own result", async () => {
    const r = recorder();
    const call = turnBatcher(r.run, 1);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => call(i)));
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(r.batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("a call made while a batch runs goes in the next batch", async () => {
    let release!: () => void;
    const gate = new Promise<void>((res) => (release = res));
    let first = true;
    const r = recorder(async () => {
      if (first) {
        first = false;
        await gate;
      }
    });
    const call = turnBatcher(r.run, 1);
    const a = call(1);
    await new Promise((res) => setImmediate(res)); // the first batch has started
    const b = call(2);
    const c = call(3);
    release();
    expect(await Promise.all([a, b, c])).toEqual([2, 4, 6]);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });

  it("a failing item fails alone: its batch is split until only the item that fails by itself is rejected", async () => {
    const r = recorder();
    const call = turnBatcher(r.run, 1);
    const items = [1, 2, -1, 3, 4, 5, 6, -1, 7];
    const results = await Promise.allSettled(items.map((i) => call(i)));
    expect(results.map((x) => (x.status === "fulfilled" ? x.value : "rejected"))).toEqual([
      2,
      4,
      "rejected",
      6,
      8,
      10,
      12,
      "rejected",
      14,
    ]);
    for (const x of results) if (x.status === "rejected") expect((x.reason as Error).message).toBe("bad item");
    // Each bad item was finally run by itself; every good item was answered exactly once.
    expect(r.batches.filter((b) => b.length === 1 && b[0] === -1)).toHaveLength(2);
    expect(r.batches.length).toBeLessThan(items.length * 2);
    expect(await call(8)).toBe(16);
  });

  it("a lone failing call is rejected with its error, once", async () => {
    const r = recorder();
    const call = turnBatcher(r.run, 1);
    await expect(call(-1)).rejects.toThrow("bad item");
    expect(r.batches).toEqual([[-1]]);
  });

  it("never runs more than `parallelism` batches at once, and splits at maxBatch", async () => {
    const r = recorder(() => new Promise((res) => setTimeout(res, 5)));
    const call = turnBatcher(r.run, 2, 3);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i)));
    expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    expect(r.maxRunning()).toBeLessThanOrEqual(2);
    expect(r.batches.every((b) => b.length <= 3)).toBe(true);
    expect(r.batches.flat()).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });
});
