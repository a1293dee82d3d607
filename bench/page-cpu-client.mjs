// One fresh client process of bench/page-cpu.ts: lists the page server's room with one client and prints
// its CPU (user + system, every thread) per page as JSON: the first listing (the client's import included)
// and the median of the warm ones, after a warm-up long enough for the JIT to settle.
// Plain JavaScript run by plain node, so no loader's work is counted.
//   node page-cpu-client.mjs <client> <base url>     (WARMUP and MEASURED listings can be set in the environment)
const [client, base] = process.argv.slice(2);
const WARMUP = Number(process.env.WARMUP ?? 40);
const MEASURED = Number(process.env.MEASURED ?? 20);
const TOKEN = "bench-token";
const FIRST_URL = `${base}messages?roomId=ROOM&max=100`;

const cpuStart = process.cpuUsage();
const list = await listerFor(client);
let pages = await list();
const first = cpuMicros(cpuStart) / pages;
for (let i = 0; i < WARMUP; i++) await list();
const warm = [];
for (let i = 0; i < MEASURED; i++) {
  const started = process.cpuUsage();
  pages = await list();
  warm.push(cpuMicros(started) / pages);
}
console.log(JSON.stringify({ first, warm: warm.sort((a, b) => a - b)[Math.floor(MEASURED / 2)] }));
process.exit(0);

function cpuMicros(since) {
  const { user, system } = process.cpuUsage(since);
  return user + system;
}

function nextLink(header) {
  return /<([^>]+)>;\s*rel="next"/.exec(String(header ?? ""))?.[1];
}

/** A function that lists every message once, touching each, and returns the number of pages it fetched. */
async function listerFor(name) {
  if (name === "wx for-await") {
    const messages = await messagesApi();
    return async () => {
      let count = 0;
      for await (const _message of messages.list({ roomId: "ROOM", max: 100 })) count++;
      return count / 100;
    };
  }
  if (name === "wx pages") {
    const messages = await messagesApi();
    return async () => {
      let pages = 0;
      for await (const page of messages.list({ roomId: "ROOM", max: 100 }).pages()) {
        for (const _message of page.items) {
        }
        pages++;
      }
      return pages;
    };
  }
  if (name === "wx transport") {
    const { undiciTransport } = await import("@wx/core");
    const transport = undiciTransport();
    const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };
    return async () => {
      let pages = 0;
      for (let url = FIRST_URL; url; pages++) {
        const request = { method: "GET", url: new URL(url), headers, timeoutMs: 60_000, maxResponseBytes: 1e8 };
        const response = await transport.send(request);
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        for (const _message of JSON.parse(response.text).items) {
        }
        url = nextLink(response.headers.link);
      }
      return pages;
    };
  }
  if (name === "undici.request") {
    const { Agent, request } = await import("undici");
    const dispatcher = new Agent();
    const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };
    return async () => {
      let pages = 0;
      for (let url = FIRST_URL; url; pages++) {
        const response = await request(url, { headers, dispatcher });
        if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
        for (const _message of JSON.parse(await response.body.text()).items) {
        }
        url = nextLink(response.headers.link);
      }
      return pages;
    };
  }
  throw new Error(`unknown client ${name}`);
}

async function messagesApi() {
  const { Session } = await import("@wx/core");
  const { MessagesApi } = await import("@wx/api-messages");
  return new MessagesApi(new Session({ accessToken: TOKEN, baseUrl: base }));
}
