// The home of staff and admins (issue 10): every group they follow on one page, with its members, last
// activity, cash, loans, PAR30 and warning chips, sorted on any column (tap its head; again to reverse),
// most warnings first. The savings groups' cycle summaries download as one CSV for the programme (SAVIX).
import { lang, localName, t } from "../../i18n.js";
import { date, money, number } from "../../format.js";
import { redraw } from "../../router.js";
import { h } from "../../ui.js";
import { nameNode } from "../../books.js";
import { staffAssets, warningChips } from "./staff.js";

const collator = () => new Intl.Collator(lang() === "km" ? "km" : "en");
const amount = (v) => (v === null || v === undefined ? -Infinity : Number(v));

// Each column: its key, how its cells compare, how a cell shows.
const COLUMNS = [
  { key: "group", text: true, value: (g) => localName(g), cell: (g) => groupCell(g) },
  { key: "members", value: (g) => g.members, cell: (g) => number(g.members) },
  { key: "last_activity", text: true, value: (g) => g.last_activity || "", cell: (g) => (g.last_activity ? date(g.last_activity.slice(0, 10)) : t("staff.never")) },
  { key: "cash", value: (g) => amount(g.cash), cell: (g) => money(g.cash, g.currency) },
  { key: "loans", value: (g) => amount(g.loans_outstanding), cell: (g) => (g.loans_outstanding === null ? "—" : money(g.loans_outstanding, g.currency)) },
  { key: "par30", value: (g) => amount(g.par30), cell: (g) => (g.par30 === null ? "—" : `${number((Number(g.par30) * 100).toFixed(1), { keepFraction: true })}%`) },
  { key: "warnings", value: (g) => g.warnings.length, cell: (g) => warningChips(g.warnings, g.currency) },
];

let order = { key: "warnings", down: true };

function groupCell(g) {
  return h("div.group-cell", {},
    h("a.group-card", { href: `#/g/${g.id}` }, nameNode(g, "strong")),
    h("small", {}, h("span", { text: t(`kind.${g.kind}`) }), g.province && [" · ", h("span", { translate: "no", text: g.province })]),
    h("a.reports-link", { href: `#/g/${g.id}/reports`, text: t("all_reports") }));
}

// A find box over the rows, by name in either script (staff follow up to some 200 groups).
function finder(body) {
  const input = h("input", { type: "search", name: "filter", "aria-label": t("find_group"), placeholder: t("find_group") });
  input.addEventListener("input", () => {
    const wanted = input.value.trim().toLowerCase();
    for (const row of body.rows) row.hidden = Boolean(wanted) && !row.dataset.name.includes(wanted);
  });
  return input;
}

function sorted(groups) {
  const column = COLUMNS.find((c) => c.key === order.key);
  const compare = column.text ? collator().compare : (a, b) => a - b;
  const sign = order.down ? -1 : 1;
  return groups.slice().sort((a, b) => sign * compare(column.value(a), column.value(b)) || a.id - b.id);
}

function head(column) {
  const active = order.key === column.key;
  const sort = active ? (order.down ? "descending" : "ascending") : "none";
  return h(`th${column.text ? "" : ".num"}`, { "aria-sort": sort },
    h("button.sort", { type: "button", on: { click: () => { order = { key: column.key, down: active ? !order.down : !column.text }; redraw(); } } },
      h("span", { text: t(`staff.col.${column.key}`) }), h("span.arrow", { "aria-hidden": "true", text: active ? (order.down ? " ▼" : " ▲") : "" })));
}

export default {
  load: async (ctx) => {
    const [board] = await Promise.all([ctx.api("/dashboard?limit=1000"), staffAssets()]);
    return board;
  },
  render(board) {
    const groups = board.items;
    const warned = groups.filter((g) => g.warnings.length).length;
    const savings = groups.some((g) => g.kind === "savings_group");
    const body = h("tbody", {}, sorted(groups).map((g) => h(`tr${g.warnings.length ? ".warned" : ""}`, { "data-group": g.id, "data-name": `${g.name} ${g.name_km}`.toLowerCase() },
      COLUMNS.map((c) => h(`td${c.text ? "" : ".num"}.col-${c.key}`, {}, c.cell(g))))));
    return [
      h("h2", { text: t("my_groups") }),
      h("p.lead", { text: t("staff.summary", { n: number(groups.length), warned: number(warned), date: date(board.as_of) }) }),
      savings && h("div.buttons.no-print", {},
        h("a.button.savix", { href: "/api/v1/dashboard/cycle-summaries?format=csv", download: `cycle-summaries-${board.as_of}.csv` },
          h("span", { text: t("staff.cycle_summaries") }), " ", h("span", { lang: "en", text: "CSV" }))),
      groups.length ? [finder(body), h("div.scroll-x.board", {}, h("table.dashboard", {}, h("thead", {}, h("tr", {}, COLUMNS.map(head))), body))]
        : h("p", { text: t("no_groups") }),
    ];
  },
};
