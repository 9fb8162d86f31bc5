// What the browser tests share: a real `samaki serve --demo` on a free port, Debian's Chromium through
// playwright-core, phone-sized pages that record every console error and unexpected HTTP error, the
// UI's own texts (web/i18n) to compare with, and the checks every screen must pass.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, request } from "playwright-core";

// node TEST.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
export function readArguments(name) {
  const [binary, webRoot, screenshots] = process.argv.slice(2).map((arg) => resolve(arg));
  if (!binary || !webRoot) {
    console.error(`usage: node ${name} SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]`);
    process.exit(2);
  }
  return { binary, webRoot, screenshots };
}

// The UI's texts, to compare screens with what a reviewer reads in web/i18n (never a copy in the test).
export const texts = (webRoot) => ({
  km: JSON.parse(readFileSync(join(webRoot, "i18n", "km.json"), "utf8")),
  en: JSON.parse(readFileSync(join(webRoot, "i18n", "en.json"), "utf8")),
});

// Starts the service with the demonstration data; resolves to its URL.
function startServer(binary, webRoot, folder) {
  const server = spawn(binary, ["serve", "--demo", "--port", "0", "--db", join(folder, "ui.db"), "--web-root", webRoot], {
    cwd: folder,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/listening on (http:\/\/[^\s]+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1].replace(/\/$/, ""));
      }
    };
    server.stdout.on("data", read);
    server.stderr.on("data", read);
    server.on("exit", (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { server, url };
}

// Runs `body({base, browser, api})` against a fresh server and browser, and cleans up after.
export async function withServerAndBrowser({ binary, webRoot }, body) {
  const folder = mkdtempSync(join(tmpdir(), "samaki-ui-"));
  const { server, url } = startServer(binary, webRoot, folder);
  let browser;
  try {
    const base = await url;
    browser = await chromium.launch({
      executablePath: process.env.SAMAKI_CHROMIUM || "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    await body({ base, browser });
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
}

// The API as a given user sees it, outside the browser (to find groups and members, and to check).
export async function apiAs(base, username, password) {
  const context = await request.newContext({ baseURL: base });
  const login = await context.post("/api/v1/auth/login", { data: { username, password } });
  assert.equal(login.status(), 200, `${username} signs in through the API`);
  const { token } = await login.json();
  const headers = { Authorization: `Bearer ${token}` };
  const get = async (path) => {
    const response = await context.get("/api/v1" + path, { headers });
    assert.equal(response.status(), 200, `GET ${path}`);
    return response.json();
  };
  // A write with its own Idempotency-Key; answers the body, having checked the status is 2xx.
  let keys = 0;
  const post = async (path, data) => {
    const response = await context.post("/api/v1" + path, { data, headers: { ...headers, "Idempotency-Key": `test-${Date.now()}-${++keys}` } });
    assert.ok(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return { get, post, context };
}

// What the screen should show for an API amount: riel without zero decimals, dollars with cents.
export function shown(value, currency = "KHR") {
  const [whole, fraction = ""] = String(value).replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = String(value).startsWith("-") && /[1-9]/.test(value) ? "-" : "";
  if (currency === "USD") return `${sign}$${grouped}.${fraction.padEnd(2, "0")}`;
  return `${sign}${grouped}${/[1-9]/.test(fraction) ? "." + fraction : ""} ${currency === "KHR" ? "៛" : currency}`;
}

// A savings group of `size` members (Khmer and Latin names, family name first), set up through the API
// as the admin: a treasurer and a member login, a weekly cycle that started five weeks ago (shares
// 5,000 riel, 1 to 5 a meeting, fines "late" and "rule"), and its five meetings so far, each member
// buying (i mod 5) + 1 shares: a loan at the first meeting is now late, one from the second falls due
// before the next meeting, one from the fourth later.
const FAMILIES = [["Chan", "ចាន់"], ["Kim", "គីម"], ["Sok", "សុខ"], ["Heng", "ហេង"], ["Keo", "កែវ"]];
const GIVEN = [["Dara", "ដារា"], ["Sokha", "សុខា"], ["Sreymom", "ស្រីមុំ"], ["Vanna", "វណ្ណា"], ["Bopha", "បុប្ផា"]];
export const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export async function savingsGroup(base, tag, size = 25) {
  const admin = await apiAs(base, "admin", "samaki-admin");
  const start = isoDay(-35);
  const g = await admin.post("/groups", { name: `Test group ${tag}`, name_km: `ក្រុមសាកល្បង ${[...tag].map((c) => "កខគឃងចឆជឈញ"[c.charCodeAt(0) % 10]).join("")}`, kind: "savings_group", currency: "KHR" });
  const people = [];
  for (let i = 0; i < size; i++) {
    const [family, given] = [FAMILIES[i % 5], GIVEN[Math.floor(i / 5) % 5]];
    people.push(await admin.post(`/groups/${g.id}/members`, { name: `${family[0]} ${given[0]}`, name_km: `${family[1]} ${given[1]}`,
      gender: i % 3 ? "female" : "male", joined_on: isoDay(-60) }));
  }
  const logins = { treasurer: [`treasurer_${tag}`, "treasurer-password"], member: [`member_${tag}`, "member-password"] };
  await admin.post("/users", { username: logins.treasurer[0], password: logins.treasurer[1], display_name: "Treasurer", role: "treasurer", group_ids: [g.id] });
  await admin.post("/users", { username: logins.member[0], password: logins.member[1], display_name: people[0].name, role: "member", group_ids: [g.id], member_id: people[0].id });
  const cycle = await admin.post(`/groups/${g.id}/cycles`, { start, share_value: "5000", min_shares: 1, max_shares: 5, loan_multiple: 3,
    interest: { percent_per_month: "2", method: "flat" }, social_fund_per_meeting: "1000", cash_unit: "100", meeting_every: "week",
    fines: [{ code: "late", name: "Late", name_km: "មកយឺត", amount: "500" }, { code: "rule", name: "Breaking a rule", name_km: "បំពានច្បាប់", amount: "1000" }] });
  const loans = { 0: [4, "60000", 1], 1: [9, "100000", 2], 3: [14, "50000", 3] };
  for (let week = 0; week < 5; week++) {
    await admin.post(`/groups/${g.id}/operations`, { type: "meeting", date: isoDay(-35 + 7 * week), members: people.map((m, i) => ({
      member_id: m.id, attendance: "present", shares: (i % 5) + 1, social_fund: true,
      ...(loans[week]?.[0] === i && { loan: { amount: loans[week][1], months: loans[week][2] } }) })) });
  }
  await admin.context.dispose();
  return { group: g, people, logins, cycle };
}

// A 360 x 640 phone page in `lang`, recording console errors, CSP refusals, uncaught exceptions and
// HTTP errors other than the ones the test provokes (page.expect(["401 /api/v1/me", ...])).
export async function phonePage(browser, lang) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 });
  await context.addInitScript((code) => {
    if (!localStorage.getItem("samaki.lang")) localStorage.setItem("samaki.lang", code);
  }, lang);
  const page = await context.newPage();
  page.problems = [];
  page.allowed = new Set();
  page.expect = (list) => list.forEach((item) => page.allowed.add(item));
  page.on("console", (message) => {
    // Chromium also logs each HTTP error and each failed request here; those are judged below.
    if (message.type() === "error" && !/^Failed to load resource/.test(message.text())) page.problems.push(message.text());
  });
  page.on("pageerror", (error) => page.problems.push(error.message));
  // The UI's own files as they came over the wire (the API's answers aside).
  page.uiBytes = new Map();
  page.apiBytes = 0;
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    const seen = `${response.status()} ${path}`;
    if (response.status() >= 400 && !page.allowed.has(seen)) page.problems.push(seen);
    // The body may be gone when the page closes first; only the files' sizes are wanted.
    if (response.status() === 200 && !path.startsWith("/api/"))
      response.body().then((body) => page.uiBytes.set(path, body.length), () => {});
    else if (path.startsWith("/api/")) response.body().then((body) => { page.apiBytes += body.length; }, () => {});
  });
  // What the UI's files cost on the wire: compressed bodies and headers, for the page's requests and the
  // service worker's own (its cache filling), never what the worker answered from its cache.
  page.uiWire = [];
  context.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (response.fromServiceWorker() || path.startsWith("/api/")) return;
    page.uiWire.push(response.request().sizes().then((s) => ({ path, bytes: s.responseHeadersSize + s.responseBodySize }), () => ({ path, bytes: 0 })));
  });
  return page;
}

// The bytes of UI a phone page received over the network so far, and in how many responses.
export async function uiTransferred(page) {
  const seen = await Promise.all(page.uiWire);
  return { bytes: seen.reduce((a, r) => a + r.bytes, 0), requests: seen.length };
}

// Waits until `name` is painted with its data (the router marks body[data-state=ready]).
export async function screen(page, name) {
  await page.waitForSelector(`body[data-screen="${name}"][data-state="ready"]`, { timeout: 10_000 });
}

export async function signIn(page, username, password) {
  await page.fill("#f-username", username);
  await page.fill("#f-password", password);
  await page.click("form.signin button[type=submit]");
}

// A new phone page in `lang`, signed in and showing its groups.
export async function signedInPage(browser, base, lang, username, password) {
  const page = await phonePage(browser, lang);
  await page.goto(base + "/");
  await screen(page, "signin");
  await signIn(page, username, password);
  await screen(page, "groups");
  return page;
}

// Every visible control and link is at least 44 CSS pixels tall: a thumb's target.
export async function checkTouchTargets(page, where) {
  const small = await page.$$eval("button, input, select, textarea, a, summary", (nodes) =>
    nodes
      .filter((n) => n.offsetParent !== null && n.type !== "hidden")
      .map((n) => ({ what: `${n.tagName} ${(n.textContent || n.name || "").trim().slice(0, 30)}`, height: Math.round(n.getBoundingClientRect().height) }))
      .filter((n) => n.height < 44));
  assert.deepEqual(small, [], `${where}: touch targets under 44px`);
}

// On a Khmer screen no English is left: every visible text node, placeholder, label and the title has
// no Latin letter, except data (names, memos, codes: marked translate="no") and text marked lang="en"
// (the "English" switch, the seal's word list). On both: no i18n key or {placeholder} left unfilled.
export async function checkTexts(page, lang, where) {
  const found = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const exempt = (node) => node.parentElement.closest("[translate=no], [lang]:not([lang=km]), script, style, [hidden]");
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && node.parentElement.offsetParent !== null && !exempt(node)) out.push(text);
    }
    for (const n of document.querySelectorAll("[placeholder], [aria-label], [title]"))
      for (const attribute of ["placeholder", "aria-label", "title"]) if (n.getAttribute(attribute)) out.push(n.getAttribute(attribute));
    out.push(document.title);
    return out;
  });
  const raw = found.filter((text) => /\{\w+\}|\b[a-z]+(?:_[a-z]+)*\.[a-z_]+\b/.test(text));
  assert.deepEqual(raw, [], `${where}: i18n keys or placeholders on screen`);
  if (lang === "km") {
    const english = found.filter((text) => /[A-Za-z]/.test(text));
    assert.deepEqual(english, [], `${where}: English on a Khmer screen`);
  }
}

// The checks of every screen, then its picture.
export async function looksRight(page, lang, name, screenshots) {
  await checkTouchTargets(page, `${lang} ${name}`);
  await checkTexts(page, lang, `${lang} ${name}`);
  if (screenshots) await page.screenshot({ path: join(screenshots, `${lang}-${name}.png`), fullPage: true });
}

// A screen as it prints on A4 (the printable width between 15 mm margins is about 680 CSS pixels): no
// header, navigation, buttons or forms; black on white.
export async function printed(page, name, screenshots) {
  const phone = page.viewportSize();
  await page.setViewportSize({ width: 680, height: 960 });
  await page.emulateMedia({ media: "print" });
  const hidden = await page.$$eval("header, nav, button, form", (nodes) => nodes.every((n) => getComputedStyle(n).display === "none"));
  assert.ok(hidden, `${name}: the print has no header, navigation, buttons or forms`);
  const colours = await page.$eval("#view", (n) => [getComputedStyle(document.body).color, getComputedStyle(n).backgroundColor]);
  assert.equal(colours[0], "rgb(0, 0, 0)", `${name}: black text`);
  if (screenshots) await page.screenshot({ path: join(screenshots, `print-${name}.png`), fullPage: true });
  // The page as Chromium prints it on A4: a real PDF of at least one page, kept beside the screenshots.
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
  assert.ok(pdf.length > 5_000 && pages >= 1, `${name}: prints as an A4 PDF (${pdf.length} bytes, ${pages} pages)`);
  if (screenshots) writeFileSync(join(screenshots, `print-${name}.pdf`), pdf);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize(phone);
}

export function noProblems(page, where) {
  assert.deepEqual(page.problems, [], `${where}: console errors, CSP refusals or unexpected HTTP errors`);
}
