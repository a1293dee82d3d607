import { notFound } from "../errors.js";
import { defineResource, route } from "../resource.js";

export const organizations = defineResource({
  name: "Organizations",
  routes: [
    route({ method: "GET", path: "organizations", handle: (ctx) => ({ json: { items: ctx.store.organizations } }) }),
    route({
      method: "GET",
      path: "organizations/:id",
      handle: (ctx) => {
        const organization = ctx.store.organizations.find((entry) => entry.id === ctx.params.id);
        if (!organization) throw notFound("Organization not found.");
        return { json: organization };
      },
    }),
  ],
});
