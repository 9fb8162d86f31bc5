// Sessions a user can see and end, and an admin's way to end all of a user's, against the real server on a
// 360-px phone, in Khmer and in English. A treasurer is also signed in on a "lost" Android phone (through
// the API, with that phone's User-Agent): from the groups screen they open "where I am signed in", see the
// phone named as people name it with its address, end it, and the phone's next request is refused; with
// two more devices signed in, "end the others" signs out both. The admin ends every session of another
// treasurer from the users screen (asked twice), and both of that treasurer's devices are refused at once.
// The screens are loaded on first use, never preloaded.
//
//   node tests/browser/sessions_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { request } from "playwright-core";
import { readArguments, texts, withServerAndBrowser, screen, looksRight, noProblems, signedInPage } from "./lib.mjs";

const options = readArguments("sessions_test.mjs");
const T = texts(options.webRoot);
const shots = options.screenshots;
const ANDROID = "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

// Another device signed in as `username`; me() answers the status of its next request.
async function device(base, username, userAgent = ANDROID) {
  const context = await request.newContext({ baseURL: base, userAgent });
  const login = await context.post("/api/v1/auth/login", { data: { username, password: `samaki-${username}` } });
  assert.equal(login.status(), 200, `${username} signs in on another device`);
  const headers = { Authorization: `Bearer ${(await login.json()).token}` };
  return {
    me: async () => (await context.get("/api/v1/me", { headers })).status(),
    close: () => context.dispose(),
  };
}

const cards = (page) => page.$$eval("ul.sessions li.session", (nodes) => nodes.map((n) => ({
  current: Boolean(n.querySelector(".badge")), text: n.textContent, end: Boolean(n.querySelector("button.danger")) })));

async function ownSessions(browser, base, lang) {
  const t = T[lang];
  const username = lang === "km" ? "treasurer.takeo" : "treasurer.kampot";
  const phone = await device(base, username);
  assert.equal(await phone.me(), 200);
  const page = await signedInPage(browser, base, lang, username, `samaki-${username}`);
  assert.ok(![...page.uiBytes.keys()].some((path) => path.startsWith("/screens/account/")), "not loaded before it is used");
  await page.click(`footer a[href="#/sessions"]`);
  await screen(page, "sessions");
  assert.ok(page.uiBytes.has("/screens/account/sessions.js") || await page.evaluate(() => performance.getEntriesByType("resource")
    .some((r) => r.name.endsWith("/screens/account/sessions.js"))), "loaded on first use");
  assert.equal(await page.textContent("#view h2"), t.my_sessions);

  let listed = await cards(page);
  assert.equal(listed.length, 2, "this browser and the phone");
  const [here, lost] = listed[0].current ? listed : [listed[1], listed[0]];
  assert.ok(here.current && !here.end, "this device is marked, and has no end button");
  assert.ok(here.text.includes(t.this_device));
  assert.ok(lost.text.includes("Chrome · Android"), `the phone as people name it: ${lost.text}`);
  assert.ok(lost.text.includes("127.0.0.1"), "its address");
  assert.ok(lost.text.includes(t.session_last_seen.replace(" {when}", "")), "when the phone was last used");
  await looksRight(page, lang, "sessions", shots);

  // The lost phone is ended: its next request is refused.
  await page.click("ul.sessions li.session:not(:has(.badge)) button.danger");
  await page.waitForSelector("p.flash");
  await screen(page, "sessions");
  assert.equal(await page.textContent("p.flash"), t.session_ended);
  assert.equal((await cards(page)).length, 1);
  assert.equal(await phone.me(), 401, "the lost phone is signed out");

  // Two more devices; "end the others" signs out both, and this browser stays signed in.
  const more = [await device(base, username), await device(base, username, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/121.0")];
  for (const d of more) assert.equal(await d.me(), 200);
  await page.reload();
  await screen(page, "sessions");
  listed = await cards(page);
  assert.equal(listed.length, 3);
  assert.ok(listed.some((c) => c.text.includes("Firefox · Windows")));
  const endOthers = `#view > button.danger`;
  assert.equal((await page.textContent(endOthers)).trim(), t.end_other_sessions.replace("{n}", "2"));
  await page.click(endOthers);
  await page.waitForSelector("p.flash");
  await screen(page, "sessions");
  assert.equal(await page.textContent("p.flash"), t.other_sessions_ended);
  assert.equal((await cards(page)).length, 1);
  for (const d of [phone, ...more]) {
    assert.equal(await d.me(), 401, "every other device is signed out");
    await d.close();
  }
  assert.equal(await page.locator(`a[href="#/users"]`).count(), 0, "a treasurer has no users screen");
  noProblems(page, `${lang} own sessions`);
  await page.context().close();
}

async function adminEnds(browser, base, lang) {
  const t = T[lang];
  const target = lang === "km" ? "treasurer.kamen" : "treasurer.svayrieng";
  const devices = [await device(base, target), await device(base, target)];
  for (const d of devices) assert.equal(await d.me(), 200);
  const page = await signedInPage(browser, base, lang, "admin", "samaki-admin");
  await page.click(`footer a[href="#/sessions"]`);
  await screen(page, "sessions");
  await page.click(`a[href="#/users"]`);
  await screen(page, "users");
  assert.equal(await page.textContent("#view h2"), t.users_sessions);
  const row = page.locator("form.user", { hasText: target });
  assert.equal(await row.count(), 1);
  await looksRight(page, lang, "users", shots);
  // Asked twice: the first press only warns.
  await row.locator("button.primary").click();
  assert.equal(await row.locator("p.warn").textContent(), t.end_user_sessions_warning);
  for (const d of devices) assert.equal(await d.me(), 200, "nothing ended before the second press");
  await row.locator("button.danger").click();
  await page.waitForSelector("p.flash");
  await screen(page, "users");
  assert.ok((await page.textContent("p.flash")).includes(t.user_sessions_ended.replace("{n}", "2")));
  for (const d of devices) {
    assert.equal(await d.me(), 401, "each of the user's devices is signed out at once");
    await d.close();
  }
  noProblems(page, `${lang} admin`);
  await page.context().close();
}

// Loaded on first use: not in index.html's preload list.
const index = readFileSync(join(options.webRoot, "index.html"), "utf8");
assert.ok(!index.includes("screens/account/"), "the sessions screens are not preloaded");

await withServerAndBrowser(options, async ({ base, browser }) => {
  for (const lang of ["km", "en"]) {
    await ownSessions(browser, base, lang);
    await adminEnds(browser, base, lang);
  }
  console.log("sessions in Khmer and English: a user sees and ends one or the others, an admin ends a user's: ok");
});
