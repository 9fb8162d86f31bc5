// Sign-in: a fresh, empty form every time it is shown (the next person on a shared phone sees nothing).
import { t } from "../i18n.js";
import { signIn } from "../session.js";
import { go } from "../router.js";
import { h, field, onSubmit } from "../ui.js";

export default {
  name: "signin",
  public: true,
  render(_, ctx) {
    const form = h("form.card.signin", {},
      h("h2", { text: t("sign_in") }),
      field("username", t("username"), { input: { autocomplete: "username", autocapitalize: "none", spellcheck: "false" } }),
      field("password", t("password"), { input: { type: "password", autocomplete: "current-password" } }),
      h("button.primary", { type: "submit", text: t("sign_in") }));
    const next = ctx.query.get("next");
    return onSubmit(form, async ({ username, password }) => {
      await signIn(username.trim(), password);
      go(next && next.startsWith("/") && !next.startsWith("/signin") ? next : "/", { replace: true });
    }, {
      validate: ({ username, password }) => ({
        ...(!username.trim() && { username: t("required") }),
        ...(!password && { password: t("required") }),
      }),
      errors: { context: "sign_in" },
    });
  },
};
