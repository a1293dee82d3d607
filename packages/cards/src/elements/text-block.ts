import type { Colors, FontSize, FontType, FontWeight, HorizontalAlignment } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase } from "./common.js";

export interface TextBlock extends ElementBase {
  type: "TextBlock";
  text: string;
  color?: Colors;
  /** Schema 1.2. */
  fontType?: FontType;
  horizontalAlignment?: HorizontalAlignment;
  isSubtle?: boolean;
  maxLines?: number;
  size?: FontSize;
  weight?: FontWeight;
  wrap?: boolean;
}

/** @inline */
type TextBlockOptions = Omit<PropsOf<TextBlock>, "text">;

/** `textBlock("Hello", { weight: "bolder", wrap: true })` */
export function textBlock<const O extends TextBlockOptions = Record<never, never>>(
  text: string,
  options?: Exact<O, TextBlockOptions>,
): { type: "TextBlock"; text: string } & O {
  return { type: "TextBlock", text, ...(options as O) };
}
