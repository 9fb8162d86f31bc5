// Single operations between meetings (a fine, a repayment, an expense, a member leaving, ...) as short
// forms built from GET .../operation-types: each field by its type (member, loan, account, fine, amount,
// count, yes/no, choice, date); an object of such fields as a box of them (an exchange's from and to), a list
// of days per member as a row per member (labour). A group that trades also sees its sums as it types
// (trade/trade_form.js). Other nested types have screens of their own (the meeting, starting a cycle, the
// share-out, by-laws, the year end); opening balances from paper are left to a later screen.
import { has, lang, localName, t } from "../i18n.js";
import { addAmounts, money, parseAmount, parseDecimal, today } from "../format.js";
import { invalidate } from "../api.js";
import { outboxWriter } from "../outbox.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit, link } from "../ui.js";
import { all, group, members, accounts, heading, openCycle, openLoans, byId, memberLabel, sorted } from "../books.js";

export const operationTypes = (ctx, gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/operation-types`, { cached: true }).then((o) => o.items);

const FLAT = ["text", "amount", "integer", "boolean", "date", "id", "choice"];
const OWN_SCREEN = ["meeting", "share_out", "cycle_start", "cycle_settings", "year_end", "bylaws"];
// An object of plain fields is asked as those fields ("from.account"); a list of {member, whole number}
// as one row per member (the work days of a labour expense).
const flatObject = (f) => f.type === "object" && f.fields.every((x) => FLAT.includes(x.type));
const perMember = (f) => f.type === "list" && f.items?.type === "object" && f.items.fields.length === 2 &&
  f.items.fields.some((x) => x.refers_to === "member") && f.items.fields.some((x) => x.type === "integer");
const offered = (o) => !OWN_SCREEN.includes(o.type) && o.fields.every((f) => FLAT.includes(f.type) || flatObject(f) || perMember(f));

// The server's label in the reader's language; ours where the server has none in it (it repeats the name).
const latin = /[A-Za-z]/;
function pick(thing, key, fallback) {
  const text = lang() === "km" ? thing[`${key}_km`] : thing[key];
  return text && text !== thing.name && !(lang() === "km" && latin.test(text)) ? text : has(fallback) ? t(fallback) : text || thing.name;
}
export const typeLabel = (o) => pick({ ...o, name: o.type }, "label", `op.${o.type}`);
// What was recorded, by name: ours (km.json) for a savings group's operations and a reversal, else the
// type's label from the server.
export const opTitle = (op, types) => (has(`op.${op.type}`) ? t(`op.${op.type}`)
  : typeLabel(types?.find((o) => o.type === op.type) || { type: op.type, label: op.type }));
export const fieldLabel = (f) => pick({ ...f, name: f.name.split(".").at(-1) }, "label", `field.${f.name}`);

const isCash = (code) => /^10\d\d$/.test(code);
// Text fields that hold a number (a quantity, a rate, a percentage): typed with a number pad.
export const isDecimalText = (f) => f.type === "text" && /quantity|rate|percent/.test(f.name);

// The choices of a field that names something of the group, as [value, text] pairs. An account field asks
// for a cash box or bank unless it is the operation's own "account" (an expense's, a payment's).
function choices(f, type, data) {
  const { people, loans, list, cycle, currency } = data;
  if (f.refers_to === "member") return sorted(people).filter((m) => !m.left_on).map((m) => [String(m.id), localName(m)]);
  if (f.refers_to === "loan") {
    const who = byId(people);
    return loans.map((l) => [String(l.id), `${memberLabel(who.get(String(l.member_id)), l.member_id)} · ${money(addAmounts([l.outstanding, l.interest_due]), currency)}`]);
  }
  if (f.refers_to === "account") return list.filter((a) => type.accounts.includes(a.code) && isCash(a.code) === (f.name !== "account"))
    .map((a) => [a.code, localName(a)]);
  if (f.refers_to === "fine") return (cycle?.fines || []).map((x) => [x.code, `${localName(x)} · ${money(x.amount, currency)}`]);
  if (f.name === "currency") return currencies(data).map((c) => [c, t(`currency.${c}`)]);
  if (f.type === "boolean") return [["false", t("no")], ["true", t("yes")]];
  if (f.type === "choice") return f.choices.map((c) => [c, has(`choice.${c}`) ? t(`choice.${c}`) : c]);
  return null;
}

// The currencies the group keeps cash in, its own first.
const currencies = ({ list, currency }) => [...new Set([currency, ...list.filter((a) => isCash(a.code)).map((a) => a.currency)])];

function control(f, type, data, preset) {
  const options = choices(f, type, data);
  if (options) {
    const blank = f.type !== "boolean" && f.name !== "currency" && (!f.required || options.length !== 1);
    // Money goes out of and comes into the loan-fund box unless said otherwise.
    const usual = type.type !== "transfer" && ["from", "to"].includes(f.name) ? "1010" : f.name === "currency" ? data.currency : "";
    return field(f.name, fieldLabel(f), { options: blank ? [["", "—"], ...options] : options, value: preset ?? usual });
  }
  const input = { amount: { inputmode: "decimal" }, integer: { inputmode: "numeric" }, date: { type: "date", max: today() } }[f.type]
    || (isDecimalText(f) ? { inputmode: "decimal" } : {});
  return field(f.name, fieldLabel(f), { value: preset ?? (f.name === "date" ? today() : undefined), input: { autocomplete: "off", ...input } });
}

// Work days (or another whole number) per member: a row per member, left empty for those who did none.
function memberRows(f, data) {
  const count = f.items.fields.find((x) => x.type === "integer");
  return h("details.member-rows", {}, h("summary", { text: fieldLabel(f) }),
    sorted(data.people).filter((m) => !m.left_on).map((m) =>
      field(`${f.name}.${m.id}`, `${localName(m)} · ${fieldLabel(count)}`, { input: { inputmode: "numeric", autocomplete: "off" } })));
}

// The form's fields, objects opened up: [{ f (named by its path), parent? }]; lists per member apart (memberRows).
function formFields(type, named) {
  const top = [{ name: "date", type: "date", required: true },
    ...type.fields.filter((f) => !perMember(f) && !(named && f.refers_to === "member" && !f.required)), { name: "memo", type: "text" }];
  return top.flatMap((f) => (flatObject(f) ? f.fields.map((x) => ({ f: { ...x, name: `${f.name}.${x.name}` }, parent: f })) : [{ f }]));
}

// A field's typed text as the request wants it; undefined when left empty.
function value(f, typed) {
  if (typed === "" || typed === undefined) return undefined;
  if (f.type === "amount") return parseAmount(typed) ?? typed;
  if (f.type === "integer" || f.type === "id") return Number(typed);
  if (f.type === "boolean") return typed === "true";
  if (isDecimalText(f)) return parseDecimal(typed) ?? typed;
  return typed;
}

// An object's fields are asked only when it is required or one of them was filled in.
const asked = (item, v) => !item.parent || item.parent.required || item.parent.fields.some((x) => v[`${item.parent.name}.${x.name}`]);

function validate(items, lists, v) {
  const problems = {};
  for (const { f, parent } of items) {
    const typed = v[f.name];
    if (f.required && !typed && asked({ parent }, v)) problems[f.name] = t("required");
    else if (typed && f.type === "amount" && parseAmount(typed) === null) problems[f.name] = t("invalid_amount");
    else if (typed && isDecimalText(f) && parseDecimal(typed) === null) problems[f.name] = t("invalid_number");
    else if (typed && f.type === "integer" && !/^\d+$/.test(typed)) problems[f.name] = t("whole_number");
  }
  for (const f of lists)
    for (const [name, typed] of Object.entries(v)) if (name.startsWith(`${f.name}.`) && typed && !/^\d+$/.test(typed)) problems[name] = t("whole_number");
  return problems;
}

// The request: objects put back together, a member list from its filled-in rows.
function request(type, items, lists, v) {
  const body = { type: type.type };
  for (const item of items) {
    const got = value(item.f, v[item.f.name]);
    if (got === undefined || !asked(item, v)) continue;
    if (!item.parent) body[item.f.name] = got;
    else (body[item.parent.name] ??= {})[item.f.name.split(".")[1]] = got;
  }
  for (const f of lists) {
    const [member, count] = [f.items.fields.find((x) => x.refers_to === "member"), f.items.fields.find((x) => x.type === "integer")];
    const rows = Object.entries(v).filter(([name, typed]) => name.startsWith(`${f.name}.`) && Number(typed) > 0)
      .map(([name, typed]) => ({ [member.name]: Number(name.split(".")[1]), [count.name]: Number(typed) }));
    if (rows.length) body[f.name] = rows;
  }
  return body;
}

// The list of what can be recorded.
export const operations = {
  name: "operations",
  roles: ["admin", "treasurer"],
  load: (ctx) => all({ group: group(ctx), types: operationTypes(ctx) }),
  render({ group: g, types }) {
    return [...heading(g, t("record_other")),
      h("nav.actions", {}, types.filter(offered).map((o) => link(`/g/${g.id}/record/${o.type}`, typeLabel(o), "a.button.action")))];
  },
};

// One operation's form; ?member_id= or ?loan_id= fills that field in (a member leaving, a loan written off).
export const operation = {
  name: "operation",
  roles: ["admin", "treasurer"],
  load: async (ctx) => {
    const types = await operationTypes(ctx);
    const type = types.find((o) => o.type === ctx.params.type && offered(o));
    const needs = (what) => type?.fields.some((f) => f.refers_to === what);
    return all({ group: group(ctx), members: members(ctx), type, list: accounts(ctx),
      // The sums shown as a trade is typed (screens/trade/), only for groups that trade.
      sums: group(ctx).then((g) => (g.kind === "savings_group" ? null : import("./trade/trade_form.js"))),
      loans: needs("loan") ? openLoans(ctx) : [], cycle: needs("fine") ? openCycle(ctx) : null });
  },
  render({ group: g, members: people, type, loans, list, cycle, sums }, ctx) {
    if (!type) return [...heading(g, t("record_other")), h("p", { text: t("not_found_text") })];
    // A loan names its member: the optional member of a repayment is not asked.
    const named = type.fields.some((f) => f.refers_to === "loan");
    const items = formFields(type, named);
    const lists = type.fields.filter(perMember);
    const data = { people, loans, list, cycle, currency: g.currency };
    ctx.send ??= outboxWriter({ group: g, type: type.type, title: { label: type.label, label_km: type.label_km }, members: people });
    const controls = [];
    for (const item of items) {
      const node = control(item.f, type, data, ctx.query.get(item.f.name) ?? undefined);
      if (!item.parent) controls.push(node);
      else if (item.parent.fields[0].name === item.f.name.split(".")[1])
        controls.push(h("fieldset.part", {}, h("legend", { text: fieldLabel(item.parent) }), node));
      else controls.at(-1).append(node);
    }
    const form = h("form.card", {}, controls, lists.map((f) => memberRows(f, data)), h("button.primary", { type: "submit", text: t("save") }));
    if (sums) form.insertBefore(sums.liveSums(form, data), form.lastChild);
    if (sums && type.type === "allocation") form.prepend(sums.allocationSurplus(form, ctx, g));
    return [...heading(g, typeLabel(type), `/g/${g.id}/record`, t("record_other")), onSubmit(form, async (v) => {
      const done = await ctx.send(`/groups/${g.id}/operations`, request(type, items, lists, v), { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t(done.queued ? "outbox.kept" : "recorded"));
      go(done.queued ? `/g/${g.id}` : `/g/${g.id}/operations/${done.id}`, { replace: true });
    }, { validate: (v) => validate(items, lists, v), errors: { members: people, currency: g.currency, cycle, accounts: list } })];
  },
};
