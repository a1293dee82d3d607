/**
 * Every way a model differs from the generated type of its spec schema (@wx/openapi), with the reason: fields only
 * the model has, fields only the spec has, and common fields whose types differ (optionality aside). The type test
 * (spec-agreement.test.ts) fails on any difference not listed here, and on a listed one that is gone.
 */
export const KNOWN_DIFFERENCES = {
  Person: {
    typeDiffers: {
      phoneNumbers: "the model's `type` is any string; the spec enumerates work, work_extension, mobile and fax",
      sipAddresses: "the model's `type` is any string; the spec enumerates personal-room, enterprise and cloud-calling",
      invitePending: 'the spec says the strings "true" and "false"; the model also takes a boolean',
      loginEnabled: 'as invitePending: "true" | "false" | boolean',
    },
  },
  Team: {
    onlyInModel: { creatorId: "sent by the live API and read by the Python SDK; not in the spec" },
  },
  Webhook: {
    onlyInModel: {
      orgId: "sent by the live API and read by the Python SDK; not in the spec",
      createdBy: "sent by the live API and read by the Python SDK; not in the spec",
      appId: "sent by the live API and read by the Python SDK; not in the spec",
    },
    typeDiffers: {
      resource:
        "the spec's Webhook says any string; the model narrows to the resources of its create request (and all)",
      event: "as resource: the create request's events (and all)",
      ownedBy: "the spec says any string; the model narrows to creator and org",
    },
  },
  AttachmentAction: {
    typeDiffers: {
      inputs: "the card's own input names: the spec's object holds its sample card's (Name, Url, Email, Tel)",
    },
  },
  Event: {
    typeDiffers: {
      data: "what the event is about (a message, membership, meeting, call…) as an open record; the spec lists the union of every resource's fields",
    },
  },
  AdminAuditEvent: {
    onlyInModel: { orgId: "read by the Python SDK; the spec's field is actorOrgId (which the model has too)" },
    typeDiffers: { data: "its adminRoles (see AdminAuditEventData)" },
  },
  AdminAuditEventData: {
    typeDiffers: {
      adminRoles: "any role names; the spec's enum lists only User, Full_Admin and id_full_admin",
    },
  },
  License: {
    typeDiffers: {
      users:
        "open records: the spec's user objects (email, id, type, displayName) are typed only with includeAssignedTo",
    },
  },
  MeetingSettings: {
    onlyInSpec: { sendEmail: "a request flag, not a setting: the SDK's update and patch options add it" },
  },
  MeetingDraft: {
    typeDiffers: {
      registration:
        "reuses the read model MeetingRegistration, whose questions, options have ids and rules an order; a create request sends none (all optional)",
      simultaneousInterpretation: "reuses the read model, whose interpreters have an id; a create request sends none",
    },
  },
  MeetingTemplate: {
    typeDiffers: {
      meeting: "a MeetingDraft, so it can be passed to meetings.create: its registration and interpretation as there",
    },
  },
} as const satisfies Record<string, Differences>;

interface Differences {
  onlyInModel?: Record<string, string>;
  onlyInSpec?: Record<string, string>;
  typeDiffers?: Record<string, string>;
}

type Keys<D, Kind extends keyof Differences> = D extends { [K in Kind]: infer Fields } ? keyof Fields : never;

/** What `Agreement` must be for the model `Name`: exactly the differences listed for it (none when absent). */
export type Listed<Name extends string> = Name extends keyof typeof KNOWN_DIFFERENCES
  ? {
      onlyInModel: Keys<(typeof KNOWN_DIFFERENCES)[Name], "onlyInModel">;
      onlyInSpec: Keys<(typeof KNOWN_DIFFERENCES)[Name], "onlyInSpec">;
      typeDiffers: Keys<(typeof KNOWN_DIFFERENCES)[Name], "typeDiffers">;
    }
  : { onlyInModel: never; onlyInSpec: never; typeDiffers: never };
