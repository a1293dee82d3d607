import type { Input } from "../inputs.js";
import type { ActionSet } from "./action-set.js";
import type { ColumnSet } from "./column-set.js";
import type { Container } from "./container.js";
import type { FactSet } from "./fact-set.js";
import type { Image } from "./image.js";
import type { ImageSet } from "./image-set.js";
import type { Media } from "./media.js";
import type { RichTextBlock } from "./rich-text-block.js";
import type { TextBlock } from "./text-block.js";

/** Any element of a card's `body` that Webex renders. */
export type Element =
  | TextBlock
  | Image
  | Media
  | RichTextBlock
  | Container
  | ColumnSet
  | FactSet
  | ImageSet
  | ActionSet
  | Input;
