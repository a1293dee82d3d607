import type { WebexClient } from "@wx/sdk";

/** A file of a message as the page links it: its name, and where the page downloads it. */
export interface FileLink {
  name: string;
  /** Empty when the URL is nothing a browser should open. */
  href: string;
  /** In bytes, when the API says. */
  size?: number;
}

/** True for the API's own file URLs (`<base>contents/<id>`), the only ones the page fetches with the token. */
export function isContentUrl(url: string, baseUrl: string): boolean {
  const base = new URL(baseUrl);
  const parsed = parseUrl(url);
  return (
    parsed?.origin === base.origin &&
    parsed.pathname.startsWith(base.pathname) &&
    /^contents\/[^/]+$/.test(parsed.pathname.slice(base.pathname.length))
  );
}

/** The page's link for a file: through the demo server, which adds the token the API wants. */
export function downloadHref(url: string): string {
  return `/file?url=${encodeURIComponent(url)}`;
}

/** The file name from a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename="…"`). */
export function filenameOf(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // a malformed escape: the plain filename parameter is the next best thing
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2]?.trim();
  return name || undefined;
}

/** Names of files, each asked once with `HEAD` (the API answers with the file's `Content-Disposition`). */
export class FileNames {
  readonly #wx: WebexClient;
  readonly #files = new Map<string, Promise<Omit<FileLink, "href">>>();

  constructor(wx: WebexClient) {
    this.#wx = wx;
  }

  async linkFor(url: string, fallbackName: string): Promise<FileLink> {
    if (!isContentUrl(url, this.#wx.session.baseUrl)) {
      // not the API's: a plain link, if it is a web address at all
      return { name: nameInUrl(url) ?? fallbackName, href: /^https?:\/\//i.test(url) ? url : "" };
    }
    let file = this.#files.get(url);
    if (!file) {
      file = this.#ask(url, fallbackName);
      this.#files.set(url, file);
      file.catch(() => this.#files.delete(url));
    }
    return { ...(await file), href: downloadHref(url) };
  }

  async #ask(url: string, fallbackName: string): Promise<Omit<FileLink, "href">> {
    const head = await this.#wx.session.requestRaw({ method: "HEAD", url, expectedStatus: [200, 302] });
    // a remote file (shared as a URL) answers with a redirect to it
    if (head.status === 302) return { name: nameInUrl(head.headers.location ?? "") ?? fallbackName };
    const size = Number(head.headers["content-length"]);
    return {
      name: filenameOf(head.headers["content-disposition"]) ?? fallbackName,
      ...(head.headers["content-length"] && Number.isSafeInteger(size) ? { size } : {}),
    };
  }
}

function nameInUrl(url: string): string | undefined {
  const last = parseUrl(url)?.pathname.split("/").pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray % in the name: shown as it is
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined; // not a URL: the caller treats it as no match
  }
}
