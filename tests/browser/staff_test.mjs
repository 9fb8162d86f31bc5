// The staff's view of many groups in Chromium (issue 10), in Khmer and English: the field officer's home is
// the dashboard of exactly their groups (a group made for someone else never shows, nor opens), with the
// warning chips of the demo's savings group whose loan is long in arrears; it sorts by a column; the
// savings groups' cycle summaries download as one CSV whose figures are the reports'; every report of a
// group opens, and one printed as on paper carries the head (group, period, day printed) and renders to an
// A4 PDF; the audit trail lists what was done.
//   node staff_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readArguments, texts, withServerAndBrowser, apiAs, signedInPage, screen, looksRight, printed, noProblems } from "./lib.mjs";

const options = readArguments("staff_test.mjs");
const main = texts(options.webRoot);
// The staff screens' own texts (web/i18n/staff.LANG.json), added to the language's.
const staffTexts = (lang) => JSON.parse(readFileSync(join(options.webRoot, "i18n", `staff.${lang}.json`), "utf8"));
const T = { km: { ...main.km, ...staffTexts("km") }, en: { ...main.en, ...staffTexts("en") } };
const missing = (from, to) => Object.keys(from).filter((key) => !(key in to));
assert.deepEqual(missing(staffTexts("km"), staffTexts("en")), [], "staff texts missing in staff.en.json");
assert.deepEqual(missing(staffTexts("en"), staffTexts("km")), [], "staff texts missing in staff.km.json");
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
// A ratio as the screens show it ("0.7500" -> "75.0%"), in Latin digits (the phone's Khmer-digit setting is off).
const percent = (ratio) => `${(Number(ratio) * 100).toFixed(1)}%`;

// The CSV's rows as arrays of cells (quoted cells may hold commas).
function csvRows(text) {
  return text.trim().split(/\r?\n/).map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1)
    .map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')));
}

async function staff(browser, base, lang, hidden) {
  const t = T[lang];
  const api = await apiAs(base, "field", "samaki-field");
  const board = await api.get("/dashboard?limit=1000");
  assert.ok(!board.items.some((g) => g.id === hidden.id), "the API leaves out a group not assigned");
  const late = board.items.find((g) => g.warnings.some((w) => w.code === "loans_in_arrears"));
  assert.ok(late, "the demo has a savings group with a loan in arrears");

  const page = await signedInPage(browser, base, lang, "field", "samaki-field");
  await page.waitForSelector("table.dashboard");
  const shownIds = await page.$$eval("tr[data-group]", (rows) => rows.map((r) => Number(r.dataset.group)));
  assert.deepEqual([...shownIds].sort((a, b) => a - b), board.items.map((g) => g.id).sort((a, b) => a - b), "exactly my groups");
  assert.ok(!shownIds.includes(hidden.id));
  // Most warnings first.
  const counts = shownIds.map((id) => board.items.find((g) => g.id === id).warnings.length);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), "sorted by warnings, most first");
  const chip = page.locator(`tr[data-group="${late.id}"] li.chip[data-code="loans_in_arrears"]`);
  assert.equal(await chip.count(), 1, "the late group shows its arrears chip");
  const arrears = late.warnings.find((w) => w.code === "loans_in_arrears").figures;
  assert.ok(Number(arrears.par30) > 0);
  assert.equal(await chip.textContent(), fill(t["warning.loans_in_arrears"], { par30: percent(arrears.par30), loans: arrears.loans }), "the chip says what is wrong");
  await looksRight(page, lang, "60-staff-dashboard", options.screenshots);

  // Sorting by cash, then the other way.
  const cashHead = page.locator("th", { hasText: t["staff.col.cash"] }).locator("button.sort");
  await cashHead.click();
  const byCash = (await page.$$eval("tr[data-group]", (rows) => rows.map((r) => Number(r.dataset.group)))).map((id) => Number(board.items.find((g) => g.id === id).cash));
  assert.deepEqual(byCash, [...byCash].sort((a, b) => b - a), "cash, most first");
  await cashHead.click();
  const byCashUp = (await page.$$eval("tr[data-group]", (rows) => rows.map((r) => Number(r.dataset.group)))).map((id) => Number(board.items.find((g) => g.id === id).cash));
  assert.deepEqual(byCashUp, [...byCash].reverse(), "and least first");

  // The find box keeps the rows whose name holds what is typed.
  await page.fill('input[name="filter"]', late.name.toLowerCase());
  assert.deepEqual(await page.$$eval("tr[data-group]:not([hidden])", (rows) => rows.map((r) => Number(r.dataset.group))), [late.id], "found by name");
  await page.fill('input[name="filter"]', "");
  assert.equal(await page.locator("tr[data-group]:not([hidden])").count(), board.items.length);

  // The savings groups' cycle summaries as one CSV, with the reports' own figures.
  const csv = await page.request.get(base + (await page.getAttribute("a.savix", "href")));
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()["content-type"], /^text\/csv/);
  const [head, ...rows] = csvRows(await csv.text());
  assert.deepEqual(head.slice(0, 2), ["group_id", "group_name"]);
  const savings = board.items.filter((g) => g.kind === "savings_group");
  assert.deepEqual(rows.map((r) => Number(r[0])).sort(), savings.map((g) => g.id).sort(), "one row per savings group of mine");
  const summary = await api.get(`/groups/${late.id}/reports/cycle-summary`);
  const lateRow = rows.find((r) => Number(r[0]) === late.id);
  for (const key of ["par30", "savings", "loans_outstanding_value", "members_registered"])
    assert.equal(lateRow[head.indexOf(key)], String(summary[key]), `the CSV's ${key} is the report's`);

  // The group's reports: the loan portfolio, printed on A4 with its head.
  await page.click(`tr[data-group="${late.id}"] a.reports-link`);
  await screen(page, "reports");
  await looksRight(page, lang, "61-staff-reports", options.screenshots);
  await page.click(`a[data-report="reports/loan-portfolio"]`);
  await screen(page, "report");
  const portfolio = await api.get(`/groups/${late.id}/reports/loan-portfolio`);
  assert.equal(await page.locator("table.loans tbody tr").count(), portfolio.loans.length);
  await looksRight(page, lang, "62-staff-loan-portfolio", options.screenshots);
  await printed(page, `${lang}-staff-loan-portfolio`, options.screenshots);
  await page.emulateMedia({ media: "print" });
  const head1 = await page.$eval(".report-head", (n) => ({ shown: getComputedStyle(n).display !== "none", text: n.textContent }));
  assert.ok(head1.shown, "the report's head prints");
  assert.ok(head1.text.includes(t.printed_on.split("{")[0].trim()), "with the day printed");
  assert.ok(await page.$eval("p.group-name", (n) => getComputedStyle(n).display !== "none"), "and the group's name");
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-", "the print renders to a PDF");
  assert.ok(pdf.length > 5_000, `a PDF with content (${pdf.length} bytes)`);
  await page.emulateMedia({ media: "screen" });

  // Each report of the group opens (its CSV is offered beside it).
  for (const name of ["balance-sheet", "income-statement", "cash-book", "general-ledger", "member-balances", "cycle-summary"]) {
    await page.goto(`${base}/#/g/${late.id}/reports/${name}`);
    await screen(page, "report");
    assert.equal(await page.textContent("#view h2"), t[`report.${name.replace(/-/g, "_")}`]);
    assert.equal(await page.locator(`a.button[href^="/api/v1/groups/${late.id}/reports/${name}?format=csv"]`).count(), 1);
  }
  assert.equal(await page.textContent('dd[data-figure="par30"]'), percent(summary.par30), "the cycle summary's PAR30");

  // The audit trail of the group: the demo's history was loaded, not recorded by people; an admin adds a member.
  const admin = await apiAs(base, "admin", "samaki-admin");
  const joined = await admin.post(`/groups/${late.id}/members`, { name: `Audit ${lang}`, name_km: "សវនកម្ម" });
  await admin.context.dispose();
  await page.goto(`${base}/#/g/${late.id}/audit`);
  await screen(page, "audit");
  const trail = await page.$$eval("table.audit tbody tr", (rows) => rows.map((r) => r.textContent));
  assert.ok(trail.some((row) => row.includes("admin") && row.includes(t["audit.member.create"]) && row.includes(`member ${joined.id}`)), `the trail lists the new member: ${trail}`);
  await looksRight(page, lang, "63-staff-audit", options.screenshots);

  // A group that is not mine does not open.
  page.expect([`404 /api/v1/groups/${hidden.id}`]);
  await page.goto(`${base}/#/g/${hidden.id}/reports`);
  await page.waitForSelector('body[data-state="failed"]');
  noProblems(page, `${lang} staff`);
  await page.context().close();
  await api.context.dispose();
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  const admin = await apiAs(base, "admin", "samaki-admin");
  const hidden = await admin.post("/groups", { name: "Not the field officer's", name_km: "មិនមែនរបស់មន្ត្រី", kind: "savings_group", currency: "KHR" });
  for (const lang of ["km", "en"]) await staff(browser, base, lang, hidden);
  await admin.context.dispose();
  console.log("staff: the dashboard of my groups with warnings, sorting, the cycle summaries CSV, every report, a report printed to PDF, the audit trail: ok");
});
