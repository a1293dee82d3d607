import type { RequestBody } from "./body.js";
import { ValidationError } from "./errors.js";
import { localFileReader } from "./local-files.js";
import { guessContentType } from "./mime.js";

/**
 * A file to upload: a local path (Node entry only), bytes, a Blob/File, a web `ReadableStream` or any async
 * iterable of bytes (a Node `Readable` is one).
 */
export type FileSource = string | Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface UploadFile {
  source: FileSource;
  /** Defaults to the path's base name, the File's name, or `file`. */
  filename?: string;
  /** Defaults to a guess from the file name. */
  contentType?: string;
}

interface FilePart {
  filename: string;
  contentType: string;
  size: number | undefined;
  replayable: boolean;
  open(): AsyncIterable<Uint8Array | string> | Uint8Array;
}

const encoder = new TextEncoder();

/**
 * A streamed `multipart/form-data` body: the text fields in order, then the file under `fileField`.
 * A path is checked before anything is sent and read lazily on each attempt, so a retry re-sends it whole
 * and memory stays flat whatever the file's size.
 */
export async function multipartBody(
  fields: Readonly<Record<string, string | undefined>>,
  fileField: string,
  file: UploadFile,
): Promise<RequestBody> {
  const part = await describeFile(file);
  const boundary = `wx${randomHex(16)}`;
  const head: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    head.push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
  }
  head.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(fileField)}"; filename="${quote(part.filename)}"\r\n` +
      `Content-Type: ${part.contentType}\r\n\r\n`,
  );
  const prefix = encoder.encode(head.join(""));
  const suffix = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: part.size === undefined ? undefined : prefix.length + part.size + suffix.length,
    replayable: part.replayable,
    open: async function* () {
      yield prefix;
      const content = part.open();
      if (content instanceof Uint8Array) yield content;
      else for await (const chunk of content) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      yield suffix;
    },
  };
}

async function describeFile(file: UploadFile): Promise<FilePart> {
  const { source } = file;
  const named = (fallback: string) => {
    const filename = file.filename ?? fallback;
    return { filename, contentType: file.contentType ?? guessContentType(filename) };
  };
  if (typeof source === "string") {
    const read = localFileReader();
    if (!read) {
      throw new ValidationError(
        `files: ${JSON.stringify(source)} is not an http(s) URL, and uploads from a local path need @wx/core's Node entry; ` +
          "here pass a Blob/File, a Uint8Array or a ReadableStream",
        { argument: "files" },
      );
    }
    const local = await read(source);
    if (!local) {
      throw new ValidationError(`files: ${JSON.stringify(source)} is neither a URL nor a readable local file`, {
        argument: "files",
      });
    }
    return { ...named(local.filename), size: local.size, replayable: true, open: local.open };
  }
  if (source instanceof Uint8Array) {
    return { ...named("file"), size: source.byteLength, replayable: true, open: () => source };
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    const name = "name" in source && typeof source.name === "string" && source.name ? source.name : "file";
    const part = named(name);
    if (!file.contentType && source.type) part.contentType = source.type;
    return { ...part, size: source.size, replayable: true, open: () => readStream(source.stream()) };
  }
  if (isReadableStream(source) || isAsyncIterable(source)) {
    let opened = false;
    return {
      ...named(file.filename ?? "file"),
      size: undefined,
      replayable: false,
      open: () => {
        if (opened) throw new ValidationError("files: a stream can be sent only once", { argument: "files" });
        opened = true;
        return isReadableStream(source) ? readStream(source) : source;
      },
    };
  }
  throw new ValidationError(
    "files: expected a URL, a local path, a Buffer/Uint8Array, a Blob, a ReadableStream or a readable stream",
    { argument: "files" },
  );
}

/** A web stream's chunks, by its reader: async iteration of ReadableStream is not in every browser. */
async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      yield next.value;
    }
    done = true;
  } finally {
    if (done) reader.releaseLock();
    else await reader.cancel();
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
}

function quote(value: string): string {
  return value.replace(/"/g, "%22").replace(/[\r\n]/g, " ");
}
