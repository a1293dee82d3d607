import { MAX_PERSON_IDS, type WebexClient } from "@wx/sdk";

/**
 * Display names, each person looked up once for the life of the page: the ids a page of messages brings
 * that are not known yet go out together in `GET /people?id=…` (85 at most per call).
 */
export class PersonNames {
  readonly #wx: WebexClient;
  readonly #byId = new Map<string, Promise<string | undefined>>();
  readonly #byEmail = new Map<string, Promise<string | undefined>>();

  constructor(wx: WebexClient) {
    this.#wx = wx;
  }

  /** The names of these people, by id; a person the API does not return (deleted, say) is left out. */
  async ofIds(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const unknown = wanted.filter((id) => !this.#byId.has(id));
    for (let start = 0; start < unknown.length; start += MAX_PERSON_IDS) {
      const batch = unknown.slice(start, start + MAX_PERSON_IDS);
      const found = this.#wx.people
        .list({ id: batch })
        .toArray()
        .then((people) => new Map(people.map((person) => [person.id, person.displayName])));
      for (const id of batch)
        this.#remember(
          this.#byId,
          id,
          found.then((names) => names.get(id)),
        );
    }
    const names = new Map<string, string>();
    for (const id of wanted) {
      const name = await this.#byId.get(id);
      if (name !== undefined) names.set(id, name);
    }
    return names;
  }

  async ofEmail(email: string): Promise<string | undefined> {
    if (!this.#byEmail.has(email)) {
      const found = this.#wx.people
        .list({ email })
        .first(1)
        .then(([person]) => person?.displayName);
      this.#remember(this.#byEmail, email, found);
    }
    return this.#byEmail.get(email);
  }

  /** A failed look-up is forgotten, so the next page asks again instead of failing for good. */
  #remember(cache: Map<string, Promise<string | undefined>>, key: string, name: Promise<string | undefined>): void {
    cache.set(key, name);
    name.catch(() => cache.delete(key));
  }
}
