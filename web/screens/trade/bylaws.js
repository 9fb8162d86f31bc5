// A cooperative's by-laws: the version in force (reserve, education fund, highest dividend, patronage
// refunds and their cash part, the cash unit), every earlier version by the day it took effect, and (for the
// treasurer) new by-laws from a date, the form filled with those in force. The labels are the by-laws
// operation's own (operation-types).
import { t } from "../../i18n.js";
import { date, money, number, parseAmount, parseDecimal, today } from "../../format.js";
import { canWrite } from "../../session.js";
import { invalidate, onceWriter } from "../../api.js";
import { flash, show } from "../../router.js";
import { h, field, onSubmit } from "../../ui.js";
import { all, group, heading } from "../../books.js";
import { operationTypes, fieldLabel } from "../operation.js";

const bylaws = (ctx) => ctx.api(`/groups/${ctx.params.gid}/bylaws`);

// A setting as people read it: a percentage as its number (the label says %), the cash unit as money.
const shown = (f, v, currency) => (f.type === "amount" ? money(v, currency) : number(v));

function versionFacts(fields, version, currency) {
  return h("dl.facts.bylaws", {}, fields.flatMap((f) => [h("dt", { text: fieldLabel(f) }), h("dd", { text: shown(f, version[f.name], currency) })]));
}

function newVersion(g, fields, current, ctx) {
  ctx.send ??= onceWriter();
  const form = h("form.card", {},
    h("h3", { text: t("new_bylaws") }),
    field("effective_from", t("effective_from"), { value: today(), input: { type: "date" } }),
    fields.map((f) => field(f.name, fieldLabel(f), { value: f.type === "amount" ? String(Number(current[f.name])) : current[f.name],
      input: { inputmode: "decimal", autocomplete: "off" } })),
    h("button.primary", { type: "submit", text: t("save") }));
  const read = (f, typed) => (f.type === "amount" ? parseAmount(typed) : parseDecimal(typed));
  return onSubmit(form, async (v) => {
    const body = { effective_from: v.effective_from };
    for (const f of fields) body[f.name] = read(f, v[f.name]);
    await ctx.send(`/groups/${g.id}/bylaws`, body, { method: "PUT", signal: ctx.signal });
    invalidate(`/groups/${g.id}`);
    flash(t("bylaws_saved"));
    show();  // read again: the version in force and the history
  }, {
    validate: (v) => Object.fromEntries([
      !v.effective_from && ["effective_from", t("required")],
      ...fields.map((f) => read(f, v[f.name]) === null && [f.name, t("invalid_number")]),
    ].filter(Boolean)),
    fieldOf: (e) => (e.code === "conflict" || e.code === "invalid_date" ? "effective_from" : null),
    errors: { currency: g.currency, context: "bylaws" },
  });
}

// Its name and who may see it: app.js (the screen is fetched when first shown).
export default {
  load: (ctx) => all({ group: group(ctx), bylaws: bylaws(ctx), types: operationTypes(ctx) }),
  render({ group: g, bylaws: b, types }, ctx) {
    const fields = types.find((o) => o.type === "bylaws")?.fields || [];
    const set = b.current.operation_id !== null;
    return [
      ...heading(g, t("bylaws")),
      h("p.lead", { text: set ? t("bylaws_since", { date: date(b.current.effective_from) }) : t("bylaws_not_set") }),
      versionFacts(fields, b.current, b.currency),
      canWrite() && newVersion(g, fields, b.current, ctx),
      b.history.length > 0 && [h("h3", { text: t("bylaws_history") }),
        h("ol.cards.bylaws-history", {}, b.history.slice().reverse().map((version) => h("li.card", {},
          h("strong", { text: t("bylaws_since", { date: date(version.effective_from) }) }), versionFacts(fields, version, b.currency))))],
    ];
  },
};
