// Share-out (design/product.md, "Share-out arithmetic"): the preview as of today, what each member would
// get and the loans it would take back; for the treasurer the final share-out that ends the cycle, asked
// twice, optionally buying shares of the next cycle with part of a payout. It ends on its record: the
// sheet and the seal, large, to copy into the minute book.
import { t } from "../i18n.js";
import { addAmounts, isZero, money, number, today } from "../format.js";
import { canWrite } from "../session.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit, table, askTwice, printButton } from "../ui.js";
import { all, group, members, byId, heading, nameNode, memberLabel, openLoans, printHead, sealThrough } from "../books.js";

function finalForm(g, ctx, people, sheet) {
  ctx.send ??= onceWriter();
  const who = byId(people);
  const form = h("form.card.no-print", {},
    field("date", t("share_out_date"), { value: today(), input: { type: "date", max: today() } }),
    h("details", {}, h("summary", { text: t("reinvest") }), h("p.hint", { text: t("reinvest_hint") }),
      sheet.members.map((m) => field(`reinvest_${m.member_id}`, memberLabel(who.get(String(m.member_id)), number(m.member_id)),
        { input: { inputmode: "numeric", autocomplete: "off", translate: "no" } }))));
  form.append(...askTwice(form, { ask: t("share_out_final"), confirm: t("share_out_confirm"), warning: () => t("share_out_warning") }));
  return onSubmit(form, async (v) => {
    const reinvest = sheet.members.map((m) => ({ member_id: m.member_id, shares: Number(v[`reinvest_${m.member_id}`] || 0) })).filter((r) => r.shares > 0);
    const done = await ctx.send(`/groups/${g.id}/operations`, { type: "share_out", date: v.date, ...(reinvest.length && { reinvest }) }, { signal: ctx.signal });
    invalidate(`/groups/${g.id}`);
    flash(t("share_out_done"));
    go(`/g/${g.id}/operations/${done.id}`, { replace: true });
  }, {
    validate: (v) => Object.fromEntries(Object.entries(v).filter(([k, x]) => k.startsWith("reinvest_") && x && !/^\d+$/.test(x)).map(([k]) => [k, t("whole_number")])),
    errors: { members: people, currency: g.currency },
  });
}

export default {
  name: "share-out",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx), loans: openLoans(ctx), close: sealThrough(ctx, today()), sheet: ctx.api(`/groups/${ctx.params.gid}/reports/share-out`) }),
  render({ group: g, members: people, loans, close, sheet: s }, ctx) {
    const who = byId(people);
    const owes = (id) => addAmounts(loans.filter((l) => l.member_id === id).flatMap((l) => [l.outstanding, l.interest_due]));
    const rows = s.members.map((m) => [
      who.get(String(m.member_id)) ? { node: nameNode(who.get(String(m.member_id))) } : memberLabel(null, number(m.member_id)),
      { num: true, text: money(m.weight, s.currency) },
      { num: true, text: money(m.payout, s.currency) },
      { num: true, text: isZero(owes(m.member_id)) ? "" : money(owes(m.member_id), s.currency) },
    ]);
    return [
      ...heading(g, t("share_out")),
      printHead({ asOf: s.as_of, close }),
      h("div.tiles", {}, h("div.tile", {}, h("span.tile-label", { text: t("fund_to_share") }), h("strong.tile-value", { text: money(s.fund, s.currency) }))),
      h("div.scroll-x", {}, table([t("member"), { text: t("savings"), num: true }, { text: t("payout"), num: true }, { text: t("loan_to_offset"), num: true }], rows, "table.report")),
      h("p", { text: t("residual", { amount: money(s.residual, s.currency) }) }),
      loans.length > 0 && h("p.note.warn", { text: t("loans_offset", { n: number(loans.length) }) }),
      canWrite() && finalForm(g, ctx, people, s),
      printButton(),
    ];
  },
};
