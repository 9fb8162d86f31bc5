// The one way the UI talks to /api/v1: JSON in and out, the CSRF header on changes, a timeout, errors
// as ApiError {status, code, message, details}, and a busy bar while any request takes over 300 ms.
// A 401 tells the app the session is gone ("samaki:signed-out" event).
const BASE = "/api/v1";
const TIMEOUT_MS = 30_000;
const BUSY_AFTER_MS = 300;

let csrf = null;
export const setCsrf = (token) => { csrf = token; };

export class ApiError extends Error {
  constructor(status, code, message, details = {}) {
    super(message || code);
    Object.assign(this, { status, code, details: details || {} });
  }
}
export const isAbort = (error) => error?.name === "AbortError";

// A memory cache of a few slow-changing reads (a group's name, its members) for five minutes; sign-out
// and this UI's own writes clear it.
const CACHE_MS = 5 * 60_000;
const cache = new Map();
export const clearCache = () => cache.clear();
export function invalidate(prefix) {
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}

let inFlight = 0;
let busyTimer = null;
function busy(delta) {
  inFlight += delta;
  clearTimeout(busyTimer);
  if (inFlight > 0) busyTimer = setTimeout(() => document.body.classList.add("busy"), BUSY_AFTER_MS);
  else document.body.classList.remove("busy");
}

// An Idempotency-Key: 128 random bits (crypto.randomUUID needs HTTPS; a village server may not have it).
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) return response.json().catch(() => null);
  return response.text();
}

// Options: method, body (an object, sent as JSON), signal, headers, cached (reuse a GET answer),
// signedOut (true for the sign-in and sign-out calls: a 401 there is an answer, not an ended session).
export async function api(path, { method = "GET", body, signal, headers = {}, cached = false, signedOut = false } = {}) {
  if (cached && cache.get(path)?.until > Date.now()) return structuredClone(cache.get(path).answer);
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener("abort", abort);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, TIMEOUT_MS);
  const sent = { Accept: "application/json", ...headers };
  if (body !== undefined) sent["Content-Type"] = "application/json";
  if (method !== "GET" && csrf && !sent["X-CSRF-Token"]) sent["X-CSRF-Token"] = csrf;
  busy(+1);
  try {
    const response = await fetch(BASE + path, {
      method, headers: sent, credentials: "same-origin", signal: controller.signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await readBody(response);
    if (!response.ok) {
      const error = answer?.error || {};
      if (response.status === 401 && !signedOut) window.dispatchEvent(new Event("samaki:signed-out"));
      throw new ApiError(response.status, error.code || `http_${response.status}`, error.message, error.details);
    }
    if (cached) cache.set(path, { answer: structuredClone(answer), until: Date.now() + CACHE_MS });
    return answer;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (signal?.aborted) throw error;  // the screen moved on: nobody waits for this answer
    throw new ApiError(0, timedOut ? "timeout" : "network", error.message);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
    busy(-1);
  }
}

// No answer came (no network, or none in time): the server may or may not have done it.
export const unanswered = (error) => error instanceof ApiError && error.status === 0 && ["network", "timeout"].includes(error.code);

// A write that must happen once (POST, or options.method): the same Idempotency-Key for every retry of the same request, a new
// one when the request changes (the user edited the form) or after it went through. With `lost`, a request left unanswered
// is handed to lost({path, body, key}) (the outbox keeps it, key and all) and its result is the answer.
export function onceWriter({ lost } = {}) {
  let last = null;
  return async (path, body, options = {}) => {
    const fingerprint = `${path} ${JSON.stringify(body)}`;
    if (last?.fingerprint !== fingerprint) last = { fingerprint, key: newKey() };
    const { key } = last;
    try {
      const answer = await api(path, { method: "POST", ...options, body, headers: { "Idempotency-Key": key } });
      last = null;
      return answer;
    } catch (error) {
      if (!lost || !unanswered(error)) throw error;
      last = null;
      return lost({ path, body, key });
    }
  };
}
