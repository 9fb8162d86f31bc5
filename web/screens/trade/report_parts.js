// What the year's reports (a cooperative's annual report, a committee's harvest report) share: the choice
// of year, the head that prints (group, period, day printed, the year's seal when it was closed), the
// statements as tables, and the CSV download and print buttons.
import { lang, localName, t } from "../../i18n.js";
import { isZero, money, number, today } from "../../format.js";
import { go } from "../../router.js";
import { h, field, table, printButton } from "../../ui.js";
import { nameNode, printHead } from "../../books.js";

export const lastYear = () => Number(today().slice(0, 4)) - 1;
// The ?year= asked, else `fallback` (an annual report looks back on the year closed; a harvest report at this year).
export const reportYear = (ctx, fallback = lastYear()) => Number(ctx.query.get("year")) || fallback;

// The close that ends the year, if one was closed through its last day.
export const yearSeal = (ctx, year) => ctx.api(`/groups/${ctx.params.gid}/periods?limit=1000`)
  .then((p) => p.items.find((x) => x.through === `${year}-12-31`) || null);

export function yearChooser(path, year) {
  const form = h("form.inline.no-print", {},
    field("year", t("year"), { value: String(year), input: { inputmode: "numeric", autocomplete: "off" } }),
    h("button", { type: "submit", text: t("show") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(`${path}?year=${encodeURIComponent(form.year.value.trim())}`);
  });
  return form;
}

// The year, the day printed, and the year's seal when it was closed (printHead, as every report prints).
export const reportHead = (year, close) => printHead({ from: `${year}-01-01`, to: `${year}-12-31`, close, unsealed: t("year_not_sealed") });

// Rows of [name node, amount] with a total row last.
function amountTable(rows, totalLabel, total, currency) {
  const node = table([t("account"), { text: t("amount"), num: true }],
    [...rows.map(([name, v]) => [{ node: name }, { num: true, text: money(v, currency) }]), [{ node: h("strong", { text: totalLabel }) }, { num: true, text: money(total, currency) }]],
    "table.report");
  node.querySelector("tbody tr:last-child").className = "total";
  return node;
}

const accountName = (row) => (row.kind === "current_result" ? h("span", { text: t("current_result") }) : h("span", { text: localName(row) }));

// Each currency's part named when there are several (a cooperative's riel and dollars).
const currencyHead = (list, c) => list.length > 1 && h("h4.currency", { text: t(`currency.${c.currency}`) });

// The financial position, per currency: assets, liabilities, equity.
export const positionTables = (position) => position.currencies.map((c) => [currencyHead(position.currencies, c),
  h("h4", { text: t("assets") }), amountTable(c.assets.rows.map((r) => [accountName(r), r.balance]), t("total"), c.assets.total, c.currency),
  h("h4", { text: t("liabilities") }), amountTable(c.liabilities.rows.map((r) => [accountName(r), r.balance]), t("total"), c.liabilities.total, c.currency),
  h("h4", { text: t("equity") }), amountTable(c.equity.rows.map((r) => [accountName(r), r.balance]), t("total_liabilities_equity"), c.total_liabilities_and_equity, c.currency),
]);

// An income statement, per currency: income, expenses, the net result.
export const incomeTables = (statement) => statement.currencies.map((c) => [currencyHead(statement.currencies, c),
  h("h4", { text: t("income") }), amountTable(c.income.map((r) => [accountName(r), r.amount]), t("total"), c.total_income, c.currency),
  h("h4", { text: t("expenses") }), amountTable(c.expenses.map((r) => [accountName(r), r.amount]), t("total"), c.total_expenses, c.currency),
  h(`p.total-line${c.net_result.startsWith("-") ? ".warn" : ""}`, {}, h("strong", { text: t("net_result") }), h("strong.num", { text: money(c.net_result, c.currency) })),
]);

// Changes in members' equity: each account (and member) from the opening to the closing balance.
export function equityTable(rows, people) {
  const cell = (v, currency) => ({ num: true, text: isZero(v) ? "" : money(v, currency) });
  const who = (row) => {
    const m = row.member_id && people.get(String(row.member_id));
    return h("span", {}, h("span", { text: localName(row) }), row.member_id && [h("br"), m ? nameNode(m, "small") : h("small", { text: t("member_number", { id: number(row.member_id) }) })]);
  };
  return h("div.scroll-x", {}, table([t("account"), { text: t("opening"), num: true }, { text: t("change"), num: true }, { text: t("closing"), num: true }],
    rows.map((r) => [{ node: who(r) }, cell(r.opening, r.currency), cell(r.change, r.currency), cell(r.closing, r.currency)]), "table.report"));
}

// The CSV of the report (names in the reader's language) and the print button.
export const downloads = (href, name) => h("div.buttons.no-print", {},
  h("a.button", { href: `${href}&format=csv&lang=${lang()}`, download: name }, h("span", { text: t("download") }), " ", h("span", { lang: "en", text: "CSV" })),
  printButton());
