// Reverse an entry with a reason. The Idempotency-Key is made once for this attempt and sent again on a
// retry, so a reversal whose answer was lost on a weak network is never made twice.
import { t } from "../i18n.js";
import { number, today } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit } from "../ui.js";
import { heading } from "../books.js";
import { loadEntry, entrySummary } from "./entry.js";

export default {
  name: "reverse",
  roles: ["admin", "treasurer"],
  load: loadEntry,
  render(loaded, ctx) {
    const { group: g, entry, members } = loaded;
    const back = `/g/${g.id}/entries/${entry.id}`;
    if (entry.reversed_by) return [...heading(g, t("reverse_entry"), back, t("entry_number", { seq: number(entry.seq) })), h("p", { text: t("entry_reversed") })];
    const send = onceWriter();
    const form = h("form.card", {},
      h("p", { text: t("reverse_explain") }),
      field("reason", t("reason"), { multiline: true, input: { rows: 3, maxlength: 500 } }),
      field("date", t("reversal_date"), { value: today(), input: { type: "date" } }),
      h("div.buttons", {}, h("button.danger", { type: "submit", text: t("reverse_confirm") }), h("a.button.quiet", { href: "#" + back, text: t("cancel") })));
    onSubmit(form, async (v) => {
      const reversal = await send(`/groups/${g.id}/entries/${entry.id}/reverse`, { memo: v.reason.trim(), date: v.date || undefined }, { signal: ctx.signal });
      invalidate(`/groups/${g.id}/entries`);
      flash(t("reversed_done", { seq: number(reversal.seq) }));
      go(`/g/${g.id}/entries/${reversal.id}`, { replace: true });
    }, {
      validate: (v) => (v.reason.trim() ? {} : { reason: t("reason_required") }),
      fieldOf: (error) => (error.code === "invalid_date" || error.code === "period_closed" ? "date" : null),
      errors: () => ({ members }),
    });
    return [...heading(g, t("reverse_entry"), back, t("entry_number", { seq: number(entry.seq) })), ...entrySummary(loaded), form];
  },
};
