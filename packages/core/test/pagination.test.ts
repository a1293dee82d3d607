import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { MalformedResponseError, nextLink, Session } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

/** Serves `pages` (arrays of items); page i links to page i+1 with `makeLink`. */
async function pagedServer(
  pages: unknown[][],
  makeLink: (origin: string, next: number) => string = (origin, next) => `${origin}/v1/items?cursor=${next}`,
) {
  server = await startTestServer((req, res: ServerResponse) => {
    const url = new URL(req.url, "http://x");
    const index = Number(url.searchParams.get("cursor") ?? 0);
    const headers: Record<string, string> =
      index + 1 < pages.length ? { link: `<${makeLink(server?.origin ?? "", index + 1)}>; rel="next"` } : {};
    json(res, 200, { items: pages[index] }, headers);
  });
  session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
  return { server, session };
}

describe("Paginated", () => {
  it("is lazy and walks every page", async () => {
    const { server, session } = await pagedServer([[1, 2], [3, 4], [5]]);
    const list = session.paginate<number>("items", { max: 2 });
    expect(server.requests).toHaveLength(0);
    expect(await list.toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/items?max=2",
      "/v1/items?cursor=1&max=2",
      "/v1/items?cursor=2&max=2",
    ]);
  });

  it("is re-iterable: each iteration fetches again from the first page", async () => {
    const { server, session } = await pagedServer([[1], [2]]);
    const list = session.paginate<number>("items");
    const seen: number[] = [];
    for await (const item of list) seen.push(item);
    for await (const item of list) seen.push(item);
    expect(seen).toEqual([1, 2, 1, 2]);
    expect(server.requests).toHaveLength(4);
  });

  it("stops requesting when the consumer breaks out", async () => {
    const { server, session } = await pagedServer([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    for await (const item of session.paginate<number>("items")) if (item === 2) break;
    expect(server.requests).toHaveLength(1);
    expect(await session.paginate<number>("items").first(3)).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(3);
  });

  it("keeps going through empty pages", async () => {
    const { session } = await pagedServer([[], [1], [], [], [2]]);
    expect(await session.paginate<number>("items").toArray()).toEqual([1, 2]);
  });

  it("exposes pages with their items", async () => {
    const { session } = await pagedServer([[1, 2], [3]]);
    const sizes: number[] = [];
    for await (const page of session.paginate<number>("items").pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 1]);
  });

  it("repairs next links: drops max=null and restores dropped filters without touching the cursor", async () => {
    const { server, session } = await pagedServer(
      [[1], [2], [3]],
      (origin, next) => `${origin}/v1/items?max=null&cursor=${next}`,
    );
    await session.paginate("items", { roomId: "R", mentionedPeople: "me", max: 1 }).toArray();
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/items?roomId=R&mentionedPeople=me&max=1",
      "/v1/items?cursor=1&roomId=R&mentionedPeople=me&max=1",
      "/v1/items?cursor=2&roomId=R&mentionedPeople=me&max=1",
    ]);
  });

  it("refuses a next link to another origin rather than sending the token there", async () => {
    const { session } = await pagedServer([[1], [2]], () => "https://elsewhere.example/v1/items?cursor=1");
    await expect(session.paginate("items").toArray()).rejects.toBeInstanceOf(MalformedResponseError);
  });
});

describe("nextLink", () => {
  it("finds rel=next among several links and quoting styles", () => {
    expect(nextLink('<https://a/1>; rel="prev", <https://a/2>; rel="next"')).toBe("https://a/2");
    expect(nextLink(["<https://a/0>; rel=first", "<https://a/3>; rel=next"])).toBe("https://a/3");
    expect(nextLink('<https://a/4>; rel="prev"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });
});
