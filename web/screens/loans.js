// The group's open loans (design/operations.md, "Loans"): who owes what, what is due next, the late ones
// first; one loan's schedule and payments, with a repayment or a write-off for the treasurer.
import { t } from "../i18n.js";
import { addAmounts, date, isZero, money, number } from "../format.js";
import { canWrite } from "../session.js";
import { h, table, buttonLink } from "../ui.js";
import { all, group, members, byId, heading, nameNode, memberLabel, openLoans } from "../books.js";

const person = (who, id, spec) => (who.get(String(id)) ? nameNode(who.get(String(id)), spec) : h(spec, { text: memberLabel(null, number(id)) }));
const owed = (l) => addAmounts([l.outstanding, l.interest_due]);

export const loans = {
  name: "loans",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx), loans: openLoans(ctx) }),
  render({ group: g, members: people, loans: list }) {
    const who = byId(people);
    const sorted = list.slice().sort((a, b) => b.days_in_arrears - a.days_in_arrears || (a.next_due?.date || "").localeCompare(b.next_due?.date || ""));
    return [
      ...heading(g, t("loans")),
      list.length > 0 && h("p.lead", { text: t("loans_total", { n: number(list.length), amount: money(addAmounts(list.map((l) => l.outstanding)), g.currency) }) }),
      list.length
        ? h("ul.cards", {}, sorted.map((l) => h("li", {}, h(`a.card.loan-card${l.days_in_arrears > 0 ? ".late" : ""}`, { href: `#/g/${g.id}/loans/${l.id}` },
            person(who, l.member_id, "strong"),
            h("span", { text: t("outstanding", { amount: money(owed(l), g.currency) }) }),
            l.next_due && h("small", { text: t("due_on", { amount: money(l.next_due.amount, g.currency), date: date(l.next_due.date) }) }),
            l.days_in_arrears > 0 && h("span.badge", { text: t("days_late", { n: number(l.days_in_arrears) }) })))))
        : h("p", { text: t("no_loans") }),
    ];
  },
};

export const loan = {
  name: "loan",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx), loan: ctx.api(`/groups/${ctx.params.gid}/loans/${ctx.params.id}`) }),
  render({ group: g, members: people, loan: l }) {
    const open = l.status === "open";
    const cash = (v) => ({ num: true, text: money(v, g.currency) });
    return [
      ...heading(g, t("loan_number", { id: number(l.id) }), `/g/${g.id}/loans`, t("loans")),
      person(byId(people), l.member_id, "p.lead"),
      h("div.tiles", {}, h(`div.tile${l.days_in_arrears > 0 ? ".warn" : ""}`, {}, h("span.tile-label", { text: t("outstanding_label") }),
        h("strong.tile-value", { text: money(owed(l), g.currency) }),
        l.next_due && h("small", { text: t("due_on", { amount: money(l.next_due.amount, g.currency), date: date(l.next_due.date) }) }),
        l.days_in_arrears > 0 && h("span.badge", { text: t("days_late", { n: number(l.days_in_arrears) }) }))),
      h("dl.facts", {},
        h("dt", { text: t("disbursed_on") }), h("dd", { text: `${date(l.disbursed_on)} · ${money(l.principal, g.currency)}` }),
        h("dt", { text: t("loan_months") }), h("dd", { text: number(l.months) }),
        h("dt", { text: t("interest") }), h("dd", { text: t(`rate.${l.interest.method}`, { percent: number(l.interest.percent_per_month) }) }),
        l.purpose && [h("dt", { text: t("purpose") }), h("dd", { translate: "no", text: l.purpose })],
        !open && [h("dt", { text: t("status") }), h("dd", { text: t(`loan.${l.status}`) })]),
      open && canWrite() && h("div.buttons", {},
        buttonLink(`/g/${g.id}/record/repayment?loan_id=${l.id}`, t("repay"), "a.button.primary"),
        buttonLink(`/g/${g.id}/record/loan_write_off?loan_id=${l.id}`, t("write_off"), "a.button.quiet")),
      h("h3", { text: t("schedule") }),
      table([t("date"), { text: t("principal"), num: true }, { text: t("interest"), num: true }, { text: t("paid"), num: true }],
        l.schedule.map((s) => [date(s.due), cash(s.principal), cash(s.interest), { num: true, text: s.paid ? "✓" : "" }]), "table.report"),
      l.payments.length > 0 && [h("h3", { text: t("payments") }),
        table([t("date"), { text: t("principal"), num: true }, { text: t("interest"), num: true }],
          l.payments.map((p) => [{ node: h("a", { href: `#/g/${g.id}/operations/${p.operation_id}`, text: date(p.date) }) }, cash(p.principal),
            { num: true, text: isZero(p.interest) ? "" : money(p.interest, g.currency) }]), "table.report")],
    ];
  },
};
