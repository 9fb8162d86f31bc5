// The outbox: an operation or meeting saved when no answer came (no network, or none in time; never a
// refusal) stays on this phone (localStorage, so a reload keeps it) with its body and its Idempotency-Key,
// and is sent again when the connection returns: on the "online" event, when its user is signed in, and
// by retries with backoff. The server answers a key it has already recorded with the same operation, so
// an item whose first answer was lost is still recorded once. What went through and what the server
// refused (4xx) stay listed until the treasurer dismisses them: a refusal is shown, never dropped.
import { api, ApiError, invalidate, onceWriter, unanswered } from "./api.js";
import { session } from "./session.js";

const STORE = "samaki.outbox";
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
const KEEP_SENT = 10;

const read = () => {
  try {
    return JSON.parse(localStorage.getItem(STORE)) || [];
  } catch {
    return [];
  }
};

const listeners = new Set();
const changed = () => listeners.forEach((fn) => fn());
// fn() is called whenever the outbox changes, in this tab or another.
export const onChange = (fn) => listeners.add(fn);
window.addEventListener("storage", (event) => { if (event.key === STORE) changed(); });

function write(items) {
  localStorage.setItem(STORE, JSON.stringify(items));
  changed();
}
const update = (key, change) => write(read().map((item) => (item.key === key ? { ...item, ...change } : item)));

// The items of whoever is signed in; everyone's while nobody is (a phone that opened offline).
export const items = () => read().filter((item) => !session.user || item.user === session.user.username);
export const waiting = () => items().filter((item) => item.state === "waiting");
export const dismiss = (key) => write(read().filter((item) => item.key !== key));

let sending = null;
let timer = null;
let attempt = 0;
export const isSending = () => sending !== null;

function retryLater() {
  clearTimeout(timer);
  timer = setTimeout(send, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
}

// The signed-in user's waiting items, oldest first; one at a time, stopping at the first without an answer.
async function sendAll() {
  const user = session.user?.username;
  for (const item of read().filter((i) => i.state === "waiting" && i.user === user)) {
    try {
      const answer = await api(item.path, { method: "POST", body: item.body, headers: { "Idempotency-Key": item.key } });
      update(item.key, { state: "sent", id: answer.id, sent_at: new Date().toISOString() });
      invalidate(`/groups/${item.group.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Not the item's fault: try again later (no answer, the server busy) or once signed in again (401).
      if (unanswered(error) || error.status >= 500 || error.status === 429 || error.status === 408) {
        retryLater();
        return;
      }
      if (error.status === 401) return;
      update(item.key, { state: "refused", error: { status: error.status, code: error.code, message: error.message, details: error.details } });
    }
  }
  attempt = 0;
  const old = read().filter((i) => i.state === "sent").slice(0, -KEEP_SENT).map((i) => i.key);
  if (old.length) write(read().filter((i) => !old.includes(i.key)));
}

// Sends what waits now (once at a time; a call during a send is answered by that send).
export function send() {
  clearTimeout(timer);
  if (!session.user || !read().some((i) => i.state === "waiting" && i.user === session.user.username)) return Promise.resolve();
  sending ??= sendAll().finally(() => {
    sending = null;
    changed();
  });
  changed();
  return sending;
}

window.addEventListener("online", () => {
  attempt = 0;
  send();
});

// Keeps a request that got no answer; the screen's writer answers {queued: true} instead.
function keep({ path, body, key }, about) {
  const others = read().filter((item) => item.key !== key);
  write([...others, { key, path, body, ...about, user: session.user?.username, state: "waiting", saved_at: new Date().toISOString() }]);
  attempt = 0;
  retryLater();
  return { queued: true };
}

// onceWriter for a screen that records an operation: what gets no answer goes to the outbox, with what its
// list shows (the group, the type and its server label, the members an error may name).
export const outboxWriter = ({ group, type, title = null, members = [] }) => onceWriter({
  lost: (request) => keep(request, {
    group: { id: group.id, name: group.name, name_km: group.name_km, currency: group.currency }, type, title,
    members: members.map(({ id, name, name_km }) => ({ id, name, name_km })),
  }),
});
