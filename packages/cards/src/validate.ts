import { isPlainObject, ValidationError } from "@wx/core";
import { DEFAULT_CARD_VERSION } from "./card.js";
import {
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

export interface CardProblem {
  /** JSON path of the offending value, e.g. `$.body[2].id`. */
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** Most buttons Webex shows in one `actions` list; default 5 (Webex "Buttons and Cards" guide). */
  maxActions?: number;
  /** Largest card JSON (UTF-8 bytes) accepted; default {@link WEBEX_MAX_CARD_BYTES}. */
  maxBytes?: number;
}

export const WEBEX_MAX_ACTIONS = 5;
/**
 * Webex documents no card size limit; about 80 KB of JSON is the figure in circulation, so this
 * default refuses what is certainly too large. Pass `maxBytes` to be stricter.
 */
export const WEBEX_MAX_CARD_BYTES = 80_000;
/** The newest schema version Webex renders. */
export const WEBEX_MAX_VERSION = "1.3";

interface TypeSpec {
  since: string;
  required: readonly string[];
}

const INPUT_TYPES = ["Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet"];
const CONTAINER_TYPES = ["Container", "Column", "ColumnSet"];
const ACTION_TYPES_LIST = ["Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility"];

const ELEMENT_TYPES: Record<string, TypeSpec> = {
  TextBlock: { since: "1.0", required: ["text"] },
  Image: { since: "1.0", required: ["url"] },
  Media: { since: "1.1", required: ["sources"] },
  RichTextBlock: { since: "1.2", required: ["inlines"] },
  Container: { since: "1.0", required: ["items"] },
  ColumnSet: { since: "1.0", required: [] },
  FactSet: { since: "1.0", required: ["facts"] },
  ImageSet: { since: "1.0", required: ["images"] },
  ActionSet: { since: "1.2", required: ["actions"] },
  "Input.Text": { since: "1.0", required: ["id"] },
  "Input.Number": { since: "1.0", required: ["id"] },
  "Input.Date": { since: "1.0", required: ["id"] },
  "Input.Time": { since: "1.0", required: ["id"] },
  "Input.Toggle": { since: "1.0", required: ["id", "title"] },
  "Input.ChoiceSet": { since: "1.0", required: ["id", "choices"] },
};

const ACTION_TYPES: Record<string, TypeSpec> = {
  "Action.OpenUrl": { since: "1.0", required: ["url"] },
  "Action.Submit": { since: "1.0", required: [] },
  "Action.ShowCard": { since: "1.0", required: ["card"] },
  "Action.ToggleVisibility": { since: "1.2", required: ["targetElements"] },
};

/** Properties (and, with `values`, property values) newer than schema 1.0. No `types` means every object. */
const PROPERTY_VERSIONS: readonly { property: string; since: string; types?: readonly string[]; values?: string[] }[] =
  [
    { property: "fallback", since: "1.2" },
    { property: "requires", since: "1.2" },
    { property: "isVisible", since: "1.2" },
    { property: "height", since: "1.1", types: Object.keys(ELEMENT_TYPES) },
    { property: "selectAction", since: "1.1" },
    { property: "iconUrl", since: "1.1" },
    { property: "style", since: "1.2", types: ACTION_TYPES_LIST },
    { property: "style", since: "1.2", types: ["ColumnSet"] },
    {
      property: "style",
      since: "1.2",
      types: ["Container", "Column"],
      values: ["good", "attention", "warning", "accent"],
    },
    { property: "minHeight", since: "1.2" },
    { property: "bleed", since: "1.2" },
    { property: "backgroundImage", since: "1.2", types: CONTAINER_TYPES },
    { property: "verticalContentAlignment", since: "1.1" },
    { property: "fontType", since: "1.2" },
    { property: "backgroundColor", since: "1.1", types: ["Image"] },
    { property: "width", since: "1.1", types: ["Image"] },
    { property: "label", since: "1.3", types: INPUT_TYPES },
    { property: "isRequired", since: "1.3", types: INPUT_TYPES },
    { property: "errorMessage", since: "1.3", types: INPUT_TYPES },
    { property: "regex", since: "1.3", types: ["Input.Text"] },
    { property: "inlineAction", since: "1.2", types: ["Input.Text"] },
    { property: "wrap", since: "1.2", types: ["Input.Toggle", "Input.ChoiceSet"] },
    { property: "associatedInputs", since: "1.3" },
    { property: "underline", since: "1.3", types: ["TextRun"] },
  ];

const values = (options: Record<string, string>): readonly string[] => Object.values(options);
const TEXT_TYPES = ["TextBlock", "TextRun"];
const ALIGNED_TYPES = ["TextBlock", "Image", "RichTextBlock", "ColumnSet", "ActionSet"];

/** Allowed values of option properties. No `types` means every object. */
const ENUM_PROPERTIES: readonly { property: string; values: readonly string[]; types?: readonly string[] }[] = [
  { property: "spacing", values: values(Spacing) },
  {
    property: "height",
    values: values(BlockElementHeight),
    types: Object.keys(ELEMENT_TYPES).filter((t) => t !== "Image"),
  },
  { property: "color", values: values(Colors), types: TEXT_TYPES },
  { property: "size", values: values(FontSize), types: TEXT_TYPES },
  { property: "weight", values: values(FontWeight), types: TEXT_TYPES },
  { property: "fontType", values: values(FontType), types: TEXT_TYPES },
  { property: "horizontalAlignment", values: values(HorizontalAlignment), types: ALIGNED_TYPES },
  { property: "size", values: values(ImageSize), types: ["Image"] },
  { property: "style", values: values(ImageStyle), types: ["Image"] },
  { property: "imageSize", values: values(ImageSize), types: ["ImageSet"] },
  { property: "style", values: values(ContainerStyle), types: CONTAINER_TYPES },
  { property: "verticalContentAlignment", values: values(VerticalContentAlignment) },
  { property: "style", values: values(TextInputStyle), types: ["Input.Text"] },
  { property: "style", values: values(ChoiceInputStyle), types: ["Input.ChoiceSet"] },
  { property: "style", values: values(ActionStyle), types: ACTION_TYPES_LIST },
  { property: "fillMode", values: values(ImageFillMode), types: ["BackgroundImage"] },
];

type Json = Record<string, unknown>;

const versionNumber = (version: string): number => {
  const [major, minor] = version.split(".").map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
};

/**
 * Every problem in a card, each with the JSON path of the value at fault; empty when the card is fine.
 * The card is checked as it would be sent: a missing `version` counts as "1.3".
 */
export function validateCard(card: unknown, options: ValidateOptions = {}): CardProblem[] {
  if (!isPlainObject(card)) return [{ path: "$", message: "a card must be an object" }];
  let text: string;
  try {
    text = JSON.stringify(card);
  } catch (error) {
    return [{ path: "$", message: `the card cannot be serialised to JSON: ${(error as Error).message}` }];
  }
  const walker = new CardWalker(card.version, options.maxActions ?? WEBEX_MAX_ACTIONS);
  walker.card(card, "$", true);
  walker.resolveToggleTargets();
  const bytes = new TextEncoder().encode(text).length;
  const maxBytes = options.maxBytes ?? WEBEX_MAX_CARD_BYTES;
  if (bytes > maxBytes) {
    walker.problems.push({
      path: "$",
      message: `the card is ${bytes} bytes of JSON; at most ${maxBytes} are accepted`,
    });
  }
  return walker.problems;
}

/** Throws a `ValidationError` (argument "attachments") listing every problem, if there is any. */
export function assertValidCard(card: unknown, options?: ValidateOptions): void {
  const problems = validateCard(card, options);
  if (problems.length === 0) return;
  const list = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
  const noun = problems.length === 1 ? "problem" : "problems";
  throw new ValidationError(`invalid adaptive card (${problems.length} ${noun}): ${list}`, {
    argument: "attachments",
    problems,
  });
}

class CardWalker {
  readonly problems: CardProblem[] = [];
  private readonly declared: string;
  private readonly ids = new Map<string, string>();
  private readonly toggleTargets: { id: string; path: string }[] = [];

  constructor(
    version: unknown,
    private readonly maxActions: number,
  ) {
    this.declared = typeof version === "string" && /^\d+\.\d+$/.test(version) ? version : DEFAULT_CARD_VERSION;
  }

  card(card: Json, path: string, topLevel: boolean): void {
    if (card.type !== "AdaptiveCard") this.problem(`${path}.type`, `expected "AdaptiveCard", got ${show(card.type)}`);
    if (topLevel) this.version(card.version, `${path}.version`);
    this.checkProperties(card, "AdaptiveCard", path);
    if (card.body !== undefined) this.list(card.body, `${path}.body`, (item, at) => this.element(item, at));
    if (card.actions !== undefined) this.actions(card.actions, `${path}.actions`);
    if (card.selectAction !== undefined) this.action(card.selectAction, `${path}.selectAction`, true);
    this.backgroundImage(card.backgroundImage, `${path}.backgroundImage`);
  }

  resolveToggleTargets(): void {
    for (const target of this.toggleTargets) {
      if (!this.ids.has(target.id)) this.problem(target.path, `no element has the id "${target.id}"`);
    }
  }

  private version(version: unknown, path: string): void {
    if (version === undefined) return;
    if (typeof version !== "string" || !/^\d+\.\d+$/.test(version)) {
      this.problem(path, `version must be a string such as "1.3", got ${show(version)}`);
    } else if (versionNumber(version) > versionNumber(WEBEX_MAX_VERSION)) {
      this.problem(path, `version ${version} is newer than Webex supports (${WEBEX_MAX_VERSION})`);
    }
  }

  private element(node: unknown, path: string): void {
    const type = this.typed(node, path, ELEMENT_TYPES, "element");
    if (type === undefined || !isPlainObject(node)) return;
    this.checkProperties(node, type, path);
    this.fallback(node.fallback, `${path}.fallback`, (item, at) => this.element(item, at));
    if (node.selectAction !== undefined) this.action(node.selectAction, `${path}.selectAction`, true);
    switch (type) {
      case "Container":
        this.list(node.items, `${path}.items`, (item, at) => this.element(item, at));
        this.backgroundImage(node.backgroundImage, `${path}.backgroundImage`);
        break;
      case "ColumnSet":
        if (node.columns !== undefined) this.list(node.columns, `${path}.columns`, (item, at) => this.column(item, at));
        break;
      case "FactSet":
        this.list(node.facts, `${path}.facts`, (item, at) => this.pair(item, at, "title", "value"));
        break;
      case "ImageSet":
        this.list(node.images, `${path}.images`, (item, at) => {
          if (isPlainObject(item) && item.type !== "Image")
            this.problem(`${at}.type`, `an ImageSet holds only Image elements`);
          else this.element(item, at);
        });
        break;
      case "ActionSet":
        this.actions(node.actions, `${path}.actions`);
        break;
      case "RichTextBlock":
        this.list(node.inlines, `${path}.inlines`, (item, at) => this.inline(item, at));
        break;
      case "Media":
        this.list(node.sources, `${path}.sources`, (item, at) => this.pair(item, at, "mimeType", "url"));
        break;
      case "Input.ChoiceSet":
        this.list(node.choices, `${path}.choices`, (item, at) => this.pair(item, at, "title", "value"));
        break;
      case "Input.Text":
        if (node.inlineAction !== undefined) this.action(node.inlineAction, `${path}.inlineAction`, true);
        break;
    }
  }

  private column(node: unknown, path: string): void {
    if (!isPlainObject(node)) {
      this.problem(path, "expected a Column object");
      return;
    }
    if (node.type !== undefined && node.type !== "Column") {
      this.problem(`${path}.type`, `expected "Column", got ${show(node.type)}`);
      return;
    }
    if (typeof node.id === "string") this.uniqueId(node.id, `${path}.id`);
    this.checkProperties(node, "Column", path);
    this.fallback(node.fallback, `${path}.fallback`, (item, at) => this.column(item, at));
    if (node.selectAction !== undefined) this.action(node.selectAction, `${path}.selectAction`, true);
    if (node.items !== undefined) this.list(node.items, `${path}.items`, (item, at) => this.element(item, at));
    this.backgroundImage(node.backgroundImage, `${path}.backgroundImage`);
  }

  private inline(node: unknown, path: string): void {
    if (typeof node === "string") return;
    if (!isPlainObject(node) || node.type !== "TextRun") {
      this.problem(path, "a RichTextBlock holds only TextRun objects and strings");
      return;
    }
    this.required(node, ["text"], path);
    this.checkProperties(node, "TextRun", path);
    if (node.selectAction !== undefined) this.action(node.selectAction, `${path}.selectAction`, true);
  }

  private actions(list: unknown, path: string): void {
    this.list(list, path, (item, at) => this.action(item, at, false));
    if (Array.isArray(list) && list.length > this.maxActions) {
      this.problem(path, `${list.length} actions; Webex shows at most ${this.maxActions}`);
    }
  }

  private action(node: unknown, path: string, asSelectAction: boolean): void {
    const type = this.typed(node, path, ACTION_TYPES, "action");
    if (type === undefined || !isPlainObject(node)) return;
    if (asSelectAction && type === "Action.ShowCard") {
      this.problem(`${path}.type`, "Action.ShowCard cannot be used here (only as a button)");
    }
    this.checkProperties(node, type, path);
    this.fallback(node.fallback, `${path}.fallback`, (item, at) => this.action(item, at, asSelectAction));
    if (type === "Action.ShowCard" && isPlainObject(node.card)) this.card(node.card, `${path}.card`, false);
    if (type === "Action.ShowCard" && node.card !== undefined && !isPlainObject(node.card)) {
      this.problem(`${path}.card`, "expected an AdaptiveCard object");
    }
    if (type === "Action.ToggleVisibility") {
      this.list(node.targetElements, `${path}.targetElements`, (target, at) => {
        const id = isPlainObject(target) ? target.elementId : target;
        if (typeof id === "string") this.toggleTargets.push({ id, path: at });
        else this.problem(at, "expected an element id or { elementId }");
      });
    }
  }

  /** Checks `type`, version and required fields; returns the type when it is known. */
  private typed(node: unknown, path: string, specs: Record<string, TypeSpec>, kind: string): string | undefined {
    if (!isPlainObject(node)) {
      this.problem(path, `expected an ${kind} object, got ${show(node)}`);
      return undefined;
    }
    const type = node.type;
    if (type === undefined) {
      this.problem(path, `missing required field "type"`);
      return undefined;
    }
    const spec = typeof type === "string" ? specs[type] : undefined;
    if (spec === undefined) {
      const hint =
        kind === "element" && typeof type === "string" && type in ACTION_TYPES ? " (put actions in an ActionSet)" : "";
      this.problem(`${path}.type`, `unknown ${kind} type ${show(type)}${hint}`);
      return undefined;
    }
    this.since(spec.since, `${path}.type`, `${type}`);
    this.required(node, spec.required, path);
    if (typeof node.id === "string") this.uniqueId(node.id, `${path}.id`);
    else if (node.id !== undefined) this.problem(`${path}.id`, `id must be a string, got ${show(node.id)}`);
    return type as string;
  }

  private required(node: Json, fields: readonly string[], path: string): void {
    for (const field of fields) {
      if (node[field] === undefined || node[field] === null) this.problem(path, `missing required field "${field}"`);
      else if (field === "id" && node[field] === "") this.problem(`${path}.id`, "id must not be empty");
    }
  }

  private uniqueId(id: string, path: string): void {
    const first = this.ids.get(id);
    if (first === undefined) this.ids.set(id, path);
    else this.problem(path, `duplicate id "${id}" (first used at ${first})`);
  }

  private checkProperties(node: Json, type: string, path: string): void {
    for (const rule of PROPERTY_VERSIONS) {
      const value = node[rule.property];
      if (value === undefined || (rule.types && !rule.types.includes(type))) continue;
      if (rule.values && !rule.values.includes(value as string)) continue;
      const what = rule.values ? `${rule.property} "${value}"` : `"${rule.property}"`;
      this.since(rule.since, `${path}.${rule.property}`, `${what} on ${type}`);
    }
    for (const rule of ENUM_PROPERTIES) {
      const value = node[rule.property];
      if (value === undefined || (rule.types && !rule.types.includes(type))) continue;
      if (!rule.values.includes(value as string)) {
        this.problem(`${path}.${rule.property}`, `${show(value)} is not one of ${rule.values.join(", ")}`);
      }
    }
  }

  private since(since: string, path: string, what: string): void {
    if (versionNumber(since) > versionNumber(this.declared)) {
      this.problem(path, `${what} needs schema ${since}; the card declares ${this.declared}`);
    }
  }

  private fallback(value: unknown, path: string, check: (node: unknown, path: string) => void): void {
    if (value === undefined || value === "drop") return;
    check(value, path);
  }

  private backgroundImage(value: unknown, path: string): void {
    if (value === undefined || typeof value === "string") return;
    if (!isPlainObject(value)) {
      this.problem(path, "expected a URL or { url }");
      return;
    }
    this.required(value, ["url"], path);
    this.checkProperties(value, "BackgroundImage", path);
  }

  private pair(node: unknown, path: string, first: string, second: string): void {
    if (!isPlainObject(node)) {
      this.problem(path, `expected an object with ${first} and ${second}`);
      return;
    }
    for (const field of [first, second]) {
      if (typeof node[field] !== "string") {
        this.problem(
          path,
          node[field] === undefined ? `missing required field "${field}"` : `${field} must be a string`,
        );
      }
    }
  }

  private list(value: unknown, path: string, check: (item: unknown, path: string) => void): void {
    if (value === undefined) return; // a missing required list is reported by `required`
    if (!Array.isArray(value)) {
      this.problem(path, `expected an array, got ${show(value)}`);
      return;
    }
    for (const [index, item] of value.entries()) check(item, `${path}[${index}]`);
  }

  private problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
