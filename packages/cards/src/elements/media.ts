import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase } from "./common.js";

export interface MediaSource {
  mimeType: string;
  url: string;
}

/** Schema 1.1. */
export interface Media extends ElementBase {
  type: "Media";
  sources: readonly MediaSource[];
  poster?: string;
  altText?: string;
}

export function mediaSource(mimeType: string, url: string): MediaSource {
  return { mimeType, url };
}

export function media<const P extends PropsOf<Media>>(props: Exact<P, PropsOf<Media>>): { type: "Media" } & P {
  return { type: "Media", ...(props as P) };
}
