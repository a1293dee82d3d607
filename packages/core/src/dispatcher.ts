import type { Dispatcher } from "undici";
import { ValidationError } from "./errors.js";

export const DEFAULT_MAX_SOCKETS = 32;
const MAX_SOCKETS_LIMIT = 256;

export interface DispatcherOptions {
  proxy?: string | URL;
  disableSslVerify?: boolean;
  maxSockets?: number;
}

/**
 * The session's own keep-alive dispatcher: through `proxy` when given, else through the proxy that
 * HTTPS_PROXY/HTTP_PROXY name (honouring NO_PROXY), else direct; at most `maxSockets` sockets per origin.
 */
export async function createDispatcher(
  options: DispatcherOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Dispatcher> {
  const { Agent, EnvHttpProxyAgent, ProxyAgent } = await import("undici");
  const tls = { rejectUnauthorized: !options.disableSslVerify };
  const connections = checkMaxSockets(options.maxSockets);
  const common = { connections, keepAliveTimeout: 30_000 };
  if (options.proxy) return new ProxyAgent({ ...common, uri: String(options.proxy), requestTls: tls, proxyTls: tls });
  const httpProxy = env.http_proxy || env.HTTP_PROXY || undefined;
  const httpsProxy = env.https_proxy || env.HTTPS_PROXY || undefined;
  if (httpProxy || httpsProxy) {
    const noProxy = env.no_proxy ?? env.NO_PROXY ?? "";
    return new EnvHttpProxyAgent({
      ...common,
      httpProxy,
      httpsProxy,
      noProxy,
      connect: tls,
      requestTls: tls,
      proxyTls: tls,
    });
  }
  return new Agent({ ...common, connect: tls });
}

/** The socket cap, checked when the session is made (the dispatcher itself is made on the first request). */
export function checkMaxSockets(value: number = DEFAULT_MAX_SOCKETS): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_SOCKETS_LIMIT) {
    throw new ValidationError(`maxSockets must be a whole number from 1 to ${MAX_SOCKETS_LIMIT}, got ${value}`, {
      argument: "maxSockets",
    });
  }
  return value;
}
