import type { ContainerStyle, HorizontalAlignment, Spacing, VerticalContentAlignment } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { BackgroundImage, ElementBase, SelectAction } from "./common.js";
import type { Element } from "./element.js";

export interface Column {
  type: "Column";
  items?: readonly Element[];
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
  requires?: Readonly<Record<string, string>>;
  fallback?: Column | "drop";
  /** "auto", "stretch", a relative weight (number) or pixels such as "50px". */
  width?: string | number;
  selectAction?: SelectAction;
  style?: ContainerStyle;
  verticalContentAlignment?: VerticalContentAlignment;
  bleed?: boolean;
  backgroundImage?: BackgroundImage;
  minHeight?: string;
  rtl?: boolean;
}

export interface ColumnSet extends ElementBase {
  type: "ColumnSet";
  columns?: readonly Column[];
  /** Schema 1.1. */
  selectAction?: SelectAction;
  /** Schema 1.2. */
  style?: ContainerStyle;
  /** Schema 1.2. */
  bleed?: boolean;
  /** Schema 1.2. */
  minHeight?: string;
  horizontalAlignment?: HorizontalAlignment;
}

export function column<const P extends PropsOf<Column>>(props: Exact<P, PropsOf<Column>>): { type: "Column" } & P {
  return { type: "Column", ...(props as P) };
}

export function columnSet<const P extends PropsOf<ColumnSet>>(
  props: Exact<P, PropsOf<ColumnSet>>,
): { type: "ColumnSet" } & P {
  return { type: "ColumnSet", ...(props as P) };
}
