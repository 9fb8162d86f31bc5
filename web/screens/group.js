// A group's home for its treasurer and staff: the cash in each box, the other balances, where to go
// next, and the latest entries (newest first). All from one round of requests, painted together.
import { localName, t } from "../i18n.js";
import { addAmounts, date, isZero, money } from "../format.js";
import { canWrite } from "../session.js";
import { h, tile, link, up } from "../ui.js";
import { all, group, accounts, nameNode } from "../books.js";
import { operationTypes } from "./operation.js";

// Cash and bank: asset accounts 10xx (savings groups: the loan-fund box 1010, the social-fund box 1020
// and the bank or mobile money 1030), shown even when empty.
const isCash = (a) => a.type === "asset" && /^10\d\d$/.test(a.code);

// An entry's size: what it moves, per currency (its debits).
function entryTotal(entry) {
  const byCurrency = new Map();
  for (const line of entry.lines) if (line.debit) byCurrency.set(line.currency, [...(byCurrency.get(line.currency) || []), line.debit]);
  return [...byCurrency].map(([currency, amounts]) => money(addAmounts(amounts), currency)).join(" · ");
}

function entryItem(gid, entry) {
  return h("li", {}, h("a.entry", { href: `#/g/${gid}/entries/${entry.id}` },
    h("span.entry-top", {}, h("span", { text: date(entry.date) }), h("strong", { text: entryTotal(entry) })),
    h("span.memo", { translate: "no", text: entry.memo || "—" }),
    (entry.reversed_by || entry.reverses) && h("span.badge", { text: t(entry.reversed_by ? "reversed" : "reversal") })));
}

// Where to go from here. Recording operations appears once the server offers them (operation-types).
function actions(g, types) {
  const gid = g.id;
  const savings = g.kind === "savings_group";
  const records = types && canWrite() ? [
    types.some((o) => o.type === "meeting") && ["record_meeting", `/g/${gid}/meeting`],
    ["record_other", `/g/${gid}/record`],
  ] : [];
  const cycle = types && savings ? [["loans", `/g/${gid}/loans`], ["share_out", `/g/${gid}/share-out`]] : [];
  return [...records, ["members", `/g/${gid}/members`], ...cycle, ["periods", `/g/${gid}/periods`],
    ["verify", `/g/${gid}/verify`], ["trial_balance", `/g/${gid}/trial-balance`]].filter(Boolean);
}

export default {
  name: "group",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({
    group: group(ctx),
    accounts: accounts(ctx),
    entries: ctx.api(`/groups/${ctx.params.gid}/entries?latest=20`).then((e) => e.items.slice().reverse()),
    // Does the server record operations yet? 403 says yes (not for this role); 404, not yet.
    types: operationTypes(ctx).catch((e) => (e.status === 403 ? [] : null)),
  }),
  render({ group: g, accounts: list, entries, types }) {
    const cash = list.filter(isCash);
    const others = list.filter((a) => !isCash(a) && !isZero(a.balance));
    return [
      up("/", t("my_groups")),
      nameNode(g, "h2"),
      h("p.kind", { text: t(`kind.${g.kind}`) }),
      h("h3", { text: t("cash_boxes") }),
      h("div.tiles", {}, cash.map((a) => tile(localName(a), a.balance, a.currency, { warn: a.balance.startsWith("-") }))),
      h("nav.actions", {}, actions(g, types).map(([key, href]) => link(href, t(key), "a.button.action"))),
      h("h3", { text: t("balances") }),
      others.length
        ? h("ul.balances", {}, others.map((a) => h("li", {}, h("span", { text: localName(a) }),
            h("strong.num", { text: money(a.balance, a.currency) }))))
        : h("p", { text: t("no_balances") }),
      h("h3", { text: t("recent_entries") }),
      entries.length ? h("ol.entries", {}, entries.map((e) => entryItem(g.id, e))) : h("p", { text: t("no_entries") }),
      canWrite() && h("p.hint", { text: t("reverse_hint") }),
    ];
  },
};
