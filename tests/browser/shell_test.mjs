// The web UI's shell on a phone: Back and reload keep the screen; a slow answer shows "loading"; a
// failed one shows an error with a retry and never another screen's or another group's data; sign-out
// empties the form, forgets the session in the page and ends it on the server, also when the phone is
// offline; a retried reversal reuses its Idempotency-Key; refusals read as sentences naming the member.
//
//   node tests/browser/shell_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { request } from "playwright-core";
import {
  readArguments, texts, withServerAndBrowser, apiAs, phonePage, screen, signIn, looksRight, noProblems, savingsGroup, shown,
  signedInPage, isoDay,
} from "./lib.mjs";

const options = readArguments("shell_test.mjs");
const T = texts(options.webRoot);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const sessionCookie = async (page) => (await page.context().cookies()).find((c) => c.name === "samaki_session").value;

// What GET /me answers to a bare session cookie: 200 while the session lives, 401 once it has ended.
async function cookieStatus(base, value) {
  const context = await request.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: `samaki_session=${value}` } });
  const status = (await context.get("/api/v1/me")).status();
  await context.dispose();
  return status;
}

async function backAndReload(browser, base, gid, mid) {
  const page = await signedInPage(browser, base, "km", "treasurer", "samaki-treasurer");
  await page.click(`a.group-card[href="#/g/${gid}"]`);
  await screen(page, "group");
  await page.click(`a.action[href="#/g/${gid}/members"]`);
  await screen(page, "members");
  await page.click(`a.member-card[href="#/g/${gid}/members/${mid}"]`);
  await screen(page, "member");
  await page.goBack();
  await screen(page, "members");
  await page.goBack();
  await screen(page, "group");
  await page.reload();
  await screen(page, "group");
  assert.ok(page.url().endsWith(`#/g/${gid}`), "reload keeps the screen");
  await page.goForward();
  await screen(page, "members");
  await page.reload();
  await screen(page, "members");
  noProblems(page, "Back and reload");
  await page.context().close();
}

// Slow answers show "loading"; failed ones an error and a retry, with nothing of the screen before.
async function slowAndFailed(browser, base, gid) {
  const page = await signedInPage(browser, base, "km", "treasurer", "samaki-treasurer");
  await page.route("**/reports/trial-balance", async (route) => { await pause(1000); await route.continue().catch(() => {}); });
  await page.goto(`${base}/#/g/${gid}/trial-balance`);
  await page.waitForSelector(".waiting:not([hidden])", { timeout: 900 });
  await page.waitForFunction(() => document.body.classList.contains("busy"), null, { timeout: 500 });
  await looksRight(page, "km", "40-loading", options.screenshots);
  await screen(page, "trial-balance");
  await page.unroute("**/reports/trial-balance");

  await page.goto(`${base}/#/g/${gid}`);
  await screen(page, "group");
  await page.route(`**/groups/${gid}/accounts`, (route) => route.abort("failed"));
  await page.goto(`${base}/#/g/${gid}/members`);
  await screen(page, "members");
  await page.goto(`${base}/#/g/${gid}`);
  await page.waitForSelector("body[data-state=failed] .failure button");
  assert.equal(await page.textContent(".failure .error"), T.km["error.network"]);
  assert.equal(await page.locator("#view h2, #view .tile, #view .member-card").count(), 0, "nothing of another screen stays");
  await looksRight(page, "km", "41-failed-with-retry", options.screenshots);
  await page.unroute(`**/groups/${gid}/accounts`);
  await page.click(".failure button");
  await screen(page, "group");
  assert.ok(await page.locator(".tile").count() > 0);
  noProblems(page, "slow and failed");
  await page.context().close();
}

// A late answer for a group left behind never shows under another group's name.
async function staleAnswer(browser, base) {
  const api = await apiAs(base, "field", "samaki-field");
  const [first, second] = (await api.get("/groups")).items;
  const secondCash = (await api.get(`/groups/${second.id}/accounts`)).items.filter((a) => /^10\d\d$/.test(a.code));
  const page = await signedInPage(browser, base, "en", "field", "samaki-field");
  const late = async (route) => { await pause(1000); await route.continue().catch(() => {}); };
  await page.route(`**/groups/${first.id}/accounts`, late);
  await page.route(`**/groups/${first.id}`, late);
  await page.click(`a.group-card[href="#/g/${first.id}"]`);
  await pause(300);
  await page.goto(`${base}/#/g/${second.id}`);
  await screen(page, "group");
  await pause(1200);  // the first group's answers would have come by now
  assert.equal(await page.textContent("#view h2"), second.name);
  const tiles = await page.$$eval(".tiles .tile-label", (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(tiles, secondCash.map((a) => a.name));
  noProblems(page, "stale answer");
  await page.context().close();
  await api.context.dispose();
}

// Sign-out: an empty form, nothing remembered, the old cookie dead; Back shows no data.
async function signOutClears(browser, base) {
  const page = await signedInPage(browser, base, "km", "treasurer", "samaki-treasurer");
  page.expect(["401 /api/v1/me"]);
  await page.click("a.group-card");
  await screen(page, "group");
  const cookie = await sessionCookie(page);
  await page.click("#signout");
  await screen(page, "signin");
  assert.equal(await page.inputValue("#f-username"), "");
  assert.equal(await page.inputValue("#f-password"), "");
  await page.waitForFunction(() => localStorage.getItem("samaki.pending_logout") === null);
  const stored = await page.evaluate(() => ({ session: sessionStorage.length, csrf: localStorage.getItem("samaki.csrf") }));
  assert.deepEqual(stored, { session: 0, csrf: null });
  assert.equal(await cookieStatus(base, cookie), 401, "the old session cookie no longer works");
  await page.goBack();
  await screen(page, "signin");
  assert.equal(await page.locator(".tile, a.entry").count(), 0, "Back after sign-out shows no data");
  await looksRight(page, "km", "42-signed-out", options.screenshots);
  // The next person starts at their own groups.
  await signIn(page, "sokha", "samaki-sokha");
  await screen(page, "groups");
  noProblems(page, "sign-out");
  await page.context().close();
}

// Offline: signed out at once in the page; the server hears of it when the phone is back online.
async function signOutOffline(browser, base) {
  const page = await signedInPage(browser, base, "en", "treasurer", "samaki-treasurer");
  const cookie = await sessionCookie(page);
  await page.context().setOffline(true);
  await page.click("#signout");
  await screen(page, "signin");
  assert.equal(await page.inputValue("#f-username"), "");
  assert.ok(await page.evaluate(() => localStorage.getItem("samaki.pending_logout")), "the sign-out waits for the network");
  assert.equal(await cookieStatus(base, cookie), 200, "the server has not heard yet");
  await page.context().setOffline(false);
  await page.waitForFunction(() => localStorage.getItem("samaki.pending_logout") === null, null, { timeout: 10_000 });
  assert.equal(await cookieStatus(base, cookie), 401, "ended once online");
  noProblems(page, "offline sign-out");
  await page.context().close();
}

// A sign-out still waiting is not undone by a reload: the old cookie signs nobody in.
async function signOutPendingAcrossReload(browser, base) {
  const page = await signedInPage(browser, base, "en", "treasurer", "samaki-treasurer");
  const cookie = await sessionCookie(page);
  await page.route("**/api/v1/auth/logout", (route) => route.abort("failed"));
  await page.click("#signout");
  await screen(page, "signin");
  await page.reload();
  await screen(page, "signin");
  assert.equal(await cookieStatus(base, cookie), 200);
  await page.unroute("**/api/v1/auth/logout");
  await signIn(page, "treasurer", "samaki-treasurer");
  await screen(page, "groups");
  assert.equal(await cookieStatus(base, cookie), 401, "the old session ended before the new one began");
  noProblems(page, "pending sign-out");
  await page.context().close();
}

// A session ended elsewhere: sign in again and land back on the same screen.
async function sessionEnded(browser, base, gid) {
  const page = await signedInPage(browser, base, "en", "treasurer", "samaki-treasurer");
  page.expect([`401 /api/v1/groups/${gid}/reports/trial-balance`, `401 /api/v1/groups/${gid}`, `401 /api/v1/groups/${gid}/periods`]);
  const csrf = await page.evaluate(() => localStorage.getItem("samaki.csrf"));
  assert.equal((await page.request.post(base + "/api/v1/auth/logout", { headers: { "X-CSRF-Token": csrf } })).status(), 204);
  await page.goto(`${base}/#/g/${gid}/trial-balance`);
  await screen(page, "signin");
  await signIn(page, "treasurer", "samaki-treasurer");
  await screen(page, "trial-balance");
  noProblems(page, "session ended elsewhere");
  await page.context().close();
}

// A reversal whose answer was lost is sent again with the same Idempotency-Key: one reversal, not two.
// Then refusals: a known code names the member; an unknown one shows the server's message.
async function reversalRetryAndRefusals(browser, base, api, gid) {
  // The demo's entries come from operations (reversed from the operation): two corrections posted by hand.
  for (const amount of ["500", "700"])
    await api.post(`/groups/${gid}/entries`, { date: isoDay(0), memo: "Cash found over the count",
      lines: [{ account: "1010", debit: amount }, { account: "4030", credit: amount }] });
  const plain = (e) => !e.reverses && !e.reversed_by && !e.operation_id;
  const entries = (await api.get(`/groups/${gid}/entries?latest=50`)).items;
  const target = entries.reverse().find(plain);
  const members = (await api.get(`/groups/${gid}/members`)).items;
  const page = await signedInPage(browser, base, "km", "treasurer", "samaki-treasurer");
  const keys = [];
  let attempts = 0;
  await page.route("**/reverse", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (++attempts === 1) {
      await route.fetch();  // the server does it; the answer is lost on the way back
      await route.abort("failed");
    } else await route.continue();
  });
  await page.goto(`${base}/#/g/${gid}/entries/${target.id}/reverse`);
  await screen(page, "reverse");
  await page.fill("#f-reason", "ចុចពីរដង");
  await page.click("form button[type=submit]");
  await page.waitForSelector(".form-status .error");
  assert.equal(await page.textContent(".form-status .error"), T.km["error.network"]);
  await page.click("form button[type=submit]");
  await page.waitForSelector(".flash");
  await screen(page, "entry");
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], "the retry reuses the Idempotency-Key");
  const after = (await api.get(`/groups/${gid}/entries?latest=50`)).items;
  assert.equal(after.filter((e) => e.reverses === target.id).length, 1, "one reversal");
  await page.unroute("**/reverse");

  // Refusals as sentences: the member by name, the server's words when the code is unknown.
  const next = after.slice().reverse().find(plain);
  const path = `/api/v1/groups/${gid}/entries/${next.id}/reverse`;
  page.expect([`422 ${path}`]);
  const dara = members.find((m) => m.name === "Dara Kim") || members[0];
  let refusal = { code: "loan_in_arrears", message: "member has a loan in arrears", details: { member_id: String(dara.id) } };
  await page.route("**/reverse", (route) => route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ error: refusal }) }));
  await page.goto(`${base}/#/g/${gid}/entries/${next.id}/reverse`);
  await screen(page, "reverse");
  await page.fill("#f-reason", "សាកល្បង");
  await page.click("form button[type=submit]");
  await page.waitForSelector(".form-status .error");
  assert.equal(await page.textContent(".form-status .error"), T.km["error.loan_in_arrears.member"].replace("{member}", dara.name_km));
  await looksRight(page, "km", "43-refusal-names-member", options.screenshots);
  refusal = { code: "some_new_rule", message: "a rule the UI does not know yet", details: {} };
  await page.click("form button[type=submit]");
  await page.waitForFunction(() => document.querySelector(".form-status .server-message")?.textContent === "a rule the UI does not know yet");
  assert.ok((await page.textContent(".form-status .error")).startsWith(T.km["error.refused"]));
  noProblems(page, "reversal retry and refusals");
  await page.context().close();
}

// A meeting in progress survives a language switch; a meeting whose answer was lost is sent again (from the
// outbox) with the same Idempotency-Key and recorded once; the home then shows the new cash, not the cached one.
async function meetingRetry(browser, base) {
  const set = await savingsGroup(base, "shell", 6);
  const gid = set.group.id;
  const [m0, m1] = set.people;
  const api = await apiAs(base, ...set.logins.treasurer);
  const page = await signedInPage(browser, base, "km", ...set.logins.treasurer);
  await page.goto(`${base}/#/g/${gid}/meeting`);
  await screen(page, "meeting");
  await page.click(`#row-${m0.id} .stepper button:last-child`);
  await page.click(`#row-${m1.id} .segmented button:last-child`);
  await page.click("#language");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.textContent(`#row-${m0.id} .count`), "2", "the rows keep what was changed");
  assert.equal(await page.getAttribute(`#row-${m1.id} .segmented button:last-child`, "aria-pressed"), "true");
  assert.equal(await page.textContent(`#row-${m1.id} .segmented button:last-child`), T.en["attendance.absent"]);
  await page.click("#language");
  await page.waitForFunction(() => document.documentElement.lang === "km");
  const boxes = await page.$$eval(".totals .total-line strong", (n) => n.slice(-2).map((x) => x.textContent.replace(/[^0-9]/g, "")));
  await page.fill("#f-counted_loan_fund", boxes[0]);
  await page.fill("#f-counted_social_fund", boxes[1]);
  const keys = [];
  let attempts = 0;
  await page.route(`**/api/v1/groups/${gid}/operations`, async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (++attempts === 1) {
      await route.fetch();  // recorded; the answer is lost on the way back
      await route.abort("failed");
    } else await route.continue();
  });
  // Without an answer the meeting waits on the phone (web/outbox.js), which sends it again by itself.
  await page.click("form.meeting > button[type=submit]");
  await page.waitForSelector("#outbox .outbox-item.sent", { timeout: 15_000 });
  assert.deepEqual([keys.length, keys[0]], [2, keys[1]], "the retry reuses the Idempotency-Key");
  assert.equal((await api.get(`/groups/${gid}/operations?type=meeting`)).items.length, 6, "one meeting, not two");
  await page.unroute(`**/api/v1/groups/${gid}/operations`);
  await page.goto(`${base}/#/g/${gid}`);
  await screen(page, "group");
  const cash = (await api.get(`/groups/${gid}/accounts`)).items.find((a) => a.code === "1010");
  assert.equal(await page.textContent(".tile-value"), shown(cash.balance), "the home shows the cash after the meeting");
  assert.equal(shown(cash.balance).replace(/[^0-9]/g, ""), boxes[0]);
  noProblems(page, "meeting retry");
  await page.context().close();
  await api.context.dispose();
}

// Every refusal a meeting can meet reads as a sentence in each language, naming the member by name, with
// nothing left unfilled (the sentences of design/operations.md's codes, as the server details them).
async function refusalSentences(browser, base) {
  const page = await phonePage(browser, "km");
  await page.goto(base + "/");
  await screen(page, "signin");
  const member = { id: 7, name: "Kim Dara", name_km: "គីម ដារា" };
  const cycle = { min_shares: 1, max_shares: 5, loan_multiple: 3 };
  const refusals = [
    ["shares_out_of_range", { member_id: 7, field: "members[2]", rule: "max_shares", limit: "5", value: "6" }],
    ["shares_out_of_range", { member_id: 7, rule: "absent", limit: "0", value: "2" }],
    ["loan_limit_exceeded", { member_id: 7, rule: "loan_multiple", limit: "90000.00", value: "100000.00" }],
    ["loan_in_arrears", { member_id: 7, rule: "loan_in_arrears", loan_id: "3", value: "20" }],
    ["overpayment", { member_id: 7, loan_id: 2, rule: "overpayment", limit: "20400.00", value: "20800.00" }],
    ["loan_outstanding", { member_id: 7, rule: "loan_outstanding", limit: "51200.00", value: "61200.00" }],
    ["not_a_member", { member_id: 7, rule: "not_a_member" }],
    ["cash_mismatch", { rule: "cash_mismatch", box: "loan_fund", counted: "1000.00", books: "1200.00" }],
    ["insufficient_funds", { account: "1010", available: "90500.00", amount: "140000.00", currency: "KHR" }],
    ["no_open_cycle", { rule: "no_open_cycle" }],
  ];
  for (const lang of ["km", "en"]) {
    const said = await page.evaluate(async ({ lang, refusals, member, cycle }) => {
      const i18n = await import("/i18n.js");
      const { describe } = await import("/errors.js");
      await i18n.setLanguage(lang);
      const accounts = [{ code: "1010", name: "Cash box — loan fund", name_km: "ប្រអប់ប្រាក់ — មូលនិធិប្រាក់កម្ចី" }];
      return refusals.map(([code, details]) => describe({ status: 422, code, message: code, details }, { members: [member], currency: "KHR", cycle, accounts }));
    }, { lang, refusals, member, cycle });
    for (const [i, { text, server }] of said.entries()) {
      const [code, details] = refusals[i];
      assert.equal(server, null, `${lang} ${code}: a sentence of ours`);
      assert.doesNotMatch(text, /\{\w+\}/, `${lang} ${code}: nothing left unfilled`);
      if (details.member_id) assert.ok(text.includes(lang === "km" ? member.name_km : member.name), `${lang} ${code} names the member: ${text}`);
      if (lang === "km") assert.doesNotMatch(text, /[A-Za-z]/, `${lang} ${code}: no English`);
    }
    const shares = said[0].text;
    assert.equal(shares, T[lang]["error.shares_out_of_range.max_shares"].replace("{member}", lang === "km" ? member.name_km : member.name)
      .replace("{value}", "6").replace("{min}", "1").replace("{max}", "5"));
    console.log(`${lang}: ${shares}`);
  }
  noProblems(page, "refusal sentences");
  await page.context().close();
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  const api = await apiAs(base, "treasurer", "samaki-treasurer");
  const gid = (await api.get("/groups")).items[0].id;
  const mid = (await api.get(`/groups/${gid}/members`)).items[0].id;
  await backAndReload(browser, base, gid, mid);
  await slowAndFailed(browser, base, gid);
  await staleAnswer(browser, base);
  await signOutClears(browser, base);
  await signOutOffline(browser, base);
  await signOutPendingAcrossReload(browser, base);
  await sessionEnded(browser, base, gid);
  await reversalRetryAndRefusals(browser, base, api, gid);
  await meetingRetry(browser, base);
  await refusalSentences(browser, base);
  await api.context.dispose();
  console.log("web UI shell: Back and reload, loading, failure and retry, stale answers, sign-out (also offline), expired session, idempotent retry (a reversal, a meeting), a meeting through a language switch, refusals as sentences: ok");
});
