// The home of a group that trades (an agriculture cooperative, a joint-task committee) for its treasurer:
// what to do next (by-laws to set, last year to close, a harvest's surplus to allocate, money owed to
// members, a box below zero), the buttons of the day's work, cash and bank in each currency, and what was
// recorded lately. Read in one round with the group's accounts.
import { localName, t } from "../../i18n.js";
import { addAmounts, addDays, isZero, money, plain, subtract, today } from "../../format.js";
import { canWrite } from "../../session.js";
import { h, tile, link } from "../../ui.js";
import { byId, members } from "../../books.js";
import { operationTypes, typeLabel } from "../operation.js";
import { operationItem } from "../record.js";
import { lastYear } from "./report_parts.js";

// The day's work, first on the screen.
const DAILY = { agri_cooperative: ["produce_purchase", "produce_sale", "input_sale", "share_capital"], joint_task: ["harvest_sale", "expense"] };
// What the group owes its members: produce or distributions not yet paid (2020), refunds (2050), dividends (2060).
const OWED = ["2020", "2050", "2060"];

// What the home reads besides the group and its accounts.
export function tradeReads(ctx, g) {
  const gid = g.id;
  return {
    types: operationTypes(ctx),
    members: members(ctx),
    recent: ctx.api(`/groups/${gid}/operations?from=${addDays(today(), -90)}&limit=1000`).then((o) => o.items.reverse()),
    periods: ctx.api(`/groups/${gid}/periods?limit=1000`).then((p) => p.items),
    bylaws: g.kind === "agri_cooperative" ? ctx.api(`/groups/${gid}/bylaws`) : null,
    // Whether last year has anything to close: one entry dated in it or before.
    lastYearBooks: ctx.api(`/groups/${gid}/entries?to=${lastYear()}-12-31&limit=1`).then((e) => e.items.length > 0),
  };
}

// The income less the expenses not yet closed, in the group's currency: what a year end or an allocation shares.
function openSurplus(g, list) {
  const own = list.filter((a) => a.currency === g.currency);
  const sum = (type) => addAmounts(own.filter((a) => a.type === type).map((a) => a.balance).concat("0"));
  return subtract(sum("income"), sum("expense"));
}

function nextSteps(g, data, cash) {
  const gid = g.id;
  const coop = g.kind === "agri_cooperative";
  const year = lastYear();
  const closed = data.periods.some((p) => p.through >= `${year}-12-31`);
  const owed = addAmounts(data.accounts.filter((a) => OWED.includes(a.code) && a.currency === g.currency).map((a) => a.balance).concat("0"));
  const surplus = openSurplus(g, data.accounts);
  const write = canWrite();
  const steps = [
    coop && !data.bylaws.current.operation_id && [t("bylaws_not_set"), write && link(`/g/${gid}/bylaws`, t("set_bylaws"))],
    coop && !closed && data.lastYearBooks &&
      [t("year_not_closed", { year: plain(year) }), write && link(`/g/${gid}/year-end?year=${year}`, t("close_year_now"))],
    !coop && !isZero(surplus) && !surplus.startsWith("-") &&
      [t("surplus_to_allocate", { amount: money(surplus, g.currency) }), write && link(`/g/${gid}/record/allocation`, t("allocate_now"))],
    !isZero(owed) && [t("owed_to_members", { amount: money(owed, g.currency) }),
      write && link(`/g/${gid}/record/${coop ? "pay_member" : "pay_distribution"}`, t("pay_members_now"))],
    ...cash.filter((a) => a.balance.startsWith("-")).map((a) => [t("negative_box", { box: localName(a) })]),
  ].filter(Boolean);
  return steps.length > 0 && [h("h3", { text: t("next_steps") }), h("ul.warnings", {}, steps.map(([text, action]) => h("li.note.warn", {}, h("span", { text }), action && " ", action)))];
}

export function tradeTop(g, data, cash) {
  const daily = DAILY[g.kind] || [];
  const types = daily.map((type) => data.types.find((o) => o.type === type)).filter(Boolean);
  return [
    nextSteps(g, data, cash),
    canWrite() && h("div.daily", {}, types.map((o) => h("a.button.primary.big", { href: `#/g/${g.id}/record/${o.type}`, text: typeLabel(o) }))),
    h("h3", { text: t("cash_boxes") }),
    h("div.tiles", {}, cash.map((a) => tile(localName(a), a.balance, a.currency, { warn: a.balance.startsWith("-") }))),
    data.recent.length > 0 && [h("h3", { text: t("recent_operations") }),
      h("ul.entries", {}, data.recent.slice(0, 8).map((op) => operationItem(g, op, data.types, byId(data.members), data.members)))],
  ];
}

// The screens of these kinds, beside those of every group.
export const tradeActions = (g) => (g.kind === "agri_cooperative"
  ? [["bylaws", `/g/${g.id}/bylaws`], ["year_end", `/g/${g.id}/year-end`], ["annual_report", `/g/${g.id}/annual`]]
  : [["allocation", `/g/${g.id}/record/allocation`], ["harvest_report", `/g/${g.id}/harvest`]]);
