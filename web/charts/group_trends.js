// A group's charts, opened under its home: a savings group's savings and loan fund at each meeting of the
// cycle and its PAR30 at each month's end; every group's income and expenses by month. From GET
// .../reports/trends. This folder is fetched on first use, so the phone's first download stays small.
import { t } from "../i18n.js";
import { addAmounts, money, number, shortDate } from "../format.js";
import { h, failure } from "../ui.js";
import { isAbort } from "../api.js";
import { lineChart, barChart } from "./charts.js";

const last = (list) => list[list.length - 1];

function charts(g, trends) {
  const cash = (v) => money(String(v), g.currency);
  const out = [];
  const meetings = trends.meetings;
  if (meetings.length) {
    const end = last(meetings);
    out.push(lineChart({
      title: t("chart.fund"),
      summary: t("chart.fund_summary", { n: number(meetings.length), savings: cash(end.savings),
        loans: cash(end.loans_outstanding), box: cash(end.loan_fund_cash) }),
      labels: meetings.map((m) => shortDate(m.date)), labelHeading: t("chart.meeting"), format: cash,
      series: [["savings", "savings"], ["chart.loans_out", "loans_outstanding"], ["loan_fund_box", "loan_fund_cash"]]
        .map(([name, key]) => ({ name: t(name), values: meetings.map((m) => Number(m[key])) })),
    }));
  }
  const months = trends.months;
  // The year under the first month and each January.
  const labels = months.map((m, i) => shortDate(m.from, { month: true, year: i === 0 || m.from.endsWith("-01-01") }));
  const sum = (key) => cash(addAmounts(months.map((m) => m[key])));
  out.push(barChart({
    title: t("chart.income_expenses"),
    summary: t("chart.income_expenses_summary", { n: number(months.length), income: sum("income"), expenses: sum("expenses") }),
    labels, labelHeading: t("chart.month"), format: cash,
    series: ["income", "expenses"].map((key) => ({ name: t(key), values: months.map((m) => Number(m[key])) })),
  }));
  const par = months.map((m) => (m.par30 === null ? null : Math.round(Number(m.par30) * 1000) / 10));
  const known = par.filter((v) => v !== null);
  if (known.length) {
    const percent = (v) => `${number(String(v))}%`;
    out.push(lineChart({
      title: t("chart.par30"),
      summary: t("chart.par30_summary", { value: percent(last(known)), month: shortDate(last(months).from, { month: true, year: true }) }),
      labels, labelHeading: t("chart.month"), format: percent,
      series: [{ name: t("chart.late"), values: par }],
    }));
  }
  return out;
}

// Fills the opened section: the stylesheet once, then the charts, or the failure with a way to try again.
export function fill(section, ctx, g) {
  if (!document.querySelector("link[href='/charts/charts.css']")) document.head.append(h("link", { rel: "stylesheet", href: "/charts/charts.css" }));
  const body = h("div.trends-body", { "aria-busy": "true" });
  section.append(body);
  const load = () => ctx.api(`/groups/${g.id}/reports/trends`)
    .then((trends) => body.replaceChildren(...charts(g, trends)))
    .catch((error) => { if (!isAbort(error)) body.replaceChildren(failure(error, load)); })
    .finally(() => body.setAttribute("aria-busy", "false"));
  return load();
}
