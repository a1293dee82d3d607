/** The poll the fleet bots count votes of (the test posts it, the bots match submissions of it). */
export const POLL_CARD = {
  type: "AdaptiveCard",
  version: "1.3",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  body: [
    { type: "TextBlock", text: "Lunch?" },
    {
      type: "Input.ChoiceSet",
      id: "vote",
      isRequired: true,
      choices: [
        { title: "Tacos", value: "tacos" },
        { title: "Ramen", value: "ramen" },
      ],
    },
  ],
  actions: [{ type: "Action.Submit", title: "Vote", data: { poll: "lunch" } }],
} as const;
