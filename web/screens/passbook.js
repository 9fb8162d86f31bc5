// A member's passbook for a cycle (design/operations.md, "Savings-group reports"): one row a meeting,
// as the paper passbook has it. A table that prints on A4; on the phone it scrolls sideways.
import { t } from "../i18n.js";
import { date, isZero, money, number } from "../format.js";
import { session } from "../session.js";
import { h, table, up, printButton } from "../ui.js";
import { all, group, nameNode } from "../books.js";

const MONEY = ["savings", "social_fund", "fines", "loan_taken", "repaid_principal", "repaid_interest", "loan_outstanding"];

export default {
  name: "passbook",
  load: (ctx) => {
    const cycle = ctx.query.get("cycle");
    return all({ group: group(ctx), passbook: ctx.api(`/groups/${ctx.params.gid}/members/${ctx.params.mid}/passbook${cycle ? `?cycle=${cycle}` : ""}`) });
  },
  render({ group: g, passbook: p }, ctx) {
    const mine = session.user?.role === "member";
    const row = (r) => [date(r.date), t(`attendance.${r.attendance}`), { num: true, text: number(r.shares_bought) }, { num: true, text: number(r.shares_total) },
      ...MONEY.map((key) => ({ num: true, text: isZero(r[key]) ? "" : money(r[key], g.currency) }))];  // blank, as on paper
    const totals = p.totals && [t("total"), "", { num: true, text: number(p.totals.shares_bought ?? "") }, "",
      ...MONEY.map((key) => ({ num: true, text: p.totals[key] === undefined ? "" : money(p.totals[key], g.currency) }))];
    const headers = [t("date"), t("attendance"), { text: t("shares_bought"), num: true }, { text: t("shares_total"), num: true },
      ...MONEY.map((key) => ({ text: t(`passbook.${key}`), num: true }))];
    const sheet = table(headers, [...p.rows.map(row), ...(totals ? [totals] : [])], "table.report.passbook");
    if (totals) sheet.querySelector("tbody tr:last-child").className = "total";
    return [
      up(`/g/${g.id}/members/${ctx.params.mid}`, mine ? t("my_savings") : t("members")),
      nameNode(g, "p.group-name"),
      nameNode(p.member, "h2.person"),
      h("p.lead", { text: t("passbook") }),
      h("div.scroll-x", {}, sheet),
      printButton(),
    ];
  },
};
