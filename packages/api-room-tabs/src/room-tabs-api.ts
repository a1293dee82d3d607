import {
  type CallOptions,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { RoomTab } from "@wx/models";

export interface RoomTabListFilters {
  /** Required: the room whose tabs are listed. */
  roomId: string;
  /** Page size; the service takes it though the spec lists none. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoomTabListFilters, QueryValue>;
}

export interface RoomTabFields {
  /** The room the tab is in (on update: the room that already holds it). */
  roomId: string;
  /** The page the tab shows; must be an `https` URL. */
  contentUrl: string;
  /** The tab's name. */
  displayName: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoomTabFields>;
}

/** Room tabs: `GET/POST /room/tabs`, `GET/PUT/DELETE /room/tabs/{id}`. */
export class RoomTabsApi {
  readonly #tabs: Resource<RoomTab>;

  constructor(session: Session) {
    this.#tabs = new Resource<RoomTab>(session, "room/tabs", "roomTab", "roomTabId");
  }

  /** The tabs of a room, lazily paged. */
  list(filters: RoomTabListFilters, options?: CallOptions): Paginated<RoomTab> {
    requireString("roomId", filters?.roomId);
    return this.#tabs.list(filters, options);
  }

  async create(fields: RoomTabFields, options?: CallOptions): Promise<RoomTab> {
    checkFields(fields);
    return this.#tabs.create(fields, options);
  }

  async get(roomTabId: string, options?: CallOptions): Promise<RoomTab> {
    return this.#tabs.get(roomTabId, options);
  }

  /** Replaces the tab's URL and name; all three fields are required, as on create. */
  async update(roomTabId: string, fields: RoomTabFields, options?: CallOptions): Promise<RoomTab> {
    this.#tabs.itemPath(roomTabId);
    checkFields(fields);
    return this.#tabs.update(roomTabId, fields, options);
  }

  async delete(roomTabId: string, options?: CallOptions): Promise<void> {
    return this.#tabs.delete(roomTabId, options);
  }
}

function checkFields(fields: RoomTabFields): void {
  requireString("roomId", fields?.roomId);
  requireString("contentUrl", fields.contentUrl);
  requireString("displayName", fields.displayName);
  if (!URL.canParse(fields.contentUrl) || new URL(fields.contentUrl).protocol !== "https:") {
    throw new ValidationError(
      `contentUrl must be an https URL, got ${JSON.stringify(fields.contentUrl.slice(0, 80))}`,
      {
        argument: "contentUrl",
      },
    );
  }
}
