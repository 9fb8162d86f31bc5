// A cooperative member's page, its own part: share capital and savings; what the cooperative owes them
// (produce not yet paid, refunds and dividends payable) and what they owe it (inputs on credit, a loan);
// the dividends and patronage refunds they were given; and what they sold to it and bought from it.
import { t } from "../../i18n.js";
import { addAmounts, date, isZero, money, number, subtract } from "../../format.js";
import { h, tile } from "../../ui.js";

const OWED_TO_MEMBER = ["2020", "2050", "2060"];
const OWED_BY_MEMBER = ["1100", "1110"];

export function coopPart(g, mine, statement, trades) {
  const own = statement.accounts.filter((a) => a.currency === g.currency);
  const closing = (codes) => addAmounts(own.filter((a) => codes.includes(a.code)).map((a) => a.closing).concat("0"));
  // What the year ends gave: every credit to dividends payable, to refunds payable and to retained refunds.
  const given = (codes) => addAmounts(own.filter((a) => codes.includes(a.code)).flatMap((a) => a.lines.map((l) => l.credit)).concat("0"));
  const owedTo = closing(OWED_TO_MEMBER);
  const owedBy = closing(OWED_BY_MEMBER);
  const balance = subtract(owedTo, owedBy);
  const what = (x) => t(x.type === "produce_purchase" ? "trade.sold" : x.type === "input_sale" ? "trade.bought" : `trade.${x.type}`);
  return [
    h("div.tiles.big", {},
      tile(t(mine ? "my_share_capital" : "share_capital"), closing(["3010"]), g.currency),
      tile(t(mine ? "my_savings" : "savings"), closing(["2030"]), g.currency)),
    h("div.tiles", {},
      tile(t(mine ? "coop_owes_me" : "coop_owes_member"), owedTo, g.currency),
      tile(t(mine ? "i_owe_coop" : "member_owes_coop"), owedBy, g.currency, { warn: !isZero(owedBy) }),
      tile(t("dividends_given"), given(["2060"]), g.currency),
      tile(t("refunds_given"), given(["2050", "3050"]), g.currency, { note: t("refunds_retained", { amount: money(closing(["3050"]), g.currency) }) })),
    h("p.lead.settle", { text: isZero(balance) ? t("settled") : balance.startsWith("-")
      ? t(mine ? "net_i_owe" : "net_member_owes", { amount: money(balance.slice(1), g.currency) })
      : t(mine ? "net_owed_to_me" : "net_owed_to_member", { amount: money(balance, g.currency) }) }),
    h("h3", { text: t(mine ? "my_trades" : "member_trades") }),
    trades.length ? h("ol.entries.trades", {}, trades.slice().reverse().map((x) => h("li", {},
      h("span.entry-top", {}, h("span", { text: date(x.date) }), h("strong.num", { text: money(x.amount, x.currency) })),
      h("span", {}, h("span", { text: what(x) }), " · ", h("span", { translate: "no", text: x.item }), " · ",
        h("span", { text: `${number(x.quantity)} ${x.unit === "kg" ? t("kg") : ""}`.trim() })))))
      : h("p", { text: t("no_trades") }),
  ];
}
