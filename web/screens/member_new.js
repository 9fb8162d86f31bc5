// Add a member: the form checks what it can before sending, and the server's refusal of a field is
// shown next to that field.
import { t } from "../i18n.js";
import { today } from "../format.js";
import { invalidate } from "../api.js";
import { back, flash } from "../router.js";
import { h, field, onSubmit } from "../ui.js";
import { group, heading, nameNode } from "../books.js";

const PHONE = /^\+?[0-9 ]{6,20}$/;

// Family and given names kept apart, in Khmer and in Latin letters (khmer.md); the server writes the whole
// names from them, family name first: ចាន់ សុខា, CHAN Sokha.
const NAMES = ["family_name_km", "given_name_km", "family_name", "given_name"];

function validate(v) {
  const problems = {};
  if (NAMES.every((key) => !v[key].trim())) problems.family_name_km = t("required");
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) problems.phone = t("invalid_phone");
  if (v.joined_on && v.joined_on > today()) problems.joined_on = t("date_in_future");
  return problems;
}

export default {
  name: "member-new",
  roles: ["admin", "treasurer"],
  load: (ctx) => group(ctx),
  render(g, ctx) {
    const list = `/g/${g.id}/members`;
    const form = h("form.card", {},
      h("fieldset.names", {}, h("legend", { text: t("name_km") }),
        field("family_name_km", t("family_name"), { input: { lang: "km", autocomplete: "off" } }),
        field("given_name_km", t("given_name"), { input: { lang: "km", autocomplete: "off" } })),
      h("fieldset.names", {}, h("legend", { text: t("name_latin") }), h("small.hint", { text: t("name_latin_hint") }),
        field("family_name", t("family_name"), { input: { autocomplete: "off", autocapitalize: "characters" } }),
        field("given_name", t("given_name"), { input: { autocomplete: "off", autocapitalize: "words" } })),
      field("phone", t("phone"), { input: { type: "tel", inputmode: "tel", autocomplete: "off" } }),
      h("fieldset.choice", {}, h("legend", { text: t("gender") }),
        ["female", "male"].map((g) => h("label.radio", {}, h("input", { type: "radio", name: "gender", value: g }), h("span", { text: t(`gender.${g}`) })))),
      field("joined_on", t("joined_on"), { value: today(), input: { type: "date", max: today() } }),
      h("div.buttons", {}, h("button.primary", { type: "submit", text: t("save") }), h("a.button.quiet", { href: "#" + list, text: t("cancel") })));
    onSubmit(form, async (v) => {
      const body = {};
      for (const key of [...NAMES, "phone", "gender", "joined_on"]) if (v[key]?.trim()) body[key] = v[key].trim();
      // Adding a member twice is harmless to retry by hand (the list shows it); no key needed.
      const created = await ctx.api(`/groups/${g.id}/members`, { method: "POST", body });
      invalidate(`/groups/${g.id}/members`);
      flash(t("member_added"), " ", nameNode(created));
      back(list);
    }, { validate, fieldOf: (error) => (error.code === "invalid_date" ? "joined_on" : error.details?.field === "name" ? "family_name_km" : null) });
    return [...heading(g, t("add_member"), list, t("members")), form];
  },
};
