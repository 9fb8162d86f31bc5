// The savings-group screens written against design/operations.md before the server has those endpoints:
// the meeting on one screen, single operations built from operation-types, loans, a passbook, the
// share-out and starting a cycle. The operations API is stood in for by page.route with answers shaped
// as operations.md writes them; everything else is the real `samaki serve --demo`. When the server
// answers these routes itself, drop the stand-ins and keep the checks.
//
//   node tests/browser/operations_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import {
  readArguments, texts, withServerAndBrowser, apiAs, phonePage, screen, signIn, looksRight, noProblems, printed,
} from "./lib.mjs";

const options = readArguments("operations_test.mjs");
const T = texts(options.webRoot);

const CYCLE = { id: 1, status: "open", start: "2026-01-05", share_value: "5000", min_shares: 1, max_shares: 5, loan_multiple: 3,
  interest: { percent_per_month: "2", method: "flat" }, social_fund_per_meeting: "1000", cash_unit: "100", meeting_every: "week",
  fines: [{ code: "late", name: "Late", name_km: "មកយឺត", amount: "500" }] };
const TYPES = { items: [
  { type: "meeting", name: "Meeting", name_km: "ការប្រជុំ", fields: [] },
  { type: "fine", name: "Fine", name_km: "ប្រាក់ពិន័យ", fields: [
    { name: "member_id", kind: "member", label: "Member", label_km: "សមាជិក", required: true },
    { name: "code", kind: "choice", label: "Which fine", label_km: "ប្រភេទពិន័យ", required: true,
      options: [{ value: "late", name: "Late", name_km: "មកយឺត" }] }] },
] };

// The stand-in for the operations API: answers by method and path, and keeps what was posted.
function standIn(gid, dara) {
  const loan = { id: 3, member_id: dara.id, principal: "60000", disbursed_on: "2026-01-19", months: 3, interest: "1200",
    outstanding: "40000", interest_due: "1200", principal_paid: "20000", interest_paid: "1200",
    next_due: { date: "2026-03-19", amount: "21200" }, days_in_arrears: 4, status: "open" };
  const posted = [];
  const refusals = [];
  const answers = {
    "GET operation-types": () => [200, TYPES],
    "GET cycles/current": () => [200, CYCLE],
    "GET loans": () => [200, { items: [loan], next_cursor: null }],
    "GET loans/3": () => [200, { ...loan, schedule: [
      { due: "2026-02-19", principal: "20000", interest: "1200", paid: "21200" },
      { due: "2026-03-19", principal: "20000", interest: "1200", paid: "0" },
      { due: "2026-04-19", principal: "20000", interest: "1200", paid: "0" }], payments: [] }],
    "GET reports/share-out": () => [200, { as_of: "2026-03-01", currency: "KHR", fund: "101200", cash_unit: "100", total_weight: "100000",
      members: [{ member_id: dara.id, weight: "25000", payout: "25300" }], residual: "0" }],
    "POST operations": (body) => refusals.shift() || [201, { id: 9, type: body.type, date: body.date, entries: [{}, {}, {}] }],
    "POST cycles": (body) => [201, { id: 2, status: "open", ...body }],
  };
  const handle = async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace(`/api/v1/groups/${gid}/`, "");
    const passbook = /^members\/(\d+)\/passbook$/.exec(path);
    const answer = passbook ? () => [200, { member: { id: Number(passbook[1]), name: "Dara Kim", name_km: "គីម ដារា" }, cycle: 1,
      rows: [{ date: "2026-01-05", attendance: "present", shares_bought: 2, shares_total: 2, savings: "10000", social_fund: "1000", fines: "0",
        loan_taken: "0", repaid_principal: "0", repaid_interest: "0", loan_outstanding: "0" },
      { date: "2026-01-19", attendance: "absent", shares_bought: 0, shares_total: 2, savings: "10000", social_fund: "0", fines: "500",
        loan_taken: "60000", repaid_principal: "0", repaid_interest: "0", loan_outstanding: "60000" }],
      totals: { shares_bought: 2, savings: "10000", fines: "500", loan_taken: "60000" } }] : answers[`${request.method()} ${path}`];
    if (!answer) return route.fallback();
    const body = request.postDataJSON();
    if (request.method() === "POST") posted.push({ path, body, key: request.headers()["idempotency-key"] });
    const [status, json] = answer(body);
    await route.fulfill({ status, contentType: "application/json", body: JSON.stringify(json) });
  };
  return { handle, posted, refusals };
}

async function meeting(page, base, api, gid, lang, stand, people) {
  const t = T[lang];
  const [sokha, dara, srey, vanna] = ["Sokha Chan", "Dara Kim", "Sreymom Heng", "Vanna Sok"].map((n) => people.find((m) => m.name === n));
  await page.goto(`${base}/#/g/${gid}`);
  await screen(page, "group");
  await page.click(`a.action[href="#/g/${gid}/meeting"]`);
  await screen(page, "meeting");
  assert.equal(await page.locator(".meeting-row").count(), people.length, "a row per member");
  const row = (m) => page.locator(".meeting-row", { has: page.locator(`#repay-${m.id}, #loan-${m.id}`) });
  await row(sokha).locator(".stepper button").last().click();
  await row(vanna).locator(".segmented button").last().click();
  await row(dara).locator(`#repay-${dara.id}`).fill("21,200");
  await row(srey).locator(".toggle", { hasText: lang === "km" ? "មកយឺត" : "Late" }).click();
  // What the boxes should hold: the books, plus 4 shares, 3 social-fund payments, a fine and a repayment.
  const balance = (code) => Number(accounts.find((a) => a.code === code).balance);
  const accounts = (await api.get(`/groups/${gid}/accounts`)).items;
  const loanFund = balance("1010") + 4 * 5000 + 500 + 21200;
  const socialFund = balance("1020") + 3 * 1000;
  const [shownLoanFund, shownSocialFund] = await page.$$eval(".totals .total-line strong", (n) => n.slice(-2).map((x) => x.textContent));
  const riel = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} ៛`;
  assert.deepEqual([shownLoanFund, shownSocialFund], [riel(loanFund), riel(socialFund)]);
  const save = page.locator("form.meeting > button[type=submit]");
  assert.ok(await save.isDisabled(), "nothing is saved before the cash is counted");
  await page.fill("#f-counted_loan_fund", String(loanFund - 100));
  await page.fill("#f-counted_social_fund", String(socialFund));
  assert.ok(await save.isDisabled(), "counted cash that does not match cannot be saved");
  await page.fill("#f-counted_loan_fund", riel(loanFund).replace(" ៛", ""));
  assert.ok(await save.isEnabled());
  await looksRight(page, lang, "50-meeting", options.screenshots);

  stand.refusals.push([422, { error: { code: "loan_limit_exceeded", message: "loan above limit",
    details: { member_id: String(dara.id), rule: "loan_multiple", limit: "45000", value: "60000" } } }]);
  page.expect([`422 /api/v1/groups/${gid}/operations`]);
  await save.click();
  await page.waitForSelector(".form-status .error");
  const expected = t["error.loan_limit_exceeded.member_rule"].replace("{member}", lang === "km" ? dara.name_km : dara.name)
    .replace("{value}", "60,000 ៛").replace("{limit}", "45,000 ៛").replace("{rule}", t["rule.loan_multiple"]);
  assert.equal(await page.textContent(".form-status .error"), expected);
  await looksRight(page, lang, "51-meeting-refused", options.screenshots);
  await save.click();
  await screen(page, "group");
  assert.equal(await page.textContent(".flash"), t.meeting_saved.replace("{n}", "3"));
  const [first, second] = stand.posted.splice(0);
  assert.equal(first.key, second.key, "the retry reuses the Idempotency-Key");
  assert.deepEqual(first.body, second.body);
  const sent = Object.fromEntries(second.body.members.map((m) => [m.member_id, m]));
  assert.equal(second.body.type, "meeting");
  assert.deepEqual(sent[vanna.id], { member_id: vanna.id, attendance: "absent" });
  assert.equal(sent[sokha.id].shares, 2);
  assert.deepEqual(sent[dara.id].repay, [{ loan_id: 3, amount: "21200" }]);
  assert.deepEqual(sent[srey.id].fines, ["late"]);
  assert.deepEqual(second.body.counted, { loan_fund: String(loanFund), social_fund: String(socialFund) });
}

async function otherScreens(page, base, gid, lang, stand, dara) {
  const shots = options.screenshots;
  await page.goto(`${base}/#/g/${gid}/loans`);
  await screen(page, "loans");
  assert.equal(await page.locator("a.loan-card.late").count(), 1);
  await looksRight(page, lang, "52-loans", shots);
  await page.click("a.loan-card");
  await screen(page, "loan");
  assert.equal(await page.locator("table.report tbody tr").count(), 3);
  await looksRight(page, lang, "53-loan", shots);

  await page.goto(`${base}/#/g/${gid}/members/${dara.id}/passbook`);
  await screen(page, "passbook");
  assert.equal(await page.locator("table.passbook tbody tr").count(), 3, "two meetings and the totals");
  await looksRight(page, lang, "54-passbook", shots);
  await printed(page, `${lang}-passbook`, shots);

  await page.goto(`${base}/#/g/${gid}/share-out`);
  await screen(page, "share-out");
  assert.equal(await page.locator("table.report tbody tr").count(), 1);
  await page.click("form button.primary");
  await page.waitForSelector(".confirm:not([hidden])");
  await looksRight(page, lang, "55-share-out", shots);

  await page.goto(`${base}/#/g/${gid}/record`);
  await screen(page, "operations");
  await page.click(`a.action[href="#/g/${gid}/record/fine"]`);
  await screen(page, "operation");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-member_id-error:not([hidden])");
  await looksRight(page, lang, "56-operation-form", shots);
  await page.selectOption("#f-member_id", String(dara.id));
  await page.selectOption("#f-code", "late");
  await page.click("form button[type=submit]");
  await screen(page, "group");
  const fine = stand.posted.pop();
  assert.deepEqual({ ...fine.body, date: undefined }, { type: "fine", member_id: dara.id, code: "late", date: undefined });
  assert.ok(fine.key);

  await page.goto(`${base}/#/g/${gid}/cycle/new`);
  await screen(page, "cycle-new");
  await page.fill("#f-max_shares", "0");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-max_shares-error:not([hidden])");
  await looksRight(page, lang, "57-start-cycle", shots);
  await page.fill("#f-max_shares", "5");
  await page.click("form button[type=submit]");
  await screen(page, "group");
  const cycle = stand.posted.pop().body;
  assert.deepEqual({ ...cycle, start: undefined }, { start: undefined, share_value: "5000", min_shares: 1, max_shares: 5, loan_multiple: 3,
    interest: { percent_per_month: "2", method: "flat" }, social_fund_per_meeting: "1000", cash_unit: "100", meeting_every: "week" });
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  const api = await apiAs(base, "treasurer", "samaki-treasurer");
  const gid = (await api.get("/groups")).items.find((g) => g.kind === "savings_group").id;
  const people = (await api.get(`/groups/${gid}/members`)).items;
  const dara = people.find((m) => m.name === "Dara Kim");
  for (const lang of ["km", "en"]) {
    const page = await phonePage(browser, lang);
    const stand = standIn(gid, dara);
    await page.route(`**/api/v1/groups/${gid}/**`, stand.handle);
    await page.goto(base + "/");
    await screen(page, "signin");
    await signIn(page, "treasurer", "samaki-treasurer");
    await screen(page, "groups");
    await meeting(page, base, api, gid, lang, stand, people);
    await otherScreens(page, base, gid, lang, stand, dara);
    noProblems(page, `${lang} operations`);
    await page.context().close();
  }
  await api.context.dispose();
  console.log("web UI savings-group screens on the operations contract (stood in): meeting, refusal naming the member, loans, passbook, share-out, a single operation, starting a cycle: ok");
});
