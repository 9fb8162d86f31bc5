// The savings-group screens against the real server, in Khmer and in English on a 360-px phone: for each
// language a group of 25 members is set up through the API (five weekly meetings so far, a late loan, one
// falling due); then the treasurer records the sixth meeting on one screen (counting every tap and field),
// the member sees the new balance and passbook row, and the treasurer goes through loans, a single
// operation and its reversal, a member leaving, the history, the share-out with its seal and a new cycle.
// In Khmer the first attempt breaks a rule: the refusal names the member, and nothing is recorded.
//
//   node tests/browser/operations_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import {
  readArguments, texts, withServerAndBrowser, apiAs, screen, looksRight, noProblems, printed, shown,
  savingsGroup, isoDay, signedInPage, uiTransferred,
} from "./lib.mjs";

const options = readArguments("operations_test.mjs");
const T = texts(options.webRoot);
const shots = options.screenshots;
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => vars[k]);
const name = (lang, m) => (lang === "km" ? m.name_km : m.name);
const sum = (values) => values.reduce((a, b) => a + Number(b), 0);

// A date as the page writes it (the UI's own format.js, in the page's language).
const dateIn = (page, iso) => page.evaluate(async (d) => (await import("/format.js")).date(d), iso);

// What the boxes must hold after the meeting the test records, worked out from the API (not the UI):
// each present member's shares and social fund, one fine, the repayments due by the next meeting, the loan.
async function expectedCash(api, gid, plan) {
  const accounts = (await api.get(`/groups/${gid}/accounts`)).items;
  const balance = (code) => Number(accounts.find((a) => a.code === code).balance);
  const loans = (await api.get(`/groups/${gid}/loans?status=open`)).items;
  const nextWeek = isoDay(7);
  const repaid = sum(loans.filter((l) => l.next_due && l.next_due.date <= nextWeek && !plan.absent.includes(l.member_id))
    .map((l) => Math.min(Number(l.next_due.amount), Number(l.outstanding) + Number(l.interest_due))));
  const present = plan.shares.filter(([id]) => !plan.absent.includes(id));
  return {
    loanFund: balance("1010") + 5000 * sum(present.map(([, n]) => n)) + 500 + repaid - Number(plan.loan),
    socialFund: balance("1020") + 1000 * present.length,
  };
}

// The treasurer records the sixth meeting; in Khmer, first with a loan above the limit.
async function meeting(page, base, api, set, lang) {
  const t = T[lang];
  const gid = set.group.id;
  const m = set.people;
  const count = { taps: 0, fields: 0 };
  const tap = async (selector) => { count.taps++; await page.click(selector); };
  const type = async (selector, text) => { count.fields++; await page.fill(selector, text); };

  page.apiBytes = 0;
  await page.click("a.group-card");
  await screen(page, "group");
  await page.waitForLoadState("networkidle");
  console.log(`${lang}: the group's home read ${page.apiBytes} bytes from the API`);
  const accounts = (await api.get(`/groups/${gid}/accounts`)).items;
  assert.deepEqual(await page.$$eval(".tile-value", (n) => n.map((x) => x.textContent)),
    ["1010", "1020", "1030"].map((code) => shown(accounts.find((a) => a.code === code).balance)), "the cash each box should hold");
  assert.equal(await page.textContent(".next-date"), await dateIn(page, isoDay(0)), "the next meeting is a week after the last");
  assert.equal(await page.locator(".loan-card.late").count(), 1, "the late loan");
  assert.ok((await page.textContent(".warnings")).includes(fill(t.late_loans_warning, { n: 1 })));
  await looksRight(page, lang, "60-savings-home", shots);

  page.apiBytes = 0;
  await tap(`a[href="#/g/${gid}/meeting"]`);
  await screen(page, "meeting");
  await page.waitForLoadState("networkidle");
  console.log(`${lang}: the meeting screen read ${page.apiBytes} bytes from the API`);
  assert.equal(await page.locator(".meeting-row").count(), 25, "a row per member");
  const row = (i) => `#row-${m[i].id}`;
  // Each row starts as at the last meeting: member i bought (i mod 5) + 1 shares.
  assert.deepEqual(await page.$$eval(".meeting-row .count", (n) => n.map((x) => x.textContent)), m.map((_, i) => String((i % 5) + 1)));
  const over = lang === "km";  // the Khmer treasurer first lends above the limit
  const borrower = over ? 13 : 12;
  const plan = { absent: [m[2].id, m[7].id], shares: m.map((x, i) => [x.id, (i % 5) + 1 + (i === 0 || i === 11 ? 1 : i === 3 ? -1 : 0)]),
    loan: over ? "400000" : "50000" };
  await tap(`${row(2)} .segmented button:last-child`);
  await tap(`${row(7)} .segmented button:last-child`);
  await tap(`${row(0)} .stepper button:last-child`);
  await tap(`${row(11)} .stepper button:last-child`);
  await tap(`${row(3)} .stepper button:first-child`);
  await tap(`${row(5)} .row-line.wrap button.toggle:first-child`);  // late
  await tap(`${row(borrower)} button.toggle.loan`);
  await type(`#loan-${m[borrower].id}`, over ? "400,000" : "50,000");
  await type(`#months-${m[borrower].id}`, "2");
  const cash = await expectedCash(api, gid, plan);
  const [loanFund, socialFund] = await page.$$eval(".totals .total-line strong", (n) => n.slice(-2).map((x) => x.textContent));
  assert.deepEqual([loanFund, socialFund], [shown(cash.loanFund), shown(cash.socialFund)], "the boxes after the meeting, as the books will say");
  const save = page.locator("form.meeting > button[type=submit]");
  assert.ok(await save.isDisabled(), "nothing is saved before the cash is counted");
  await type("#f-counted_loan_fund", String(cash.loanFund));
  await type("#f-counted_social_fund", String(cash.socialFund));
  assert.ok(await save.isEnabled(), "the counted cash matches");
  await looksRight(page, lang, "61-meeting", shots);

  const meetings = async () => (await api.get(`/groups/${gid}/operations?type=meeting`)).items.length;
  if (over) {
    page.expect([`422 /api/v1/groups/${gid}/operations`]);
    await tap("form.meeting > button[type=submit]");
    await page.waitForSelector(".form-status .error");
    const sentence = fill(t["error.loan_limit_exceeded.loan_multiple"], { member: name(lang, m[borrower]), value: "400,000 ៛", multiple: "3", limit: "360,000 ៛" });
    assert.equal(await page.textContent(".form-status .error"), sentence, "the refusal names the member and the rule");
    assert.equal(await page.textContent(`${row(borrower)} .row-error`), sentence, "and shows in the member's row");
    assert.equal(await meetings(), 5, "a refused meeting records nothing");
    await looksRight(page, lang, "62-meeting-refused", shots);
    const refused = { ...count };
    await type(`#loan-${m[borrower].id}`, "50,000");
    await type("#f-counted_loan_fund", String(cash.loanFund + 400000 - 50000));
    console.log(`${lang}: correcting the refused loan took ${count.fields - refused.fields} fields, then Save once more`);
  }
  await tap("form.meeting > button[type=submit]");
  await screen(page, "operation-record");
  console.log(`${lang}: the 25-member meeting took ${count.taps} taps and ${count.fields} typed fields, from the group's home to saved`);
  assert.equal(await page.textContent(".flash"), t.meeting_saved);
  assert.equal(await meetings(), 6);
  const recorded = (await api.get(`/groups/${gid}/operations?type=meeting`)).items.at(-1);
  assert.equal(recorded.request.members.length, 25);
  assert.deepEqual(recorded.cash, { loan_fund: `${cash.loanFund + (over ? 350000 : 0)}.00`, social_fund: `${cash.socialFund}.00` });
  assert.equal(await page.locator("table.record tbody tr").count(), 26, "a line per member and the totals");
  assert.equal(await page.textContent("table.record tr.total td:nth-child(3)"), String(sum(plan.shares.filter(([id]) => !plan.absent.includes(id)).map(([, n]) => n))));
  await looksRight(page, lang, "63-meeting-record", shots);
  await printed(page, `${lang}-meeting-record`, shots);
  if (lang === "km") {
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    assert.ok(pdf.length > 10_000 && (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length >= 1, "the meeting record prints as a PDF");
  }
  return recorded;
}

// The member sees the new balance, the loan, the share-out today, the bars and the passbook's new row.
async function member(browser, base, set, lang) {
  const t = T[lang];
  const gid = set.group.id;
  const me = set.people[0];
  const page = await signedInPage(browser, base, lang, ...set.logins.member);
  const api = await apiAs(base, ...set.logins.member);
  await page.click("a.group-card");
  await screen(page, "member");
  const statement = await api.get(`/groups/${gid}/members/${me.id}/statement`);
  const passbook = await api.get(`/groups/${gid}/members/${me.id}/passbook`);
  const sheet = await api.get(`/groups/${gid}/reports/share-out`);
  const values = await page.$$eval(".tile-value", (n) => n.map((x) => x.textContent));
  assert.deepEqual(values, [shown(statement.accounts.find((a) => a.code === "3010").closing), shown("0"),
    shown(sheet.members.find((x) => x.member_id === me.id).payout)], "savings, loan and share-out today");
  assert.ok((await page.textContent(".tile small")).includes(String(passbook.totals.shares_total)), "savings in shares too");
  assert.equal(await page.locator("svg.bars rect").count(), passbook.rows.length, "a bar a meeting");
  await looksRight(page, lang, "80-member-home", shots);
  await page.click(`a[href="#/g/${gid}/members/${me.id}/passbook"]`);
  await screen(page, "passbook");
  assert.equal(await page.locator("table.passbook tbody tr").count(), passbook.rows.length + 1);
  const last = await page.$$eval("table.passbook tbody tr:nth-last-child(2) td", (n) => n.map((x) => x.textContent));
  assert.equal(last[0], await dateIn(page, isoDay(0)), "today's meeting is the passbook's last row");
  assert.equal(last[2], "2", "two shares bought today");
  await looksRight(page, lang, "81-passbook", shots);
  await printed(page, `${lang}-passbook`, shots);
  noProblems(page, `${lang} member`);
  // What a member's phone fetched of the UI itself over the wire (compressed, with the service worker's
  // filling of its cache; no fonts; the API's answers aside).
  await page.evaluate(() => navigator.serviceWorker.ready);
  const wire = await uiTransferred(page);
  const bytes = [...page.uiBytes.values()].reduce((a, b) => a + b, 0);
  console.log(`${lang}: a member's phone fetched ${wire.bytes} bytes of UI over the wire (${wire.requests} responses; ${bytes} bytes decoded, ${page.uiBytes.size} files)`);
  assert.ok(wire.bytes < 200_000, `the UI is ${wire.bytes} bytes on the wire`);
  await page.context().close();
  await api.context.dispose();
}

// Loans, a fine and its reversal, a member leaving, the history, the share-out and its seal, a new cycle.
async function treasurerRest(page, base, api, set, lang) {
  const t = T[lang];
  const gid = set.group.id;
  const m = set.people;
  await page.goto(`${base}/#/g/${gid}/loans`);
  await screen(page, "loans");
  const open = (await api.get(`/groups/${gid}/loans?status=open`)).items;
  assert.equal(await page.locator("a.loan-card").count(), open.length);
  await looksRight(page, lang, "64-loans", shots);
  // A loan written off, from its page: the form comes with the loan chosen.
  const bad = open.find((l) => l.member_id === m[14].id);
  await page.click(`a.loan-card[href="#/g/${gid}/loans/${bad.id}"]`);
  await screen(page, "loan");
  assert.equal(await page.locator("table.report tbody tr").count(), 3, "the schedule of three months");
  await looksRight(page, lang, "65-loan", shots);
  await page.click(`a[href="#/g/${gid}/record/loan_write_off?loan_id=${bad.id}"]`);
  await screen(page, "operation");
  assert.equal(await page.inputValue("#f-loan_id"), String(bad.id));
  await page.fill("#f-reason", lang === "km" ? "ផ្លាស់ទៅរស់នៅឆ្ងាយ" : "moved away");
  await page.click("form button[type=submit]");
  await screen(page, "operation-record");
  assert.equal((await api.get(`/groups/${gid}/loans/${bad.id}`)).status, "written_off");

  // A fine between meetings, from the form built from operation-types; then reversed with a reason.
  await page.goto(`${base}/#/g/${gid}/record`);
  await screen(page, "operations");
  await looksRight(page, lang, "66-record-other", shots);
  await page.click(`a[href="#/g/${gid}/record/fine"]`);
  await screen(page, "operation");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-member_id-error:not([hidden])");
  await looksRight(page, lang, "67-fine-form", shots);
  await page.selectOption("#f-member_id", String(m[6].id));
  await page.selectOption("#f-fine", "rule");
  await page.click("form button[type=submit]");
  await screen(page, "operation-record");
  const fine = (await api.get(`/groups/${gid}/operations?type=fine`)).items.at(-1);
  assert.deepEqual({ ...fine.request, date: undefined }, { type: "fine", member_id: m[6].id, fine: "rule", date: undefined });
  await looksRight(page, lang, "68-fine-recorded", shots);
  await page.click("a.button.danger");
  await screen(page, "reverse-operation");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-reason-error:not([hidden])");
  const reason = lang === "km" ? "កត់ត្រាខុសសមាជិក" : "wrong member";
  await page.fill("#f-reason", reason);
  await page.click("form button[type=submit]");
  await screen(page, "operation-record");
  const reversed = await api.get(`/groups/${gid}/operations/${fine.id}`);
  assert.ok(reversed.reversed_by, "the fine is reversed");
  assert.equal((await api.get(`/groups/${gid}/operations/${reversed.reversed_by}`)).reason, reason);
  await looksRight(page, lang, "69-reversed", shots);

  // A member leaves, from their page.
  const leaving = m[24];
  await page.goto(`${base}/#/g/${gid}/members/${leaving.id}`);
  await screen(page, "member");
  await looksRight(page, lang, "70-member-as-treasurer", shots);
  await page.click(`a[href="#/g/${gid}/record/member_exit?member_id=${leaving.id}"]`);
  await screen(page, "operation");
  assert.equal(await page.inputValue("#f-member_id"), String(leaving.id));
  await page.click("form button[type=submit]");
  await screen(page, "operation-record");
  assert.ok((await api.get(`/groups/${gid}/members/${leaving.id}`)).left_on, "the member has left");

  await page.goto(`${base}/#/g/${gid}/operations`);
  await screen(page, "history");
  assert.equal(await page.locator("a.entry").count(), (await api.get(`/groups/${gid}/operations?from=${isoDay(-30)}`)).items.length);
  await looksRight(page, lang, "71-history", shots);

  // The share-out: the preview, asked twice, then the seal large.
  await page.goto(`${base}/#/g/${gid}/share-out`);
  await screen(page, "share-out");
  assert.equal(await page.locator("table.report tbody tr").count(), 24, "every member still in the group");
  await page.click("form button.primary");
  await page.waitForSelector(".confirm:not([hidden])");
  await looksRight(page, lang, "72-share-out", shots);
  await page.click(".confirm button[type=submit]");
  await screen(page, "operation-record");
  const closed = (await api.get(`/groups/${gid}/periods`)).items.at(-1);
  assert.equal((await page.textContent(".seal-code")).replaceAll(" ", ""), closed.seal.code);
  assert.deepEqual(await page.$$eval(".seal-words li", (n) => n.map((x) => x.textContent)), lang === "km" ? closed.seal.words_km : closed.seal.words, "the seal words in the reader's language");
  assert.equal(await page.textContent(".flash"), t.share_out_done);
  await looksRight(page, lang, "73-share-out-seal", shots);

  // No open cycle now: the home says so, and a new one starts from the last one's rules.
  await page.goto(`${base}/#/g/${gid}`);
  await screen(page, "group");
  assert.ok((await page.textContent(".warnings")).includes(t.no_cycle_warning));
  await page.click(`a.button.big[href="#/g/${gid}/cycle/new"]`);
  await screen(page, "cycle-new");
  assert.equal(await page.inputValue("#f-fine_name_km_1"), "បំពានច្បាប់", "the fines of the last cycle");
  await looksRight(page, lang, "74-start-cycle", shots);
  assert.equal(await page.inputValue("#f-start"), isoDay(1), "the day after the share-out closed the books");
  await page.click("form button[type=submit]");
  await screen(page, "group");
  const cycles = (await api.get(`/groups/${gid}/cycles`)).items;
  assert.equal(cycles.at(-1).status, "open");
  assert.deepEqual(cycles.at(-1).fines.map((f) => f.code), ["late", "rule"]);
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  for (const lang of ["km", "en"]) {
    const set = await savingsGroup(base, lang);
    const api = await apiAs(base, ...set.logins.treasurer);
    const page = await signedInPage(browser, base, lang, ...set.logins.treasurer);
    await meeting(page, base, api, set, lang);
    await member(browser, base, set, lang);
    await treasurerRest(page, base, api, set, lang);
    noProblems(page, `${lang} treasurer`);
    await page.context().close();
    await api.context.dispose();
  }
  console.log("web UI savings-group screens on the real server: home, a 25-member meeting (a refusal naming the member, nothing saved), its record and print, the member's page and passbook, loans, a fine and its reversal, a member leaving, history, share-out and seal, a new cycle: ok");
});
