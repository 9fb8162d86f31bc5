// A group's home for its treasurer and staff. A savings group's: what needs attention (no open cycle, late
// loans, a box below zero, no recent meeting), the next meeting and the button to record it, the cash each
// box should hold now, the loans due before the next meeting, and what was recorded lately. Every group:
// the other balances and the latest entries. All from one round of requests, painted together; the charts
// when opened.
import { localName, setting, setSetting, t } from "../i18n.js";
import { addAmounts, addDays, date, isZero, money, number, today } from "../format.js";
import { canWrite } from "../session.js";
import { h, tile, link, up } from "../ui.js";
import { all, group, accounts, members, nameNode, byId, memberLabel, openCycle, openLoans, recentOperations, lastMeeting, nextMeeting } from "../books.js";
import { operationItem } from "./record.js";

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

// The latest entries, read only when opened (a savings group's home has its operations instead).
function latestEntries(ctx, gid, eager) {
  const list = h("ol.entries");
  const fill = (items) => list.replaceChildren(...(items.length ? items.map((e) => entryItem(gid, e)) : [h("p", { text: t("no_entries") })]));
  if (eager) {
    fill(eager);
    return [h("h3", { text: t("recent_entries") }), list];
  }
  const details = h("details.lazy", {}, h("summary", { text: t("recent_entries") }), list);
  details.addEventListener("toggle", () => {
    if (details.open && !list.childElementCount)
      ctx.api(`/groups/${gid}/entries?latest=20`).then((e) => fill(e.items.slice().reverse()), () => fill([]));
  }, { once: true });
  return [details];
}

// The charts, fetched when first opened (charts/ is not part of the first download); open again next time
// if they were left open.
function trends(ctx, g) {
  const details = h("details.trends", {}, h("summary", { text: t("chart.heading") }));
  let drawn = false;
  details.addEventListener("toggle", () => {
    setSetting("charts_open", details.open);
    if (details.open && !drawn) drawn = import("../charts/group_trends.js").then((m) => m.fill(details, ctx, g));
  });
  details.open = setting("charts_open");
  return details;
}

// Where to go from here.
function actions(g, cycle, home) {
  const gid = g.id;
  const savings = g.kind === "savings_group";
  const write = canWrite();
  return [
    write && ["record_other", `/g/${gid}/record`],
    ["members", `/g/${gid}/members`],
    savings && ["loans", `/g/${gid}/loans`],
    ["history", `/g/${gid}/operations`],
    savings && cycle && ["share_out", `/g/${gid}/share-out`],
    ...(home ? home.tradeActions(g) : []),
    ["periods", `/g/${gid}/periods`], ["verify", `/g/${gid}/verify`], ["trial_balance", `/g/${gid}/trial-balance`],
    ["all_reports", `/g/${gid}/reports`],
  ].filter(Boolean);
}

// The next meeting: the last one plus the cycle's interval; without a recent one, the cycle's rhythm from its start.
function nextDate(cycle, last) {
  if (last) return nextMeeting(last.date, cycle.meeting_every);
  let day = cycle.start;
  for (let i = 0; day < today() && i < 500; i++) day = nextMeeting(day, cycle.meeting_every);
  return day;
}

// What a savings group's treasurer looks at first.
function savingsTop(g, { cycle, loans, recent, members: people }, cash) {
  const who = byId(people);
  const last = lastMeeting(recent);
  const next = cycle && nextDate(cycle, last);
  const late = loans.filter((l) => l.days_in_arrears > 0);
  // Due soon: before the meeting after the next one, so the next meeting can collect it.
  const soon = loans.filter((l) => l.days_in_arrears === 0 && l.next_due && next && l.next_due.date <= nextMeeting(next, cycle.meeting_every));
  const warnings = [
    !cycle && t("no_cycle_warning"),
    late.length > 0 && t("late_loans_warning", { n: number(late.length) }),
    ...cash.filter((a) => a.balance.startsWith("-")).map((a) => t("negative_box", { box: localName(a) })),
    cycle && !last && cycle.start < addDays(today(), -14) && t("no_recent_meeting"),
  ].filter(Boolean);
  const loanItem = (l) => h("li", {}, h(`a.card.loan-card${l.days_in_arrears > 0 ? ".late" : ""}`, { href: `#/g/${g.id}/loans/${l.id}` },
    who.get(String(l.member_id)) ? nameNode(who.get(String(l.member_id)), "strong") : h("strong", { text: memberLabel(null, number(l.member_id)) }),
    h("span", { text: t("due_on", { amount: money(l.next_due.amount, g.currency), date: date(l.next_due.date) }) }),
    l.days_in_arrears > 0 && h("span.badge", { text: t("days_late", { n: number(l.days_in_arrears) }) })));
  return [
    warnings.length > 0 && h("ul.warnings", {}, warnings.map((w) => h("li.note.warn", { text: w }))),
    cycle ? h("div.next-meeting", {}, h("span.tile-label", { text: t("next_meeting") }), h("strong.next-date", { text: date(next) }),
      last && h("small", {}, link(`/g/${g.id}/operations/${last.id}`, t("last_meeting", { date: date(last.date) }))),
      canWrite() && h("a.button.primary.big", { href: `#/g/${g.id}/meeting`, text: t("record_meeting") }))
      : canWrite() && h("a.button.primary.big", { href: `#/g/${g.id}/cycle/new`, text: t("start_cycle") }),
    h("h3", { text: t("cash_now") }),
    h("div.tiles", {}, cash.map((a) => tile(localName(a), a.balance, a.currency, { warn: a.balance.startsWith("-") }))),
    (late.length > 0 || soon.length > 0) && [h("h3", { text: t("loans_due") }), h("ul.cards", {}, [...late, ...soon].map(loanItem))],
  ];
}

export default {
  name: "group",
  roles: ["admin", "staff", "treasurer"],
  load: async (ctx) => {
    const cycle = openCycle(ctx);
    cycle.catch(() => {});  // heard by all() below; this only keeps an early failure from going unheard
    const g = await group(ctx);
    const savings = g.kind === "savings_group";
    // A cooperative's or committee's home is fetched only for one (screens/trade/).
    const home = savings ? null : await import("./trade/trade_home.js");
    return all({
      home,
      group: group(ctx),
      accounts: accounts(ctx),
      entries: savings ? null : ctx.api(`/groups/${ctx.params.gid}/entries?latest=20`).then((e) => e.items.slice().reverse()),
      ...(savings ? { cycle, loans: openLoans(ctx), members: members(ctx), recent: cycle.then((c) => recentOperations(ctx, c)) } : home.tradeReads(ctx, g)),
    });
  },
  render(data, ctx) {
    const { group: g, accounts: list, entries, recent } = data;
    const cash = list.filter(isCash);
    const others = list.filter((a) => !isCash(a) && !isZero(a.balance));
    const savings = g.kind === "savings_group";
    return [
      up("/", t("my_groups")),
      nameNode(g, "h2"),
      h("p.kind", { text: t(`kind.${g.kind}`) }),
      savings ? savingsTop(g, data, cash) : data.home.tradeTop(g, data, cash),
      h("nav.actions", {}, actions(g, data.cycle, data.home).map(([key, href]) => link(href, t(key), "a.button.action"))),
      savings && recent.length > 0 && [h("h3", { text: t("recent_operations") }),
        h("ul.entries", {}, recent.slice(0, 5).map((op) => operationItem(g, op, null, byId(data.members), data.members)))],
      trends(ctx, g),
      h("h3", { text: t("balances") }),
      others.length
        ? h("ul.balances", {}, others.map((a) => h("li", {}, h("span", { text: localName(a) }), h("strong.num", { text: money(a.balance, a.currency) }))))
        : h("p", { text: t("no_balances") }),
      latestEntries(ctx, g.id, entries),
      canWrite() && h("p.hint", { text: t("reverse_hint") }),
    ];
  },
};
