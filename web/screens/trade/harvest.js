// A joint-task committee's harvest report (?year=): each harvest (what was sold after the previous
// allocation, up to the allocation that shared it; the last may still be open) with its sales by crop in kg,
// its income and costs, and how its surplus was allocated by the committee's decision, member by member;
// then the year's totals. Printable on A4 with the year's seal, and as CSV.
import { t } from "../../i18n.js";
import { date, money, number, plain, today } from "../../format.js";
import { h, table } from "../../ui.js";
import { all, group, members, byId, heading, nameNode } from "../../books.js";
import { reportYear, yearSeal, yearChooser, reportHead, incomeTables, downloads } from "./report_parts.js";

const salesTable = (sales) => sales.length > 0 && h("div.scroll-x", {}, table([t("crop"), { text: t("quantity_kg"), num: true }, { text: t("amount"), num: true }],
  sales.map((s) => [{ node: h("span", { translate: "no", text: s.crop }) }, { num: true, text: number(s.quantity_kg) }, { num: true, text: money(s.amount, s.currency) }]),
  "table.report"));

function allocation(a, currency, people) {
  if (!a) return h("p.note", { text: t("harvest_open") });
  const shares = [["village_fund", a.village_fund], ["reinvest", a.reinvest], ["members_amount", a.members_amount]];
  return [
    h("p", {}, h("span", { text: `${t("decision")}: ` }), h("span", { translate: "no", text: a.decision }), h("span", { text: ` · ${date(a.date)}` })),
    h("ul.balances", {}, h("li", {}, h("span", { text: t("surplus") }), h("strong.num", { text: money(a.surplus, currency) })),
      shares.map(([key, v]) => h("li", {}, h("span", { text: t(`allocation.${key}`) }), h("strong.num", { text: money(v, currency) })))),
    a.members.length > 0 && [
      h("p", { text: a.split === "work_days" ? t("split_by_work_days", { from: date(a.work_from), to: date(a.work_to) }) : t("split_equal") }),
      h("div.scroll-x", {}, table([t("member"), { text: t(a.split === "work_days" ? "work_days" : "share_weight"), num: true }, { text: t("amount"), num: true }],
        a.members.map((m) => [{ node: people.get(String(m.member_id)) ? nameNode(people.get(String(m.member_id))) : nameNode(m) }, { num: true, text: number(m.weight) },
          { num: true, text: money(m.amount, currency) }]), "table.report")),
    ],
  ];
}

// Its name and who may see it: app.js (the screen is fetched when first shown).
export default {
  load: (ctx) => {
    const year = reportYear(ctx, Number(today().slice(0, 4)));
    return all({ group: group(ctx), members: members(ctx), year, seal: yearSeal(ctx, year),
      report: ctx.api(`/groups/${ctx.params.gid}/reports/harvest?year=${year}`) });
  },
  render({ group: g, members: list, year, seal, report }) {
    const people = byId(list);
    const totals = report.year_totals;
    return [
      ...heading(g, t("harvest_report_of", { year: plain(year) })),
      yearChooser(`/g/${g.id}/harvest`, year),
      reportHead(year, seal),
      report.harvests.map((x, i) => h("section.report-part", {},
        h("h3", { text: t("harvest_number", { n: number(i + 1), from: date(x.from || `${year}-01-01`), to: date(x.to) }) }),
        salesTable(x.sales), incomeTables(x.income_statement), allocation(x.allocation, report.currency, people))),
      h("section.report-part", {}, h("h3", { text: t("year_totals") }), salesTable(totals.sales), incomeTables(totals.income_statement),
        h("ul.balances", {}, [["village_fund", totals.village_fund], ["reinvest", totals.reinvest], ["members_amount", totals.members]]
          .map(([key, v]) => h("li", {}, h("span", { text: t(`allocation.${key}`) }), h("strong.num", { text: money(v, report.currency) }))))),
      downloads(`/api/v1/groups/${g.id}/reports/harvest?year=${year}`, `harvest-report-${g.id}-${year}.csv`),
    ];
  },
};
