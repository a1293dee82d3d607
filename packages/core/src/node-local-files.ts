import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { LocalFileReader } from "./local-files.js";

/** Checks the path before anything is sent; the file is read lazily, once per attempt. */
export const nodeLocalFiles: LocalFileReader = async (path) => {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { filename: basename(path), size: info.size, open: () => createReadStream(path) };
};
