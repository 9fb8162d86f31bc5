// My groups: one card per group; a member's card opens their own page. Staff and admins get the dashboard.
import { t, lang, setting, setSetting } from "../i18n.js";
import { session } from "../session.js";
import { redraw } from "../router.js";
import { h, link } from "../ui.js";
import { nameNode } from "../books.js";

function card(group) {
  const user = session.user;
  const href = user.role === "member" ? `/g/${group.id}/members/${user.member_id}` : `/g/${group.id}`;
  const place = [group.village, group.commune, group.district, group.province].filter(Boolean).join(", ");
  return h("li", {}, h("a.card.group-card", { href: "#" + href },
    nameNode(group, "strong"),
    h("span.kind", { text: t(`kind.${group.kind}`) }),
    place && h("small", { translate: "no", text: place })));
}

// Khmer digits are a setting of the phone, offered on a Khmer screen.
function digitsSetting() {
  if (lang() !== "km") return null;
  const on = setting("khmer_digits");
  return h("button.quiet.setting", { type: "button", "aria-pressed": String(on), text: on ? t("latin_digits") : t("khmer_digits"),
    on: { click: () => { setSetting("khmer_digits", !on); redraw(); } } });
}

// Staff and admins follow many groups: their home is the dashboard (screens/staff/), fetched when first shown.
const followsMany = () => ["staff", "admin"].includes(session.user?.role);
let board = null;

export default {
  name: "groups",
  load: async (ctx) => followsMany()
    ? { board: await (board ??= (await import("./staff/dashboard.js")).default).load(ctx) }
    : ctx.api("/groups?limit=1000").then((g) => g.items),
  render(groups) {
    const user = session.user;
    return [
      groups.board ? board.render(groups.board) : [
        h("h2", { text: t("my_groups") }),
        groups.length ? h("ul.cards", {}, groups.map(card)) : h("p", { text: t("no_groups") })],
      h("footer.signed-in", {},
        h("span", { text: t("signed_in_as", { role: t(`role.${user.role}`) }) }), " ",
        h("span", { translate: "no", text: user.display_name || user.username }),
        link("/sessions", t("my_sessions"), "a.button.quiet"),
        digitsSetting()),
    ];
  },
};
