import type { Exact, PropsOf } from "../exact.js";
import type { ElementBase } from "./common.js";

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: "FactSet";
  facts: readonly Fact[];
}

export function fact(title: string, value: string): Fact {
  return { title, value };
}

export function factSet<const P extends PropsOf<FactSet>>(props: Exact<P, PropsOf<FactSet>>): { type: "FactSet" } & P {
  return { type: "FactSet", ...(props as P) };
}
