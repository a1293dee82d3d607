// Types only: nothing here exists at run time.
export type {
  components as AdminComponents,
  operations as AdminOperations,
  paths as AdminPaths,
} from "./generated/admin.js";
export type {
  components as MeetingComponents,
  operations as MeetingOperations,
  paths as MeetingPaths,
} from "./generated/meeting.js";
export type {
  components as MessagingComponents,
  operations as MessagingOperations,
  paths as MessagingPaths,
} from "./generated/messaging.js";
export type { AdminRoutes, MeetingRoutes, MessagingRoutes, Route, RoutesOf, WebexRoutes } from "./routes.js";
