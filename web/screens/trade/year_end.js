// A cooperative's year end (?year=&dividend_percent=&as_of=): the appropriation of the year's surplus as
// the by-laws make it (reserve, education fund, dividends on share capital, patronage refunds in cash and
// retained, per member), previewed as often as wanted, also as of a chosen day of the year; then, asked
// twice, the year closed on the chosen date, and its record with the seal to copy into the minutes. A year
// already closed shows what was made.
import { t } from "../../i18n.js";
import { date, isZero, money, number, plain, today } from "../../format.js";
import { canWrite } from "../../session.js";
import { invalidate, onceWriter } from "../../api.js";
import { go, flash } from "../../router.js";
import { h, field, onSubmit, table, askTwice, link } from "../../ui.js";
import { all, group, heading, nameNode } from "../../books.js";
import { errorNode } from "../../errors.js";
import { reportYear, downloads } from "./report_parts.js";

// The choice of year, dividend and the day the preview is as of (31 December unless an earlier day of the
// year is chosen: the appropriation as if the year ended then): a plain GET form, so the address keeps it.
function chooser(g, year, dividend, asOf) {
  const form = h("form.inline.no-print", {},
    field("year", t("year"), { value: String(year), input: { inputmode: "numeric", autocomplete: "off" } }),
    field("dividend_percent", t("dividend_percent"), { value: dividend, input: { inputmode: "decimal", autocomplete: "off" } }),
    field("as_of", t("preview_as_of"), { value: asOf, input: { type: "date", min: `${year}-01-01`, max: `${year}-12-31` } }),
    h("button", { type: "submit", text: t("preview") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.year.value.trim();
    // A day of another year than the one chosen is left out: the preview is then as of 31 December.
    const day = form.as_of.value.startsWith(`${chosen}-`) && !form.as_of.value.endsWith("-12-31") ? `&as_of=${form.as_of.value}` : "";
    go(`/g/${g.id}/year-end?year=${encodeURIComponent(chosen)}&dividend_percent=${encodeURIComponent(form.dividend_percent.value.trim() || "0")}${day}`);
  });
  return form;
}

// The figures of the appropriation: the year's totals, then a row per member.
export function appropriationSheet(sheet, currency) {
  const cash = (v) => money(v, currency);
  const totals = [["surplus", sheet.surplus], ["reserve", sheet.reserve], ["education", sheet.education], ["dividends", sheet.dividends],
    ["patronage_pool", sheet.patronage_pool], ["total_appropriated", sheet.total], ["left_over", sheet.left_over]];
  const cell = (v) => ({ num: true, text: isZero(v) ? "" : cash(v) });
  return [
    h("ul.balances.appropriation", {}, totals.map(([key, v]) => h("li", {}, h("span", { text: t(`appropriation.${key}`) }), h("strong.num", { text: cash(v) })))),
    h("h3", { text: t("per_member") }),
    h("div.scroll-x", {}, table([t("member"), { text: t("appropriation.share_capital"), num: true }, { text: t("appropriation.dividend"), num: true },
      { text: t("appropriation.business"), num: true }, { text: t("appropriation.refund"), num: true }, { text: t("appropriation.refund_cash"), num: true },
      { text: t("appropriation.refund_retained"), num: true }],
    sheet.members.map((m) => [{ node: nameNode(m) }, cell(m.share_capital), cell(m.dividend), cell(m.business), cell(m.refund), cell(m.refund_cash), cell(m.refund_retained)]),
    "table.report.appropriation-members")),
  ];
}

function closeForm(g, ctx, year, dividend) {
  ctx.send ??= onceWriter();
  const form = h("form.card", {},
    h("h3", { text: t("close_year", { year: plain(year) }) }),
    field("date", t("year_end_date"), { value: today(), input: { type: "date", max: today() } }));
  form.append(...askTwice(form, { ask: t("close_year", { year: plain(year) }), confirm: t("close_confirm"),
    warning: () => t("close_year_warning", { year: plain(year) }) }));
  return onSubmit(form, async (v) => {
    const done = await ctx.send(`/groups/${g.id}/operations`, { type: "year_end", date: v.date, year, dividend_percent: dividend }, { signal: ctx.signal });
    invalidate(`/groups/${g.id}`);
    flash(t("year_closed"));
    go(`/g/${g.id}/operations/${done.id}`, { replace: true });
  }, { fieldOf: (e) => (["invalid_date", "period_closed"].includes(e.code) ? "date" : null), errors: { context: "year_end" } });
}

// Its name and who may see it: app.js (the screen is fetched when first shown).
export default {
  load: (ctx) => {
    const year = reportYear(ctx);
    const dividend = ctx.query.get("dividend_percent") || "0";
    const asOf = ctx.query.get("as_of") || `${year}-12-31`;
    const day = asOf === `${year}-12-31` ? "" : `&as_of=${encodeURIComponent(asOf)}`;
    // A refusal (a loss, a dividend above the cap) is shown on the screen, not as a failed screen.
    const sheet = ctx.api(`/groups/${ctx.params.gid}/reports/appropriation?year=${year}&dividend_percent=${encodeURIComponent(dividend)}${day}`)
      .catch((error) => (error.status >= 400 && error.status < 500 ? { refused: error } : Promise.reject(error)));
    return all({ group: group(ctx), sheet, year, dividend, asOf });
  },
  render({ group: g, sheet, year, dividend, asOf }, ctx) {
    const whole = asOf === `${year}-12-31`;
    const open = !sheet.refused && !sheet.recorded && whole;
    return [
      ...heading(g, t("year_end_of", { year: plain(year) })),
      h("p.hint", { text: t("year_end_explain") }),
      chooser(g, year, dividend, asOf),
      sheet.refused ? errorNode(sheet.refused, { context: "year_end" }) : [
        h("p.lead", { text: sheet.recorded ? t("year_end_recorded", { percent: number(sheet.dividend_percent) })
          : whole ? t("year_end_preview") : t("year_end_preview_as_of", { date: date(asOf) }) }),
        appropriationSheet(sheet, g.currency),
      ],
      !sheet.refused && downloads(`/api/v1/groups/${g.id}/reports/appropriation?year=${year}&dividend_percent=${encodeURIComponent(dividend)}${whole ? "" : `&as_of=${asOf}`}`,
        `appropriation-${g.id}-${year}${whole ? "" : `-${asOf}`}.csv`),
      sheet.recorded && h("p", {}, link(`/g/${g.id}/periods/${year}-12-31`, t("see_seal"))),
      !whole && h("p.no-print", {}, link(`/g/${g.id}/year-end?year=${year}&dividend_percent=${encodeURIComponent(dividend)}`, t("preview_whole_year"))),
      open && canWrite() && closeForm(g, ctx, year, dividend),
      h("p.no-print", {}, link(`/g/${g.id}/bylaws`, t("bylaws"))),
    ];
  },
};
