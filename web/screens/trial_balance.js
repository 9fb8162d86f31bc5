// The trial balance (every account's debit or credit; the two totals must agree), as of a date, with
// its CSV for spreadsheets and a clean print.
import { localName, t } from "../i18n.js";
import { money, today } from "../format.js";
import { go } from "../router.js";
import { h, field, table, printButton } from "../ui.js";
import { all, group, heading, printHead, sealThrough } from "../books.js";

const isNonZero = (v) => /[1-9]/.test(v);

function currencyTable(g, c) {
  const rows = c.rows.filter((r) => isNonZero(r.debit) || isNonZero(r.credit)).map((r) => [
    { node: h("span", {}, h("small.code", { translate: "no", text: r.code }), " ", h("span", { text: localName(r) })) },
    { num: true, text: isNonZero(r.debit) ? money(r.debit, c.currency) : "" },
    { num: true, text: isNonZero(r.credit) ? money(r.credit, c.currency) : "" },
  ]);
  rows.push([{ node: h("strong", { text: t("total") }) }, { num: true, text: money(c.total_debit, c.currency) }, { num: true, text: money(c.total_credit, c.currency) }]);
  const node = table([t("account"), { text: t("debit"), num: true }, { text: t("credit"), num: true }], rows, "table.report");
  node.querySelector("tbody tr:last-child").className = "total";
  return node;
}

export default {
  name: "trial-balance",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => {
    const asOf = ctx.query.get("as_of");
    return all({ group: group(ctx), close: sealThrough(ctx, asOf || today()),
      report: ctx.api(`/groups/${ctx.params.gid}/reports/trial-balance${asOf ? `?as_of=${asOf}` : ""}`) });
  },
  render({ group: g, close, report }, ctx) {
    const asOf = ctx.query.get("as_of") || "";
    const form = h("form.inline.no-print", {},
      field("as_of", t("as_of"), { value: asOf, input: { type: "date" } }),
      h("button", { type: "submit", text: t("show") }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      go(`/g/${g.id}/trial-balance${form.as_of.value ? `?as_of=${form.as_of.value}` : ""}`);
    });
    const csv = `/api/v1/groups/${g.id}/reports/trial-balance?format=csv${asOf ? `&as_of=${asOf}` : ""}`;
    return [
      ...heading(g, t("trial_balance")),
      printHead({ asOf, close }),
      form,
      report.currencies.length ? report.currencies.map((c) => currencyTable(g, c)) : h("p", { text: t("no_entries") }),
      report.currencies.map((c) => c.total_debit === c.total_credit
        ? h("p.note.good", { text: t("balanced") }) : h("p.note.warn", { text: t("not_balanced") })),
      h("div.buttons.no-print", {},
        h("a.button", { href: csv, download: `trial-balance-${g.id}${asOf ? "-" + asOf : ""}.csv` }, h("span", { text: t("download") }), " ", h("span", { lang: "en", text: "CSV" })),
        printButton()),
    ];
  },
};
