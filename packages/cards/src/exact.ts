/** `P` with every key that `Shape` does not know typed `never`, so a misspelt property fails to compile. */
export type Exact<P, Shape> = P & { [K in Exclude<keyof P, keyof Shape>]: never };

/** The fields a builder takes: the element without its `type`. */
export type PropsOf<T> = Omit<T, "type">;
