/** One page of a list: its items and the URL of the next page, if there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextUrl: string | undefined;
}

/** What one iteration tells the loader: the pages it already fetched, and a page size wanted (by `first(n)`). */
export interface Walk {
  /** URLs of the pages this iteration has fetched; the loader adds each one it fetches. */
  readonly fetched: Set<string>;
  readonly pageSize?: number;
}

/** Loads the first page (`undefined`) or the page at a next URL. */
export type PageLoader<T> = (nextUrl: string | undefined, walk: Walk) => Promise<Page<T>>;

/**
 * A lazy, re-iterable list. Nothing is requested until it is iterated; each iteration starts again
 * from the first page; only the current page is held in memory; breaking out stops the requests.
 */
export class Paginated<T> implements AsyncIterable<T> {
  readonly #load: PageLoader<T>;

  constructor(load: PageLoader<T>) {
    this.#load = load;
  }

  /** The pages one by one, following next links (empty pages included). */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#pages({ fetched: new Set() });
  }

  async *#pages(walk: Walk): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#load(undefined, walk);
    yield page;
    while (page.nextUrl !== undefined) {
      page = await this.#load(page.nextUrl, walk);
      yield page;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return this.#items({ fetched: new Set() });
  }

  // A hand-written iterator: an async generator's per-item queueing costs ~30% on large lists.
  // A next() made while another is in flight waits for it, so concurrent callers each get their own item.
  #items(walk: Walk): AsyncIterator<T, undefined> {
    let items: T[] = [];
    let index = 0;
    /** The next page's URL: `undefined` before the first page is loaded. */
    let nextUrl: string | undefined;
    let ended = false;
    let inFlight: Promise<IteratorResult<T, undefined>> | undefined;
    const end = () => {
      ended = true;
      items = [];
    };
    const step = async (): Promise<IteratorResult<T, undefined>> => {
      while (index >= items.length) {
        if (ended) return { done: true, value: undefined };
        let page: Page<T>;
        try {
          page = await this.#load(nextUrl, walk);
        } catch (error) {
          end();
          throw error;
        }
        items = page.items;
        index = 0;
        nextUrl = page.nextUrl;
        ended = nextUrl === undefined;
      }
      return { done: false, value: items[index++] as T };
    };
    const finish = async (): Promise<IteratorResult<T, undefined>> => {
      end();
      return { done: true, value: undefined };
    };
    // The latest queued task clears `inFlight` as it settles, not a tick later: the next item's next() then
    // takes the fast path at once (clearing it later put every item of a page through the queue).
    const queue = (task: () => Promise<IteratorResult<T, undefined>>): Promise<IteratorResult<T, undefined>> => {
      let queued: Promise<IteratorResult<T, undefined>> | undefined;
      const run = async () => {
        try {
          return await task();
        } finally {
          if (inFlight === queued) inFlight = undefined;
        }
      };
      queued = inFlight ? inFlight.then(run, run) : run();
      inFlight = queued;
      return queued;
    };
    return {
      next: () =>
        inFlight === undefined && index < items.length
          ? Promise.resolve({ done: false, value: items[index++] as T })
          : queue(step),
      return: () => queue(finish),
    };
  }

  /** Every item of every page. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }

  /** The first `n` items, asking for pages of at most `n`; no page after the one that completes them is requested. */
  async first(n: number): Promise<T[]> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`first(n) needs a whole number >= 0, got ${n}`);
    const items: T[] = [];
    if (n === 0) return items;
    const iterator = this.#items({ fetched: new Set(), pageSize: n });
    try {
      while (items.length < n) {
        const result = await iterator.next();
        if (result.done) break;
        items.push(result.value);
      }
    } finally {
      await iterator.return?.();
    }
    return items;
  }

  /** A list whose items pass through `fn`. */
  map<U>(fn: (item: T) => U): Paginated<U> {
    return new Paginated(async (next, walk) => {
      const page = await this.#load(next, walk);
      return { items: page.items.map(fn), nextUrl: page.nextUrl };
    });
  }
}
