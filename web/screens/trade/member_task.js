// A joint-task committee member's page, its own part: what the committee's allocations gave them, what was
// paid and what it still owes them; then harvest by harvest the days they worked and their share, with the
// committee's decision (GET .../members/{mid}/harvests).
import { t } from "../../i18n.js";
import { date, isZero, money, number } from "../../format.js";
import { h, table, tile } from "../../ui.js";

// A harvest's days: "1 Jan – 10 Mar 2026", open-ended at either side.
function span(x) {
  if (!x.to) return x.from ? t("harvest_since", { from: date(x.from) }) : t("harvest_open_now");
  return x.from ? `${date(x.from)} – ${date(x.to)}` : t("harvest_until", { to: date(x.to) });
}

export function taskPart(g, mine, page) {
  const currency = page.currency;
  const rows = page.harvests.slice().reverse().map((x) => [
    { node: h("span", {}, h("span", { text: span(x) }), x.allocation && [h("br"), h("small", {},
      h("span", { text: `${t("decision")}: ` }), h("span", { translate: "no", text: x.allocation.decision }))]) },
    { num: true, text: number(x.work_days) },
    { num: true, text: x.share ? money(x.share, currency) : x.allocation ? "—" : t("not_allocated_yet") },
  ]);
  return [
    h("div.tiles.big", {},
      tile(t(mine ? "committee_owes_me" : "committee_owes_member"), page.owed, currency, { warn: !isZero(page.owed) })),
    h("div.tiles", {},
      tile(t("shares_given"), page.allocated, currency),
      tile(t("distributions_paid"), page.paid, currency)),
    h("h3", { text: t(mine ? "my_harvests" : "member_harvests") }),
    rows.length ? h("div.scroll-x", {}, table([t("harvest"), { text: t("work_days"), num: true }, { text: t(mine ? "my_share" : "member_share"), num: true }],
      rows, "table.report.member-harvests"))
      : h("p", { text: t("no_harvests") }),
  ];
}
