import type { ImageSize } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase } from "./common.js";
import type { Image } from "./image.js";

export interface ImageSet extends ElementBase {
  type: "ImageSet";
  images: readonly Image[];
  imageSize?: ImageSize;
}

export function imageSet<const P extends PropsOf<ImageSet>>(
  props: Exact<P, PropsOf<ImageSet>>,
): { type: "ImageSet" } & P {
  return { type: "ImageSet", ...(props as P) };
}
