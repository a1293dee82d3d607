import type { Paginated } from "@wx/core";
import type { ModelsByKind, ObjectKind } from "@wx/models";

/**
 * What your `objectFactory` returns, by kind: `{ room: MyRoom }` makes `wx.rooms.get()` resolve to a `MyRoom`.
 * A kind left out keeps its `@wx/models` type.
 */
export type ResultTypes = { readonly [K in ObjectKind]?: unknown };

/** The type a result of `kind` has under `Results`. */
export type ResultOf<Results extends ResultTypes, Kind extends ObjectKind> = Kind extends keyof Results
  ? Results[Kind]
  : ModelsByKind[Kind];

/** An API class with every model in its results replaced by the `Results` type of its kind. */
export type WithResults<Api, Results extends ResultTypes> = {
  [P in keyof Api]: Api[P] extends (...args: infer A) => infer R ? (...args: A) => Swapped<R, Results> : Api[P];
};

type Swapped<R, Results extends ResultTypes> =
  R extends Promise<infer V>
    ? Promise<SwappedValue<V, Results>>
    : R extends Paginated<infer V>
      ? Paginated<SwappedModel<V, Results>>
      : R;

type SwappedValue<V, Results extends ResultTypes> = V extends readonly (infer E)[]
  ? SwappedModel<E, Results>[]
  : SwappedModel<V, Results>;

/** A model (matched exactly, never structurally) becomes its kind's result type; anything else stays. */
type SwappedModel<V, Results extends ResultTypes> = V extends unknown
  ? [KindOf<V>] extends [never]
    ? V
    : ResultOf<Results, KindOf<V>>
  : never;

type KindOf<V> = { [K in ObjectKind]: Same<V, ModelsByKind[K]> extends true ? K : never }[ObjectKind];

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
