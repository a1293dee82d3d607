import { mergeExtra } from "./extra.js";
import type { CallOptions } from "./options.js";
import type { Paginated } from "./paginated.js";
import { plainJson, type Session } from "./session.js";
import type { Query } from "./url.js";
import { pathSegment } from "./url.js";

type Json = Record<string, unknown>;

/**
 * The plumbing every resource shares: list/get/create/update/delete on `basePath`, ids checked and
 * URL-encoded, results passed through the session's object factory as `kind`. A query or body's `extra` member
 * (see `Extra`) is merged in beside the known fields.
 */
export class Resource<T> {
  constructor(
    readonly session: Session,
    readonly basePath: string,
    readonly kind: string,
    /** The id's argument name in errors, e.g. `roomId`. */
    readonly idName: string,
    /** The endpoint's largest page (`max`), from its spec; a larger `max` is refused before sending. */
    readonly maxPageSize?: number | ((query: Query) => number),
  ) {}

  list(filters: object = {}, options?: CallOptions): Paginated<T> {
    const query = mergeExtra(filters) as Query;
    const maxPageSize = typeof this.maxPageSize === "function" ? this.maxPageSize(query) : this.maxPageSize;
    const list = this.session.paginate<Json>(this.basePath, query, { ...options, maxPageSize });
    return (this.session.objectFactory === plainJson ? list : list.map((json) => this.wrap(json))) as Paginated<T>;
  }

  async get(id: string, options?: CallOptions, query?: object): Promise<T> {
    const path = this.itemPath(id);
    return this.wrap(await this.session.request({ ...options, method: "GET", path, query: queryOf(query) }));
  }

  async create(json: object, options?: CallOptions, expectedStatus?: number | readonly number[]): Promise<T> {
    const path = this.basePath;
    return this.wrap(
      await this.session.request({ ...options, method: "POST", path, json: bodyOf(json), expectedStatus }),
    );
  }

  async update(id: string, json: object, options?: CallOptions): Promise<T> {
    const path = this.itemPath(id);
    return this.wrap(await this.session.request({ ...options, method: "PUT", path, json: bodyOf(json) }));
  }

  async delete(id: string, options?: CallOptions): Promise<void> {
    await this.session.request({ ...options, method: "DELETE", path: this.itemPath(id) });
  }

  /** `basePath/<encoded id>`, after checking the id is a non-empty string and not `.` or `..`. */
  itemPath(id: string, suffix = ""): string {
    return `${this.basePath}/${pathSegment(this.idName, id)}${suffix}`;
  }

  wrap<R = T>(json: unknown, kind: string = this.kind): R {
    return this.session.objectFactory(kind, json as Json) as R;
  }
}

/** A query with its `extra` merged in (see `mergeExtra`). */
export function queryOf(query: object | undefined): Query | undefined {
  return query === undefined ? undefined : (mergeExtra(query) as Query);
}

/** A JSON body with its `extra` merged in and `undefined` values left out. */
export function bodyOf(fields: object): Record<string, unknown> {
  return compact(mergeExtra(fields));
}

/** A copy without `undefined` values (so they are not sent as null). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
