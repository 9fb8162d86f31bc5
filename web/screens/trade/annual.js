// A cooperative's annual report for the general assembly (?year=): the financial position on 31 December,
// the income statement, the appropriation of the surplus with each member's patronage, and the changes in
// members' equity; printable on A4 with the year's seal, and as CSV.
import { t } from "../../i18n.js";
import { number, plain } from "../../format.js";
import { h } from "../../ui.js";
import { all, group, members, byId, heading } from "../../books.js";
import { errorNode } from "../../errors.js";
import { appropriationSheet } from "./year_end.js";
import { reportYear, yearSeal, yearChooser, reportHead, positionTables, incomeTables, equityTable, downloads } from "./report_parts.js";

// Its name and who may see it: app.js (the screen is fetched when first shown).
export default {
  load: (ctx) => {
    const year = reportYear(ctx);
    return all({ group: group(ctx), members: members(ctx), year, seal: yearSeal(ctx, year),
      report: ctx.api(`/groups/${ctx.params.gid}/reports/annual?year=${year}`) });
  },
  render({ group: g, members: list, year, seal, report }) {
    const path = `/g/${g.id}/annual`;
    const sheet = report.appropriation;
    return [
      ...heading(g, t("annual_report_of", { year: plain(year) })),
      yearChooser(path, year),
      reportHead(year, seal),
      h("section.report-part", {}, h("h3", { text: t("financial_position") }), positionTables(report.financial_position)),
      h("section.report-part", {}, h("h3", { text: t("income_statement") }), incomeTables(report.income_statement)),
      h("section.report-part", {}, h("h3", { text: t("appropriation") }),
        sheet ? [h("p", { text: sheet.recorded ? t("year_end_recorded", { percent: number(sheet.dividend_percent) }) : t("year_end_preview") }),
          appropriationSheet(sheet, report.currency)]
          : errorNode({ ...report.appropriation_refused, status: 422 }, { context: "year_end" })),
      h("section.report-part", {}, h("h3", { text: t("changes_in_equity") }), equityTable(report.changes_in_equity, byId(list))),
      downloads(`/api/v1/groups/${g.id}/reports/annual?year=${year}`, `annual-report-${g.id}-${year}.csv`),
    ];
  },
};
