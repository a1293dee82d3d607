import { notFound } from "../errors.js";
import { defineResource, route } from "../resource.js";

export const roles = defineResource({
  name: "Roles",
  access: "admin",
  routes: [
    route({ method: "GET", path: "roles", handle: (ctx) => ({ json: { items: ctx.store.roles } }) }),
    route({
      method: "GET",
      path: "roles/:id",
      handle: (ctx) => {
        const role = ctx.store.roles.find((entry) => entry.id === ctx.params.id);
        if (!role) throw notFound("Role not found.");
        return { json: role };
      },
    }),
  ],
});
