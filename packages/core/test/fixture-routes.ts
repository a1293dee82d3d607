// A small route map in the shape @wx/openapi's WebexRoutes has, so core's route typing is tested without the
// specs (packages/openapi/test/ checks the real map against the built @wx/core). Importing any type from here
// brings the augmentation into the program.
export interface Room {
  id: string;
  title: string;
}
interface FixtureRoutes {
  "GET /rooms/{roomId}": { params: { roomId: string }; query: object; body: never; response: Room };
  "GET /rooms": { params: object; query: { teamId?: string; max?: number }; body: never; response: { items?: Room[] } };
  "GET /meetingInvitees": {
    params: object;
    query: { meetingId: string; max?: number };
    body: never;
    response: { items?: { email: string }[] };
  };
  "POST /rooms": { params: object; query: object; body: { title: string; teamId?: string }; response: Room };
  "PUT /rooms/{roomId}": { params: { roomId: string }; query: object; body: { title: string }; response: Room };
  "GET /people/me": { params: object; query: object; body: never; response: { id: string } };
  "POST /people/{personId}/notes": {
    params: { personId: string };
    query: object;
    body: { note?: string } | undefined;
    response: undefined;
  };
}
declare module "../src/route-types.js" {
  interface Routes extends FixtureRoutes {}
}
