// My groups: one card per group. A member's card opens their own page; staff with many groups can filter.
import { t, lang, setting, setSetting } from "../i18n.js";
import { session } from "../session.js";
import { redraw } from "../router.js";
import { h, link } from "../ui.js";
import { nameNode } from "../books.js";

const FILTER_FROM = 7;

function card(group) {
  const user = session.user;
  const href = user.role === "member" ? `/g/${group.id}/members/${user.member_id}` : `/g/${group.id}`;
  const place = [group.village, group.commune, group.district, group.province].filter(Boolean).join(", ");
  return h("li", {}, h("a.card.group-card", { href: "#" + href, "data-name": `${group.name} ${group.name_km}`.toLowerCase() },
    nameNode(group, "strong"),
    h("span.kind", { text: t(`kind.${group.kind}`) }),
    place && h("small", { translate: "no", text: place })));
}

function filter(list) {
  const input = h("input", { type: "search", name: "filter", "aria-label": t("find_group"), placeholder: t("find_group") });
  input.addEventListener("input", () => {
    const wanted = input.value.trim().toLowerCase();
    for (const item of list.children) item.hidden = Boolean(wanted) && !item.firstChild.dataset.name.includes(wanted);
  });
  return input;
}

// Khmer digits are a setting of the phone, offered on a Khmer screen.
function digitsSetting() {
  if (lang() !== "km") return null;
  const on = setting("khmer_digits");
  return h("button.quiet.setting", { type: "button", "aria-pressed": String(on), text: on ? t("latin_digits") : t("khmer_digits"),
    on: { click: () => { setSetting("khmer_digits", !on); redraw(); } } });
}

export default {
  name: "groups",
  load: (ctx) => ctx.api("/groups?limit=1000").then((g) => g.items),
  render(groups) {
    const list = h("ul.cards", {}, groups.map(card));
    const user = session.user;
    return [
      h("h2", { text: t("my_groups") }),
      groups.length >= FILTER_FROM && filter(list),
      groups.length ? list : h("p", { text: t("no_groups") }),
      h("footer.signed-in", {},
        h("span", { text: t("signed_in_as", { role: t(`role.${user.role}`) }) }), " ",
        h("span", { translate: "no", text: user.display_name || user.username }),
        link("/sessions", t("my_sessions"), "a.button.quiet"),
        digitsSetting()),
    ];
  },
};
