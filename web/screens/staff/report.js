// One of a group's reports (/g/:gid/reports/:report): balance sheet, income statement, cash book, general
// ledger, member balances, loan portfolio with PAR30, cycle summary. The dates (and account) it is asked for,
// its tables, the head every report prints (printHead), the CSV of the same figures and the print button.
import { has, localName, t } from "../../i18n.js";
import { date, isZero, money, number, today } from "../../format.js";
import { go } from "../../router.js";
import { h, field, table, tile, printButton } from "../../ui.js";
import { all, accounts, group, members, byId, heading, memberLabel, nameNode, printHead, sealThrough } from "../../books.js";
import { positionTables, incomeTables } from "../trade/report_parts.js";
import { staffAssets } from "./staff.js";

const percent = (ratio) => `${number((Number(ratio) * 100).toFixed(1), { keepFraction: true })}%`;
const cell = (v, currency) => ({ num: true, text: v === undefined || v === null || isZero(v) ? "" : money(v, currency) });
const scroll = (node) => h("div.scroll-x", {}, node);
const totalRow = (node) => (node.querySelector("tbody tr:last-child").className = "total", node);

function lines(rows, currency, opening, closing, columns) {
  return totalRow(table([t("date"), t("staff.memo"), ...columns.map((c) => ({ text: t(`staff.${c}`), num: true })), { text: t("staff.running"), num: true }], [
    [t("opening"), "", ...columns.map(() => ""), { num: true, text: money(opening, currency) }],
    ...rows.map((l) => [date(l.date), { node: h("span.memo", { translate: "no", text: l.memo || "—" }) }, ...columns.map((c) => cell(l[c], currency)), { num: true, text: money(l.balance, currency) }]),
    [t("closing"), "", ...columns.map(() => ""), { num: true, text: money(closing, currency) }],
  ], "table.report"));
}

const accountTitle = (a) => h("h4", {}, h("small.code", { text: a.code }), " ", h("span", { text: localName(a) }));

// Each report: the query it takes, and how its answer shows.
const REPORTS = {
  "balance-sheet": { asks: ["as_of"], show: (r) => positionTables(r) },
  "income-statement": { asks: ["from", "to"], show: (r) => incomeTables(r) },
  "cash-book": { asks: ["account", "from", "to"], cash: true,
    show: (r) => [accountTitle(r.account), scroll(lines(r.lines, r.currency, r.opening, r.closing, ["in", "out"]))] },
  "general-ledger": { asks: ["account", "from", "to"],
    show: (r) => r.accounts.map((a) => h("section.report-part", {}, accountTitle(a), scroll(lines(a.lines, a.currency, a.opening, a.closing, ["debit", "credit"]))) ) },
  "member-balances": { asks: ["as_of"],
    show: (r) => scroll(totalRow(table([t("member"), ...r.accounts.map((a) => ({ text: localName(a), num: true }))], [
      ...r.members.map((m) => [{ node: nameNode(m) }, ...m.balances.map((b) => cell(b.balance, b.currency))]),
      [t("total"), ...r.accounts.map((a) => cell(a.total, a.currency))]], "table.report"))) },
  "loan-portfolio": { asks: ["as_of"], people: true, show: loanPortfolio },
  "cycle-summary": { asks: ["as_of"], show: cycleSummary },
};

function loanPortfolio(r, people) {
  const who = byId(people);
  const buckets = ["current", "1_30", "31_60", "61_90", "over_90"];
  return [
    h("div.tiles", {}, tile(t("staff.outstanding"), r.outstanding, r.currency),
      h("div.tile", {}, h("span.tile-label", { text: t("staff.col.par30") }), h("strong.tile-value.par30", { text: percent(r.par30) }))),
    table(buckets.map((b) => ({ text: t(`staff.bucket.${b}`), num: true })), [buckets.map((b) => cell(r.buckets[b], r.currency))], "table.report"),
    scroll(table([t("member"), { text: t("staff.principal"), num: true }, { text: t("staff.outstanding"), num: true }, { text: t("staff.days_late"), num: true }],
      r.loans.map((l) => [{ node: who.get(String(l.member_id)) ? nameNode(who.get(String(l.member_id))) : h("span", { text: memberLabel(null, number(l.member_id)) }) },
        cell(l.principal, r.currency), cell(l.outstanding, r.currency), { num: true, text: l.days_in_arrears ? number(l.days_in_arrears) : "" }]), "table.report.loans")),
  ];
}

// The figures in the report's own order (SAVIX style): counts, ratios as percentages, amounts.
const RATIOS = ["attendance_rate", "par30", "loan_fund_use", "return_on_savings", "annualised_return_on_assets"];
function cycleSummary(r) {
  const figures = Object.entries(r).filter(([key, v]) => has(`figure.${key}`) && typeof v !== "object");
  return [h("p", { text: t("staff.cycle_from", { date: date(r.start) }) }),
    h("dl.figures", {}, figures.map(([key, v]) => [h("dt", { text: t(`figure.${key}`) }),
      h("dd", { "data-figure": key, text: typeof v === "number" ? number(v) : RATIOS.includes(key) ? percent(v) : money(v, r.currency) })]))];
}

const API_QUERY = ["as_of", "from", "to", "account"];
const query = (ctx) => new URLSearchParams([...ctx.query].filter(([k, v]) => API_QUERY.includes(k) && v)).toString();

function askForm(g, name, spec, ctx, accountList) {
  const form = h("form.inline.no-print", {},
    spec.asks.map((key) => key === "account"
      ? h("label.field", {}, h("span", { text: t("account") }), h("select", { name: "account", id: "f-account" },
        !spec.cash && h("option", { value: "", text: t("staff.all_accounts") }),
        accountList.filter((a) => !spec.cash || (a.type === "asset" && /^10\d\d$/.test(a.code))).map((a) =>
          h("option", { value: a.code, selected: ctx.query.get("account") === a.code, text: `${a.code} ${localName(a)}` }))))
      : field(key, t(key === "as_of" ? "as_of" : `staff.${key}`), { value: ctx.query.get(key) || "", input: { type: "date" } })),
    h("button", { type: "submit", text: t("show") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const asked = new URLSearchParams(spec.asks.map((k) => [k, form[k].value]).filter(([, v]) => v)).toString();
    go(`/g/${g.id}/reports/${name}${asked ? `?${asked}` : ""}`);
  });
  return form;
}

export default {
  load: async (ctx) => {
    const name = ctx.params.report;
    const spec = REPORTS[name];
    if (!spec) throw Object.assign(new Error("not found"), { status: 404, code: "not_found" });
    const q = query(ctx);
    const end = ctx.query.get("to") || ctx.query.get("as_of") || today();
    return all({ group: group(ctx), assets: staffAssets(), close: sealThrough(ctx, end),
      accounts: spec.asks.includes("account") ? accounts(ctx) : [], people: spec.people ? members(ctx) : [],
      report: ctx.api(`/groups/${ctx.params.gid}/reports/${name}${q ? `?${q}` : ""}`) });
  },
  render({ group: g, close, accounts: accountList, people, report: r }, ctx) {
    const name = ctx.params.report;
    const spec = REPORTS[name];
    const q = query(ctx);
    const asOf = r.as_of || ctx.query.get("as_of") || today();
    const from = r.from || ctx.query.get("from");
    return [
      ...heading(g, t(`report.${name.replace(/-/g, "_")}`), `/g/${g.id}/reports`, t("all_reports")),
      printHead(from ? { from, to: r.to || ctx.query.get("to") || today(), close } : { asOf: r.to || asOf, close }),
      askForm(g, name, spec, ctx, accountList),
      h("section.report-part", { "data-report": name }, spec.show(r, people)),
      h("div.buttons.no-print", {},
        h("a.button", { href: `/api/v1/groups/${g.id}/reports/${name}?format=csv${q ? `&${q}` : ""}`, download: `${name}-${g.id}.csv` },
          h("span", { text: t("download") }), " ", h("span", { lang: "en", text: "CSV" })),
        printButton()),
    ];
  },
};
