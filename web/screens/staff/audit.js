// A group's audit trail (GET /api/v1/audit?group_id=, staff and admins): who did what, when and from where,
// newest page first as the API pages it; the next page by its cursor. Prints on A4 with the group and the day.
import { has, t } from "../../i18n.js";
import { timestamp } from "../../format.js";
import { h, table, printButton } from "../../ui.js";
import { all, group, heading, printHead } from "../../books.js";
import { staffAssets } from "./staff.js";

const action = (a) => (has(`audit.${a}`) ? h("span", { text: t(`audit.${a}`) }) : h("span", { lang: "en", translate: "no", text: a }));

export default {
  load: (ctx) => {
    const cursor = ctx.query.get("cursor");
    return all({ group: group(ctx), assets: staffAssets(),
      trail: ctx.api(`/audit?group_id=${ctx.params.gid}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`) });
  },
  render({ group: g, trail }) {
    const rows = trail.items.map((r) => [timestamp(r.at), { node: h("span", { translate: "no", text: r.username || "—" }) }, { node: action(r.action) },
      { node: h("span", { translate: "no", text: [r.target, r.detail].filter(Boolean).join(" · ") }) }, { node: h("span", { translate: "no", text: r.address }) }]);
    return [
      ...heading(g, t("staff.audit_trail"), `/g/${g.id}/reports`, t("all_reports")),
      printHead({}),
      rows.length ? h("div.scroll-x", {}, table([t("staff.when"), t("staff.who"), t("staff.what"), t("staff.target"), t("staff.where")], rows, "table.report.audit"))
        : h("p", { text: t("staff.no_audit") }),
      h("div.buttons.no-print", {},
        trail.next_cursor && h("a.button", { href: `#/g/${g.id}/audit?cursor=${encodeURIComponent(trail.next_cursor)}`, text: t("staff.next_page") }),
        printButton()),
    ];
  },
};
