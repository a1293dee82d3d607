import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { ConnectionError, Session } from "../src/index.js";

// A self-signed certificate for 127.0.0.1, made for these tests only.
const tls = {
  key: readFileSync(new URL("./fixtures/test-only-self-signed.key.pem", import.meta.url)),
  cert: readFileSync(new URL("./fixtures/test-only-self-signed.cert.pem", import.meta.url)),
};

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.on("connection", (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const answer = (body: unknown) => (_req: unknown, res: import("node:http").ServerResponse) =>
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

it("goes through the configured proxy (CONNECT tunnel)", async () => {
  const target = await listen(createHttpServer(answer({ via: "target" })));
  const tunnels: string[] = [];
  const proxy = createHttpServer();
  proxy.on("connect", (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const proxyAddress = await listen(proxy);
  const session = new Session({ accessToken: "t", baseUrl: `http://${target}/v1/`, proxy: `http://${proxyAddress}` });
  expect(await session.request({ path: "people/me" })).toEqual({ via: "target" });
  expect(tunnels).toEqual([target]);
  await session.close();
});

it("checks TLS certificates unless disableSslVerify is set", async () => {
  const address = await listen(createHttpsServer(tls, answer({ secure: true })) as unknown as Server);
  const strict = new Session({ accessToken: "t", baseUrl: `https://${address}/v1/`, maxRetries: 0 });
  const error = await strict.request({ path: "people/me" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionError);
  expect((error as Error).message).toMatch(/self[- ]signed/i);
  await strict.close();

  const relaxed = new Session({ accessToken: "t", baseUrl: `https://${address}/v1/`, disableSslVerify: true });
  expect(await relaxed.request({ path: "people/me" })).toEqual({ secure: true });
  await relaxed.close();
});
