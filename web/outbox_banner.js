// The outbox under the header, on every screen while it holds anything: what waits to be sent, what went
// through (with the way to open it), what the server refused and why; "Send now"; and the warning a
// sign-out gives first when items would wait for this user's next sign-in.
import { has, lang, t } from "./i18n.js";
import { date, number } from "./format.js";
import { errorNode } from "./errors.js";
import { h } from "./ui.js";
import { nameNode } from "./books.js";
import { session } from "./session.js";
import { dismiss, isSending, items, onChange, send, waiting } from "./outbox.js";

const node = h("section.outbox.no-print", { id: "outbox", "aria-live": "polite", hidden: true });
let warned = false;

// What was saved: ours for a savings group's operations, else the type's label from the server.
const title = (item) => (has(`op.${item.type}`) ? t(`op.${item.type}`)
  : (lang() === "km" && item.title?.label_km) || item.title?.label || item.type);

function itemNode(item) {
  const state = item.state === "waiting" && isSending() ? "sending" : item.state;
  return h(`li.outbox-item.${item.state}`, {},
    h("strong", {}, title(item), " · ", nameNode(item.group), item.body.date ? ` · ${date(item.body.date)}` : ""),
    h("span.outbox-state", { text: t(`outbox.state.${state}`) }),
    item.state === "refused" && errorNode(item.error, { members: item.members, currency: item.group.currency }),
    h("div.buttons", {},
      item.state === "sent" && h("a.button", { href: `#/g/${item.group.id}/operations/${item.id}`, text: t("outbox.open") }),
      item.state !== "waiting" && h("button.quiet", { type: "button", text: t("outbox.dismiss"), on: { click: () => dismiss(item.key) } })));
}

// Draws the list again (the outbox changed, the language, the connection, who is signed in).
export function drawOutbox() {
  const list = items();
  const count = list.filter((item) => item.state === "waiting").length;
  if (!count) warned = false;
  node.hidden = list.length === 0;
  node.replaceChildren(...[
    count > 0 && h("p.outbox-status", { text: t("outbox.waiting", { n: number(count) }) }),
    count > 0 && !navigator.onLine && h("p", { text: t("outbox.offline") }),
    h("ul.outbox-items", {}, list.map(itemNode)),
    count > 0 && session.user && !isSending() && h("button", { type: "button", text: t("outbox.send_now"), on: { click: () => send() } }),
    warned && h("p.warn", { role: "alert", text: t("outbox.sign_out_warning", { n: number(count) }) }),
  ].filter(Boolean));
}

export function mountOutbox() {
  document.getElementById("view").before(node);
  onChange(drawOutbox);
  window.addEventListener("online", drawOutbox);
  window.addEventListener("offline", drawOutbox);
  drawOutbox();
}

// Whether a sign-out may go ahead now: not at the first press while this user's items wait (the list
// says they stay on the phone and go when this user signs in again), yes at the second.
export function signOutAllowed() {
  if (warned || waiting().length === 0) {
    warned = false;
    return true;
  }
  warned = true;
  drawOutbox();
  node.scrollIntoView({ block: "start" });
  return false;
}
