// Are the books whole? The server recomputes the group's hash chain; with a seal from the minute book
// it also says whether the books still pass through that seal. Any role of the group may ask.
import { t } from "../i18n.js";
import { number } from "../format.js";
import { session } from "../session.js";
import { go } from "../router.js";
import { h, field } from "../ui.js";
import { all, group, heading } from "../books.js";

function verdict(ok, yes, no) {
  return h(`div.verdict.${ok ? "good" : "bad"}`, { role: "status" },
    h("span.mark", { "aria-hidden": "true", text: ok ? "✓" : "✗" }), h("strong", { text: ok ? yes : no }));
}

export default {
  name: "verify",
  load: (ctx) => {
    const seal = ctx.query.get("seal");
    return all({
      group: group(ctx),
      report: ctx.api(`/groups/${ctx.params.gid}/verify${seal ? `?seal=${encodeURIComponent(seal)}` : ""}`),
    });
  },
  render({ group: g, report }, ctx) {
    const seal = ctx.query.get("seal") || "";
    const member = session.user?.role === "member";
    const form = h("form.card", {},
      field("seal", t("seal_to_check"), { value: seal, hint: t("seal_to_check_hint"), input: { autocapitalize: "characters", autocomplete: "off", spellcheck: "false" } }),
      h("button.primary", { type: "submit", text: t("check") }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const typed = form.seal.value.trim();
      go(`/g/${g.id}/verify${typed ? `?seal=${encodeURIComponent(typed)}` : ""}`);
    });
    return [
      ...heading(g, t("verify"), member ? `/g/${g.id}/members/${session.user.member_id}` : `/g/${g.id}`),
      verdict(report.ok, t("books_whole", { n: number(report.entries) }),
        t("books_broken", { seq: number(report.first_bad_seq ?? "?") })),
      seal && "seal_ok" in report && verdict(report.seal_ok, t("seal_matches"), t("seal_does_not_match")),
      form,
      h("p.hint", { text: t("verify_explain") }),
    ];
  },
};
