/** One page of a list: its items and the URL of the next page, if there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextUrl: string | undefined;
}

/** Loads the first page (`undefined`) or the page at a next URL. */
export type PageLoader<T> = (nextUrl: string | undefined) => Promise<Page<T>>;

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
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#load(undefined);
    yield page;
    while (page.nextUrl !== undefined) {
      page = await this.#load(page.nextUrl);
      yield page;
    }
  }

  // A hand-written iterator: an async generator's per-item queueing costs ~30% on large lists.
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    const pages = this.pages();
    let items: T[] = [];
    let index = 0;
    return {
      next: async () => {
        while (index >= items.length) {
          const page = await pages.next();
          if (page.done) return { done: true, value: undefined };
          items = page.value.items;
          index = 0;
        }
        return { done: false, value: items[index++] as T };
      },
      return: async () => {
        await pages.return();
        return { done: true, value: undefined };
      },
    };
  }

  /** Every item of every page. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }

  /** The first `n` items; no page after the one that completes them is requested. */
  async first(n: number): Promise<T[]> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`first(n) needs a whole number >= 0, got ${n}`);
    const items: T[] = [];
    if (n === 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= n) break;
    }
    return items;
  }

  /** A list whose items pass through `fn`. */
  map<U>(fn: (item: T) => U): Paginated<U> {
    return new Paginated(async (next) => {
      const page = await this.#load(next);
      return { items: page.items.map(fn), nextUrl: page.nextUrl };
    });
  }
}
