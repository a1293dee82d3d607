// The names a README snippet may use without declaring them: what the reader already has at hand where the
// snippet would go (an id from an earlier call, the webhook delivery being handled, the app's database), typed
// as they would be. Everything else a snippet uses it must import or declare, as user code would.
// To add one: a `declare const` here, typed as precisely as a reader would have it. A snippet's own
// declarations shadow these.

// Ids from earlier calls.
declare const roomId: string;
declare const messageId: string;
declare const personId: string;
declare const teamId: string;
declare const orgId: string;
declare const eventId: string;
declare const licenseId: string;
declare const roleId: string;

// Values from earlier in the reader's program.
declare const wx: import("@wx/sdk").WebexClient;
declare const room: import("@wx/models").Room;
declare const card: import("@wx/cards").AdaptiveCardJson;
declare const buffer: Buffer;

// Inside a webhook handler: the delivery, the request it came in and its raw body.
declare const event: import("@wx/models").WebhookEvent;
declare const req: import("node:http").IncomingMessage;
declare const request: Request;
declare const rawBody: Uint8Array;
declare const secret: string;
declare const onEvent: (event: import("@wx/models").WebhookEvent) => Promise<void>;

// An OAuth integration: its credentials, the callback's query, and where the app keeps a user's tokens.
declare const clientId: string;
declare const clientSecret: string;
declare const redirectUri: string;
declare const code: string;
declare const codeChallenge: string;
declare const refreshToken: string;
declare const tokens: import("@wx/oauth").StoredTokens;
declare const query: { code?: string; state?: string };
declare const userId: string;
declare const db: {
  saveTokens(userId: string, tokens: import("@wx/oauth").OAuthTokens): Promise<void>;
  loadTokens(userId: string): Promise<import("@wx/oauth").StoredTokens>;
};
declare const save: (tokens: import("@wx/oauth").OAuthTokens) => Promise<void>;
