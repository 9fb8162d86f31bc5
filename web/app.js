// Samaki's web UI: the screens and their addresses, who may see which, the header, and the start.
import { setLanguage, lang, t } from "./i18n.js";
import { route, setGuard, start, go, redraw, currentPath } from "./router.js";
import { session, resume, signOut, sessionEnded } from "./session.js";
import { failure, waiting } from "./ui.js";
import { send as sendOutbox } from "./outbox.js";
import { drawOutbox, mountOutbox, signOutAllowed } from "./outbox_banner.js";
import signin from "./screens/signin.js";
import groups from "./screens/groups.js";
import group from "./screens/group.js";
import members from "./screens/members.js";
import memberNew from "./screens/member_new.js";
import member from "./screens/member.js";
import entry from "./screens/entry.js";
import reverse from "./screens/reverse.js";
import periods, { seal } from "./screens/periods.js";
import verify from "./screens/verify.js";
import trialBalance from "./screens/trial_balance.js";
import notFound from "./screens/not_found.js";
import meeting from "./screens/meeting.js";
import { operations, operation } from "./screens/operation.js";
import { loans, loan } from "./screens/loans.js";
import passbook from "./screens/passbook.js";
import shareOut from "./screens/share_out.js";
import cycleNew from "./screens/cycle.js";
import { history, operationRecord, reverseOperation } from "./screens/record.js";

route("/signin", signin);
route("/", groups);
route("/g/:gid", group);
route("/g/:gid/members", members);
route("/g/:gid/members/new", memberNew);
route("/g/:gid/members/:mid", member);
route("/g/:gid/entries/:id", entry);
route("/g/:gid/entries/:id/reverse", reverse);
route("/g/:gid/periods", periods);
route("/g/:gid/periods/:through", seal);
route("/g/:gid/verify", verify);
route("/g/:gid/trial-balance", trialBalance);
// Savings-group screens on the operations API (design/operations.md).
route("/g/:gid/meeting", meeting);
route("/g/:gid/record", operations);
route("/g/:gid/record/:type", operation);
route("/g/:gid/loans", loans);
route("/g/:gid/loans/:id", loan);
route("/g/:gid/members/:mid/passbook", passbook);
route("/g/:gid/share-out", shareOut);
route("/g/:gid/cycle/new", cycleNew);
route("/g/:gid/operations", history);
route("/g/:gid/operations/:id", operationRecord);
route("/g/:gid/operations/:id/reverse", reverseOperation);
// Cooperative and joint-task screens (design/operations.md), in screens/trade/: fetched the first time one
// is shown, so a savings group's phone never downloads them. Who may see them is said here, before loading.
const later = (name, roles, file) => {
  let screen = null;
  return { name, roles, load: async (ctx) => (screen ??= (await import(file)).default).load(ctx), render: (data, ctx) => screen.render(data, ctx) };
};
const readers = ["admin", "staff", "treasurer"];
route("/g/:gid/bylaws", later("bylaws", readers, "./screens/trade/bylaws.js"));
route("/g/:gid/year-end", later("year-end", readers, "./screens/trade/year_end.js"));
route("/g/:gid/annual", later("annual", readers, "./screens/trade/annual.js"));
route("/g/:gid/harvest", later("harvest", readers, "./screens/trade/harvest.js"));
// Every report of a group, one report, and the audit trail (screens/staff/), also fetched when first shown.
route("/g/:gid/reports", later("reports", readers, "./screens/staff/reports.js"));
route("/g/:gid/reports/:report", later("report", readers, "./screens/staff/report.js"));
route("/g/:gid/audit", later("audit", ["admin", "staff"], "./screens/staff/audit.js"));
// Where one is signed in, for everyone; ending a user's sessions, for admins (screens/account/).
route("/sessions", later("sessions", null, "./screens/account/sessions.js"));
route("/users", later("users", ["admin"], "./screens/account/users.js"));
route("/404", notFound);

// After a sign-out, the next person starts from their own groups, not the last person's screen.
let signedOutHere = false;

// Where a screen sends someone who may not see it; null lets them in.
setGuard((screen, params, address) => {
  document.body.classList.toggle("signed-in", Boolean(session.user));
  const user = session.user;
  if (user) signedOutHere = false;
  drawOutbox();
  sendOutbox();
  if (screen.public) return screen.name === "signin" && user ? "/" : null;
  if (!user) return signedOutHere ? "/signin" : `/signin?next=${encodeURIComponent(address)}`;
  if (user.role === "member") {
    // A member has one page per group: their own.
    const own = `/g/${params.gid}/members/${user.member_id}`;
    if (screen.roles && !screen.roles.includes("member")) return params.gid ? own : "/";
    if (params.mid !== undefined && String(params.mid) !== String(user.member_id)) return own;
    return null;
  }
  return screen.roles && !screen.roles.includes(user.role) ? "/" : null;
});

const languageButton = document.getElementById("language");
languageButton.addEventListener("click", async () => {
  await setLanguage(lang() === "km" ? "en" : "km");
  labelHeader();
  drawOutbox();
  redraw();
});

function labelHeader() {
  languageButton.lang = t("other_language_code");
}

document.getElementById("signout").addEventListener("click", () => {
  if (!signOutAllowed()) return;  // saved items still wait: the first press says so
  signOut();
  signedOutHere = true;
  go("/signin", { replace: true });
});

// The server ended the session (expired, or signed out elsewhere): sign in again, then come back here.
window.addEventListener("samaki:signed-out", () => {
  if (!session.user) return;
  sessionEnded();
  go(`/signin?next=${encodeURIComponent(currentPath())}`, { replace: true });
});

let started = false;
async function boot() {
  if (started) return;
  const view = document.getElementById("view");
  const wait = waiting(boot);
  view.replaceChildren(wait);
  try {
    await resume();
  } catch (error) {
    view.replaceChildren(failure(error, boot));
    window.addEventListener("online", boot, { once: true });  // opened offline: start when the network is back
    return;
  } finally {
    wait.stop();
  }
  if (started) return;  // a retry and the "online" event both got here
  started = true;
  start();
}

await setLanguage(lang());
labelHeader();
mountOutbox();
boot();
// The UI from the phone's cache when there is no network (sw.js). Browsers allow it on HTTPS and localhost.
navigator.serviceWorker?.register("/sw.js").catch(() => {});
