// A treasurer on a weak network, against the real server on a 360-px phone in Khmer: the connection drops
// while a meeting is being saved, the phone reloads the UI with no network (from the service worker; the
// meeting still waits in the outbox), the network returns and the meeting is posted exactly once (checked
// through the API: one operation, one set of entries). Then the request that reached the server but whose
// answer was lost: sent again with the same Idempotency-Key (through a busy server, while the meeting
// screen warns it still waits), still one meeting. Then an item the server
// refuses once the network is back (the books were closed meanwhile), shown with its reason; and signing
// out with items waiting warns first and loses nothing. Last, a new UI deployed under the running server
// replaces the old one in the phone's cache.
//
//   node tests/browser/offline_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  readArguments, texts, withServerAndBrowser, apiAs, screen, looksRight, noProblems, savingsGroup, isoDay, signedInPage, signIn,
} from "./lib.mjs";

const options = readArguments("offline_test.mjs");
const T = texts(options.webRoot);
const t = T.km;
const shots = options.screenshots;
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => vars[k]);

// Until the service worker controls the page (it claims the page that registered it once it is active).
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

// The meeting screen with every row as it starts; the counted cash typed as the books say, ready to save.
async function readyMeeting(page, base, gid) {
  await page.goto(`${base}/#/g/${gid}/meeting`);
  await screen(page, "meeting");
  const boxes = await page.$$eval(".totals .total-line strong", (n) => n.slice(-2).map((x) => x.textContent.replace(/[^0-9០-៩]/g, "")));
  const latin = (s) => s.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
  await page.fill("#f-counted_loan_fund", latin(boxes[0]));
  await page.fill("#f-counted_social_fund", latin(boxes[1]));
  await page.waitForSelector("form.meeting > button[type=submit]:not([disabled])");
}

// The group's meetings, and the entries of the one recorded today (checked to be a single operation's).
async function meetingsOf(api, gid) {
  const meetings = (await api.get(`/groups/${gid}/operations?type=meeting`)).items;
  const today = meetings.filter((o) => o.date === isoDay(0));
  const entries = (await api.get(`/groups/${gid}/entries?latest=1000`)).items.filter((e) => e.date === isoDay(0));
  return { count: meetings.length, today, entries };
}

async function waitingItems(page, state) {
  return page.locator(`#outbox .outbox-item.${state}`).count();
}

// The connection drops in the middle of saving; a reload with no network; the network returns.
async function droppedWhileSaving(browser, base) {
  const set = await savingsGroup(base, "offline", 6);
  const gid = set.group.id;
  const api = await apiAs(base, ...set.logins.treasurer);
  const page = await signedInPage(browser, base, "km", ...set.logins.treasurer);
  await controlled(page);
  await readyMeeting(page, base, gid);
  const before = await meetingsOf(api, gid);
  assert.equal(before.count, 5);

  // The request leaves, the network is gone before it gets anywhere.
  await page.context().route(`**/api/v1/groups/${gid}/operations`, async (route) => {
    await page.context().setOffline(true);
    await route.abort("internetdisconnected");
  });
  await page.click("form.meeting > button[type=submit]");
  await page.waitForSelector("#outbox .outbox-item.waiting");
  await page.context().unroute(`**/api/v1/groups/${gid}/operations`);
  assert.equal(await page.textContent("#outbox .outbox-status"), fill(t["outbox.waiting"], { n: "1" }));
  assert.equal(await page.textContent(".flash"), t["outbox.kept"], "the treasurer is told it is kept on the phone");
  assert.ok((await page.textContent("#outbox")).includes(t["outbox.offline"]));
  await looksRight(page, "km", "90-offline-meeting-kept", shots);

  // A reload with no network: the UI comes from the service worker, the meeting is still waiting.
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), "the page came from the service worker");
  await page.waitForSelector("#outbox .outbox-item.waiting");
  assert.equal(await waitingItems(page, "waiting"), 1);
  assert.equal(await page.textContent(".failure .error"), t["error.network"]);
  // The meeting screen would warn of it too; here, nothing reached the server.
  assert.equal((await meetingsOf(api, gid)).count, 5, "nothing recorded while offline");
  await looksRight(page, "km", "91-offline-reloaded", shots);

  // The network returns: the page starts by itself and the outbox sends the meeting, once.
  const posts = [];
  page.on("request", (request) => { if (request.method() === "POST" && request.url().endsWith(`/groups/${gid}/operations`)) posts.push(request.headers()["idempotency-key"]); });
  await page.context().setOffline(false);
  await page.waitForSelector("#outbox .outbox-item.sent", { timeout: 15_000 });
  await screen(page, "group");
  assert.equal(await page.textContent("#outbox .outbox-item.sent .outbox-state"), t["outbox.state.sent"]);
  const after = await meetingsOf(api, gid);
  assert.equal(after.count, 6, "one meeting posted");
  assert.equal(after.today.length, 1, "one meeting today");
  const op = after.today[0];
  const entryIds = op.entries.map((e) => e.id ?? e).sort();
  assert.deepEqual(after.entries.map((e) => e.id).sort(), entryIds, "the day's entries are that one operation's");
  assert.equal(new Set(posts).size, 1, "sent with one Idempotency-Key");
  await looksRight(page, "km", "92-offline-sent", shots);

  // The list opens what went through, and forgets it when asked.
  await page.click("#outbox .outbox-item.sent a.button");
  await screen(page, "operation-record");
  assert.ok(page.url().endsWith(`/operations/${op.id}`));
  await page.click("#outbox .outbox-item.sent button");
  await page.waitForSelector("#outbox", { state: "hidden" });
  noProblems(page, "meeting saved while the network dropped");
  await page.context().close();
  await api.context.dispose();
}

// The first request reaches the server and is recorded; its answer is lost on the way back. The next try
// finds the server busy (503: tried again later, not a refusal), and meanwhile the meeting screen warns
// that this meeting is still waiting; the one after that is answered: still one meeting.
async function answerLost(browser, base) {
  const set = await savingsGroup(base, "lost", 4);
  const gid = set.group.id;
  const api = await apiAs(base, ...set.logins.treasurer);
  const page = await signedInPage(browser, base, "km", ...set.logins.treasurer);
  page.expect([`503 /api/v1/groups/${gid}/operations`]);
  await readyMeeting(page, base, gid);
  const keys = [];
  let busy, release;
  const wasBusy = new Promise((resolve) => { busy = resolve; });
  const released = new Promise((resolve) => { release = resolve; });
  await page.context().route(`**/api/v1/groups/${gid}/operations`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length === 1) {
      await route.fetch();  // recorded on the server
      return route.abort("failed");
    }
    if (keys.length === 2) {
      busy();
      return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "busy" } }) });
    }
    await released;
    return route.continue();
  });
  await page.click("form.meeting > button[type=submit]");
  await wasBusy;
  await page.goto(`${base}/#/g/${gid}/meeting`);
  await screen(page, "meeting");
  const today = await page.evaluate(async (d) => (await import("/format.js")).date(d), isoDay(0));
  assert.equal(await page.textContent("#view .note.warn"), fill(t["outbox.meeting_waiting"], { date: today }));
  assert.equal(await waitingItems(page, "waiting"), 1, "a busy server is tried again later, not a refusal");
  release();
  await page.waitForSelector("#outbox .outbox-item.sent", { timeout: 15_000 });
  assert.ok(keys.length >= 3 && keys.every((k) => k === keys[0]), "every try with the same Idempotency-Key");
  const after = await meetingsOf(api, gid);
  assert.equal(after.count, 6, "one meeting, not two");
  assert.equal(after.today.length, 1);
  assert.deepEqual(after.entries.map((e) => e.id).sort(), after.today[0].entries.map((e) => e.id ?? e).sort(), "one set of entries");
  noProblems(page, "answer lost");
  await page.context().close();
  await api.context.dispose();
}

// Queued offline; signing out warns and keeps it; meanwhile the books are closed; back online and signed in
// again, the server refuses the meeting, and the list says why.
async function refusedLater(browser, base) {
  const set = await savingsGroup(base, "refused", 4);
  const gid = set.group.id;
  const admin = await apiAs(base, "admin", "samaki-admin");
  const page = await signedInPage(browser, base, "km", ...set.logins.treasurer);
  page.expect([`409 /api/v1/groups/${gid}/operations`]);
  await controlled(page);
  await readyMeeting(page, base, gid);
  await page.context().setOffline(true);
  await page.click("form.meeting > button[type=submit]");
  await page.waitForSelector("#outbox .outbox-item.waiting");

  // The first press of "sign out" warns; the treasurer is still signed in.
  await page.click("#signout");
  await page.waitForSelector("#outbox p.warn");
  assert.equal(await page.textContent("#outbox p.warn"), fill(t["outbox.sign_out_warning"], { n: "1" }));
  assert.ok(await page.$("body.signed-in"), "still signed in after the first press");
  await looksRight(page, "km", "93-offline-sign-out-warning", shots);
  await page.click("#signout");
  await screen(page, "signin");
  assert.equal(await waitingItems(page, "waiting"), 1, "the meeting is still on the phone");

  await admin.post(`/groups/${gid}/periods`, { through: isoDay(0), kind: "month" });
  await page.context().setOffline(false);
  await signIn(page, ...set.logins.treasurer);
  await screen(page, "groups");
  await page.waitForSelector("#outbox .outbox-item.refused", { timeout: 15_000 });
  assert.equal(await page.textContent("#outbox .outbox-item.refused .outbox-state"), t["outbox.state.refused"]);
  const sentence = await page.textContent("#outbox .outbox-item.refused .error");
  assert.ok([t["error.period_closed"], t["error.period_closed.detail"].split("{")[0]].some((s) => sentence.startsWith(s)), sentence);
  assert.equal((await admin.get(`/groups/${gid}/operations?type=meeting`)).items.length, 5, "nothing recorded");
  await looksRight(page, "km", "94-offline-refused", shots);
  await page.click("#outbox .outbox-item.refused button");
  await page.waitForSelector("#outbox", { state: "hidden" });
  noProblems(page, "refused after the network came back");
  await page.context().close();
  await admin.context.dispose();
}

// A new UI deployed under the running server: the phone's next visit gets it (the files are asked of the
// network first), the new worker's cache replaces the old one, and the new UI opens offline.
async function newVersion(browser, base, webRoot) {
  const page = await signedInPage(browser, base, "en", "treasurer", "samaki-treasurer");
  await controlled(page);
  const cachesBefore = await page.evaluate(() => caches.keys());
  assert.equal(cachesBefore.length, 1);
  const sw = join(webRoot, "sw.js");
  const version = readFileSync(sw, "utf8").match(/const VERSION = "([^"]+)"/)[1];
  assert.deepEqual(cachesBefore, [version]);
  writeFileSync(sw, readFileSync(sw, "utf8").replace(`"${version}"`, `"${version}-next"`));
  const en = join(webRoot, "i18n", "en.json");
  writeFileSync(en, readFileSync(en, "utf8").replace('"app_name": "Samaki"', '"app_name": "Samaki next"'));
  await page.reload();
  await page.waitForFunction(() => document.querySelector("header h1").textContent === "Samaki next");
  await page.waitForFunction(async (name) => JSON.stringify(await caches.keys()) === JSON.stringify([name]), `${version}-next`, { timeout: 15_000 });
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.querySelector("header h1").textContent === "Samaki next");
  await page.context().setOffline(false);
  noProblems(page, "a new version");
  await page.context().close();
}

// A copy of the UI for this test's server, so that the last part can deploy a new version of it.
const webCopy = mkdtempSync(join(tmpdir(), "samaki-web-"));
cpSync(options.webRoot, webCopy, { recursive: true });
try {
  await withServerAndBrowser({ ...options, webRoot: webCopy }, async ({ base, browser }) => {
    await droppedWhileSaving(browser, base);
    await answerLost(browser, base);
    await refusedLater(browser, base);
    await newVersion(browser, base, webCopy);
  });
} finally {
  rmSync(webCopy, { recursive: true, force: true });
}
console.log("weak network: a meeting saved offline is kept, survives a reload, and is posted once; a lost answer is sent again once; a later refusal is shown; sign-out warns; a new UI replaces the cached one: ok");
