// Every screen of the web UI as a treasurer, a member and a field officer use it on a small phone, in
// Khmer and in English: Debian's Chromium, driven by playwright-core, against a real
// `samaki serve --demo`. Groups and members are looked up through the API, not assumed. Each screen is
// checked for 44 px touch targets and (in Khmer) for English left on it, and photographed.
//
//   node tests/browser/ui_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  readArguments, texts, withServerAndBrowser, apiAs, phonePage, screen, signIn, looksRight, noProblems, printed, shown, isoDay,
  uiTransferred,
} from "./lib.mjs";

const options = readArguments("ui_test.mjs");
const T = texts(options.webRoot);

const localName = (lang, thing) => (lang === "km" && thing.name_km ? thing.name_km : thing.name);
// The last day of the month of the day after `iso` (YYYY-MM-DD).
const monthEndAfter = (iso) => {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

// The one formatting module, in the page: riel, dollars, Khmer digits and dates as khmer.md writes them.
async function checkFormatting(page, lang) {
  const got = await page.evaluate(async () => {
    const f = await import("/format.js");
    const i18n = await import("/i18n.js");
    const sample = () => [f.money("55000.00", "KHR"), f.money("-300.50", "KHR"), f.money("12.5", "USD"),
      f.money("15000", "KHR", { sign: true }), f.date("2026-01-05"), f.addAmounts(["0.10", "0.20", "-1"])];
    const plain = sample();
    i18n.setSetting("khmer_digits", true);
    const khmer = sample();
    i18n.setSetting("khmer_digits", false);
    return { plain, khmer };
  });
  const date = lang === "km" ? "ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៦" : "5 Jan 2026";
  assert.deepEqual(got.plain, ["55,000 ៛", "-300.50 ៛", "$12.50", "+15,000 ៛", date, "-0.70"]);
  if (lang === "km") assert.deepEqual(got.khmer, ["៥៥,០០០ ៛", "-៣០០.៥០ ៛", "$១២.៥០", "+១៥,០០០ ៛", date, "-0.70"]);
}

async function texts$(page, selector) {
  return page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent.trim()));
}

async function treasurer(browser, base, lang, shots, api, vsla) {
  const t = T[lang];
  const page = await phonePage(browser, lang);
  const snap = (name) => looksRight(page, lang, name, shots);
  page.expect(["401 /api/v1/auth/login"]);

  await page.goto(base + "/");
  await screen(page, "signin");
  assert.equal(await page.getAttribute("html", "lang"), lang);
  assert.equal(await page.textContent("#view h2"), t.sign_in);
  await snap("01-sign-in");
  await checkFormatting(page, lang);
  await signIn(page, "treasurer", "wrong password");
  await page.waitForSelector(".form-status .error");
  assert.equal(await page.textContent(".form-status .error"), t["error.sign_in.unauthenticated"]);
  await snap("02-sign-in-refused");

  // The demo's entries were all made by operations, which are reversed from the operation; a correction
  // the treasurer posts by hand is reversed on its own, below.
  await api.post(`/groups/${vsla.id}/entries`, { date: isoDay(0), memo: lang === "km" ? "ប្រាក់លើសពីការរាប់" : "Cash found over the count",
    lines: [{ account: "1010", debit: "500" }, { account: "4030", credit: "500" }] });
  await signIn(page, "treasurer", "samaki-treasurer");
  await screen(page, "groups");
  const cards = await texts$(page, "a.group-card strong");
  assert.deepEqual(cards, [localName(lang, vsla)], "a treasurer sees their own group only");
  await snap("03-my-groups");

  if (lang === "km") {
    // Khmer digits, a setting of the phone.
    await page.click("footer .setting");
    await page.click("a.group-card");
    await screen(page, "group");
    const tiles = await texts$(page, ".tile-value");
    assert.ok(tiles.every((v) => /^[០-៩,]+ ៛$/.test(v)), `Khmer digits: ${tiles}`);
    await snap("04-group-home-khmer-digits");
    await page.goBack();
    await screen(page, "groups");
    await page.click("footer .setting");
  }

  // The group's home: cash in each box, no open cycle yet (the demo group), and the latest entries newest
  // first, read when opened.
  await page.click("a.group-card");
  await screen(page, "group");
  assert.equal(await page.textContent("#view h2"), localName(lang, vsla));
  const accounts = (await api.get(`/groups/${vsla.id}/accounts`)).items;
  const cash = accounts.filter((a) => a.type === "asset" && /^10\d\d$/.test(a.code));
  assert.deepEqual(await texts$(page, ".tile-value"), cash.map((a) => shown(a.balance, a.currency)));
  assert.equal(await page.textContent(".warnings"), t.no_cycle_warning);
  const latest = (await api.get(`/groups/${vsla.id}/entries?latest=20`)).items.reverse();
  await page.click("details.lazy summary");
  await page.waitForSelector("details.lazy a.entry");
  const linked = await page.$$eval("a.entry", (links) => links.map((a) => Number(a.getAttribute("href").split("/").pop())));
  assert.deepEqual(linked, latest.map((e) => e.id), "latest entries, newest first");
  await snap("05-group-home");

  // Members, and adding one: first the missing name, shown next to its field.
  await page.click(`a.action[href="#/g/${vsla.id}/members"]`);
  await screen(page, "members");
  const before = (await api.get(`/groups/${vsla.id}/members`)).items;
  assert.equal(await page.locator("a.member-card").count(), before.length);
  await snap("06-members");
  await page.click(`a[href="#/g/${vsla.id}/members/new"]`);
  await screen(page, "member-new");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-family_name_km-error:not([hidden])");
  assert.equal(await page.textContent("#f-family_name_km-error"), t.required);
  assert.equal(await page.getAttribute("#f-family_name_km", "aria-invalid"), "true");
  await page.fill("#f-phone", "12ab");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-phone-error:not([hidden])");
  await snap("07-add-member-invalid");
  // Family and given names apart, in both scripts; the whole names are written family name first.
  const parts = lang === "km" ? ["ញឹម", "ចិន្ដា", "Nhem", "Chenda"] : ["កែវ", "បុប្ផា", "keo", "Bopha"];
  const person = lang === "km" ? { name: "NHEM Chenda", name_km: "ញឹម ចិន្ដា" } : { name: "KEO Bopha", name_km: "កែវ បុប្ផា" };
  for (const [i, key] of ["family_name_km", "given_name_km", "family_name", "given_name"].entries()) await page.fill(`#f-${key}`, parts[i]);
  for (const code of [lang === "km" ? "en" : "km", lang]) {
    await page.click("#language");  // the form is drawn again in the other language, with what was typed
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    assert.equal(await page.textContent("label[for=f-phone]"), T[code].phone);
    assert.equal(await page.inputValue("#f-given_name"), parts[3]);
  }
  await page.fill("#f-phone", "012 345 678");
  await page.check("input[name=gender][value=female]");
  await page.click("form button[type=submit]");
  await screen(page, "members");
  assert.ok((await page.textContent(".flash")).includes(localName(lang, person)));
  const after = (await api.get(`/groups/${vsla.id}/members`)).items;
  const added = after.find((m) => m.name === person.name);
  assert.ok(added && added.name_km === person.name_km && added.phone === "012 345 678" && added.gender === "female");
  assert.deepEqual([added.family_name_km, added.given_name_km, added.family_name, added.given_name], parts);
  assert.equal(await page.locator("a.member-card").count(), before.length + 1);
  await snap("08-member-added");

  // A member's page, as the treasurer reads it.
  const sokha = before.find((m) => m.name === "Sokha Chan") || before[0];
  await page.click(`a.member-card[href="#/g/${vsla.id}/members/${sokha.id}"]`);
  await screen(page, "member");
  assert.equal(await page.textContent("#view h2"), localName(lang, sokha));
  const statement = await api.get(`/groups/${vsla.id}/members/${sokha.id}/statement`);
  const shares = statement.accounts.find((a) => a.code === "3010");
  assert.equal(await page.textContent(".tile-value"), shown(shares.closing, "KHR"));
  await snap("09-member-page");
  await printed(page, `${lang}-member-statement`, shots);

  // An entry, and its reversal with a reason.
  await page.goto(`${base}/#/g/${vsla.id}`);
  await screen(page, "group");
  const target = latest.find((e) => !e.reverses && !e.reversed_by && !e.operation_id);
  await page.click("details.lazy summary");
  await page.click(`a.entry[href="#/g/${vsla.id}/entries/${target.id}"]`);
  await screen(page, "entry");
  assert.equal(await page.locator("table.lines tbody tr").count(), target.lines.length);
  await snap("10-entry");
  await page.click("a.button.danger");
  await screen(page, "reverse");
  await page.click("form button[type=submit]");
  await page.waitForSelector("#f-reason-error:not([hidden])");
  await snap("11-reverse-form");
  const reason = lang === "km" ? "កត់ត្រាខុស" : "recorded twice";
  await page.fill("#f-reason", reason);
  await page.click("form button[type=submit]");
  await page.waitForSelector(".flash");
  await screen(page, "entry");
  const original = await api.get(`/groups/${vsla.id}/entries/${target.id}`);
  assert.ok(original.reversed_by, "the entry is reversed");
  assert.ok(page.url().endsWith(`/entries/${original.reversed_by}`), "the new entry is shown");
  const reversal = await api.get(`/groups/${vsla.id}/entries/${original.reversed_by}`);
  assert.equal(reversal.memo, reason);
  assert.equal(reversal.reverses, target.id);
  assert.equal(await page.locator(`.note a[href="#/g/${vsla.id}/entries/${target.id}"]`).count(), 1, "links the entry it reverses");
  await snap("12-reversed");
  await page.click(`.note a[href="#/g/${vsla.id}/entries/${target.id}"]`);
  await screen(page, "entry");
  assert.equal(await page.locator("a.button.danger").count(), 0, "an entry is reversed once");

  // Closing a period: asked twice, then the seal large, then checked.
  await page.goto(`${base}/#/g/${vsla.id}/periods`);
  await screen(page, "periods");
  await snap("13-periods");
  // The end of the month after the last period closed (the demo group's share-out closed its cycle).
  const closedBefore = (await api.get(`/groups/${vsla.id}/periods`)).items.filter((p) => !p.reopened_at).map((p) => p.through).sort();
  const through = monthEndAfter(closedBefore.at(-1));
  await page.fill("#f-through", through);
  await page.selectOption("#f-kind", "month");
  await page.click("form button.primary");
  await page.waitForSelector(".confirm:not([hidden])");
  await snap("14-close-confirm");
  await page.click(".confirm button[type=submit]");
  await screen(page, "seal");
  const periods = (await api.get(`/groups/${vsla.id}/periods`)).items;
  const closed = periods.find((p) => p.through === through);
  assert.equal((await page.textContent(".seal-code")).replaceAll(" ", ""), closed.seal.code);
  assert.deepEqual(await texts$(page, ".seal-words li"), lang === "km" ? closed.seal.words_km : closed.seal.words, "the seal words in the reader's language");
  await snap("15-seal");

  await page.click(`a[href^="#/g/${vsla.id}/verify?seal="]`);
  await screen(page, "verify");
  assert.equal(await page.locator(".verdict.good").count(), 2, "the chain is whole and passes the seal");
  await snap("16-verify-seal");
  await page.fill("#f-seal", "AAAA BBBB CCCC");
  await page.click("form button[type=submit]");
  await page.waitForURL(/seal=AAAA/);
  await screen(page, "verify");
  assert.equal(await page.locator(".verdict.bad").count(), 1, "a wrong seal does not match");

  // The trial balance, its totals and its CSV.
  await page.goto(`${base}/#/g/${vsla.id}/trial-balance`);
  await screen(page, "trial-balance");
  const totals = await texts$(page, "tr.total td.num");
  assert.equal(totals[0], totals[1], "debits equal credits");
  const csv = await page.request.get(base + (await page.getAttribute("a[download]", "href")));
  assert.match(csv.headers()["content-type"], /text\/csv/);
  assert.match(await csv.text(), /^currency,code,name/);
  await snap("17-trial-balance");
  await printed(page, `${lang}-trial-balance`, shots);

  // The language switch redraws the same screen.
  await page.click("#language");
  const other = lang === "km" ? "en" : "km";
  await page.waitForFunction((code) => document.documentElement.lang === code, other);
  assert.equal(await page.textContent("#view h2"), T[other].trial_balance);
  await page.click("#language");
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
  noProblems(page, `${lang} treasurer`);
  // The whole UI came over the wire in well under 200 KB, compressed: every module, the stylesheet, both
  // languages' texts (the service worker keeps the other one for a switch with no network), the worker's
  // filling of its cache (304s for what the page had just fetched) and the revalidations of each screen's
  // reloads above. No font is shipped.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const wire = await uiTransferred(page);
  const decoded = [...page.uiBytes].filter(([path]) => path !== `/i18n/${other}.json`).reduce((a, [, b]) => a + b, 0);
  assert.ok(wire.bytes < 200_000, `the UI is ${wire.bytes} bytes on the wire`);
  assert.ok(![...page.uiBytes.keys()].some((path) => /\.(woff2?|ttf|otf)$/.test(path)), "no fonts");
  console.log(`${lang}: the UI came to ${wire.bytes} bytes transferred (${wire.requests} responses), ${decoded} bytes decoded (${page.uiBytes.size} files)`);
  await page.context().close();
}

async function member(browser, base, lang, shots) {
  const page = await phonePage(browser, lang);
  const api = await apiAs(base, "sokha", "samaki-sokha");
  const me = await api.get("/me");
  const gid = me.user.group_ids[0];
  const own = await api.get(`/groups/${gid}/members/${me.user.member_id}`);
  const statement = await api.get(`/groups/${gid}/members/${me.user.member_id}/statement`);
  await page.goto(base + "/");
  await screen(page, "signin");
  await signIn(page, "sokha", "samaki-sokha");
  await screen(page, "groups");
  await page.click("a.group-card");
  await screen(page, "member");
  assert.equal(await page.textContent("#view h2"), localName(lang, own), "a member sees their own name");
  const [savings, loan] = await texts$(page, ".tile");
  assert.ok(savings.startsWith(T[lang].my_savings) && loan.startsWith(T[lang].my_loan));
  assert.equal(await page.textContent(".tile-value"), shown(statement.accounts.find((a) => a.code === "3010").closing, "KHR"));
  assert.equal(await page.locator(".tile-label:text-matches('^[0-9]')").count(), 0, "no account codes");
  await looksRight(page, lang, "20-member-own-page", shots);
  // The group's books are not a member's screen: they land on their own page.
  await page.goto(`${base}/#/g/${gid}`);
  await page.waitForURL(new RegExp(`#/g/${gid}/members/${me.user.member_id}$`));
  await screen(page, "member");
  await page.click(`a.button[href="#/g/${gid}/verify"]`);
  await screen(page, "verify");
  await looksRight(page, lang, "21-member-verify", shots);
  noProblems(page, `${lang} member`);
  await page.context().close();
  await api.context.dispose();
}

// A field officer audits several groups and writes nothing.
async function staff(browser, base, lang, shots) {
  const page = await phonePage(browser, lang);
  const api = await apiAs(base, "field", "samaki-field");
  const groups = (await api.get("/groups")).items;
  await page.goto(base + "/");
  await screen(page, "signin");
  await signIn(page, "field", "samaki-field");
  await screen(page, "groups");
  assert.equal(await page.locator("a.group-card").count(), groups.length);
  await looksRight(page, lang, "30-staff-groups", shots);
  const coop = groups.find((g) => g.kind === "agri_cooperative");
  await page.click(`a.group-card[href="#/g/${coop.id}"]`);
  await screen(page, "group");
  await looksRight(page, lang, "31-staff-cooperative", shots);
  // A cooperative's home lists its operations; staff may open one but not reverse it.
  await page.click("a.entry");
  await screen(page, "operation-record");
  assert.equal(await page.locator("a.button.danger").count(), 0, "staff cannot reverse");
  await page.goto(`${base}/#/g/${coop.id}/members`);
  await screen(page, "members");
  assert.equal(await page.locator(`a[href$="/members/new"]`).count(), 0, "staff cannot add members");
  noProblems(page, `${lang} staff`);
  await page.context().close();
  await api.context.dispose();
}

// index.html preloads every module (one round of requests on a slow network, not one per import level).
const modules = ["", "screens/"].flatMap((dir) => readdirSync(join(options.webRoot, dir)).filter((f) => f.endsWith(".js")).map((f) => "/" + dir + f));
const preloaded = [...readFileSync(join(options.webRoot, "index.html"), "utf8").matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
// (app.js is the page's own script; sw.js, the service worker, is not a module of the page.)
assert.deepEqual(modules.filter((m) => m !== "/app.js" && m !== "/sw.js").sort(), preloaded.sort(), "index.html preloads every module");

// Both languages have every text.
const missing = (from, to) => Object.keys(from).filter((key) => !(key in to));
assert.deepEqual(missing(T.km, T.en), [], "texts missing in en.json");
assert.deepEqual(missing(T.en, T.km), [], "texts missing in km.json");

await withServerAndBrowser(options, async ({ base, browser }) => {
  const api = await apiAs(base, "treasurer", "samaki-treasurer");
  const vsla = (await api.get("/groups")).items.find((g) => g.kind === "savings_group");
  for (const lang of ["km", "en"]) {
    await treasurer(browser, base, lang, options.screenshots, api, vsla);
    await member(browser, base, lang, options.screenshots);
    await staff(browser, base, lang, options.screenshots);
  }
  await api.context.dispose();
  console.log("web UI screens in Khmer and English: sign-in, groups, group home, members, add member, member page, entry, reversal, periods and seal, verify, trial balance, a member's own page, staff: ok");
});
