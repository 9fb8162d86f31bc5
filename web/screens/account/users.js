// For an admin: every user, with a way to end all of a user's sessions at once (a phone lost or stolen, a
// treasurer replaced): they must sign in again everywhere. Loaded on first use (app.js, `later`).
import { t } from "../../i18n.js";
import { number } from "../../format.js";
import { flash, show } from "../../router.js";
import { h, up, askTwice, onSubmit } from "../../ui.js";

function row(ctx, user) {
  const name = user.display_name || user.username;
  const form = h("form.card.user", { "data-user": user.id },
    h("strong", { translate: "no", text: name }),
    h("small", {}, h("span", { translate: "no", text: user.username }), " · ", t(`role.${user.role}`)));
  form.append(...askTwice(form, {
    ask: t("end_user_sessions"),
    confirm: t("end_user_sessions_confirm"),
    warning: () => t("end_user_sessions_warning"),
  }));
  return h("li", {}, onSubmit(form, async () => {
    const answer = await ctx.api(`/users/${user.id}/sessions`, { method: "DELETE" });
    flash(h("span", { translate: "no", text: name }), " — ", t("user_sessions_ended", { n: number(answer.ended) }));
    show();
  }));
}

export default {
  name: "users",
  load: (ctx) => ctx.api("/users").then((answer) => answer.items),
  render(users, ctx) {
    return [
      up("/sessions", t("my_sessions")),
      h("h2", { text: t("users_sessions") }),
      h("p.hint", { text: t("users_sessions_explain") }),
      h("ul.cards.users", {}, users.map((u) => row(ctx, u))),
    ];
  },
};
