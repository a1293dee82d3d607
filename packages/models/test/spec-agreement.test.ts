import { describe, expect, expectTypeOf, it } from "vitest";
// By path, not as a dependency: @wx/openapi tests against @wx/sdk, which depends on this package.
import type { AdminComponents, MeetingComponents, MessagingComponents } from "../../openapi/src/index.js";
import type * as model from "../src/index.js";
import { KNOWN_DIFFERENCES, type Listed } from "./known-differences.js";
import type { Agreement, Merged } from "./spec-agreement.js";

// Type-level: each model against the type @wx/openapi generates for its spec schema (two schemas merged where the
// model merges them). `pnpm typecheck` fails on a field only one side has, or a field whose types differ, unless
// known-differences.ts lists it with its reason.

type Messaging = MessagingComponents["schemas"];
type Admin = AdminComponents["schemas"];
type Meetings = MeetingComponents["schemas"];
type Series = Meetings["MeetingSeriesObject"];
type Create = Meetings["CreateMeetingObject"];
type Of<T> = NonNullable<T>;

/** Each model and its spec type. */
interface Pairs {
  Room: [model.Room, Messaging["Room"]];
  Person: [model.Person, Merged<Messaging["Person"], Admin["Person"]>];
  Message: [model.Message, Merged<Messaging["Message"], Messaging["ListMessage"]>];
  Attachment: [model.Attachment, Messaging["Attachment"]];
  Membership: [model.Membership, Messaging["Membership"]];
  Team: [model.Team, Messaging["Team"]];
  TeamMembership: [model.TeamMembership, Messaging["TeamMembership"]];
  Webhook: [model.Webhook, Messaging["Webhook"]];
  AttachmentAction: [model.AttachmentAction, Messaging["AttachmentActivity"]];
  Event: [model.Event, Messaging["Event"]];
  RoomTab: [model.RoomTab, Messaging["RoomTab"]];
  RoomMeetingInfo: [model.RoomMeetingInfo, Messaging["RoomMeetingDetails"]];
  AdminAuditEvent: [model.AdminAuditEvent, Admin["AuditEvent"]];
  AdminAuditEventData: [model.AdminAuditEventData, Of<Admin["AuditEvent"]["data"]>];
  License: [model.License, Merged<Admin["License"], Admin["LicensewithUsers"]>];
  Organization: [model.Organization, Admin["Organization"]];
  Role: [model.Role, Admin["Role"]];
  Meeting: [model.Meeting, Merged<Series, Meetings["MeetingObjectForListMeeting"]>];
  MeetingSettings: [model.MeetingSettings, Merged<Meetings["UpdateMeetingObject"], Meetings["PatchMeetingObject"]>];
  MeetingDraft: [model.MeetingDraft, Create];
  MeetingOptions: [model.MeetingOptions, Merged<Of<Series["meetingOptions"]>, Of<Create["meetingOptions"]>>];
  AttendeePrivileges: [
    model.AttendeePrivileges,
    Merged<Of<Series["attendeePrivileges"]>, Of<Create["attendeePrivileges"]>>,
  ];
  MeetingRegistration: [model.MeetingRegistration, Merged<Of<Series["registration"]>, Of<Create["registration"]>>];
  RegistrationQuestion: [
    model.RegistrationQuestion,
    Merged<Meetings["CustomizedQuestionForGetMeeting"], Meetings["CustomizedQuestionForCreateMeeting"]>,
  ];
  RegistrationRule: [model.RegistrationRule, Of<Meetings["CustomizedQuestionForGetMeeting"]["rules"]>[number]];
  StandardQuestionRule: [model.StandardQuestionRule, Meetings["StandardRegistrationApproveRule"]];
  AudioConnectionOptions: [
    model.AudioConnectionOptions,
    Merged<Of<Series["audioConnectionOptions"]>, Of<Create["audioConnectionOptions"]>>,
  ];
  LiveStream: [model.LiveStream, Meetings["LiveStreamObject"]];
  MeetingInterpreter: [
    model.MeetingInterpreter,
    Merged<
      Meetings["InterpreterObjectForSimultaneousInterpretationOfGetOrListMeeting"],
      Meetings["InterpreterObjectForSimultaneousInterpretationOfCreateOrUpdateMeeting"]
    >,
  ];
  MeetingTrackingCode: [
    model.MeetingTrackingCode,
    Merged<Meetings["TrackingCodeItemForGetMeetingObject"], Meetings["TrackingCodeItemForCreateMeetingObject"]>,
  ];
  MeetingTelephony: [model.MeetingTelephony, Of<Series["telephony"]>];
  CallInNumber: [model.CallInNumber, Of<Of<Series["telephony"]>["callInNumbers"]>[number]];
  MeetingDraftInvitee: [model.MeetingDraftInvitee, Meetings["InviteeObjectForCreateMeeting"]];
  BreakoutSessionDraft: [model.BreakoutSessionDraft, Meetings["PreMeetingBreakoutSessionWithoutIdObject"]];
  MeetingTemplate: [model.MeetingTemplate, Merged<Meetings["TemplateObject"], Meetings["DetailedTemplateObject"]>];
  MeetingInvitee: [
    model.MeetingInvitee,
    Merged<Meetings["GetInviteeObject"], Meetings["CreateInviteesItemResponseObject"]>,
  ];
  MeetingRegistrant: [model.MeetingRegistrant, Merged<Meetings["Registrant"], Meetings["RegistrantCreateResponse"]>];
  RegistrantAnswers: [model.RegistrantAnswers, Meetings["CustomizedRegistrant"]];
  Recording: [model.Recording, Merged<Meetings["RecordingObject"], Meetings["RecordingObjectWithDirectDownloadLinks"]>];
  RecordingDownloadLinks: [
    model.RecordingDownloadLinks,
    Of<Meetings["RecordingObjectWithDirectDownloadLinks"]["temporaryDirectDownloadLinks"]>,
  ];
}

type Found<Name extends keyof Pairs> = Agreement<Pairs[Name][0], Pairs[Name][1]>;

describe("each model agrees with its spec type, field by field, but for its listed differences", () => {
  it("messaging", () => {
    expectTypeOf<Found<"Room">>().toEqualTypeOf<Listed<"Room">>();
    expectTypeOf<Found<"Person">>().toEqualTypeOf<Listed<"Person">>();
    expectTypeOf<Found<"Message">>().toEqualTypeOf<Listed<"Message">>();
    expectTypeOf<Found<"Attachment">>().toEqualTypeOf<Listed<"Attachment">>();
    expectTypeOf<Found<"Membership">>().toEqualTypeOf<Listed<"Membership">>();
    expectTypeOf<Found<"Team">>().toEqualTypeOf<Listed<"Team">>();
    expectTypeOf<Found<"TeamMembership">>().toEqualTypeOf<Listed<"TeamMembership">>();
    expectTypeOf<Found<"Webhook">>().toEqualTypeOf<Listed<"Webhook">>();
    expectTypeOf<Found<"AttachmentAction">>().toEqualTypeOf<Listed<"AttachmentAction">>();
    expectTypeOf<Found<"Event">>().toEqualTypeOf<Listed<"Event">>();
    expectTypeOf<Found<"RoomTab">>().toEqualTypeOf<Listed<"RoomTab">>();
    expectTypeOf<Found<"RoomMeetingInfo">>().toEqualTypeOf<Listed<"RoomMeetingInfo">>();
  });

  it("admin", () => {
    expectTypeOf<Found<"AdminAuditEvent">>().toEqualTypeOf<Listed<"AdminAuditEvent">>();
    expectTypeOf<Found<"AdminAuditEventData">>().toEqualTypeOf<Listed<"AdminAuditEventData">>();
    expectTypeOf<Found<"License">>().toEqualTypeOf<Listed<"License">>();
    expectTypeOf<Found<"Organization">>().toEqualTypeOf<Listed<"Organization">>();
    expectTypeOf<Found<"Role">>().toEqualTypeOf<Listed<"Role">>();
  });

  it("meetings", () => {
    expectTypeOf<Found<"Meeting">>().toEqualTypeOf<Listed<"Meeting">>();
    expectTypeOf<Found<"MeetingSettings">>().toEqualTypeOf<Listed<"MeetingSettings">>();
    expectTypeOf<Found<"MeetingDraft">>().toEqualTypeOf<Listed<"MeetingDraft">>();
    expectTypeOf<Found<"MeetingOptions">>().toEqualTypeOf<Listed<"MeetingOptions">>();
    expectTypeOf<Found<"AttendeePrivileges">>().toEqualTypeOf<Listed<"AttendeePrivileges">>();
    expectTypeOf<Found<"MeetingRegistration">>().toEqualTypeOf<Listed<"MeetingRegistration">>();
    expectTypeOf<Found<"RegistrationQuestion">>().toEqualTypeOf<Listed<"RegistrationQuestion">>();
    expectTypeOf<Found<"RegistrationRule">>().toEqualTypeOf<Listed<"RegistrationRule">>();
    expectTypeOf<Found<"StandardQuestionRule">>().toEqualTypeOf<Listed<"StandardQuestionRule">>();
    expectTypeOf<Found<"AudioConnectionOptions">>().toEqualTypeOf<Listed<"AudioConnectionOptions">>();
    expectTypeOf<Found<"LiveStream">>().toEqualTypeOf<Listed<"LiveStream">>();
    expectTypeOf<Found<"MeetingInterpreter">>().toEqualTypeOf<Listed<"MeetingInterpreter">>();
    expectTypeOf<Found<"MeetingTrackingCode">>().toEqualTypeOf<Listed<"MeetingTrackingCode">>();
    expectTypeOf<Found<"MeetingTelephony">>().toEqualTypeOf<Listed<"MeetingTelephony">>();
    expectTypeOf<Found<"CallInNumber">>().toEqualTypeOf<Listed<"CallInNumber">>();
    expectTypeOf<Found<"MeetingDraftInvitee">>().toEqualTypeOf<Listed<"MeetingDraftInvitee">>();
    expectTypeOf<Found<"BreakoutSessionDraft">>().toEqualTypeOf<Listed<"BreakoutSessionDraft">>();
    expectTypeOf<Found<"MeetingTemplate">>().toEqualTypeOf<Listed<"MeetingTemplate">>();
    expectTypeOf<Found<"MeetingInvitee">>().toEqualTypeOf<Listed<"MeetingInvitee">>();
    expectTypeOf<Found<"MeetingRegistrant">>().toEqualTypeOf<Listed<"MeetingRegistrant">>();
    expectTypeOf<Found<"RegistrantAnswers">>().toEqualTypeOf<Listed<"RegistrantAnswers">>();
    expectTypeOf<Found<"Recording">>().toEqualTypeOf<Listed<"Recording">>();
    expectTypeOf<Found<"RecordingDownloadLinks">>().toEqualTypeOf<Listed<"RecordingDownloadLinks">>();
  });

  it("every listed difference names a compared model and gives a reason", () => {
    const compared: Array<keyof Pairs> = Object.keys(KNOWN_DIFFERENCES) as Array<keyof typeof KNOWN_DIFFERENCES>;
    expect(compared.length).toBeGreaterThan(0);
    for (const differences of Object.values(KNOWN_DIFFERENCES)) {
      for (const reasons of Object.values(differences)) {
        for (const reason of Object.values(reasons as Record<string, string>))
          expect(reason.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("the comparison", () => {
  it("finds fields only one side has and fields whose types differ, deeply", () => {
    type Model = { id: string; kind: "a" | "b"; nested: { n: number }; extra?: string; [key: string]: unknown };
    type Spec = { id?: string; kind?: "a" | "b" | "c"; nested?: { n?: string }; more?: boolean };
    expectTypeOf<Agreement<Model, Spec>>().toEqualTypeOf<{
      onlyInModel: "extra";
      onlyInSpec: "more";
      typeDiffers: "kind" | "nested";
    }>();
  });

  it("leaves out optionality and the index signature, and merges two schemas' fields deeply", () => {
    type Model = { id: string; inner: { a: string; b: number }; [key: string]: unknown };
    type Spec = Merged<{ id?: string; inner?: { a?: string } }, { inner?: { b?: number } }>;
    expectTypeOf<Agreement<Model, Spec>>().toEqualTypeOf<{
      onlyInModel: never;
      onlyInSpec: never;
      typeDiffers: never;
    }>();
  });
});
