// The group's open loans (design/operations.md, "Loans"): who owes what, what is due next, and which
// are late; one loan's schedule and payments.
import { t } from "../i18n.js";
import { date, money, number } from "../format.js";
import { h, table } from "../ui.js";
import { all, group, members, byId, heading, nameNode, memberLabel } from "../books.js";

export const loans = {
  name: "loans",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx),
    loans: ctx.api(`/groups/${ctx.params.gid}/loans?status=open&limit=1000`).then((l) => l.items) }),
  render({ group: g, members: people, loans: list }) {
    const who = byId(people);
    return [
      ...heading(g, t("loans")),
      list.length
        ? h("ul.cards", {}, list.map((l) => h("li", {}, h(`a.card.loan-card${l.days_in_arrears > 0 ? ".late" : ""}`, { href: `#/g/${g.id}/loans/${l.id}` },
            who.get(String(l.member_id)) ? nameNode(who.get(String(l.member_id)), "strong") : h("strong", { text: memberLabel(null, number(l.member_id)) }),
            h("span", { text: t("outstanding", { amount: money(l.outstanding, g.currency) }) }),
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
    const member = byId(people).get(String(l.member_id));
    return [
      ...heading(g, t("loan"), `/g/${g.id}/loans`, t("loans")),
      member && nameNode(member, "p.lead"),
      h("div.tiles", {}, h("div.tile", {}, h("span.tile-label", { text: t("outstanding_label") }), h("strong.tile-value", { text: money(l.outstanding, g.currency) }))),
      h("dl.facts", {},
        h("dt", { text: t("disbursed_on") }), h("dd", { text: `${date(l.disbursed_on)} · ${money(l.principal, g.currency)}` }),
        h("dt", { text: t("loan_months") }), h("dd", { text: number(l.months) })),
      h("h3", { text: t("schedule") }),
      table([t("date"), { text: t("principal"), num: true }, { text: t("interest"), num: true }, { text: t("paid"), num: true }],
        (l.schedule || []).map((s) => [date(s.due), { num: true, text: money(s.principal, g.currency) },
          { num: true, text: money(s.interest, g.currency) }, { num: true, text: money(s.paid, g.currency) }]), "table.report"),
    ];
  },
};
