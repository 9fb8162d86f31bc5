// A group's reports, for staff and treasurers: every report of its kind (each opens on its own screen, prints
// on A4 and downloads as CSV), the audit trail (staff and admins) and the proof the books were not altered.
import { t } from "../../i18n.js";
import { session } from "../../session.js";
import { h } from "../../ui.js";
import { group, heading } from "../../books.js";
import { staffAssets } from "./staff.js";

// [key of its name, screen, the API report for its CSV (none: no CSV of its own)], by kind of group.
const COMMON = [
  ["trial_balance", "trial-balance", "trial-balance"],
  ["report.balance_sheet", "reports/balance-sheet", "balance-sheet"],
  ["report.income_statement", "reports/income-statement", "income-statement"],
  ["report.cash_book", "reports/cash-book", "cash-book"],
  ["report.general_ledger", "reports/general-ledger", "general-ledger"],
  ["report.member_balances", "reports/member-balances", "member-balances"],
];
const BY_KIND = {
  savings_group: [["report.loan_portfolio", "reports/loan-portfolio", "loan-portfolio"], ["report.cycle_summary", "reports/cycle-summary", "cycle-summary"],
    ["share_out", "share-out", "share-out"]],
  agri_cooperative: [["report.loan_portfolio", "reports/loan-portfolio", "loan-portfolio"], ["report.annual", "annual", null]],
  joint_task: [["report.harvest", "harvest", null]],
};

const item = (g, [name, screen, api]) => h("li.report-item", {},
  h("a.card", { href: `#/g/${g.id}/${screen}`, "data-report": screen, text: t(name) }),
  api && h("a.button.quiet.csv", { href: `/api/v1/groups/${g.id}/reports/${api}?format=csv`, download: `${api}-${g.id}.csv` },
    h("span", { text: t("download") }), " ", h("span", { lang: "en", text: "CSV" })));

export default {
  load: async (ctx) => (await Promise.all([group(ctx), staffAssets()]))[0],
  render(g) {
    const auditor = ["staff", "admin"].includes(session.user?.role);
    return [
      ...heading(g, t("all_reports")),
      h("ul.report-list", {}, [...COMMON, ...(BY_KIND[g.kind] || [])].map((r) => item(g, r))),
      h("h3", { text: t("staff.audit_heading") }),
      h("ul.report-list", {},
        auditor && h("li", {}, h("a.card", { href: `#/g/${g.id}/audit`, text: t("staff.audit_trail") })),
        h("li", {}, h("a.card", { href: `#/g/${g.id}/verify`, text: t("verify") })),
        h("li", {}, h("a.card", { href: `#/g/${g.id}/periods`, text: t("periods") }))),
    ];
  },
};
