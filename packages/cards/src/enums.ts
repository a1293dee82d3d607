// Each option set is a const object (Python-style names, e.g. `FontSize.EXTRA_LARGE`) and a string-literal
// union of the same name, so `size: FontSize.LARGE` and `size: "large"` are the same thing.

export const FontSize = {
  DEFAULT: "default",
  SMALL: "small",
  MEDIUM: "medium",
  LARGE: "large",
  EXTRA_LARGE: "extraLarge",
} as const;
export type FontSize = (typeof FontSize)[keyof typeof FontSize];

export const FontWeight = { DEFAULT: "default", LIGHTER: "lighter", BOLDER: "bolder" } as const;
export type FontWeight = (typeof FontWeight)[keyof typeof FontWeight];

/** Schema 1.2. */
export const FontType = { DEFAULT: "default", MONOSPACE: "monospace" } as const;
export type FontType = (typeof FontType)[keyof typeof FontType];

export const Colors = {
  DEFAULT: "default",
  DARK: "dark",
  LIGHT: "light",
  ACCENT: "accent",
  GOOD: "good",
  WARNING: "warning",
  ATTENTION: "attention",
} as const;
export type Colors = (typeof Colors)[keyof typeof Colors];

/** Unlike the Python SDK, `STRETCH` really is "stretch". */
export const BlockElementHeight = { AUTO: "auto", STRETCH: "stretch" } as const;
export type BlockElementHeight = (typeof BlockElementHeight)[keyof typeof BlockElementHeight];

export const VerticalContentAlignment = { TOP: "top", CENTER: "center", BOTTOM: "bottom" } as const;
export type VerticalContentAlignment = (typeof VerticalContentAlignment)[keyof typeof VerticalContentAlignment];

export const HorizontalAlignment = { LEFT: "left", CENTER: "center", RIGHT: "right" } as const;
export type HorizontalAlignment = (typeof HorizontalAlignment)[keyof typeof HorizontalAlignment];

export const Spacing = {
  DEFAULT: "default",
  NONE: "none",
  SMALL: "small",
  MEDIUM: "medium",
  LARGE: "large",
  EXTRA_LARGE: "extraLarge",
  PADDING: "padding",
} as const;
export type Spacing = (typeof Spacing)[keyof typeof Spacing];

export const ImageSize = {
  AUTO: "auto",
  STRETCH: "stretch",
  SMALL: "small",
  MEDIUM: "medium",
  LARGE: "large",
} as const;
export type ImageSize = (typeof ImageSize)[keyof typeof ImageSize];

export const ImageStyle = { DEFAULT: "default", PERSON: "person" } as const;
export type ImageStyle = (typeof ImageStyle)[keyof typeof ImageStyle];

/** GOOD, ATTENTION, WARNING and ACCENT need schema 1.2. */
export const ContainerStyle = {
  DEFAULT: "default",
  EMPHASIS: "emphasis",
  GOOD: "good",
  ATTENTION: "attention",
  WARNING: "warning",
  ACCENT: "accent",
} as const;
export type ContainerStyle = (typeof ContainerStyle)[keyof typeof ContainerStyle];

export const TextInputStyle = { TEXT: "text", TEL: "tel", URL: "url", EMAIL: "email" } as const;
export type TextInputStyle = (typeof TextInputStyle)[keyof typeof TextInputStyle];

export const ChoiceInputStyle = { COMPACT: "compact", EXPANDED: "expanded" } as const;
export type ChoiceInputStyle = (typeof ChoiceInputStyle)[keyof typeof ChoiceInputStyle];

/** Schema 1.2. */
export const ActionStyle = { DEFAULT: "default", POSITIVE: "positive", DESTRUCTIVE: "destructive" } as const;
export type ActionStyle = (typeof ActionStyle)[keyof typeof ActionStyle];

/** Schema 1.2, for a `backgroundImage` object. */
export const ImageFillMode = {
  COVER: "cover",
  REPEAT_HORIZONTALLY: "repeatHorizontally",
  REPEAT_VERTICALLY: "repeatVertically",
  REPEAT: "repeat",
} as const;
export type ImageFillMode = (typeof ImageFillMode)[keyof typeof ImageFillMode];
