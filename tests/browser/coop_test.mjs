// A cooperative's screens against the real server, in Khmer and in English on a 360-px phone: for each
// language a rice cooperative is set up through the API (three members, share capital and an input sale on
// credit last year, no by-laws); then its treasurer, from the group's home, records paddy bought from a
// member (kg × price shown as typed) and sold to a mill in dollars (the rate asked, the riel it comes to
// shown, only dollar boxes offered), sets the by-laws, previews the year end and closes the year, and sees
// the seal in their language; the member who sold the paddy sees it and their patronage refund; the annual
// report shows the year's figures and seal, prints on A4 (page.pdf) and downloads as CSV.
//
//   node tests/browser/coop_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  readArguments, texts, withServerAndBrowser, apiAs, screen, looksRight, noProblems, printed, shown, signedInPage,
} from "./lib.mjs";

const options = readArguments("coop_test.mjs");
const T = texts(options.webRoot);
const shots = options.screenshots;
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => vars[k]);
const year = new Date().getFullYear() - 1;  // the year the test closes: it ended before today
const day = (md) => `${year}-${md}`;

// The cooperative as its books stand before the treasurer starts, set up as the admin.
async function cooperative(base, tag) {
  const admin = await apiAs(base, "admin", "samaki-admin");
  const g = await admin.post("/groups", { name: `Svay Rieng Rice ${tag}`, name_km: "សហគមន៍កសិកម្មស្រូវស្វាយរៀង", kind: "agri_cooperative", currency: "KHR" });
  const people = [];
  for (const [name, name_km] of [["Chan Vanna", "ចាន់ វណ្ណា"], ["Kim Sophea", "គីម សុភា"], ["Sok Dara", "សុខ ដារា"]])
    people.push(await admin.post(`/groups/${g.id}/members`, { name, name_km, gender: "female", joined_on: day("01-01") }));
  const logins = { treasurer: [`coop_treasurer_${tag}`, "treasurer-password"], member: [`coop_member_${tag}`, "member-password"] };
  await admin.post("/users", { username: logins.treasurer[0], password: logins.treasurer[1], display_name: "Treasurer", role: "treasurer", group_ids: [g.id] });
  // The member who will sell the paddy.
  await admin.post("/users", { username: logins.member[0], password: logins.member[1], display_name: people[1].name, role: "member", group_ids: [g.id], member_id: people[1].id });
  const op = (body) => admin.post(`/groups/${g.id}/operations`, body);
  await op({ type: "share_capital", date: day("01-10"), member_id: people[0].id, amount: "1000000", direction: "buy" });
  await op({ type: "share_capital", date: day("01-10"), member_id: people[1].id, amount: "500000", direction: "buy" });
  await op({ type: "input_purchase", date: day("02-01"), supplier: "Shop", item: "urea", quantity: "20", unit: "bag", amount: "600000" });
  await op({ type: "input_sale", date: day("03-01"), member_id: people[0].id, item: "urea", quantity: "8", unit: "bag", amount: "300000", cost: "200000", on_credit: true });
  await admin.context.dispose();
  return { group: g, people, logins };
}

// Saves the form and waits for the record; a refusal fails the test with what the form said. The button is
// scrolled to by the page itself first: after a full-page screenshot of a long form, Chromium's click on it
// otherwise did not reach it.
async function save(page) {
  const button = page.locator("form button[type=submit]");
  await button.evaluate((node) => node.scrollIntoView({ block: "center" }));
  await button.click();
  const refusal = "form .error, form .field-error:not([hidden])";
  await page.waitForFunction((bad) => document.querySelector(bad)
    || (document.body.dataset.screen === "operation-record" && document.body.dataset.state === "ready"), refusal, { timeout: 10_000 });
  if (await page.locator(refusal).count()) assert.fail(`refused: ${await page.textContent(refusal)}`);
}

const balance = async (api, gid, code) => (await api.get(`/groups/${gid}/accounts`)).items.find((a) => a.code === code).balance;
const lines = (page, selector) => page.$$eval(selector, (n) => n.map((x) => x.textContent));

// The home, paddy bought from a member and sold in dollars.
async function trade(page, api, set, lang) {
  const t = T[lang];
  const gid = set.group.id;
  await page.click("a.group-card");
  await screen(page, "group");
  const steps = await page.textContent(".warnings");
  assert.ok(steps.includes(t.bylaws_not_set) && steps.includes(fill(t.year_not_closed, { year })), "what to do next: the by-laws, last year's close");
  assert.ok((await lines(page, ".tile-value")).includes(shown(await balance(api, gid, "1010"))), "the cash in riel");
  assert.ok((await lines(page, ".tile-value")).includes(shown("0", "USD")), "and in dollars");
  await looksRight(page, lang, "90-coop-home", shots);

  // Paddy bought from a member on credit: 1,000 kg at 1,000 riel, the total shown as it is typed.
  await page.click(`a.button.big[href="#/g/${gid}/record/produce_purchase"]`);
  await screen(page, "operation");
  await page.fill("#f-date", day("11-01"));
  await page.selectOption("#f-member_id", String(set.people[1].id));
  await page.fill("#f-crop", lang === "km" ? "ស្រូវ" : "paddy");
  await page.fill("#f-quantity_kg", "1,000");
  await page.fill("#f-price_per_kg", "1000");
  await page.selectOption("#f-on_credit", "true");  // paid later: the cash box holds less
  assert.equal(await page.textContent(".live-sum"), fill(t.kg_times_price, { kg: "1,000", price: shown("1000"), total: shown("1000000") }));
  await looksRight(page, lang, "91-produce-purchase", shots);
  await save(page);
  assert.equal(await balance(api, gid, "5020"), "1000000.00", "the paddy bought, in the books");

  // Sold to the mill in dollars: the rate is asked, the riel shown, only the dollar box offered.
  await page.goto(page.url().replace(/#.*/, `#/g/${gid}`));
  await screen(page, "group");
  await page.click(`a.button.big[href="#/g/${gid}/record/produce_sale"]`);
  await screen(page, "operation");
  assert.ok(await page.locator("#f-rate").isHidden(), "no rate for a sale in riel");
  await page.fill("#f-date", day("11-05"));
  await page.fill("#f-crop", lang === "km" ? "ស្រូវ" : "paddy");
  await page.fill("#f-quantity_kg", "1000");
  await page.fill("#f-buyer", "Mill");
  await page.selectOption("#f-currency", "USD");
  await page.fill("#f-price_per_kg", "0.35");
  await page.fill("#f-rate", "4,000");
  assert.ok(await page.locator("#f-rate").isVisible(), "the rate is asked for dollars");
  assert.deepEqual(await page.$$eval("#f-via option:not([hidden])", (n) => n.map((x) => x.value)), ["", "1011"], "only the dollar box");
  assert.ok((await page.textContent("label[for=f-price_per_kg]")).endsWith("($)"), "the price is in dollars");
  assert.deepEqual(await lines(page, ".live-sum span"), [
    fill(t.kg_times_price, { kg: "1,000", price: "$0.35", total: "$350.00" }),
    fill(t.at_rate_comes_to, { one: "$1.00", rate: shown("4000"), amount: shown("1400000") })]);
  await looksRight(page, lang, "92-produce-sale-dollars", shots);
  await save(page);
  assert.deepEqual([await balance(api, gid, "1011"), await balance(api, gid, "4020")], ["350.00", "1400000.00"], "dollars in the box, riel in the income");
  await looksRight(page, lang, "93-produce-sale-record", shots);
}

// The by-laws, then the year end: previewed, closed, the seal in the treasurer's language.
async function yearEnd(page, api, set, lang) {
  const t = T[lang];
  const gid = set.group.id;
  await page.goto(page.url().replace(/#.*/, `#/g/${gid}/bylaws`));
  await screen(page, "bylaws");
  await page.fill("#f-effective_from", day("01-01"));
  for (const [name, value] of [["reserve_percent", "10"], ["education_percent", "5"], ["dividend_cap_percent", "8"], ["patronage_percent", "30"], ["patronage_cash_percent", "40"]])
    await page.fill(`#f-${name}`, value);
  await page.click("form button[type=submit]");
  await page.waitForSelector(".bylaws-history li");
  await screen(page, "bylaws");
  const bylaws = await api.get(`/groups/${gid}/bylaws`);
  assert.deepEqual([bylaws.current.effective_from, bylaws.current.reserve_percent, bylaws.current.patronage_cash_percent], [day("01-01"), "10", "40"]);
  await looksRight(page, lang, "94-bylaws", shots);

  await page.goto(page.url().replace(/#.*/, `#/g/${gid}`));
  await screen(page, "group");
  await page.click(`.warnings a[href="#/g/${gid}/year-end?year=${year}"]`);
  await screen(page, "year-end");
  // The preview as of a day of the year, as if the year ended then: through 30 June only the input sale
  // (300,000 less its cost of 200,000); the year cannot be closed from it. Then back to the whole year.
  await page.fill("#f-as_of", day("06-30"));
  await page.click("form.inline button[type=submit]");
  await page.waitForURL(/as_of=/);
  await screen(page, "year-end");
  const june = await api.get(`/groups/${gid}/reports/appropriation?year=${year}&dividend_percent=0&as_of=${day("06-30")}`);
  assert.equal(june.surplus, "100000.00");
  assert.ok((await page.textContent("p.lead")).startsWith(t.year_end_preview_as_of.split("{date}")[0]), "said to be a preview as of that day");
  assert.equal((await lines(page, ".appropriation li strong"))[0], shown(june.surplus), "the surplus through 30 June");
  assert.equal(await page.locator("form.card button.primary").count(), 0, "no close from a preview as of a day before 31 December");
  const juneCsv = await page.request.get(new URL(await page.getAttribute("a[download]", "href"), page.url()).href);
  assert.ok((await juneCsv.text()).includes("\nsurplus,,100000.00"), "the preview as of that day as CSV");
  await looksRight(page, lang, "95a-year-end-preview-as-of", shots);
  await page.click(`a[href="#/g/${gid}/year-end?year=${year}&dividend_percent=0"]`);
  await page.waitForURL((url) => !url.href.includes("as_of"));
  await screen(page, "year-end");
  await page.fill("#f-dividend_percent", "5");
  await page.click("form.inline button[type=submit]");
  await page.waitForURL(/dividend_percent=5/);
  await screen(page, "year-end");
  // Worked by hand: income 300,000 + 1,400,000 less costs 200,000 + 1,000,000 is a surplus of 500,000.
  const preview = await api.get(`/groups/${gid}/reports/appropriation?year=${year}&dividend_percent=5`);
  assert.equal(preview.surplus, "500000.00");
  assert.deepEqual(await lines(page, ".appropriation li strong"),
    [preview.surplus, preview.reserve, preview.education, preview.dividends, preview.patronage_pool, preview.total, preview.left_over].map((v) => shown(v)));
  assert.equal(await page.locator("table.appropriation-members tbody tr").count(), preview.members.length, "a row per member with capital or business");
  await looksRight(page, lang, "95-year-end-preview", shots);

  await page.click("form.card button.primary");
  assert.equal(await page.textContent(".confirm .warn"), fill(t.close_year_warning, { year }));
  await page.click(".confirm button[type=submit]");
  await screen(page, "operation-record");
  const seal = (await api.get(`/groups/${gid}/periods`)).items.find((p) => p.through === `${year}-12-31`).seal;
  assert.equal((await page.textContent(".seal-code")).replaceAll(" ", ""), seal.code);
  assert.deepEqual(await lines(page, ".seal-words li"), lang === "km" ? seal.words_km : seal.words, "the seal words in the treasurer's language");
  assert.equal(await page.textContent(".flash"), t.year_closed);
  await looksRight(page, lang, "96-year-end-seal", shots);
  return { preview, seal };
}

// The member who sold the paddy: the sale, and their patronage refund.
async function member(browser, base, set, lang, preview) {
  const t = T[lang];
  const gid = set.group.id;
  const me = set.people[1];
  const page = await signedInPage(browser, base, lang, ...set.logins.member);
  await page.click("a.group-card");
  await screen(page, "member");
  const mine = preview.members.find((m) => m.member_id === me.id);
  assert.notEqual(mine.refund, "0.00", "the worked year gives this member a refund");
  const tiles = await lines(page, ".tile-value");
  assert.equal(tiles[0], shown("500000"), "share capital");
  assert.ok(tiles.includes(shown(mine.refund)), "the patronage refund given");
  assert.ok(tiles.includes(shown(mine.dividend)), "the dividend given");
  assert.ok(tiles.includes(shown(String(1000000 + Number(mine.refund_cash) + Number(mine.dividend)))), "what the cooperative owes: the paddy, the refund in cash, the dividend");
  const sold = await page.textContent(".trades li:first-child");
  assert.ok([t["trade.sold"], `1,000 ${t.kg}`, shown("1000000")].every((part) => sold.includes(part)), `the paddy they sold: ${sold}`);
  await looksRight(page, lang, "97-coop-member", shots);
  noProblems(page, `${lang} member`);
  await page.context().close();
}

// The annual report: the year's figures and seal, on A4 and as CSV.
async function annual(page, api, set, lang, seal) {
  const t = T[lang];
  const gid = set.group.id;
  await page.goto(page.url().replace(/#.*/, `#/g/${gid}`));
  await screen(page, "group");
  await page.click(`a.button.action[href="#/g/${gid}/annual"]`);
  await screen(page, "annual");
  const report = await api.get(`/groups/${gid}/reports/annual?year=${year}`);
  assert.equal(report.closed, true);
  assert.equal(await page.textContent(".report-seal code"), seal.code.replace(/(.{4})(?=.)/g, "$1 "));
  assert.ok((await page.textContent("#view")).includes(shown(report.income_statement.currencies[0].net_result)), "the net result");
  assert.equal(await page.locator("table.appropriation-members tbody tr").count(), report.patronage.length, "patronage per member");
  assert.equal(await page.textContent("h2"), fill(t.annual_report_of, { year }));
  await looksRight(page, lang, "98-annual-report", shots);
  await printed(page, `${lang}-annual-report`, shots);
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
  assert.ok(pdf.length > 10_000 && pages >= 1, "the annual report prints as a PDF");
  console.log(`${lang}: the annual report prints on ${pages} A4 page(s), ${pdf.length} bytes`);
  if (shots) writeFileSync(join(shots, `${lang}-annual-report.pdf`), pdf);
  const csv = await page.request.get(new URL(await page.getAttribute("a[download]", "href"), page.url()).href);
  assert.equal(csv.status(), 200);
  assert.ok(csv.headers()["content-type"].startsWith("text/csv"), "the CSV download");
  assert.ok((await csv.text()).startsWith("section,"), "the annual report's CSV");
}

// A joint-task committee: labour with work days, a harvest sold by kg, the surplus allocated by the
// committee's decision (village fund, members by work days), and the harvest report on A4.
async function committee(browser, base, lang) {
  const t = T[lang];
  const admin = await apiAs(base, "admin", "samaki-admin");
  const g = await admin.post("/groups", { name: `Kamen Cashew ${lang}`, name_km: "គណៈកម្មការស្វាយចន្ទីកាមែន", kind: "joint_task", currency: "KHR" });
  const people = [];
  for (const [name, name_km] of [["Ros Phalla", "រស់ ផល្លា"], ["Meas Sokha", "មាស សុខា"], ["Touch Nary", "ទូច ណារី"]])
    people.push(await admin.post(`/groups/${g.id}/members`, { name, name_km, gender: "female", joined_on: day("01-01") }));
  const login = [`committee_treasurer_${lang}`, "treasurer-password"];
  await admin.post("/users", { username: login[0], password: login[1], display_name: "Treasurer", role: "treasurer", group_ids: [g.id] });
  const memberLogin = [`committee_member_${lang}`, "member-password"];
  await admin.post("/users", { username: memberLogin[0], password: memberLogin[1], display_name: people[0].name, role: "member", group_ids: [g.id], member_id: people[0].id });
  const page = await signedInPage(browser, base, lang, ...login);
  await page.click("a.group-card");
  await screen(page, "group");

  // Harvest first (the labour is paid from it), then the labour with each member's days.
  await page.click(`a.button.big[href="#/g/${g.id}/record/harvest_sale"]`);
  await screen(page, "operation");
  await page.fill("#f-crop", lang === "km" ? "ស្វាយចន្ទី" : "cashew");
  await page.fill("#f-quantity_kg", "1000");
  await page.fill("#f-price_per_kg", "2500");
  await page.fill("#f-buyer", "Trader");
  assert.equal(await page.textContent(".live-sum"), fill(t.kg_times_price, { kg: "1,000", price: shown("2500"), total: shown("2500000") }));
  await save(page);
  await page.goto(page.url().replace(/#.*/, `#/g/${g.id}/record/expense`));
  await screen(page, "operation");
  await page.selectOption("#f-account", "5010");
  await page.fill("#f-amount", "300,000");
  await page.click("details.member-rows summary");
  await page.fill(`#f-work_days\\.${people[0].id}`, "3");
  await page.fill(`#f-work_days\\.${people[1].id}`, "1");
  await looksRight(page, lang, "99-labour-work-days", shots);
  await save(page);

  // The home asks for the allocation of 2,200,000 riel; the decision shares it.
  await page.goto(page.url().replace(/#.*/, `#/g/${g.id}`));
  await screen(page, "group");
  assert.ok((await page.textContent(".warnings")).includes(fill(t.surplus_to_allocate, { amount: shown("2200000") })));
  await page.click(`.warnings a[href="#/g/${g.id}/record/allocation"]`);
  await screen(page, "operation");
  // What the committee may share is on the form before anything is typed, from the ledger.
  await page.waitForSelector(".surplus .lead strong");
  assert.equal(await page.textContent(".surplus .lead strong"), shown("2200000"), "the surplus available");
  await page.fill("#f-decision", "Minute book p. 3");
  // More than the surplus: said as it is typed, and refused with the limit when sent anyway.
  await page.fill("#f-village_fund", "2300000");
  page.expect([`422 /api/v1/groups/${g.id}/operations`]);
  assert.equal(await page.textContent(".surplus p.error"), fill(t.allocation_over, { amount: shown("100000") }));
  await page.click("form button[type=submit]");
  await page.waitForSelector(".form-status .error");
  assert.equal(await page.textContent(".form-status .error"),
    fill(t["error.insufficient_funds.surplus"], { value: shown("2300000"), limit: shown("2200000") }), "refused above the surplus");
  await page.fill("#f-village_fund", "500000");
  await page.fill("#f-members\\.amount", "1200000");
  await page.selectOption("#f-members\\.split", "work_days");
  await page.fill("#f-members\\.from", `${year + 1}-01-01`);
  await page.fill("#f-members\\.to", await page.inputValue("#f-date"));
  assert.equal(await page.textContent(".surplus p:last-child"), fill(t.allocation_leaves, { amount: shown("500000") }), "what the split leaves");
  await looksRight(page, lang, "9a-allocation", shots);
  await save(page);
  const api = await apiAs(base, ...login);
  const owed = async (m) => (await api.get(`/groups/${g.id}/members/${m.id}/statement`)).accounts.find((a) => a.code === "2020")?.closing;
  assert.deepEqual([await owed(people[0]), await owed(people[1]), await owed(people[2])], ["900000.00", "300000.00", undefined], "shared by work days, 3 : 1");

  await page.goto(page.url().replace(/#.*/, `#/g/${g.id}`));
  await screen(page, "group");
  await page.click(`a.button.action[href="#/g/${g.id}/harvest"]`);
  await screen(page, "harvest");
  assert.equal(await page.locator(".report-part table.report tbody tr").filter({ hasText: shown("900000") }).count(), 1, "the member's share in the harvest report");
  await looksRight(page, lang, "9b-harvest-report", shots);
  await printed(page, `${lang}-harvest-report`, shots);

  // The treasurer pays one member; each member's page shows their work days, share, paid and owed.
  const allocated = (await api.get(`/groups/${g.id}/operations?type=allocation`)).items.at(-1);
  await api.post(`/groups/${g.id}/operations`, { type: "pay_distribution", date: allocated.date, member_id: people[1].id });
  await page.goto(page.url().replace(/#.*/, `#/g/${g.id}/members/${people[1].id}`));
  await screen(page, "member");
  assert.deepEqual(await lines(page, ".tile-value"), [shown("0"), shown("300000"), shown("300000")], "owed, given, paid");
  assert.deepEqual(await lines(page, "table.member-harvests tbody td.num"), ["1", shown("300000")], "one day, its share");
  await looksRight(page, lang, "9c-committee-member-treasurer", shots);
  noProblems(page, `${lang} committee`);
  await page.context().close();

  const mine = await signedInPage(browser, base, lang, ...memberLogin);
  await mine.click("a.group-card");
  await screen(mine, "member");
  assert.equal(await mine.textContent("h3"), t.my_harvests);
  assert.deepEqual(await lines(mine, ".tile-value"), [shown("900000"), shown("900000"), shown("0")], "owed to me, given, paid");
  assert.deepEqual(await lines(mine, "table.member-harvests tbody td.num"), ["3", shown("900000")], "my three days and my share");
  assert.ok((await mine.textContent("table.member-harvests")).includes("Minute book p. 3"), "the committee's decision");
  await looksRight(mine, lang, "9d-committee-member", shots);
  noProblems(mine, `${lang} committee member`);
  await mine.context().close();
  await api.context.dispose();
  await admin.context.dispose();
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  for (const lang of ["km", "en"]) {
    const set = await cooperative(base, lang);
    const api = await apiAs(base, ...set.logins.treasurer);
    const page = await signedInPage(browser, base, lang, ...set.logins.treasurer);
    await trade(page, api, set, lang);
    const { preview, seal } = await yearEnd(page, api, set, lang);
    await member(browser, base, set, lang, preview);
    await annual(page, api, set, lang, seal);
    noProblems(page, `${lang} treasurer`);
    await page.context().close();
    await api.context.dispose();
    await committee(browser, base, lang);
  }
  console.log("web UI cooperative screens on the real server: home, paddy bought by kg and sold in dollars at a rate, by-laws, year-end preview and close with its seal, the member's sale and patronage refund, the annual report printed and as CSV; a committee's harvest, labour by work days, allocation and harvest report: ok");
});
