// Single operations between meetings (a fine, a repayment, an expense, a member leaving, ...) as short
// forms built from GET .../operation-types: each field by its type (member, loan, account, fine, amount,
// count, yes/no, choice, date). Types with nested fields have screens of their own (the meeting, starting a
// cycle, the share-out); opening balances from paper are left to a later screen.
import { has, lang, localName, t } from "../i18n.js";
import { addAmounts, money, parseAmount, today } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit, link } from "../ui.js";
import { all, group, members, accounts, heading, openCycle, openLoans, byId, memberLabel, sorted } from "../books.js";

export const operationTypes = (ctx, gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/operation-types`, { cached: true }).then((o) => o.items);

const FLAT = ["text", "amount", "integer", "boolean", "date", "id", "choice"];
const OWN_SCREEN = ["meeting", "share_out", "cycle_start", "cycle_settings"];
const offered = (o) => !OWN_SCREEN.includes(o.type) && o.fields.every((f) => FLAT.includes(f.type));

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
export const fieldLabel = (f) => pick(f, "label", `field.${f.name}`);

const isCash = (code) => /^10\d\d$/.test(code);

// The choices of a field that names something of the group, as [value, text] pairs.
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
  if (f.type === "boolean") return [["false", t("no")], ["true", t("yes")]];
  if (f.type === "choice") return f.choices.map((c) => [c, has(`choice.${c}`) ? t(`choice.${c}`) : c]);
  return null;
}

function control(f, type, data, preset) {
  const options = choices(f, type, data);
  if (options) {
    const blank = f.type !== "boolean" && (!f.required || options.length !== 1);
    // Money goes out of and comes into the loan-fund box unless said otherwise.
    const usual = type.type !== "transfer" && ["from", "to"].includes(f.name) ? "1010" : "";
    return field(f.name, fieldLabel(f), { options: blank ? [["", "—"], ...options] : options, value: preset ?? usual });
  }
  const input = { amount: { inputmode: "decimal" }, integer: { inputmode: "numeric" }, date: { type: "date", max: today() } }[f.type] || {};
  return field(f.name, fieldLabel(f), { value: preset ?? (f.type === "date" ? today() : undefined), input: { autocomplete: "off", ...input } });
}

// A field's typed text as the request wants it; undefined when left empty.
function value(f, typed) {
  if (typed === "" || typed === undefined) return undefined;
  if (f.type === "amount") return parseAmount(typed) ?? typed;
  if (f.type === "integer" || f.type === "id") return Number(typed);
  if (f.type === "boolean") return typed === "true";
  return typed;
}

function validate(fields, v) {
  const problems = {};
  for (const f of fields) {
    if (f.required && !v[f.name]) problems[f.name] = t("required");
    else if (v[f.name] && f.type === "amount" && parseAmount(v[f.name]) === null) problems[f.name] = t("invalid_amount");
    else if (v[f.name] && f.type === "integer" && !/^\d+$/.test(v[f.name])) problems[f.name] = t("whole_number");
  }
  return problems;
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
    return all({ group: group(ctx), members: members(ctx), type,
      loans: needs("loan") ? openLoans(ctx) : [], list: needs("account") ? accounts(ctx) : [], cycle: needs("fine") ? openCycle(ctx) : null });
  },
  render({ group: g, members: people, type, loans, list, cycle }, ctx) {
    if (!type) return [...heading(g, t("record_other")), h("p", { text: t("not_found_text") })];
    // A loan names its member: the optional member of a repayment is not asked.
    const named = type.fields.some((f) => f.refers_to === "loan");
    const fields = [{ name: "date", type: "date", required: true }, ...type.fields.filter((f) => !(named && f.refers_to === "member" && !f.required)),
      { name: "memo", type: "text" }];
    const data = { people, loans, list, cycle, currency: g.currency };
    ctx.send ??= onceWriter();
    const form = h("form.card", {}, fields.map((f) => control(f, type, data, ctx.query.get(f.name) ?? undefined)),
      h("button.primary", { type: "submit", text: t("save") }));
    return [...heading(g, typeLabel(type), `/g/${g.id}/record`, t("record_other")), onSubmit(form, async (v) => {
      const body = { type: type.type };
      for (const f of fields) if (value(f, v[f.name]) !== undefined) body[f.name] = value(f, v[f.name]);
      const done = await ctx.send(`/groups/${g.id}/operations`, body, { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("recorded"));
      go(`/g/${g.id}/operations/${done.id}`, { replace: true });
    }, { validate: (v) => validate(fields, v), errors: { members: people, currency: g.currency, cycle, accounts: list } })];
  },
};
