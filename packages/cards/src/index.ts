export {
  type Action,
  type ActionBase,
  type ActionOpenUrl,
  type ActionOpenUrl as OpenUrl,
  type ActionShowCard,
  type ActionShowCard as ShowCard,
  type ActionSubmit,
  type ActionSubmit as Submit,
  type ActionToggleVisibility,
  openUrl,
  showCard,
  submit,
  type TargetElement,
  toggleVisibility,
} from "./actions.js";
export { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment, toAttachment } from "./attachment.js";
export {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type AdaptiveCardJson,
  adaptiveCard,
  cardToJson,
  DEFAULT_CARD_VERSION,
  isAdaptiveCard,
} from "./card.js";
export { type ActionSet, actionSet } from "./elements/action-set.js";
export { type Column, type ColumnSet, column, columnSet } from "./elements/column-set.js";
export type { BackgroundImage, BackgroundImageObject, ElementBase, SelectAction } from "./elements/common.js";
export { type Container, container } from "./elements/container.js";
export type { Element } from "./elements/element.js";
export { type Fact, type FactSet, fact, factSet } from "./elements/fact-set.js";
export { type Image, image } from "./elements/image.js";
export { type ImageSet, imageSet } from "./elements/image-set.js";
export { type Media, type MediaSource, media, mediaSource } from "./elements/media.js";
export { type RichTextBlock, richTextBlock, type TextRun, textRun } from "./elements/rich-text-block.js";
export { type TextBlock, textBlock } from "./elements/text-block.js";
export {
  ActionStyle,
  BlockElementHeight,
  ChoiceInputStyle,
  Colors,
  ContainerStyle,
  FontSize,
  FontType,
  FontWeight,
  HorizontalAlignment,
  ImageFillMode,
  ImageSize,
  ImageStyle,
  Spacing,
  TextInputStyle,
  VerticalContentAlignment,
} from "./enums.js";
export {
  type Choice,
  choice,
  type Input,
  type InputBase,
  type InputChoiceSet,
  type InputDate,
  type InputNumber,
  type InputText,
  type InputTime,
  type InputToggle,
  inputChoiceSet,
  inputDate,
  inputNumber,
  inputText,
  inputTime,
  inputToggle,
} from "./inputs.js";
export { type InputValue, inputsOf, type SubmittedInputs } from "./inputs-type.js";
export {
  assertValidCard,
  type CardProblem,
  type ValidateOptions,
  validateCard,
  WEBEX_MAX_ACTIONS,
  WEBEX_MAX_CARD_BYTES,
  WEBEX_MAX_VERSION,
} from "./validate.js";
