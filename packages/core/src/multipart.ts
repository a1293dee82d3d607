import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import type { RequestBody } from "./body.js";
import { ValidationError } from "./errors.js";
import { guessContentType } from "./mime.js";

/** A file to upload: a local path, bytes, a Blob/File, or a readable stream. */
export type FileSource = string | Uint8Array | Blob | Readable | AsyncIterable<Uint8Array>;

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
  open(): AsyncIterable<Uint8Array> | Uint8Array;
}

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
  const boundary = `wx${randomBytes(16).toString("hex")}`;
  const head: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    head.push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
  }
  head.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(fileField)}"; filename="${quote(part.filename)}"\r\n` +
      `Content-Type: ${part.contentType}\r\n\r\n`,
  );
  const prefix = Buffer.from(head.join(""));
  const suffix = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: part.size === undefined ? undefined : prefix.length + part.size + suffix.length,
    replayable: part.replayable,
    open: async function* () {
      yield prefix;
      const content = part.open();
      if (content instanceof Uint8Array) yield content;
      else for await (const chunk of content) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
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
    const info = await stat(source).catch(() => undefined);
    if (!info?.isFile()) {
      throw new ValidationError(`files: ${JSON.stringify(source)} is neither a URL nor a readable local file`, {
        argument: "files",
      });
    }
    return { ...named(basename(source)), size: info.size, replayable: true, open: () => createReadStream(source) };
  }
  if (source instanceof Uint8Array) {
    return { ...named("file"), size: source.byteLength, replayable: true, open: () => source };
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    const name = "name" in source && typeof source.name === "string" && source.name ? source.name : "file";
    const part = named(name);
    if (!file.contentType && source.type) part.contentType = source.type;
    return {
      ...part,
      size: source.size,
      replayable: true,
      open: () => Readable.fromWeb(source.stream() as Parameters<typeof Readable.fromWeb>[0]),
    };
  }
  if (isAsyncIterable(source)) {
    let opened = false;
    return {
      ...named(file.filename ?? "file"),
      size: undefined,
      replayable: false,
      open: () => {
        if (opened) throw new ValidationError("files: a stream can be sent only once", { argument: "files" });
        opened = true;
        return source;
      },
    };
  }
  throw new ValidationError("files: expected a URL, a local path, a Buffer/Uint8Array, a Blob or a readable stream", {
    argument: "files",
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function quote(value: string): string {
  return value.replace(/"/g, "%22").replace(/[\r\n]/g, " ");
}
