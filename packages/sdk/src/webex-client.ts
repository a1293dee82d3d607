import { AdminAuditEventsApi } from "@wx/api-admin-audit-events";
import { AttachmentActionsApi } from "@wx/api-attachment-actions";
import { EventsApi } from "@wx/api-events";
import { LicensesApi } from "@wx/api-licenses";
import { MeetingInviteesApi } from "@wx/api-meeting-invitees";
import { MeetingRegistrantsApi } from "@wx/api-meeting-registrants";
import { MeetingTemplatesApi } from "@wx/api-meeting-templates";
import { MeetingsApi } from "@wx/api-meetings";
import { MembershipsApi } from "@wx/api-memberships";
import { MessagesApi } from "@wx/api-messages";
import { OrganizationsApi } from "@wx/api-organizations";
import { PeopleApi } from "@wx/api-people";
import { RecordingsApi } from "@wx/api-recordings";
import { RolesApi } from "@wx/api-roles";
import { RoomTabsApi } from "@wx/api-room-tabs";
import { RoomsApi } from "@wx/api-rooms";
import { TeamMembershipsApi } from "@wx/api-team-memberships";
import { TeamsApi } from "@wx/api-teams";
import { WebhooksApi } from "@wx/api-webhooks";
import { Session, type ObjectFactory as SessionObjectFactory, type SessionOptions } from "@wx/core";
import type { ObjectFactory } from "@wx/models";
import {
  AccessTokensApi,
  createRefreshingTokenProvider,
  exchangeCode,
  GuestIssuerApi,
  type OAuthTokens,
  refreshToken,
} from "@wx/oauth";
import { tokenFromOAuthCode } from "./oauth-code-token.js";

export interface WebexClientOptions extends Omit<SessionOptions, "objectFactory"> {
  /** Wraps each result; `kind` is one of the model names (`room`, `message`, `accessToken`, …). */
  objectFactory?: ObjectFactory;
  /** With `clientSecret`, `oauthCode` and `redirectUri` and no `accessToken`: sign in with the code (as the Python SDK does). */
  clientId?: string;
  clientSecret?: string;
  oauthCode?: string;
  redirectUri?: string;
  /** With the OAuth code options: called with the first tokens and every refresh, so you can persist them. */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
}

/**
 * Options of `fromOAuthCode` / `fromOAuthRefresh`: the client's options with the integration's credentials.
 * @inline
 */
export interface OAuthClientOptions extends Omit<WebexClientOptions, "accessToken" | "oauthCode"> {
  clientId: string;
  clientSecret: string;
}

/** One client for the Webex messaging and meetings APIs: every resource over one shared `Session`. */
export class WebexClient {
  /** The session every resource uses; call endpoints the SDK does not wrap yet with `session.request`/`paginate`. */
  readonly session: Session;
  readonly accessTokens: AccessTokensApi;
  readonly adminAuditEvents: AdminAuditEventsApi;
  readonly attachmentActions: AttachmentActionsApi;
  readonly events: EventsApi;
  readonly guestIssuer: GuestIssuerApi;
  readonly licenses: LicensesApi;
  readonly meetingInvitees: MeetingInviteesApi;
  readonly meetingRegistrants: MeetingRegistrantsApi;
  readonly meetings: MeetingsApi;
  readonly meetingTemplates: MeetingTemplatesApi;
  readonly memberships: MembershipsApi;
  readonly messages: MessagesApi;
  readonly organizations: OrganizationsApi;
  readonly people: PeopleApi;
  readonly recordings: RecordingsApi;
  readonly roles: RolesApi;
  readonly rooms: RoomsApi;
  readonly roomTabs: RoomTabsApi;
  readonly teamMemberships: TeamMembershipsApi;
  readonly teams: TeamsApi;
  readonly webhooks: WebhooksApi;

  constructor(options: WebexClientOptions = {}) {
    const { clientId, clientSecret, oauthCode, redirectUri, onTokens, ...sessionOptions } = options;
    const accessToken =
      sessionOptions.accessToken ??
      (clientId && clientSecret && oauthCode && redirectUri
        ? tokenFromOAuthCode({
            ...connectionOf(sessionOptions),
            clientId,
            clientSecret,
            code: oauthCode,
            redirectUri,
            onTokens,
          })
        : undefined);
    // Core's factory takes any kind string; every kind the resources pass is an ObjectKind.
    const objectFactory = sessionOptions.objectFactory as SessionObjectFactory | undefined;
    const session = new Session({ ...sessionOptions, accessToken, objectFactory });
    this.session = session;
    this.accessTokens = new AccessTokensApi(session);
    this.adminAuditEvents = new AdminAuditEventsApi(session);
    this.attachmentActions = new AttachmentActionsApi(session);
    this.events = new EventsApi(session);
    this.guestIssuer = new GuestIssuerApi(session);
    this.licenses = new LicensesApi(session);
    this.meetingInvitees = new MeetingInviteesApi(session);
    this.meetingRegistrants = new MeetingRegistrantsApi(session);
    this.meetings = new MeetingsApi(session);
    this.meetingTemplates = new MeetingTemplatesApi(session);
    this.memberships = new MembershipsApi(session);
    this.messages = new MessagesApi(session);
    this.organizations = new OrganizationsApi(session);
    this.people = new PeopleApi(session);
    this.recordings = new RecordingsApi(session);
    this.roles = new RolesApi(session);
    this.rooms = new RoomsApi(session);
    this.roomTabs = new RoomTabsApi(session);
    this.teamMemberships = new TeamMembershipsApi(session);
    this.teams = new TeamsApi(session);
    this.webhooks = new WebhooksApi(session);
  }

  /** Signs in with an authorization code; the client refreshes its token from then on. */
  static async fromOAuthCode(
    options: OAuthClientOptions & { code: string; redirectUri: string; codeVerifier?: string },
  ) {
    const { code, codeVerifier, onTokens, ...rest } = options;
    const tokens = await exchangeCode({
      ...connectionOf(rest),
      clientId: rest.clientId,
      clientSecret: rest.clientSecret,
      code,
      redirectUri: rest.redirectUri,
      codeVerifier,
    });
    await onTokens?.(tokens);
    return WebexClient.#withTokens(rest, tokens, onTokens);
  }

  /** Starts from a stored refresh token; the client refreshes its token from then on. */
  static async fromOAuthRefresh(options: OAuthClientOptions & { refreshToken: string }) {
    const { refreshToken: stored, onTokens, ...rest } = options;
    const tokens = await refreshToken({
      ...connectionOf(rest),
      clientId: rest.clientId,
      clientSecret: rest.clientSecret,
      refreshToken: stored,
    });
    await onTokens?.(tokens);
    return WebexClient.#withTokens(rest, tokens, onTokens);
  }

  static #withTokens(
    options: Omit<OAuthClientOptions, "onTokens">,
    tokens: OAuthTokens,
    onTokens: OAuthClientOptions["onTokens"],
  ): WebexClient {
    const { clientId, clientSecret, redirectUri: _redirectUri, ...sessionOptions } = options;
    const accessToken = createRefreshingTokenProvider({
      ...connectionOf(options),
      clientId,
      clientSecret,
      tokens,
      onTokens,
    });
    return new WebexClient({ ...sessionOptions, accessToken });
  }

  /** Releases the sockets. */
  close(): Promise<void> {
    return this.session.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** The session options that also apply to the OAuth token calls. */
function connectionOf(options: WebexClientOptions): Omit<SessionOptions, "accessToken" | "objectFactory"> {
  const { accessToken: _token, objectFactory: _factory, ...connection } = options;
  return connection;
}
