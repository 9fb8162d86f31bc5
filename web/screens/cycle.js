// Start a savings-group cycle with its rules (design/operations.md, "Cycles and their settings"); the
// form starts from the documented defaults.
import { t } from "../i18n.js";
import { parseAmount, today } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit } from "../ui.js";
import { group, heading } from "../books.js";

const DEFAULTS = { share_value: "5000", min_shares: "1", max_shares: "5", loan_multiple: "3", percent_per_month: "2",
  social_fund_per_meeting: "1000", cash_unit: "100" };

function validate(v) {
  const problems = {};
  for (const key of ["share_value", "social_fund_per_meeting", "cash_unit"]) if (parseAmount(v[key]) === null) problems[key] = t("invalid_amount");
  for (const key of ["min_shares", "max_shares", "loan_multiple"]) if (!/^\d+$/.test(v[key])) problems[key] = t("whole_number");
  if (!problems.max_shares && Number(v.max_shares) < Number(v.min_shares)) problems.max_shares = t("max_below_min");
  if (!/^\d+(\.\d+)?$/.test(v.percent_per_month)) problems.percent_per_month = t("invalid_number");
  return problems;
}

export default {
  name: "cycle-new",
  roles: ["admin", "treasurer"],
  load: (ctx) => group(ctx),
  render(g, ctx) {
    const number = (name) => field(name, t(`cycle.${name}`), { value: DEFAULTS[name], input: { inputmode: "decimal", autocomplete: "off" } });
    const form = h("form.card", {},
      field("start", t("cycle.start"), { value: today(), input: { type: "date" } }),
      ["share_value", "min_shares", "max_shares", "loan_multiple", "percent_per_month"].map(number),
      field("method", t("cycle.method"), { value: "flat", options: [["flat", t("interest.flat")], ["declining", t("interest.declining")]] }),
      ["social_fund_per_meeting", "cash_unit"].map(number),
      field("meeting_every", t("cycle.meeting_every"), { value: "week", options: ["week", "2weeks", "month"].map((k) => [k, t(`every.${k}`)]) }),
      h("button.primary", { type: "submit", text: t("start_cycle") }));
    ctx.send ??= onceWriter();
    return [...heading(g, t("start_cycle")), onSubmit(form, async (v) => {
      await ctx.send(`/groups/${g.id}/cycles`, {
        start: v.start, share_value: parseAmount(v.share_value), min_shares: Number(v.min_shares), max_shares: Number(v.max_shares),
        loan_multiple: Number(v.loan_multiple), interest: { percent_per_month: v.percent_per_month, method: v.method },
        social_fund_per_meeting: parseAmount(v.social_fund_per_meeting), cash_unit: parseAmount(v.cash_unit), meeting_every: v.meeting_every,
      }, { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("cycle_started"));
      go(`/g/${g.id}`, { replace: true });
    }, { validate })];
  },
};
