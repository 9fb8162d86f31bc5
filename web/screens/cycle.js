// Start a savings-group cycle with its rules (design/operations.md, "Cycles and their settings"). The form
// starts from the last cycle's rules, or from the documented defaults; fines are a name in Khmer and in
// English and an amount each (empty rows are left out).
import { t } from "../i18n.js";
import { addDays, date, parseAmount, today } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit } from "../ui.js";
import { all, group, heading, cycles } from "../books.js";

const DEFAULTS = { share_value: "5000", min_shares: "1", max_shares: "5", loan_multiple: "3", percent_per_month: "2",
  social_fund_per_meeting: "1000", cash_unit: "100", method: "flat", meeting_every: "week",
  fines: [{ code: "late", name: "Late", name_km: "មកយឺត", amount: "500" }] };
const FINE_ROWS = 3;

// The last cycle's rules as the form's text.
function startFrom(last) {
  if (!last) return DEFAULTS;
  const plain = (v) => String(v).replace(/\.0+$/, "");
  return { ...Object.fromEntries(["share_value", "min_shares", "max_shares", "loan_multiple", "social_fund_per_meeting", "cash_unit"].map((k) => [k, plain(last[k])])),
    percent_per_month: last.interest.percent_per_month, method: last.interest.method, meeting_every: last.meeting_every,
    fines: last.fines.map((f) => ({ ...f, amount: plain(f.amount) })) };
}

function validate(v) {
  const problems = {};
  for (const key of ["share_value", "social_fund_per_meeting", "cash_unit"]) if (parseAmount(v[key]) === null) problems[key] = t("invalid_amount");
  for (const key of ["min_shares", "max_shares", "loan_multiple"]) if (!/^\d+$/.test(v[key])) problems[key] = t("whole_number");
  if (!problems.max_shares && Number(v.max_shares) < Number(v.min_shares)) problems.max_shares = t("max_below_min");
  if (!/^\d+(\.\d+)?$/.test(v.percent_per_month)) problems.percent_per_month = t("invalid_number");
  for (let i = 0; i < FINE_ROWS; i++) {
    const named = v[`fine_name_km_${i}`].trim() || v[`fine_name_${i}`].trim();
    if (named && parseAmount(v[`fine_amount_${i}`]) === null) problems[`fine_amount_${i}`] = t("invalid_amount");
    else if (!named && v[`fine_amount_${i}`].trim()) problems[`fine_name_km_${i}`] = t("required");
  }
  return problems;
}

// The fines as the API wants them: a code each (kept from the last cycle, else made from the row).
function fines(v, before) {
  const out = [];
  for (let i = 0; i < FINE_ROWS; i++) {
    const name = v[`fine_name_${i}`].trim();
    const nameKm = v[`fine_name_km_${i}`].trim();
    if (!name && !nameKm) continue;
    const code = before[i]?.code || `fine_${i + 1}`;
    out.push({ code, name: name || nameKm, ...(nameKm && { name_km: nameKm }), amount: parseAmount(v[`fine_amount_${i}`]) });
  }
  return out;
}

export default {
  name: "cycle-new",
  roles: ["admin", "treasurer"],
  load: (ctx) => all({ group: group(ctx), cycles: cycles(ctx) }),
  render({ group: g, cycles: list }, ctx) {
    const open = list.find((c) => c.status === "open");
    if (open) return [...heading(g, t("start_cycle")), h("p.note", { text: t("cycle_open", { date: date(open.start) }) })];
    const start = startFrom(list.at(-1));
    // The day after the last cycle closed at the earliest: its books are closed up to that day.
    const closed = list.at(-1)?.closed_on;
    const first = closed && closed >= today() ? addDays(closed, 1) : today();
    const number = (name) => field(name, t(`cycle.${name}`), { value: start[name], input: { inputmode: "decimal", autocomplete: "off" } });
    const fineRow = (i) => h("div.fine-row", {},
      field(`fine_name_km_${i}`, t("fine_name_km"), { value: start.fines[i]?.name_km ?? "", input: { autocomplete: "off", lang: "km" } }),
      field(`fine_name_${i}`, t("fine_name"), { value: start.fines[i]?.name ?? "", input: { autocomplete: "off" } }),
      field(`fine_amount_${i}`, t("amount"), { value: start.fines[i]?.amount ?? "", input: { inputmode: "numeric", autocomplete: "off" } }));
    const form = h("form.card", {},
      field("start", t("cycle.start"), { value: first, input: { type: "date", min: closed ? addDays(closed, 1) : undefined } }),
      ["share_value", "min_shares", "max_shares", "loan_multiple", "percent_per_month"].map(number),
      field("method", t("cycle.method"), { value: start.method, options: [["flat", t("interest.flat")], ["declining", t("interest.declining")]] }),
      ["social_fund_per_meeting", "cash_unit"].map(number),
      field("meeting_every", t("cycle.meeting_every"), { value: start.meeting_every, options: ["week", "2weeks", "month"].map((k) => [k, t(`every.${k}`)]) }),
      h("fieldset.fines", {}, h("legend", { text: t("fines") }), Array.from({ length: FINE_ROWS }, (_, i) => fineRow(i))),
      h("button.primary", { type: "submit", text: t("start_cycle") }));
    ctx.send ??= onceWriter();
    return [...heading(g, t("start_cycle")), list.length > 0 && h("p.hint", { text: t("rules_from_last") }), onSubmit(form, async (v) => {
      await ctx.send(`/groups/${g.id}/cycles`, {
        start: v.start, share_value: parseAmount(v.share_value), min_shares: Number(v.min_shares), max_shares: Number(v.max_shares),
        loan_multiple: Number(v.loan_multiple), interest: { percent_per_month: v.percent_per_month, method: v.method },
        social_fund_per_meeting: parseAmount(v.social_fund_per_meeting), cash_unit: parseAmount(v.cash_unit), meeting_every: v.meeting_every,
        fines: fines(v, start.fines),
      }, { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("cycle_started"));
      go(`/g/${g.id}`, { replace: true });
    }, { validate })];
  },
};
