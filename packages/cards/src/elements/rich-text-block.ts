import type { Colors, FontSize, FontType, FontWeight, HorizontalAlignment } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase, SelectAction } from "./common.js";

/** Schema 1.2: a run of text inside a RichTextBlock. */
export interface TextRun {
  type: "TextRun";
  text: string;
  color?: Colors;
  fontType?: FontType;
  highlight?: boolean;
  isSubtle?: boolean;
  italic?: boolean;
  selectAction?: SelectAction;
  size?: FontSize;
  strikethrough?: boolean;
  /** Schema 1.3. */
  underline?: boolean;
  weight?: FontWeight;
}

/** Schema 1.2. */
export interface RichTextBlock extends ElementBase {
  type: "RichTextBlock";
  inlines: readonly (TextRun | string)[];
  horizontalAlignment?: HorizontalAlignment;
}

/** @inline */
type TextRunOptions = Omit<PropsOf<TextRun>, "text">;

/** `textRun("important", { weight: "bolder", italic: true })` */
export function textRun<const O extends TextRunOptions = Record<never, never>>(
  text: string,
  options?: Exact<O, TextRunOptions>,
): { type: "TextRun"; text: string } & O {
  return { type: "TextRun", text, ...(options as O) };
}

export function richTextBlock<const P extends PropsOf<RichTextBlock>>(
  props: Exact<P, PropsOf<RichTextBlock>>,
): { type: "RichTextBlock" } & P {
  return { type: "RichTextBlock", ...(props as P) };
}
