// A member's page: their savings and their loan in big numbers, then every movement, newest first.
// A member signed in sees this as their own page ("my savings"); the treasurer and staff reach it from
// the members list. Prints as a statement on A4.
import { localName, t } from "../i18n.js";
import { addAmounts, date, isZero, money } from "../format.js";
import { session } from "../session.js";
import { h, tile, up, printButton } from "../ui.js";
import { all, group, nameNode } from "../books.js";

// Savings: member shares (3010) and, in a cooperative, savings deposits (2030). Loan: loans to members (1100).
const SAVINGS = ["3010", "2030"];
const LOAN = "1100";

// + when a movement grows what it is on (shares bought, a loan taken), - when it shrinks it.
function signed(account, line) {
  const grows = ["asset", "expense"].includes(account.type) ? line.debit : line.credit;
  const shrinks = ["asset", "expense"].includes(account.type) ? line.credit : line.debit;
  return isZero(grows) ? `-${shrinks}` : grows;
}

const own = (mid) => session.user?.role === "member" && String(session.user.member_id) === String(mid);

export default {
  name: "member",
  load: (ctx) => all({
    group: group(ctx),
    member: ctx.api(`/groups/${ctx.params.gid}/members/${ctx.params.mid}`),
    statement: ctx.api(`/groups/${ctx.params.gid}/members/${ctx.params.mid}/statement`),
  }),
  render({ group: g, member, statement }, ctx) {
    const mine = own(ctx.params.mid);
    const base = statement.accounts.filter((a) => a.currency === g.currency);
    const savings = addAmounts(base.filter((a) => SAVINGS.includes(a.code)).map((a) => a.closing));
    const loan = addAmounts(base.filter((a) => a.code === LOAN).map((a) => a.closing));
    const others = statement.accounts.filter((a) => !(a.currency === g.currency && [...SAVINGS, LOAN].includes(a.code)) && !isZero(a.closing));
    const lines = statement.accounts
      .flatMap((a) => a.lines.map((line) => ({ account: a, line })))
      .sort((x, y) => y.line.seq - x.line.seq);
    return [
      mine ? up("/", t("my_groups")) : up(`/g/${g.id}/members`, t("members")),
      nameNode(g, "p.group-name"),
      nameNode(member, "h2.person"),
      h("div.tiles.big", {},
        tile(t(mine ? "my_savings" : "savings"), savings, g.currency),
        tile(t(mine ? "my_loan" : "loan"), loan, g.currency, { warn: !isZero(loan) })),
      others.length > 0 && h("ul.balances", {}, others.map((a) => h("li", {}, h("span", { text: localName(a) }),
        h("strong.num", { text: money(a.closing, a.currency) })))),
      h("h3", { text: t(mine ? "my_movements" : "movements") }),
      lines.length
        ? h("ol.entries.statement", {}, lines.map(({ account, line }) => h("li", {},
            h("span.entry-top", {}, h("span", { text: date(line.date) }),
              h("strong.num", { text: money(signed(account, line), account.currency, { sign: true }) })),
            h("span", { text: localName(account) }),
            line.memo && h("small.memo", { translate: "no", text: line.memo }))))
        : h("p", { text: t("no_entries") }),
      h("div.buttons.no-print", {}, h("a.button", { href: `#/g/${g.id}/verify`, text: t("verify") }), printButton()),
    ];
  },
};
