import type { Action } from "../actions.js";
import type { HorizontalAlignment } from "../enums.js";
import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase } from "./common.js";

/** Schema 1.2: buttons inside the body. */
export interface ActionSet extends ElementBase {
  type: "ActionSet";
  actions: readonly Action[];
  horizontalAlignment?: HorizontalAlignment;
}

export function actionSet<const P extends PropsOf<ActionSet>>(
  props: Exact<P, PropsOf<ActionSet>>,
): { type: "ActionSet" } & P {
  return { type: "ActionSet", ...(props as P) };
}
