// What many group screens read (the group, its members, its accounts) and how they head a screen.
// Group and member lists are cached in memory for the session: they change only through this UI's own
// writes, which drop them (api.invalidate).
import { localName, nameIsLocal, t } from "./i18n.js";
import { h, up } from "./ui.js";

export const group = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}`, { cached: true });
export const accounts = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}/accounts`).then((a) => a.items);

// Every member of the group (one page of up to 1000: a group has tens).
export const members = (ctx, gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/members?limit=1000`, { cached: true }).then((m) => m.items);

// Loads several named reads at once; the screen paints only when all have answered.
export async function all(named) {
  const keys = Object.keys(named);
  const values = await Promise.all(Object.values(named));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}

// A name in the reader's script, marked as data when it is in another script (a Latin name on a Khmer screen).
export const nameNode = (thing, spec = "span") =>
  nameIsLocal(thing) ? h(spec, { text: localName(thing) }) : h(spec, { translate: "no", text: localName(thing) });

// The head of a group's screen: the way up, the group's name (always from this screen's own answer), the title.
// The way up names the group, or the screen above and then the group (a print always names the group).
export function heading(groupInfo, title, upTo = `/g/${groupInfo.id}`, upText = null) {
  return [
    up(upTo, upText ?? localName(groupInfo)),
    nameNode(groupInfo, upText ? "p.group-name" : "p.group-name.print-only"),
    h("h2", { text: title }),
  ];
}

// member id -> member, for lines and errors that name members.
export const byId = (list) => new Map(list.map((m) => [String(m.id), m]));

export const memberLabel = (member, id) => member ? localName(member) : t("member_number", { id });
