// Gathers the calls made in one turn of the event loop into one batch. On PGlite one statement costs far more than
// one more row in it, and a statement runs synchronously on this thread: without waiting for the end of the turn
// (setImmediate), each call would start its own statement before the next request had even been parsed. The wait is
// the rest of the current turn, not a timer; a lone call still goes in the turn it was made. Calls made while a
// batch runs go in the next one. At most `parallelism` batches run at once (PGlite 1; a pg pool several).

export type BatchRunner<I, O> = (items: readonly I[]) => Promise<O[]>;

/**
 * A function that runs one item as part of a batch: `run` gets every item gathered (at most `maxBatch`) and answers
 * each, in order. If `run` fails, every call in that batch fails with its error.
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
  const pump = (): void => {
    while (inFlight < parallelism && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      run(batch.map((p) => p.item))
        .then(
          (outs) => batch.forEach((p, i) => p.resolve(outs[i] as O)),
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        )
        .finally(() => {
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
