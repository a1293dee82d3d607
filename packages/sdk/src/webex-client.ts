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
import type { ResultTypes, WithResults } from "./typed-results.js";

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

/**
 * One client for the Webex messaging and meetings APIs: every resource over one shared `Session`. With an
 * `objectFactory`, name what it returns per kind, `new WebexClient<{ room: MyRoom }>({ objectFactory })`, and
 * the methods return those types (the kinds left out keep their `@wx/models` types).
 */
export class WebexClient<Results extends ResultTypes = Record<never, never>> {
  /** The session every resource uses; call endpoints the SDK does not wrap yet with `session.request`/`paginate`. */
  readonly session: Session;
  readonly accessTokens: WithResults<AccessTokensApi, Results>;
  readonly adminAuditEvents: WithResults<AdminAuditEventsApi, Results>;
  readonly attachmentActions: WithResults<AttachmentActionsApi, Results>;
  readonly events: WithResults<EventsApi, Results>;
  readonly guestIssuer: WithResults<GuestIssuerApi, Results>;
  readonly licenses: WithResults<LicensesApi, Results>;
  readonly meetingInvitees: WithResults<MeetingInviteesApi, Results>;
  readonly meetingRegistrants: WithResults<MeetingRegistrantsApi, Results>;
  readonly meetings: WithResults<MeetingsApi, Results>;
  readonly meetingTemplates: WithResults<MeetingTemplatesApi, Results>;
  readonly memberships: WithResults<MembershipsApi, Results>;
  readonly messages: WithResults<MessagesApi, Results>;
  readonly organizations: WithResults<OrganizationsApi, Results>;
  readonly people: WithResults<PeopleApi, Results>;
  readonly recordings: WithResults<RecordingsApi, Results>;
  readonly roles: WithResults<RolesApi, Results>;
  readonly rooms: WithResults<RoomsApi, Results>;
  readonly roomTabs: WithResults<RoomTabsApi, Results>;
  readonly teamMemberships: WithResults<TeamMembershipsApi, Results>;
  readonly teams: WithResults<TeamsApi, Results>;
  readonly webhooks: WithResults<WebhooksApi, Results>;

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
    // The factory's results are the caller's to name (see `ResultTypes`); at run time each API is unchanged.
    const typed = <Api>(api: Api) => api as unknown as WithResults<Api, Results>;
    this.accessTokens = typed(new AccessTokensApi(session));
    this.adminAuditEvents = typed(new AdminAuditEventsApi(session));
    this.attachmentActions = typed(new AttachmentActionsApi(session));
    this.events = typed(new EventsApi(session));
    this.guestIssuer = typed(new GuestIssuerApi(session));
    this.licenses = typed(new LicensesApi(session));
    this.meetingInvitees = typed(new MeetingInviteesApi(session));
    this.meetingRegistrants = typed(new MeetingRegistrantsApi(session));
    this.meetings = typed(new MeetingsApi(session));
    this.meetingTemplates = typed(new MeetingTemplatesApi(session));
    this.memberships = typed(new MembershipsApi(session));
    this.messages = typed(new MessagesApi(session));
    this.organizations = typed(new OrganizationsApi(session));
    this.people = typed(new PeopleApi(session));
    this.recordings = typed(new RecordingsApi(session));
    this.roles = typed(new RolesApi(session));
    this.rooms = typed(new RoomsApi(session));
    this.roomTabs = typed(new RoomTabsApi(session));
    this.teamMemberships = typed(new TeamMembershipsApi(session));
    this.teams = typed(new TeamsApi(session));
    this.webhooks = typed(new WebhooksApi(session));
  }

  /** Signs in with an authorization code; the client refreshes its token from then on. */
  static async fromOAuthCode<Results extends ResultTypes = Record<never, never>>(
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
    return WebexClient.#withTokens<Results>(rest, tokens, onTokens);
  }

  /** Starts from a stored refresh token; the client refreshes its token from then on. */
  static async fromOAuthRefresh<Results extends ResultTypes = Record<never, never>>(
    options: OAuthClientOptions & { refreshToken: string },
  ) {
    const { refreshToken: stored, onTokens, ...rest } = options;
    const tokens = await refreshToken({
      ...connectionOf(rest),
      clientId: rest.clientId,
      clientSecret: rest.clientSecret,
      refreshToken: stored,
    });
    await onTokens?.(tokens);
    return WebexClient.#withTokens<Results>(rest, tokens, onTokens);
  }

  static #withTokens<Results extends ResultTypes>(
    options: Omit<OAuthClientOptions, "onTokens">,
    tokens: OAuthTokens,
    onTokens: OAuthClientOptions["onTokens"],
  ): WebexClient<Results> {
    const { clientId, clientSecret, redirectUri: _redirectUri, ...sessionOptions } = options;
    const accessToken = createRefreshingTokenProvider({
      ...connectionOf(options),
      clientId,
      clientSecret,
      tokens,
      onTokens,
    });
    return new WebexClient<Results>({ ...sessionOptions, accessToken });
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
