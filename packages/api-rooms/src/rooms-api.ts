import {
  type CallOptions,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireString,
  type Session,
} from "@wx/core";
import type { Room, RoomMeetingInfo, RoomSortBy, RoomType } from "@wx/models";

export interface RoomListFilters {
  /** Only rooms of this team. */
  teamId?: string;
  type?: RoomType;
  sortBy?: RoomSortBy;
  /** Page size (default 100), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoomListFilters, QueryValue>;
}

export interface RoomCreateFields {
  title: string;
  teamId?: string;
  classificationId?: string;
  isLocked?: boolean;
  /** Requires `description`. */
  isPublic?: boolean;
  description?: string;
  /** The room must be locked. */
  isAnnouncementOnly?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoomCreateFields>;
}

export interface RoomUpdateFields {
  title: string;
  classificationId?: string;
  /** Only for a room not yet in a team. */
  teamId?: string;
  isLocked?: boolean;
  isPublic?: boolean;
  /** A single space clears it. */
  description?: string;
  isAnnouncementOnly?: boolean;
  isReadOnly?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoomUpdateFields>;
}

/** Rooms (spaces): `GET/POST /rooms`, `GET/PUT/DELETE /rooms/{roomId}`, `GET /rooms/{roomId}/meetingInfo`. */
export class RoomsApi {
  readonly #rooms: Resource<Room>;

  constructor(session: Session) {
    this.#rooms = new Resource<Room>(session, "rooms", "room", "roomId", 1000);
  }

  /** Rooms the caller belongs to, lazily paged. */
  list(filters: RoomListFilters = {}, options?: CallOptions): Paginated<Room> {
    return this.#rooms.list({ max: 100, ...filters }, options);
  }

  async create(fields: RoomCreateFields, options?: CallOptions): Promise<Room> {
    requireString("title", fields?.title);
    return this.#rooms.create(fields, options);
  }

  async get(roomId: string, options?: CallOptions): Promise<Room> {
    return this.#rooms.get(roomId, options);
  }

  async getMeetingInfo(roomId: string, options?: CallOptions): Promise<RoomMeetingInfo> {
    const path = this.#rooms.itemPath(roomId, "/meetingInfo");
    return this.#rooms.session
      .request({ ...options, path })
      .then((json) => this.#rooms.wrap<RoomMeetingInfo>(json, "roomMeetingInfo"));
  }

  async update(roomId: string, fields: RoomUpdateFields, options?: CallOptions): Promise<Room> {
    requireString("title", fields?.title);
    return this.#rooms.update(roomId, fields, options);
  }

  async delete(roomId: string, options?: CallOptions): Promise<void> {
    return this.#rooms.delete(roomId, options);
  }
}
