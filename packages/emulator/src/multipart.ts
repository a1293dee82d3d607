import { badRequest } from "./errors.js";

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Minimal multipart/form-data parser over a fully buffered body. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw badRequest("Multipart body without a boundary.");
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw badRequest("Malformed multipart body.");
  while (true) {
    start += delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const end = body.indexOf(delimiter, start);
    if (end < 0) throw badRequest("Malformed multipart body.");
    const headerEnd = body.indexOf("\r\n\r\n", start);
    if (headerEnd < 0 || headerEnd > end) throw badRequest("Malformed multipart part.");
    const headers = body.subarray(start, headerEnd).toString("utf8");
    let dataEnd = end;
    if (body[dataEnd - 2] === 0x0d && body[dataEnd - 1] === 0x0a) dataEnd -= 2;
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw badRequest("Multipart part without a name.");
    parts.push({
      name,
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
      data: body.subarray(headerEnd + 4, dataEnd),
    });
    start = end;
  }
  return parts;
}
