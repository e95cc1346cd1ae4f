// Gathers the calls made in one turn of the event loop (until setImmediate, not a timer) into one statement, because
// a statement costs far more than one more row in it; at most `parallelism` batches run at once.
// One caller's bad item must never fail another's: a failed batch wrote nothing, so it is split in halves and rerun
// until only the items that fail on their own are rejected.

export type BatchRunner<I, O> = (items: readonly I[]) => Promise<O[]>;

/**
 * A function that runs one item as part of a batch: `run` gets every item gathered (at most `maxBatch`) and answers
 * each, in order. If `run` fails for a batch of several, its halves are run again, so only the calls whose items
 * fail alone are rejected (with the error of their own run).
 */
export function turnBatcher<I, O>(run: BatchRunner<I, O>, parallelism: number, maxBatch = 64): (item: I) => Promise<O> {
  interface Pending {
    item: I;
    resolve: (out: O) => void;
    reject: (err: unknown) => void;
  }
  const queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };
  /** Runs `batch`; on failure, its halves, until each failing item is rejected alone. */
  const settle = async (batch: readonly Pending[]): Promise<void> => {
    let outs: O[];
    try {
      outs = await run(batch.map((p) => p.item));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      const half = Math.ceil(batch.length / 2);
      await settle(batch.slice(0, half));
      return settle(batch.slice(half));
    }
    batch.forEach((p, i) => {
      p.resolve(outs[i] as O);
    });
  };
  const pump = (): void => {
    while (inFlight < parallelism && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      void settle(batch).finally(() => {
        inFlight--;
        if (queue.length > 0) schedule();
      });
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
