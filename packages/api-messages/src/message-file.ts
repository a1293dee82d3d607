import { type UploadFile, ValidationError } from "@wx/core";
import type { MessageFile } from "./message-fields.js";

/** The one file of `files`, or `undefined` when there is none (an empty array counts as none). */
export function singleFile(files: unknown): MessageFile | undefined {
  if (files === undefined || files === null) return undefined;
  if (!Array.isArray(files)) {
    throw new ValidationError("files must be an array holding one file", { argument: "files" });
  }
  if (files.length > 1) {
    throw new ValidationError(`files takes one file per message (an API limit), got ${files.length}`, {
      argument: "files",
    });
  }
  if (files.length === 1 && (files[0] === undefined || files[0] === null)) {
    throw new ValidationError("files[0] is empty", { argument: "files" });
  }
  return files[0];
}

/** An http(s) URL the service fetches itself; sent in the JSON body. */
export function isRemoteUrl(file: MessageFile): file is string {
  return typeof file === "string" && /^https?:\/\//i.test(file);
}

export function toUploadFile(file: MessageFile): UploadFile {
  return isUploadFile(file) ? file : { source: file };
}

function isUploadFile(file: MessageFile): file is UploadFile {
  return (
    typeof file === "object" &&
    "source" in file &&
    !(file instanceof Uint8Array) &&
    !(typeof Blob !== "undefined" && file instanceof Blob) &&
    !(Symbol.asyncIterator in file)
  );
}
