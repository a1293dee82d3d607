import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { MalformedResponseError, nextLink, Resource, Session, ValidationError } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

/** Page `cursor` holds items [cursor*10, cursor*10+1, cursor*10+2] and the Link header `link(origin, cursor)`. */
async function linkedServer(link: (origin: string, cursor: number) => string | undefined) {
  server = await startTestServer((req, res: ServerResponse) => {
    const cursor = Number(new URL(req.url, "http://x").searchParams.get("cursor") ?? 0);
    const header = link(server?.origin ?? "", cursor);
    json(res, 200, { items: [0, 1, 2].map((i) => cursor * 10 + i) }, header === undefined ? {} : { link: header });
  });
  session = new Session({ accessToken: "t", baseUrl: server.baseUrl, maxRetries: 0 });
  return { server, session };
}

describe("pagination always ends", () => {
  it("a next link to the page just fetched is a MalformedResponseError, not a loop", async () => {
    const { server, session } = await linkedServer((origin) => `<${origin}/v1/items>; rel="next"`);
    await expect(session.paginate("items").toArray()).rejects.toThrow(MalformedResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it("a cycle through earlier pages is caught too", async () => {
    const { server, session } = await linkedServer(
      (origin, cursor) => `<${origin}/v1/items?cursor=${cursor === 2 ? 1 : cursor + 1}>; rel="next"`,
    );
    const error = await session
      .paginate("items")
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/already fetched/);
    expect(server.requests).toHaveLength(3);
  });

  it("an empty next link <> ends in a MalformedResponseError", async () => {
    const { server, session } = await linkedServer(() => `<>; rel="next"`);
    await expect(session.paginate("items").toArray()).rejects.toThrow(MalformedResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it("an unparsable next link is a MalformedResponseError, not a TypeError", async () => {
    const { session } = await linkedServer(() => `<http://[not-a-host/v1/items?cursor=1>; rel="next"`);
    const error = await session
      .paginate("items")
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/not a URL/);
  });

  it("re-iterating starts afresh: the pages of a first pass are not 'already fetched' in the next", async () => {
    const { session } = await linkedServer((origin, cursor) =>
      cursor < 1 ? `<${origin}/v1/items?cursor=${cursor + 1}>; rel="next"` : undefined,
    );
    const list = session.paginate<number>("items");
    expect(await list.toArray()).toEqual([0, 1, 2, 10, 11, 12]);
    expect(await list.toArray()).toEqual([0, 1, 2, 10, 11, 12]);
  });
});

describe("only rel=next is followed", () => {
  it.each([
    ['<https://x/a>; rel="nextpage"', undefined],
    ['<https://x/a>; rel="next-page"', undefined],
    ["<https://x/a>; rel=nextish", undefined],
    ['<https://x/a>; title="next"', undefined],
    ['<https://x/a>; rel="next"', "https://x/a"],
    ["<https://x/a>; rel=next", "https://x/a"],
    ['<https://x/a>; rel="prev next"', "https://x/a"],
    ['<https://x/p>; rel="prev", <https://x/n>; rel="NEXT"', "https://x/n"],
    ['<https://x/a>; title="x"; REL = "next"', "https://x/a"],
    ['<https://x/a>; rel=""', undefined],
    ['<https://x/a>; rel="prev"; rel="next"', undefined],
  ])("%s -> %s", (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });

  it("a list whose only link is rel=nextpage ends after its first page", async () => {
    const { server, session } = await linkedServer((origin) => `<${origin}/v1/items?cursor=1>; rel="nextpage"`);
    expect(await session.paginate("items").toArray()).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("one iterator, concurrent next() calls", () => {
  it("returns every item exactly once", async () => {
    const { session } = await linkedServer((origin, cursor) =>
      cursor < 2 ? `<${origin}/v1/items?cursor=${cursor + 1}>; rel="next"` : undefined,
    );
    const iterator = session.paginate<number>("items")[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 10 }, () => iterator.next()));
    const values = results.filter((r) => !r.done).map((r) => r.value);
    expect(values).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22]);
    expect(results.filter((r) => r.done)).toHaveLength(1);
  });

  it("a return() made while a page is loading ends the list after that next(), and nothing more is sent", async () => {
    const { server, session } = await linkedServer((origin, cursor) =>
      cursor < 2 ? `<${origin}/v1/items?cursor=${cursor + 1}>; rel="next"` : undefined,
    );
    const iterator = session.paginate<number>("items")[Symbol.asyncIterator]();
    const [first, ended, after] = await Promise.all([iterator.next(), iterator.return?.(), iterator.next()]);
    expect(first).toEqual({ done: false, value: 0 });
    expect(ended?.done).toBe(true);
    expect(after).toEqual({ done: true, value: undefined });
    expect(server.requests).toHaveLength(1);
  });
});

describe("max", () => {
  it.each([0, -1, 1.5, "abc", 1001])("max=%j is a ValidationError before anything is sent", async (max) => {
    const { server, session } = await linkedServer(() => undefined);
    const list = new Resource<number>(session, "items", "item", "itemId", 1000).list({ max: max as number });
    await expect(list.toArray()).rejects.toThrow(ValidationError);
    await expect(list.toArray()).rejects.toThrow(/max must be a whole number from 1 to 1000/);
    expect(server.requests).toHaveLength(0);
  });

  it("without a known limit, any whole max >= 1 is sent", async () => {
    const { server, session } = await linkedServer(() => undefined);
    await expect(session.paginate("items", { max: 0 }).toArray()).rejects.toThrow(/max must be a whole number >= 1/);
    expect(await session.paginate("items", { max: 5000 }).toArray()).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
  });

  it("first(n) asks for a page of min(n, max, the endpoint's limit)", async () => {
    const { server, session } = await linkedServer((origin, cursor) =>
      cursor < 3 ? `<${origin}/v1/items?cursor=${cursor + 1}>; rel="next"` : undefined,
    );
    const resource = new Resource<number>(session, "items", "item", "itemId", 1000);
    const maxes = () => server.requests.splice(0).map((r) => new URL(r.url, "http://x").searchParams.get("max"));
    expect(await resource.list().first(2)).toEqual([0, 1]);
    expect(maxes()).toEqual(["2"]);
    expect(await resource.list({ max: 2 }).first(5)).toEqual([0, 1, 2, 10, 11]);
    expect(maxes()).toEqual(["2", "2"]);
    expect(await resource.list({ max: 50 }).first(3)).toEqual([0, 1, 2]);
    expect(maxes()).toEqual(["3"]);
    expect(await resource.list().first(5000)).toHaveLength(12);
    expect(maxes()[0]).toBe("1000");
  });
});
