// Who is signed in. The session itself is the server's HttpOnly cookie; the page keeps the CSRF token
// that goes with it (localStorage, so a new tab works) and the user from GET /me in memory.
// Signing out forgets everything at once and ends the server session, retrying until it goes through:
// until then a pending sign-out stops the old cookie from signing anyone in.
import { api, ApiError, clearCache, setCsrf } from "./api.js";

const CSRF = "samaki.csrf";
const PENDING = "samaki.pending_logout";
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export const session = { user: null };

const pendingLogout = () => localStorage.getItem(PENDING);

// One attempt to end the old session; true when it is over (ended now, or already gone).
async function endOldSession() {
  const token = pendingLogout();
  if (token === null) return true;
  try {
    await api("/auth/logout", { method: "POST", headers: { "X-CSRF-Token": token }, signedOut: true });
  } catch (error) {
    // 401: the session had already ended; 403: the cookie is no longer that session's. Either way, done.
    if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) return false;
  }
  if (localStorage.getItem(PENDING) === token) localStorage.removeItem(PENDING);
  return true;
}

let retry = null;
async function flushSignOut(attempt = 0) {
  clearTimeout(retry);
  if (await endOldSession()) return true;
  retry = setTimeout(() => flushSignOut(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
  return false;
}
window.addEventListener("online", () => { if (pendingLogout() !== null) flushSignOut(); });

function remember(user, csrf) {
  session.user = user;
  if (csrf) localStorage.setItem(CSRF, csrf);
  setCsrf(localStorage.getItem(CSRF));
}

// At start: the user of a still-open session, or null. A pending sign-out means nobody is signed in.
export async function resume() {
  if (pendingLogout() !== null) {
    flushSignOut();
    return null;
  }
  if (!localStorage.getItem(CSRF)) return null;
  try {
    const me = await api("/me", { signedOut: true });
    remember(me.user);
    return me.user;
  } catch (error) {
    if (error.status === 401) {
      forget();
      return null;
    }
    throw error;
  }
}

// Signs in; an earlier sign-out still waiting is finished first (its cookie is about to be replaced).
export async function signIn(username, password) {
  if (!(await flushSignOut())) throw new ApiError(0, "network", "the earlier sign-out is still waiting");
  const answer = await api("/auth/login", { method: "POST", body: { username, password }, signedOut: true });
  remember(answer.user, answer.csrf_token);
  return answer.user;
}

// Everything this page knows about the session and its data, gone.
function forget() {
  session.user = null;
  localStorage.removeItem(CSRF);
  setCsrf(null);
  sessionStorage.clear();
  clearCache();
}

// Signs out now; the server hears of it as soon as the network lets it.
export function signOut() {
  const csrf = localStorage.getItem(CSRF);
  forget();
  if (csrf) {
    localStorage.setItem(PENDING, csrf);
    flushSignOut();
  }
}

// The server said the session is over (expired, or ended elsewhere): forget it, nothing to end.
export const sessionEnded = forget;

export const role = () => session.user?.role;
export const canWrite = () => ["admin", "treasurer"].includes(role());
