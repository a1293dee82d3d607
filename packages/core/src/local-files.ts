/** A local file an upload reads from its path; only where there is a file system (the Node entry sets the reader). */
export interface LocalFile {
  filename: string;
  size: number;
  open(): AsyncIterable<Uint8Array>;
}

/** `undefined` when the path is not a readable regular file. */
export type LocalFileReader = (path: string) => Promise<LocalFile | undefined>;

let reader: LocalFileReader | undefined;

export function useLocalFiles(value: LocalFileReader): void {
  reader = value;
}

export function localFileReader(): LocalFileReader | undefined {
  return reader;
}
