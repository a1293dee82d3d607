/**
 * Base of every model type.
 *
 * The SDK never strips fields: everything the API returns is kept at run time, including fields
 * added after this package was published. Known fields are typed; read a newer one with
 * `obj["newField"]` (typed `unknown`, so narrow it before use).
 */
export interface Extensible {
  [key: string]: unknown;
}
