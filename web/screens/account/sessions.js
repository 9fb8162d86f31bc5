// My sessions: every device signed in as me — its browser, address, when it was last used — with a way
// to end one (the phone that was lost) or all but this one. Loaded on first use (app.js, `later`).
import { t } from "../../i18n.js";
import { number, timestamp } from "../../format.js";
import { session } from "../../session.js";
import { flash, show } from "../../router.js";
import { h, up, link, failure } from "../../ui.js";
import { device } from "./device.js";

// Ends the sessions given, one request each, then shows the list again with what was done.
async function end(ctx, sessions, done) {
  for (const s of sessions) await ctx.api(`/me/sessions/${encodeURIComponent(s.id)}`, { method: "DELETE" });
  flash(done);
  show();
}

function action(ctx, label, spec, sessions, done) {
  const button = h(spec, { type: "button", text: label });
  const status = h("div.form-status", { "aria-live": "polite" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await end(ctx, sessions, done);
    } catch (error) {
      status.replaceChildren(failure(error));
      button.disabled = false;
    }
  });
  return [button, status];
}

function card(ctx, s) {
  const used = s.last_seen_at ? t("session_last_seen", { when: timestamp(s.last_seen_at) })
    : t("session_opened", { when: timestamp(s.created_at) });
  return h("li.card.session", { "data-session": s.id },
    h("strong", { translate: "no", text: device(s.device) || "?" }),
    s.current && h("span.badge", { text: t("this_device") }),
    h("small", {}, t("session_address"), " ", h("span", { translate: "no", text: s.address || "?" })),
    h("small", { text: used }),
    h("small", { text: t("session_expires", { when: timestamp(s.expires_at) }) }),
    !s.current && action(ctx, t("end_session"), "button.danger", [s], t("session_ended")));
}

export default {
  name: "sessions",
  load: (ctx) => ctx.api("/me/sessions").then((answer) => answer.items),
  render(items, ctx) {
    const others = items.filter((s) => !s.current);
    return [
      up("/", t("my_groups")),
      h("h2", { text: t("my_sessions") }),
      h("p.hint", { text: t("sessions_explain") }),
      h("ul.cards.sessions", {}, items.map((s) => card(ctx, s))),
      others.length > 1 && action(ctx, t("end_other_sessions", { n: number(others.length) }), "button.danger", others, t("other_sessions_ended")),
      session.user?.role === "admin" && h("p", {}, link("/users", t("users_sessions"), "a.button")),
    ];
  },
};
