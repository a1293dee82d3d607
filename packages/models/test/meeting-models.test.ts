import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AttendeePrivileges,
  type AudioConnectionOptions,
  AudioConnectionType,
  type BreakoutSessionDraft,
  type CallInNumber,
  EntryAndExitTone,
  type LiveStream,
  type Meeting,
  type MeetingDraft,
  type MeetingDraftInvitee,
  type MeetingInterpreter,
  type MeetingInvitee,
  type MeetingOptions,
  type MeetingRegistrant,
  type MeetingRegistration,
  MeetingScheduledType,
  type MeetingSettings,
  MeetingState,
  type MeetingTelephony,
  type MeetingTemplate,
  MeetingTemplateType,
  type MeetingTrackingCode,
  MeetingType,
  type ModelsByKind,
  type Recording,
  type RecordingDownloadLinks,
  RecordingFormat,
  RecordingServiceType,
  RecordingStatus,
  type RegistrantAnswers,
  RegistrantStatus,
  type RegistrationQuestion,
  RegistrationQuestionType,
  type RegistrationRule,
  RegistrationRuleCondition,
  RegistrationRuleResult,
  type RoomTab,
  type StandardQuestionRule,
  UnlockedMeetingJoinSecurity,
} from "../src/index.js";

/** The keys a model declares, without the `Extensible` index signature (which would admit any name). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
const keys =
  <T>() =>
  <const K extends readonly KnownKeys<T>[]>(names: K) =>
    names as readonly string[];

// Each list is checked against its model by the compiler, and against the spec's schemas below.
const models: Record<string, { fields: readonly string[]; spec: string; schemas: string[] }> = {
  RoomTab: {
    spec: "webex-messaging.json",
    schemas: ["RoomTab"],
    fields: keys<RoomTab>()(["id", "roomId", "roomType", "displayName", "contentUrl", "creatorId", "created"]),
  },
  Meeting: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject", "MeetingObjectForListMeeting"],
    fields: keys<Meeting>()([
      ...settingsKeys(),
      "id",
      "meetingSeriesId",
      "scheduledMeetingId",
      "meetingNumber",
      "phoneAndVideoSystemPassword",
      "meetingType",
      "state",
      "hostDidJoin",
      "attendeeDidJoin",
      "isModified",
      "hostUserId",
      "hostDisplayName",
      "hostKey",
      "siteUrl",
      "webLink",
      "registerLink",
      "sipAddress",
      "dialInIpAddress",
      "roomId",
      "scheduledType",
      "phoneAndVideoSystemPanelistPassword",
      "telephony",
      "registration",
      "simultaneousInterpretation",
      "links",
      "hasChat",
      "hasRecording",
      "hasTranscription",
      "hasClosedCaption",
      "hasPolls",
      "hasQA",
      "hasSlido",
      "hasRegistration",
      "hasRegistrants",
      "hasPostEventSurvey",
    ]),
  },
  MeetingSettings: {
    spec: "webex-meeting.json",
    schemas: ["UpdateMeetingObject", "PatchMeetingObject"],
    // sendEmail is a request flag, not a setting: the SDK's update and patch fields add it
    fields: [...keys<MeetingSettings>()(settingsKeys()), "sendEmail"],
  },
  MeetingDraft: {
    spec: "webex-meeting.json",
    schemas: ["CreateMeetingObject"],
    fields: keys<MeetingDraft>()([
      ...settingsKeys(),
      "adhoc",
      "roomId",
      "templateId",
      "scheduledType",
      "invitees",
      "sendEmail",
      "siteUrl",
      "registration",
      "simultaneousInterpretation",
      "breakoutSessions",
    ]),
  },
  MeetingOptions: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.meetingOptions", "CreateMeetingObject.meetingOptions"],
    fields: keys<MeetingOptions>()([
      "enabledChat",
      "enabledVideo",
      "enabledPolling",
      "enabledNote",
      "noteType",
      "enabledFileTransfer",
      "enabledUCFRichMedia",
    ]),
  },
  AttendeePrivileges: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.attendeePrivileges", "CreateMeetingObject.attendeePrivileges"],
    fields: keys<AttendeePrivileges>()([
      "enabledShareContent",
      "enabledSaveDocument",
      "enabledPrintDocument",
      "enabledAnnotate",
      "enabledViewParticipantList",
      "enabledViewThumbnails",
      "enabledRemoteControl",
      "enabledViewAnyDocument",
      "enabledViewAnyPage",
      "enabledContactOperatorPrivately",
      "enabledChatHost",
      "enabledChatPresenter",
      "enabledChatOtherParticipants",
    ]),
  },
  MeetingRegistration: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.registration", "CreateMeetingObject.registration"],
    fields: keys<MeetingRegistration>()([
      "autoAcceptRequest",
      "requireFirstName",
      "requireLastName",
      "requireEmail",
      "requireJobTitle",
      "requireCompanyName",
      "requireAddress1",
      "requireAddress2",
      "requireCity",
      "requireState",
      "requireZipCode",
      "requireCountryRegion",
      "requireWorkPhone",
      "requireFax",
      "maxRegisterNum",
      "customizedQuestions",
      "rules",
    ]),
  },
  RegistrationQuestion: {
    spec: "webex-meeting.json",
    schemas: ["CustomizedQuestionForGetMeeting", "CustomizedQuestionForCreateMeeting"],
    fields: keys<RegistrationQuestion>()(["id", "question", "required", "type", "maxLength", "options", "rules"]),
  },
  RegistrationRule: {
    spec: "webex-meeting.json",
    schemas: ["CustomizedQuestionForGetMeeting.rules[]"],
    fields: keys<RegistrationRule>()(["condition", "value", "result", "matchCase", "order"]),
  },
  StandardQuestionRule: {
    spec: "webex-meeting.json",
    schemas: ["StandardRegistrationApproveRule"],
    fields: keys<StandardQuestionRule>()(["question", "condition", "value", "result", "matchCase", "order"]),
  },
  AudioConnectionOptions: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.audioConnectionOptions", "CreateMeetingObject.audioConnectionOptions"],
    fields: keys<AudioConnectionOptions>()([
      "audioConnectionType",
      "enabledTollFreeCallIn",
      "enabledGlobalCallIn",
      "enabledAudienceCallBack",
      "entryAndExitTone",
      "allowHostToUnmuteParticipants",
      "allowAttendeeToUnmuteSelf",
      "muteAttendeeUponEntry",
    ]),
  },
  LiveStream: {
    spec: "webex-meeting.json",
    schemas: ["LiveStreamObject"],
    fields: keys<LiveStream>()([
      "destination",
      "rtmpUrl",
      "streamUrl",
      "layoutWithoutSharedContent",
      "layoutWithSharedContent",
      "allowChangeLayoutInMeeting",
      "followStageLayoutWhenSynced",
      "resolution",
    ]),
  },
  MeetingInterpreter: {
    spec: "webex-meeting.json",
    schemas: [
      "InterpreterObjectForSimultaneousInterpretationOfGetOrListMeeting",
      "InterpreterObjectForSimultaneousInterpretationOfCreateOrUpdateMeeting",
    ],
    fields: keys<MeetingInterpreter>()(["id", "languageCode1", "languageCode2", "email", "displayName"]),
  },
  MeetingTrackingCode: {
    spec: "webex-meeting.json",
    schemas: ["TrackingCodeItemForGetMeetingObject", "TrackingCodeItemForCreateMeetingObject"],
    fields: keys<MeetingTrackingCode>()(["name", "value"]),
  },
  MeetingTelephony: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.telephony"],
    fields: keys<MeetingTelephony>()(["accessCode", "callInNumbers", "links"]),
  },
  CallInNumber: {
    spec: "webex-meeting.json",
    schemas: ["MeetingSeriesObject.telephony.callInNumbers[]"],
    fields: keys<CallInNumber>()(["label", "callInNumber", "tollType"]),
  },
  MeetingDraftInvitee: {
    spec: "webex-meeting.json",
    schemas: ["InviteeObjectForCreateMeeting"],
    fields: keys<MeetingDraftInvitee>()(["email", "displayName", "coHost", "panelist"]),
  },
  BreakoutSessionDraft: {
    spec: "webex-meeting.json",
    schemas: ["PreMeetingBreakoutSessionWithoutIdObject"],
    fields: keys<BreakoutSessionDraft>()(["name", "invitees"]),
  },
  MeetingTemplate: {
    spec: "webex-meeting.json",
    schemas: ["TemplateObject", "DetailedTemplateObject"],
    fields: keys<MeetingTemplate>()([
      "id",
      "name",
      "locale",
      "siteUrl",
      "templateType",
      "isDefault",
      "isStandard",
      "meeting",
    ]),
  },
  MeetingInvitee: {
    spec: "webex-meeting.json",
    schemas: ["GetInviteeObject", "CreateInviteesItemResponseObject"],
    fields: keys<MeetingInvitee>()(["id", "meetingId", "email", "displayName", "coHost", "panelist"]),
  },
  MeetingRegistrant: {
    spec: "webex-meeting.json",
    schemas: ["Registrant", "RegistrantCreateResponse"],
    fields: keys<MeetingRegistrant>()([
      "id",
      "status",
      "firstName",
      "lastName",
      "email",
      "jobTitle",
      "companyName",
      "address1",
      "address2",
      "city",
      "state",
      "zipCode",
      "countryRegion",
      "workPhone",
      "fax",
      "registrationTime",
      "customizedQuestions",
      "sourceId",
      "registrationId",
    ]),
  },
  RegistrantAnswers: {
    spec: "webex-meeting.json",
    schemas: ["CustomizedRegistrant"],
    fields: keys<RegistrantAnswers>()(["questionId", "answers"]),
  },
  Recording: {
    spec: "webex-meeting.json",
    schemas: ["RecordingObject", "RecordingObjectWithDirectDownloadLinks"],
    fields: keys<Recording>()([
      "id",
      "meetingId",
      "scheduledMeetingId",
      "meetingSeriesId",
      "topic",
      "createTime",
      "timeRecorded",
      "siteUrl",
      "downloadUrl",
      "playbackUrl",
      "password",
      "format",
      "serviceType",
      "durationSeconds",
      "sizeBytes",
      "shareToMe",
      "integrationTags",
      "status",
      "temporaryDirectDownloadLinks",
    ]),
  },
  RecordingDownloadLinks: {
    spec: "webex-meeting.json",
    schemas: ["RecordingObjectWithDirectDownloadLinks.temporaryDirectDownloadLinks"],
    fields: keys<RecordingDownloadLinks>()([
      "recordingDownloadLink",
      "audioDownloadLink",
      "transcriptDownloadLink",
      "expiration",
    ]),
  },
};

function settingsKeys() {
  return [
    "title",
    "agenda",
    "password",
    "start",
    "end",
    "timezone",
    "recurrence",
    "enabledAutoRecordMeeting",
    "allowAnyUserToBeCoHost",
    "enabledJoinBeforeHost",
    "enableConnectAudioBeforeHost",
    "joinBeforeHostMinutes",
    "excludePassword",
    "publicMeeting",
    "reminderTime",
    "unlockedMeetingJoinSecurity",
    "sessionTypeId",
    "enabledWebcastView",
    "panelistPassword",
    "enableAutomaticLock",
    "automaticLockMinutes",
    "allowFirstUserToBeCoHost",
    "allowAuthenticatedDevices",
    "hostEmail",
    "meetingOptions",
    "attendeePrivileges",
    "integrationTags",
    "enabledBreakoutSessions",
    "trackingCodes",
    "enabledAudioWatermark",
    "enabledVisualWatermark",
    "visualWatermarkOpacity",
    "audioConnectionOptions",
    "requireAttendeeLogin",
    "restrictToInvitees",
    "enabledLiveStream",
    "liveStream",
  ] as const;
}

// Enum values, each with the spec property whose `enum` it mirrors.
const enums: [string, Record<string, string>, string, string][] = [
  ["MeetingType", MeetingType, "webex-meeting.json", "MeetingSeriesObject.meetingType"],
  ["MeetingState", MeetingState, "webex-meeting.json", "MeetingSeriesObject.state"],
  ["MeetingScheduledType", MeetingScheduledType, "webex-meeting.json", "MeetingSeriesObject.scheduledType"],
  [
    "UnlockedMeetingJoinSecurity",
    UnlockedMeetingJoinSecurity,
    "webex-meeting.json",
    "MeetingSeriesObject.unlockedMeetingJoinSecurity",
  ],
  [
    "AudioConnectionType",
    AudioConnectionType,
    "webex-meeting.json",
    "MeetingSeriesObject.audioConnectionOptions.audioConnectionType",
  ],
  [
    "EntryAndExitTone",
    EntryAndExitTone,
    "webex-meeting.json",
    "MeetingSeriesObject.audioConnectionOptions.entryAndExitTone",
  ],
  ["MeetingTemplateType", MeetingTemplateType, "webex-meeting.json", "TemplateObject.templateType"],
  ["RegistrantStatus", RegistrantStatus, "webex-meeting.json", "Registrant.status"],
  ["RegistrationQuestionType", RegistrationQuestionType, "webex-meeting.json", "CustomizedQuestionForGetMeeting.type"],
  [
    "RegistrationRuleCondition",
    RegistrationRuleCondition,
    "webex-meeting.json",
    "StandardRegistrationApproveRule.condition",
  ],
  ["RegistrationRuleResult", RegistrationRuleResult, "webex-meeting.json", "StandardRegistrationApproveRule.result"],
  ["RecordingFormat", RecordingFormat, "webex-meeting.json", "RecordingObject.format"],
  ["RecordingStatus", RecordingStatus, "webex-meeting.json", "RecordingObject.status"],
  ["RecordingServiceType", RecordingServiceType, "webex-meeting.json", "RecordingObject.serviceType"],
];

describe("meeting, room tab and recording models", () => {
  it("types known fields, keeps unknown ones as unknown, and uses ISO strings for times", () => {
    expectTypeOf<Meeting["state"]>().toEqualTypeOf<MeetingState>();
    expectTypeOf<Meeting["start"]>().toEqualTypeOf<string>();
    expectTypeOf<Meeting["futureField"]>().toEqualTypeOf<unknown>();
    expectTypeOf<Recording["format"]>().toEqualTypeOf<RecordingFormat>();
    expectTypeOf<MeetingRegistrant["status"]>().toEqualTypeOf<RegistrantStatus>();
    expectTypeOf<RoomTab["created"]>().toEqualTypeOf<string>();
  });

  it("takes another time type in settings and drafts (the SDK passes Date | string)", () => {
    expectTypeOf<MeetingDraft<Date | string>["start"]>().toEqualTypeOf<Date | string | undefined>();
    expectTypeOf<MeetingDraft["start"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<MeetingTemplate["meeting"]>>().toEqualTypeOf<MeetingDraft>();
  });

  it("maps the new object kinds to their models", () => {
    expectTypeOf<ModelsByKind["roomTab"]>().toEqualTypeOf<RoomTab>();
    expectTypeOf<ModelsByKind["meeting"]>().toEqualTypeOf<Meeting>();
    expectTypeOf<ModelsByKind["meetingTemplate"]>().toEqualTypeOf<MeetingTemplate>();
    expectTypeOf<ModelsByKind["meetingInvitee"]>().toEqualTypeOf<MeetingInvitee>();
    expectTypeOf<ModelsByKind["meetingRegistrant"]>().toEqualTypeOf<MeetingRegistrant>();
    expectTypeOf<ModelsByKind["recording"]>().toEqualTypeOf<Recording>();
  });

  it.each(enums)("%s is keyed by its own values", (_name, constObject) => {
    for (const [key, value] of Object.entries(constObject)) expect(key).toBe(value);
  });
});

// The copies in @wx/openapi, so the check runs in any clone.
const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../openapi/specs");

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
}

describe("the models cover every field and enum value of the official specs", () => {
  const specs = new Map<string, { components: { schemas: Record<string, Schema> } }>();
  const specOf = (file: string) => {
    if (!specs.has(file)) specs.set(file, JSON.parse(readFileSync(path.join(specDir, file), "utf8")));
    return specs.get(file) as { components: { schemas: Record<string, Schema> } };
  };
  /** `Name.prop.prop[]`: a component schema, then properties, `[]` for an array's items; refs followed. */
  const resolve = (file: string, where: string): Schema => {
    const schemas = specOf(file).components.schemas;
    const deref = (schema: Schema | undefined): Schema => {
      let current = schema;
      for (let hops = 0; current?.$ref && hops < 10; hops++)
        current = schemas[current.$ref.split("/").at(-1) as string];
      if (!current) throw new Error(`${where} is not in ${file}`);
      return current;
    };
    const [name, ...steps] = where.split(".");
    let schema = deref(schemas[name as string]);
    for (const step of steps) {
      const isArray = step.endsWith("[]");
      schema = deref(schema.properties?.[isArray ? step.slice(0, -2) : step]);
      if (isArray) schema = deref(schema.items);
    }
    return schema;
  };

  it.each(Object.entries(models))("%s has every field of its spec schemas and no other", (_name, model) => {
    const specFields = new Set(
      model.schemas.flatMap((where) => Object.keys(resolve(model.spec, where).properties ?? {})),
    );
    expect(specFields.size).toBeGreaterThan(0);
    expect([...model.fields].sort()).toEqual([...specFields].sort());
  });

  it.each(enums)("%s holds exactly the spec's values", (_name, constObject, file, where) => {
    const values = resolve(file, where).enum;
    expect(values?.length).toBeGreaterThan(0);
    expect(Object.values(constObject).sort()).toEqual([...(values ?? [])].sort());
  });
});
