import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  /** Where Webex (the emulator) delivers: the fleet's one webhook URL. */
  url: string;
  /** The instance (index into the targets) each delivery was sent to, in order, with its body. */
  routed: { instance: number; body: string }[];
  /** Takes an instance out of the rotation (it crashed); re-deliveries skip it too. */
  drop(instance: number): void;
  close(): Promise<void>;
}

/**
 * A load balancer for the fleet tests: each delivery goes to the next instance in turn, except that a body seen
 * before (a re-delivery: Webex re-sends the same bytes) goes to the instance after the one that got it last, so
 * a re-delivery always reaches a different process. A target that does not answer is a 502, as a balancer says.
 */
export async function roundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new TypeError("roundRobinProxy: at least one target is needed");
  const routed: RoundRobinProxy["routed"] = [];
  const lastInstanceOf = new Map<string, number>();
  const dropped = new Set<number>();
  let turn = 0;
  const next = (after: number): number => {
    for (let step = 1; step <= targets.length; step++) {
      const candidate = (after + step) % targets.length;
      if (!dropped.has(candidate)) return candidate;
    }
    return after;
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      res.destroy(); // the sender went away mid-body: nobody to answer
      return;
    }
    const body = Buffer.concat(chunks);
    const text = body.toString("utf8");
    const before = lastInstanceOf.get(text);
    const instance = next(before ?? turn++ - 1);
    lastInstanceOf.set(text, instance);
    routed.push({ instance, body: text });
    const forward = request(targets[instance] as string, { method: req.method, headers: req.headers });
    forward.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`instance ${instance} did not answer: ${error.message}`);
    });
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`,
    routed,
    drop: (instance) => void dropped.add(instance),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
