import type { Person } from "@wx/sdk";
import { z } from "zod";
import { listPage } from "../list-page.js";
import { renderPerson, shownPerson, showPerson } from "../shown/person.js";
import { defineTool, READS } from "../tool.js";
import { exactlyOne, limit, personEmail } from "./arguments.js";

export const findPeople = defineTool({
  name: "find_people",
  toolset: "people",
  title: "Find people",
  description: "Finds people by exact email address or by the start of their name; gives their ids and emails.",
  behaviour: READS,
  input: {
    email: personEmail.optional(),
    name: z.string().min(1).optional().describe("The start of the display name, e.g. 'Ada' or 'Ada Lov'"),
    limit: limit(10, 50),
  },
  output: {
    people: z.array(shownPerson),
    more: z.literal(true).optional().describe("More people match: narrow the name"),
  },
  notFound: "no such person",
  async run(args, context) {
    exactlyOne(args, ["email", "name"]);
    const page = await listPage(context, {
      endpoint: "people",
      query: { email: args.email, displayName: args.name, max: args.limit },
      limit: args.limit,
      maxPages: 1,
      show: (person: Person) => showPerson(person),
    });
    const head = page.items.length
      ? `${page.items.length} found:`
      : `Nobody found for ${args.email ?? `"${args.name}"`}.`;
    const more = page.next ? "\nMore people match: give more of the name, or a larger limit." : "";
    return {
      structured: { people: page.items, more: page.next ? (true as const) : undefined },
      text: [head, ...page.items.map(renderPerson)].join("\n") + more,
    };
  },
});
