import type { HorizontalAlignment, ImageSize, ImageStyle } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase, SelectAction } from "./common.js";

export interface Image extends Omit<ElementBase, "height"> {
  type: "Image";
  url: string;
  altText?: string;
  /** Schema 1.1: background colour of a transparent image, e.g. "#DDDDDD". */
  backgroundColor?: string;
  /** "auto", "stretch", or (schema 1.1) pixels such as "50px". */
  height?: string;
  horizontalAlignment?: HorizontalAlignment;
  /** Schema 1.1. */
  selectAction?: SelectAction;
  size?: ImageSize;
  style?: ImageStyle;
  /** Schema 1.1: pixels such as "50px". */
  width?: string;
}

/** @inline */
type ImageOptions = Omit<PropsOf<Image>, "url">;

/** `image("https://…/logo.png", { altText: "Logo", size: "small" })` */
export function image<const O extends ImageOptions = Record<never, never>>(
  url: string,
  options?: Exact<O, ImageOptions>,
): { type: "Image"; url: string } & O {
  return { type: "Image", url, ...(options as O) };
}
