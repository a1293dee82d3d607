// Type-level comparison of a hand-written model with the generated type of its spec schema(s) (@wx/openapi).

/** The fields of an object type, without the index signature every model has from `Extensible`. */
export type FieldsOf<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: true;
};

/**
 * A field's type as compared: optionality and null left out (the messaging spec marks no field required, the
 * models follow the live API), objects by their fields, deeply; strings, numbers, booleans and their unions as
 * they are.
 */
export type Shape<T> = T extends string | number | boolean | null | undefined
  ? Exclude<T, null | undefined>
  : T extends readonly (infer Item)[]
    ? Shape<Item>[]
    : T extends object
      ? { [K in FieldsOf<T>]-?: Shape<T[K & keyof T]> }
      : T;

type Scalar = string | number | boolean;

/** Two spec schemas a model merges (say Message and ListMessage): every field of either, objects merged deeply. */
export type Merged<A, B> = {
  [K in keyof A | keyof B]?: MergedValue<K extends keyof A ? A[K] : never, K extends keyof B ? B[K] : never>;
};

type MergedValue<A, B> = [A] extends [never]
  ? B
  : [B] extends [never]
    ? A
    : NonNullable<A> extends Scalar
      ? A | B
      : NonNullable<B> extends Scalar
        ? A | B
        : NonNullable<A> extends readonly (infer X)[]
          ? NonNullable<B> extends readonly (infer Y)[]
            ? MergedValue<X, Y>[]
            : A | B
          : Merged<NonNullable<A>, NonNullable<B>>;

/** Whether two shapes agree: each assignable to the other (same fields, same scalar types and enum values). */
export type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** How a model and its spec type differ: fields only one of them has, and common fields whose types differ. */
export interface Agreement<Model, Spec> {
  onlyInModel: Exclude<FieldsOf<Model>, FieldsOf<Spec>>;
  onlyInSpec: Exclude<FieldsOf<Spec>, FieldsOf<Model>>;
  typeDiffers: {
    [K in FieldsOf<Model> & FieldsOf<Spec>]: Agrees<
      Shape<Model[K & keyof Model]>,
      Shape<Spec[K & keyof Spec]>
    > extends true
      ? never
      : K;
  }[FieldsOf<Model> & FieldsOf<Spec>];
}
