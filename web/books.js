// What many group screens read (the group, its members, its accounts) and how they head a screen.
// Group and member lists are cached in memory for the session: they change only through this UI's own
// writes, which drop them (api.invalidate).
import { lang, localName, nameIsLocal, t } from "./i18n.js";
import { h, up } from "./ui.js";
import { addDays, addMonths, date, today } from "./format.js";

export const group = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}`, { cached: true });
export const accounts = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}/accounts`).then((a) => a.items);

// Every member of the group (one page of up to 1000: a group has tens).
export const members = (ctx, gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/members?limit=1000`, { cached: true }).then((m) => m.items);

// A savings group's cycles (cached like the members: they change through this UI's writes), and the open one.
export const cycles = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}/cycles`, { cached: true }).then((c) => c.items);
export const openCycle = (ctx, gid) => cycles(ctx, gid).then((list) => list.find((c) => c.status === "open") || null);

// Open loans, where each stands today: outstanding, next due, days late.
export const openLoans = (ctx, gid = ctx.params.gid) => ctx.api(`/groups/${gid}/loans?status=open&limit=1000`).then((l) => l.items);

// The day after `iso` that the cycle's rhythm gives (week, two weeks, month).
export const nextMeeting = (iso, every) => (every === "month" ? addMonths(iso, 1) : addDays(iso, every === "2weeks" ? 14 : 7));

// How far back to look for the last meeting: two meeting intervals and a little.
const lookBack = (cycle) => ({ month: 62, "2weeks": 30 }[cycle?.meeting_every] ?? 16);

// The group's operations of the last weeks, newest first. The API lists oldest first and each item carries
// its entries, so a window of two meeting intervals keeps this small on a slow network.
export const recentOperations = (ctx, cycle, type = "", gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/operations?from=${addDays(today(), -lookBack(cycle))}&limit=1000${type && `&type=${type}`}`)
    .then((o) => o.items.reverse());

// The last meeting not reversed, among operations newest first.
export const lastMeeting = (ops) => ops.find((o) => o.type === "meeting" && !o.reversed_by && !o.reverses) || null;

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

// Members in the reader's alphabet (Khmer collation on a Khmer screen), those who left last.
export function sorted(list) {
  const collator = new Intl.Collator(lang() === "km" ? "km" : "en");
  return list.slice().sort((a, b) => Boolean(a.left_on) - Boolean(b.left_on) || collator.compare(localName(a), localName(b)));
}

// member id -> member, for lines and errors that name members.
export const byId = (list) => new Map(list.map((m) => [String(m.id), m]));

export const memberLabel = (member, id) => member ? localName(member) : t("member_number", { id });

// The seal of the latest close through `day` (the last day a report covers), or null: what a printed report
// can be checked against later.
export const sealThrough = (ctx, day, gid = ctx.params.gid) => ctx.api(`/groups/${gid}/periods?limit=1000`)
  .then((p) => p.items.filter((x) => x.through <= day).sort((a, b) => (a.through < b.through ? -1 : 1)).pop() || null);

// The head every report prints under its title (heading() prints the group): the period or the day, the day
// printed, and the close's seal (code and words in the reader's language) when there is one.
export function printHead({ from, to, asOf, close, unsealed }) {
  const seal = close?.seal;
  const words = lang() === "km" && seal?.words_km?.length ? seal.words_km : seal?.words;
  return h("div.report-head", {},
    h("p.lead", { text: from ? t("period_from_to", { from: date(from), to: date(to) }) : t("as_of_date", { date: date(asOf || today()) }) }),
    h("p", { text: t("printed_on", { date: date(today()) }) }),
    seal ? h("p.report-seal", {}, h("span", { text: `${t("sealed_through", { date: date(close.through) })}: ` }),
      h("code", { translate: "no", text: seal.code.replace(/(.{4})(?=.)/g, "$1 ") }), h("span", { text: " · " }),
      h("span", words === seal.words ? { lang: "en", translate: "no", text: words.join(" ") } : { text: words.join(" ") }))
      : unsealed && h("p", { text: unsealed }));
}
