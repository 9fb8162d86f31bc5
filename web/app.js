// Samaki's small web UI: sign in, see your groups, a group's balances and recent entries (a member sees
// their own balances and lines instead). Khmer first; the session is the HttpOnly cookie set at login,
// writes carry its CSRF token.
const state = { lang: localStorage.getItem("lang") || "km", text: {}, csrf: sessionStorage.getItem("csrf"), user: null };

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

const localName = (thing) => (state.lang === "km" && thing.name_km ? thing.name_km : thing.name);

function showBalances(accounts, balanceOf) {
  const body = $("#group .accounts tbody");
  body.replaceChildren();
  for (const account of accounts.filter((a) => /[1-9]/.test(balanceOf(a)))) {
    const row = body.insertRow();
    cell(row, `${account.code} ${localName(account)}`);
    cell(row, amount(balanceOf(account), account.currency), "amount");
  }
}

// Newest first; each item is {memo, date, seq, detail}.
function showRecent(items) {
  const list = $("#group .entries");
  list.replaceChildren();
  if (items.length === 0) list.append(Object.assign(document.createElement("li"), { textContent: state.text.no_entries }));
  for (const item of items) {
    const row = document.createElement("li");
    row.append(item.memo || "—", document.createElement("br"));
    const detail = [item.date, `#${item.seq}`, item.detail].filter(Boolean).join(" · ");
    row.append(Object.assign(document.createElement("small"), { textContent: detail }));
    list.append(row);
  }
}

// Treasurers and staff: the group's balances and its latest entries.
async function showBooks(group) {
  const [accounts, entries] = await Promise.all([
    api(`/groups/${group.id}/accounts`),
    api(`/groups/${group.id}/entries?latest=20`),
  ]);
  showBalances(accounts.items, (a) => a.balance);
  showRecent(entries.items.slice().reverse());
}

// A line as the member reads it: + when it grows the account (shares bought, a loan taken), − when not.
function change(account, line) {
  const [up, down] = ["asset", "expense"].includes(account.type) ? [line.debit, line.credit] : [line.credit, line.debit];
  return /[1-9]/.test(up) ? "+" + amount(up, account.currency) : "−" + amount(down, account.currency);
}

// A member: their own balances (shares, loans, social fund) and their latest lines.
async function showOwnStatement(group) {
  const statement = await api(`/groups/${group.id}/members/${state.user.member_id}/statement`);
  showBalances(statement.accounts, (a) => a.closing);
  const lines = statement.accounts.flatMap((a) => a.lines.map((l) => ({ ...l, detail: `${localName(a)} ${change(a, l)}` })));
  showRecent(lines.sort((x, y) => y.seq - x.seq).slice(0, 20));
}

async function openGroup(group) {
  state.group = group;
  show("group");
  $("#group .group-name").textContent = localName(group);
  const title = $("#group .balances-title");
  title.dataset.i18n = state.user?.role === "member" ? "my_balances" : "balances";
  title.textContent = state.text[title.dataset.i18n];
  await (state.user?.role === "member" ? showOwnStatement(group) : showBooks(group));
}

async function openGroups() {
  const groups = await api("/groups");
  const list = $("#groups .cards");
  list.replaceChildren();
  for (const group of groups.items) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = localName(group);
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
    state.user = session.user;
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
  state.user = null;
  show("login");
});

$("#language").addEventListener("click", async () => {
  state.lang = state.lang === "km" ? "en" : "km";
  localStorage.setItem("lang", state.lang);
  await loadLanguage();
  if (!$("#group").hidden) await openGroup(state.group);  // names of accounts and groups change too
  else if (!$("#groups").hidden) await openGroups();
});

$("#group .back").addEventListener("click", () => openGroups());

await loadLanguage();
// A session cookie from an earlier visit signs the user straight in.
api("/me")
  .then((me) => { state.user = me.user; return openGroups(); })
  .catch(() => show("login"));
