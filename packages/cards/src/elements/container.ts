import type { ContainerStyle, VerticalContentAlignment } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { BackgroundImage, ElementBase, SelectAction } from "./common.js";
import type { Element } from "./element.js";

export interface Container extends ElementBase {
  type: "Container";
  items: readonly Element[];
  /** Schema 1.1. */
  selectAction?: SelectAction;
  style?: ContainerStyle;
  /** Schema 1.1. */
  verticalContentAlignment?: VerticalContentAlignment;
  /** Schema 1.2. */
  bleed?: boolean;
  /** Schema 1.2. */
  backgroundImage?: BackgroundImage;
  /** Schema 1.2: pixels such as "80px". */
  minHeight?: string;
  /** Right-to-left layout. */
  rtl?: boolean;
}

export function container<const P extends PropsOf<Container>>(
  props: Exact<P, PropsOf<Container>>,
): { type: "Container" } & P {
  return { type: "Container", ...(props as P) };
}
