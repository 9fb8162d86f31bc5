// The group's members, in the reader's alphabet (Khmer collation on a Khmer screen); each opens the
// member's page. The treasurer adds members from here.
import { has, t } from "../i18n.js";
import { date } from "../format.js";
import { canWrite } from "../session.js";
import { h, buttonLink } from "../ui.js";
import { all, group, members, heading, nameNode, sorted } from "../books.js";

export default {
  name: "members",
  roles: ["admin", "staff", "treasurer"],
  load: (ctx) => all({ group: group(ctx), members: members(ctx) }),
  render({ group: g, members: list }) {
    const people = sorted(list);
    return [
      ...heading(g, t("members")),
      canWrite() && buttonLink(`/g/${g.id}/members/new`, t("add_member"), "a.button.primary"),
      people.length
        ? h("ul.cards", {}, people.map((m) => h("li", {}, h(`a.card.member-card${m.left_on ? ".left" : ""}`, { href: `#/g/${g.id}/members/${m.id}` },
            nameNode(m, "strong"),
            h("small", {}, has(`gender.${m.gender}`) && h("span", { text: t(`gender.${m.gender}`) }),
              m.joined_on && h("span", { text: t("joined", { date: date(m.joined_on) }) }),
              m.left_on && h("span", { text: t("left_on", { date: date(m.left_on) }) }),
              m.phone && h("span", { translate: "no", text: m.phone }))))))
        : h("p", { text: t("no_members") }),
    ];
  },
};
