// A member's passbook for a cycle (design/operations.md, "Savings-group reports"): one row a meeting (and
// one for each movement between meetings), as the paper passbook has it. A table that prints on A4; on the
// phone it scrolls sideways.
import { has, t } from "../i18n.js";
import { date, isZero, money, number } from "../format.js";
import { session } from "../session.js";
import { h, table, up, printButton } from "../ui.js";
import { all, group, nameNode, printHead, sealThrough } from "../books.js";

const MONEY = ["savings", "social_fund", "fines", "loan_taken", "repaid_principal", "repaid_interest", "grant", "written_off", "loan_outstanding"];
// Columns that are empty all cycle long are left out (a grant or a write-off is rare).
const RARE = ["grant", "written_off"];

export default {
  name: "passbook",
  load: (ctx) => {
    const cycle = ctx.query.get("cycle");
    const passbook = ctx.api(`/groups/${ctx.params.gid}/members/${ctx.params.mid}/passbook${cycle ? `?cycle=${cycle}` : ""}`);
    // A cycle shared out was closed with a seal: the print carries it.
    return all({ group: group(ctx), passbook, close: passbook.then((p) => p.cycle.closed_on ? sealThrough(ctx, p.cycle.closed_on) : null) });
  },
  render({ group: g, passbook: p, close }, ctx) {
    const mine = session.user?.role === "member";
    const columns = MONEY.filter((key) => !RARE.includes(key) || !isZero(p.totals[key]));
    const what = (r) => (r.attendance ? t(`attendance.${r.attendance}`) : has(`op.${r.type}`) ? t(`op.${r.type}`) : "");
    const row = (r) => [date(r.date), what(r), { num: true, text: r.shares_bought ? number(r.shares_bought) : "" }, { num: true, text: number(r.shares_total) },
      ...columns.map((key) => ({ num: true, text: isZero(r[key]) ? "" : money(r[key], g.currency) }))];  // blank, as on paper
    const totals = [t("total"), "", { num: true, text: number(p.totals.shares_bought ?? "") }, { num: true, text: number(p.totals.shares_total ?? "") },
      ...columns.map((key) => ({ num: true, text: p.totals[key] === undefined ? "" : money(p.totals[key], g.currency) }))];
    const headers = [t("date"), t("attendance"), { text: t("shares_bought"), num: true }, { text: t("shares_total"), num: true },
      ...columns.map((key) => ({ text: t(`passbook.${key}`), num: true }))];
    const sheet = table(headers, [...p.rows.map(row), totals], "table.report.passbook");
    sheet.querySelector("tbody tr:last-child").className = "total";
    const last = p.rows.at(-1);
    return [
      up(`/g/${g.id}/members/${ctx.params.mid}`, t(mine ? "my_savings" : "member")),
      nameNode(g, "p.group-name"),
      nameNode(p.member, "h2.person"),
      h("p.lead", { text: `${t("passbook")} · ${t("cycle_from", { date: date(p.cycle.start) })}` }),
      printHead({ from: p.cycle.start, to: p.cycle.closed_on || p.rows.at(-1)?.date || p.cycle.start, close }),
      last && h("div.tiles", {}, h("div.tile", {}, h("span.tile-label", { text: t("savings") }),
        h("strong.tile-value", { text: money(last.savings, g.currency) }), h("small", { text: t("shares_count", { n: number(last.shares_total) }) }))),
      h("div.scroll-x", {}, sheet),
      printButton(),
    ];
  },
};

