// Samaki's small web UI: sign in, see your groups, a group's balances and recent entries.
// Khmer first; the session is the HttpOnly cookie set at login, writes carry its CSRF token.
const state = { lang: localStorage.getItem("lang") || "km", text: {}, csrf: sessionStorage.getItem("csrf") };

const $ = (selector) => document.querySelector(selector);
const show = (id) => {
  for (const section of ["login", "groups", "group"]) $("#" + section).hidden = section !== id;
  $("#logout").hidden = id === "login";
};

async function loadLanguage() {
  const response = await fetch(`/i18n/${state.lang}.json`);
  state.text = await response.json();
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = state.text[node.dataset.i18n];
}

async function api(path, options = {}) {
  const headers = { "Content-Type": "application/json" };
  if (state.csrf && options.method && options.method !== "GET") headers["X-CSRF-Token"] = state.csrf;
  const response = await fetch("/api/v1" + path, { credentials: "same-origin", ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) show("login");
  if (!response.ok) throw Object.assign(new Error(body.error?.message || response.statusText), { status: response.status });
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

function amount(value, currency) {
  const [whole, fraction = ""] = value.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const shown = fraction && /[1-9]/.test(fraction) ? `${grouped}.${fraction}` : grouped;
  return `${value.startsWith("-") ? "-" : ""}${shown} ${currency}`;
}

async function openGroup(group) {
  show("group");
  $("#group .group-name").textContent = state.lang === "km" && group.name_km ? group.name_km : group.name;
  const [accounts, entries] = await Promise.all([
    api(`/groups/${group.id}/accounts`),
    api(`/groups/${group.id}/entries?latest=20`),
  ]);
  const body = $("#group .accounts tbody");
  body.replaceChildren();
  for (const account of accounts.items.filter((a) => a.balance !== "0" && !/^-?0(\.0+)?$/.test(a.balance))) {
    const row = body.insertRow();
    cell(row, `${account.code} ${state.lang === "km" ? account.name_km : account.name}`);
    cell(row, amount(account.balance, account.currency), "amount");
  }
  const list = $("#group .entries");
  list.replaceChildren();
  const recent = entries.items.slice().reverse();  // newest first on screen
  if (recent.length === 0) list.append(Object.assign(document.createElement("li"), { textContent: state.text.no_entries }));
  for (const entry of recent) {
    const item = document.createElement("li");
    item.append(entry.memo || "—", document.createElement("br"));
    item.append(Object.assign(document.createElement("small"), { textContent: `${entry.date} · #${entry.seq}` }));
    list.append(item);
  }
}

async function openGroups() {
  const groups = await api("/groups");
  const list = $("#groups .cards");
  list.replaceChildren();
  for (const group of groups.items) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = state.lang === "km" && group.name_km ? group.name_km : group.name;
    button.addEventListener("click", () => openGroup(group));
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
  show("groups");
}

$("#login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const error = $("#login .error");
  error.hidden = true;
  try {
    const session = await api("/auth/login", {
      method: "POST",
      body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
    });
    state.csrf = session.csrf_token;
    sessionStorage.setItem("csrf", state.csrf);
    await openGroups();
  } catch (e) {
    error.textContent = e.status === 429 ? state.text.too_many_attempts : e.status === 401 ? state.text.sign_in_failed : state.text.network_error;
    error.hidden = false;
  }
});

$("#logout").addEventListener("click", async () => {
  await api("/auth/logout", { method: "POST" }).catch(() => {});
  sessionStorage.removeItem("csrf");
  state.csrf = null;
  show("login");
});

$("#language").addEventListener("click", async () => {
  state.lang = state.lang === "km" ? "en" : "km";
  localStorage.setItem("lang", state.lang);
  await loadLanguage();
});

$("#group .back").addEventListener("click", () => openGroups());

await loadLanguage();
openGroups().catch(() => show("login"));
