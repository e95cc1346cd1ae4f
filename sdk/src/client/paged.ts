// Async iteration over the API's cursor-paginated lists: follows `Link: <…>; rel="next"` (falling back to the body's
// `nextCursor`) until the last page. Nothing is fetched until iteration starts; stopping early fetches no more.
import type { Page } from "./api-types.ts";
import { linkTarget } from "./link-header.ts";
import type { ApiResponse } from "./transport.ts";

/** Fetches one page: the first (no argument) or the one at a Link URL / cursor. */
export type PageFetcher<T> = (next?: { url?: string; cursor?: string }) => Promise<ApiResponse<Page<T>>>;

export class Paged<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;

  constructor(fetchPage: PageFetcher<T>) {
    this.#fetchPage = fetchPage;
  }

  /** Page by page, for callers that show pages or want `nextCursor` to resume later. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let next: { url?: string; cursor?: string } | undefined;
    for (;;) {
      const res = await this.#fetchPage(next);
      const page = res.body ?? { items: [] };
      yield page;
      const url = linkTarget(res.headers.get("link"), "next", res.url);
      if (url) next = { url };
      else if (page.nextCursor) next = { cursor: page.nextCursor };
      else return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects items, stopping after `max` (default: all). */
  async toArray(max = Infinity): Promise<T[]> {
    const out: T[] = [];
    if (max <= 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }
}
