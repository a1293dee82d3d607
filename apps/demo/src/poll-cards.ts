import { adaptiveCard, choice, inputChoiceSet, submit, textBlock } from "@wx/cards";

/** The poll as an Adaptive Card: a question, one choice set, one Submit whose data names the poll. */
export function pollCard(question: string, options: readonly string[], poll = "lunch") {
  return adaptiveCard({
    body: [
      textBlock(question, { size: "medium", weight: "bolder", wrap: true }),
      inputChoiceSet({
        id: "vote",
        label: "Your vote",
        isRequired: true,
        errorMessage: "Pick one option",
        style: "expanded",
        choices: options.map((option) => choice(option, option)),
      }),
    ],
    actions: [submit({ title: "Vote", data: { poll } })],
  });
}

/** The results, one line per option with a bar, most votes first. */
export function resultsCard(question: string, tally: ReadonlyMap<string, number>) {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  const rows = [...tally.entries()].sort((a, b) => b[1] - a[1]);
  return adaptiveCard({
    body: [
      textBlock(`Results: ${question}`, { size: "medium", weight: "bolder", wrap: true }),
      ...rows.map(([option, votes]) =>
        textBlock(`${option}: ${"█".repeat(votes)} ${votes} of ${total}`, { fontType: "monospace", wrap: true }),
      ),
    ],
  });
}
