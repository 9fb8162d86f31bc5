// Single operations between meetings (a fine, a repayment, an expense, ...) as short forms built from
// GET .../operation-types. operations.md fixes the request of each type but not yet how a type
// describes its fields; this screen reads the shape below and needs the API to confirm it:
//   {"items": [{"type": "fine", "name": "Fine", "name_km": "…",
//               "fields": [{"name": "member_id", "kind": "member"|"money"|"date"|"text"|"count"|"choice"|"yes_no",
//                           "label": "…", "label_km": "…", "required": true, "options": [{"value", "name", "name_km"}]}]}]}
import { localName, t, lang } from "../i18n.js";
import { parseAmount, today } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit, link } from "../ui.js";
import { all, group, members, heading } from "../books.js";

export const operationTypes = (ctx, gid = ctx.params.gid) =>
  ctx.api(`/groups/${gid}/operation-types`, { cached: true }).then((o) => o.items);

const label = (f) => (lang() === "km" && f.label_km) || f.label || f.name;

function control(f, people) {
  const options = f.kind === "member" ? [["", "—"], ...people.map((m) => [String(m.id), localName(m)])]
    : f.kind === "choice" ? [["", "—"], ...f.options.map((o) => [String(o.value), localName(o)])]
      : f.kind === "yes_no" ? [["false", t("no")], ["true", t("yes")]] : null;
  if (options) return field(f.name, label(f), { options, value: f.kind === "yes_no" ? "false" : "" });
  const input = { money: { inputmode: "numeric" }, count: { inputmode: "numeric" }, date: { type: "date" } }[f.kind] || {};
  return field(f.name, label(f), { value: f.kind === "date" ? today() : undefined, input: { autocomplete: "off", ...input } });
}

// A field's typed text as the request wants it; undefined when left empty.
function value(f, typed) {
  if (typed === "" || typed === undefined) return undefined;
  if (f.kind === "money") return parseAmount(typed) ?? typed;
  if (f.kind === "count" || f.kind === "member") return Number(typed);
  if (f.kind === "yes_no") return typed === "true";
  return typed;
}

function validate(fields, v) {
  const problems = {};
  for (const f of fields) {
    if (f.required && !v[f.name]) problems[f.name] = t("required");
    else if (v[f.name] && f.kind === "money" && parseAmount(v[f.name]) === null) problems[f.name] = t("invalid_amount");
    else if (v[f.name] && f.kind === "count" && !/^\d+$/.test(v[f.name])) problems[f.name] = t("whole_number");
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
      h("nav.actions", {}, types.filter((o) => o.type !== "meeting").map((o) => link(`/g/${g.id}/record/${o.type}`, localName(o), "a.button.action")))];
  },
};

// One operation's form.
export const operation = {
  name: "operation",
  roles: ["admin", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx), types: operationTypes(ctx) }),
  render({ group: g, members: people, types }, ctx) {
    const type = types.find((o) => o.type === ctx.params.type);
    if (!type) return [...heading(g, t("record_other")), h("p", { text: t("not_found_text") })];
    const fields = [{ name: "date", kind: "date", label: t("date"), required: true }, ...type.fields.filter((f) => f.name !== "date")];
    ctx.send ??= onceWriter();
    const form = h("form.card", {}, fields.map((f) => control(f, people)), h("button.primary", { type: "submit", text: t("save") }));
    return [...heading(g, localName(type), `/g/${g.id}/record`, t("record_other")), onSubmit(form, async (v) => {
      const body = { type: type.type };
      for (const f of fields) if (value(f, v[f.name]) !== undefined) body[f.name] = value(f, v[f.name]);
      await ctx.send(`/groups/${g.id}/operations`, body, { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("recorded"));
      go(`/g/${g.id}`, { replace: true });
    }, { validate: (v) => validate(fields, v), errors: { members: people, currency: g.currency } })];
  },
};
