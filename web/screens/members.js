// The group's members, in the reader's alphabet (Khmer collation on a Khmer screen); each opens the
// member's page. The treasurer adds members from here.
import { has, lang, localName, t } from "../i18n.js";
import { date } from "../format.js";
import { canWrite } from "../session.js";
import { h, buttonLink } from "../ui.js";
import { all, group, members, heading, nameNode } from "../books.js";

export default {
  name: "members",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx) }),
  render({ group: g, members: list }) {
    const collator = new Intl.Collator(lang() === "km" ? "km" : "en");
    const sorted = list.slice().sort((a, b) => collator.compare(localName(a), localName(b)));
    return [
      ...heading(g, t("members")),
      canWrite() && buttonLink(`/g/${g.id}/members/new`, t("add_member"), "a.button.primary"),
      sorted.length
        ? h("ul.cards", {}, sorted.map((m) => h("li", {}, h("a.card.member-card", { href: `#/g/${g.id}/members/${m.id}` },
            nameNode(m, "strong"),
            h("small", {}, has(`gender.${m.gender}`) && h("span", { text: t(`gender.${m.gender}`) }),
              m.joined_on && h("span", { text: t("joined", { date: date(m.joined_on) }) }),
              m.phone && h("span", { translate: "no", text: m.phone }))))))
        : h("p", { text: t("no_members") }),
    ];
  },
};
