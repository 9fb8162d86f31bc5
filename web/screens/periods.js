// Closing the books: the closes so far, each with its seal, and (for the treasurer) closing the next
// period. Closing cannot be undone, so it asks once more; then the seal is shown large to copy into the
// paper minute book.
import { lang, t } from "../i18n.js";
import { date, today } from "../format.js";
import { canWrite } from "../session.js";
import { invalidate, api } from "../api.js";
import { go } from "../router.js";
import { h, field, fieldError, onSubmit, askTwice } from "../ui.js";
import { all, group, heading } from "../books.js";

const sealCode = (code) => code.replace(/(.{4})(?=.)/g, "$1 ");

const periods = (ctx) => ctx.api(`/groups/${ctx.params.gid}/periods?limit=1000`).then((p) => p.items);

function closeForm(g, ctx, last) {
  const form = h("form.card", {},
    h("h3", { text: t("close_period") }),
    field("through", t("through"), { value: today(), input: { type: "date" } }),
    field("kind", t("period_kind"), { value: "month", options: ["month", "year", "cycle"].map((k) => [k, t(`period.${k}`)]) }));
  const validate = (v) => {
    if (!v.through) return { through: t("required") };
    if (last && v.through <= last.through) return { through: t("already_closed_through", { date: date(last.through) }) };
    return {};
  };
  form.append(...askTwice(form, {
    ask: t("close_period"),
    confirm: t("close_confirm"),
    warning: () => t("close_warning", { date: date(form.through.value) }),
    check: () => {
      const problem = validate(Object.fromEntries(new FormData(form))).through;
      fieldError(form, "through", problem);
      return !problem;
    },
  }));
  return onSubmit(form, async (v) => {
    const closed = await api(`/groups/${g.id}/periods`, { method: "POST", body: { through: v.through, kind: v.kind }, signal: ctx.signal });
    invalidate(`/groups/${g.id}`);
    go(`/g/${g.id}/periods/${closed.through}`);
  }, { validate, errors: { context: "close_period" } });
}

export default {
  name: "periods",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), periods: periods(ctx) }),
  render({ group: g, periods: list }, ctx) {
    const newest = list.slice().reverse();
    return [
      ...heading(g, t("periods")),
      h("p", { text: t("periods_explain") }),
      canWrite() && closeForm(g, ctx, newest[0]),
      h("h3", { text: t("seals") }),
      newest.length
        ? h("ul.cards", {}, newest.map((p) => h("li", {}, h("a.card.period", { href: `#/g/${g.id}/periods/${p.through}` },
            h("strong", { text: t("closed_through", { date: date(p.through) }) }),
            h("span", { text: t(`period.${p.kind}`) }),
            h("code.seal-small", { translate: "no", text: sealCode(p.seal.code) })))))
        : h("p", { text: t("no_periods") }),
    ];
  },
};

// A seal's six words in the reader's language (the Khmer list of khmer.md on a Khmer screen, when the seal has it).
const sealWords = (seal) => (lang() === "km" && seal.words_km?.length ? h("ol.seal-words", {}, seal.words_km.map((w) => h("li", { text: w })))
  : h("ol.seal-words", { lang: "en", translate: "no" }, seal.words.map((w) => h("li", { text: w }))));

// A seal large, to copy into the minute book: the code, the six words, and the way to check it later.
export const sealBox = (g, seal) => [
  h("p", { text: t("seal_copy") }),
  h("div.seal", {},
    h("span.seal-label", { text: t("seal_code") }),
    h("code.seal-code", { translate: "no", text: sealCode(seal.code) }),
    h("span.seal-label", { text: t(lang() === "km" && seal.words_km?.length ? "seal_words_km" : "seal_words") }),
    sealWords(seal)),
  h("p.hint", { text: t("seal_why") }),
  h("a.button.no-print", { href: `#/g/${g.id}/verify?seal=${encodeURIComponent(seal.code)}`, text: t("verify_with_seal") }),
];

// One close, its seal large: the code, and the words, to write into the minute book.
export const seal = {
  name: "seal",
  load: (ctx) => all({ group: group(ctx), periods: periods(ctx) }),
  render({ group: g, periods: list }, ctx) {
    const p = list.find((x) => x.through === ctx.params.through);
    const head = heading(g, t("seal"), `/g/${g.id}/periods`, t("periods"));
    if (!p) return [...head, h("p", { text: t("no_such_period") })];
    return [
      ...head,
      h("p.lead", { text: t("closed_through", { date: date(p.through) }) + " · " + t(`period.${p.kind}`) }),
      ...sealBox(g, p.seal),
    ];
  },
};
