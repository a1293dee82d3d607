import { z } from "zod";
import { defineTool, READS } from "../tool.js";

export const whoami = defineTool({
  name: "whoami",
  toolset: "context",
  title: "Who am I",
  description: "The Webex user (or bot) this server acts as: name, email, id and type.",
  behaviour: READS,
  input: {},
  output: {
    id: z.string(),
    name: z.string(),
    email: z.string().optional(),
    type: z.string().optional(),
    orgId: z.string().optional(),
  },
  notFound: "the signed-in user was not found; the access token may belong to a deleted account",
  async run(_args, context) {
    const me = await context.wx.people.me(context.call());
    const email = me.emails?.[0];
    return {
      structured: { id: me.id, name: me.displayName, email, type: me.type, orgId: me.orgId },
      text: `You act as ${me.displayName}${email ? ` <${email}>` : ""} (${me.type ?? "person"}), id ${me.id}.`,
    };
  },
});
