import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";

describe.skipIf(!hasRedisServer)(`the test redis-server${NEEDS_REDIS}`, () => {
  const redis = useRedisServer();

  it("answers a real client, and comes back empty on the same port after a restart", async () => {
    const client = createClient({ url: redis.server.url });
    client.on("error", () => {});
    await client.connect();
    await client.set("k", "v");
    expect(await client.get("k")).toBe("v");
    await client.quit();
    await redis.server.restart();
    const again = createClient({ url: redis.server.url });
    await again.connect();
    expect(await again.get("k")).toBeNull();
    await again.quit();
  });
});
