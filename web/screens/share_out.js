// Share-out (design/product.md, "Share-out arithmetic"): the preview at any date, and for the treasurer
// the final share-out that ends the cycle, asked twice, ending on the cycle's seal.
import { t } from "../i18n.js";
import { money, number, today, date } from "../format.js";
import { canWrite } from "../session.js";
import { invalidate, onceWriter } from "../api.js";
import { go } from "../router.js";
import { h, field, onSubmit, table, askTwice, printButton } from "../ui.js";
import { all, group, members, byId, heading, nameNode, memberLabel } from "../books.js";

function finalForm(g, ctx, people) {
  ctx.send ??= onceWriter();
  const form = h("form.card.no-print", {}, field("date", t("share_out_date"), { value: today(), input: { type: "date" } }));
  form.append(...askTwice(form, { ask: t("share_out_final"), confirm: t("share_out_confirm"), warning: () => t("share_out_warning") }));
  return onSubmit(form, async (v) => {
    await ctx.send(`/groups/${g.id}/operations`, { type: "share_out", date: v.date }, { signal: ctx.signal });
    invalidate(`/groups/${g.id}`);
    go(`/g/${g.id}/periods/${v.date}`, { replace: true });
  }, { errors: { members: people, currency: g.currency } });
}

export default {
  name: "share-out",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx), sheet: ctx.api(`/groups/${ctx.params.gid}/reports/share-out`) }),
  render({ group: g, members: people, sheet: s }, ctx) {
    const who = byId(people);
    const rows = s.members.map((m) => [
      who.get(String(m.member_id)) ? { node: nameNode(who.get(String(m.member_id))) } : memberLabel(null, number(m.member_id)),
      { num: true, text: money(m.weight, s.currency) },
      { num: true, text: money(m.payout, s.currency) },
    ]);
    return [
      ...heading(g, t("share_out")),
      h("p.lead", { text: t("as_of_date", { date: date(s.as_of || today()) }) }),
      h("div.tiles", {}, h("div.tile", {}, h("span.tile-label", { text: t("fund_to_share") }), h("strong.tile-value", { text: money(s.fund, s.currency) }))),
      table([t("member"), { text: t("savings"), num: true }, { text: t("payout"), num: true }], rows, "table.report"),
      h("p", { text: t("residual", { amount: money(s.residual, s.currency) }) }),
      canWrite() && finalForm(g, ctx, people),
      printButton(),
    ];
  },
};
