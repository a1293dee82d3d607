import { oauthRoutes } from "../oauth.js";
import type { Route } from "../route.js";
import { adminRoutes } from "./admin.js";
import { attachmentActionRoutes } from "./attachment-actions.js";
import { membershipRoutes } from "./memberships.js";
import { messageRoutes } from "./messages.js";
import { peopleRoutes } from "./people.js";
import { roomRoutes } from "./rooms.js";
import { teamRoutes } from "./teams.js";
import { webhookRoutes } from "./webhooks.js";

/** Every route under /v1/; within a resource, literal paths come before `:id` ones. */
export const allRoutes: Route[] = [
  ...peopleRoutes,
  ...roomRoutes,
  ...messageRoutes,
  ...membershipRoutes,
  ...teamRoutes,
  ...webhookRoutes,
  ...attachmentActionRoutes,
  ...adminRoutes,
  ...oauthRoutes,
];
