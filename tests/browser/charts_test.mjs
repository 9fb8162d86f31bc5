// The charts under a group's home, in Chromium on a 360-px phone, in Khmer and in English: a savings group
// of five weekly meetings set up through the API, whose trends the API gives (the figures are the API
// test's concern); here, that the charts come only when opened (not in the first download), that each draws
// one point per meeting or month and one bar per month and series, that the picture has its summary and
// the same figures as a table, that it fits the phone and prints, and that Khmer digits reach the axis. A
// cooperative has the income and expense chart only.
//
//   node tests/browser/charts_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import {
  readArguments, texts, withServerAndBrowser, apiAs, screen, looksRight, noProblems, printed, shown, savingsGroup,
  signedInPage,
} from "./lib.mjs";

const options = readArguments("charts_test.mjs");
const T = texts(options.webRoot);
const shots = options.screenshots;

// Each chart as drawn: its caption, the picture's label, points per series, bars per series, table rows.
const drawn = (page) => page.$$eval("details.trends figure.chart", (figures) => figures.map((f) => ({
  caption: f.querySelector("figcaption").textContent,
  label: f.querySelector("svg").getAttribute("aria-label"),
  role: f.querySelector("svg").getAttribute("role"),
  points: [...f.querySelectorAll("g.series")].map((g) => g.querySelectorAll("circle").length),
  bars: [...f.querySelectorAll("g.series")].map((g) => g.querySelectorAll("rect").length),
  rows: f.querySelectorAll("table tbody tr").length,
  ticks: [...f.querySelectorAll(".tick text")].map((n) => n.textContent),
  width: f.querySelector("svg").getBoundingClientRect().width,
})));

async function openCharts(page) {
  await page.click("details.trends summary");
  await page.waitForSelector("details.trends .trends-body[aria-busy=false]");
}

async function savings(browser, base, set, trends, lang) {
  const t = T[lang];
  const page = await signedInPage(browser, base, lang, ...set.logins.treasurer);
  await page.click("a.group-card");
  await screen(page, "group");
  await page.waitForLoadState("networkidle");
  assert.ok(![...page.uiBytes.keys()].some((path) => path.startsWith("/charts/")), "no chart code before the charts are opened");
  await openCharts(page);
  const charts = await drawn(page);
  const months = trends.months.length;
  const par = trends.months.filter((m) => m.par30 !== null).length;
  assert.deepEqual(charts.map((c) => c.caption), [t["chart.fund"], t["chart.income_expenses"], t["chart.par30"]]);
  assert.deepEqual(charts[0].points, [5, 5, 5], "savings, loans and the box: a point per meeting");
  assert.deepEqual(charts[1].bars, [months, months], "income and expenses: a bar per month each");
  assert.deepEqual(charts[2].points, [par], "PAR30: a point per month end in a cycle");
  assert.deepEqual(charts.map((c) => c.rows), [5, months, months], "the figures as a table too");
  assert.ok(charts.every((c) => c.role === "img" && c.label.length > 20), "each picture says what it shows");
  const last = trends.meetings.at(-1);
  assert.ok(charts[0].label.includes(shown(last.savings)) && charts[0].label.includes(shown(last.loans_outstanding)), charts[0].label);
  assert.ok(charts.every((c) => c.width <= 360), "the charts fit the phone");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "nothing scrolls sideways");
  assert.ok(charts[0].ticks.every((tick) => /^[\d,]+ ៛$/.test(tick)), `money on the axis: ${charts[0].ticks}`);
  await looksRight(page, lang, "50-charts", shots);
  await page.locator("details.trends").evaluate((n) => n.scrollIntoView());
  if (shots) await page.locator("details.trends").screenshot({ path: `${shots}/${lang}-51-charts-close.png` });
  await printed(page, `${lang}-charts`, shots);
  assert.ok(await page.$eval("details.trends svg", (n) => { n.getBoundingClientRect(); return getComputedStyle(n).display !== "none"; }));

  if (lang === "km") {
    // With Khmer digits, the axis and the table are written in them too; and the charts open again by themselves.
    await page.evaluate(() => localStorage.setItem("samaki.khmer_digits", "1"));
    await page.reload();
    await screen(page, "group");
    await page.waitForSelector("details.trends[open] .trends-body[aria-busy=false]");
    const khmer = await drawn(page);
    assert.ok(khmer[0].ticks.every((tick) => /^[០-៩,]+ ៛$/.test(tick)), `Khmer digits on the axis: ${khmer[0].ticks}`);
    assert.ok(await page.$$eval("details.trends table td", (cells) => cells.every((c) => !/[0-9]/.test(c.textContent))));
    await looksRight(page, lang, "52-charts-khmer-digits", shots);
    await page.evaluate(() => localStorage.setItem("samaki.khmer_digits", "0"));
  }
  await page.click("details.trends summary");  // closed again: stays closed next time
  noProblems(page, `${lang} savings charts`);
  await page.context().close();
}

async function cooperative(browser, base, lang) {
  const page = await signedInPage(browser, base, lang, "treasurer.svayrieng", "samaki-treasurer.svayrieng");
  await page.click("a.group-card");
  await screen(page, "group");
  await openCharts(page);
  const charts = await drawn(page);
  assert.deepEqual(charts.map((c) => c.caption), [T[lang]["chart.income_expenses"]], "a cooperative: income and expenses only");
  assert.deepEqual(charts[0].bars, [12, 12], "a year of months");
  await looksRight(page, lang, "53-coop-charts", shots);
  noProblems(page, `${lang} cooperative charts`);
  await page.context().close();
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  for (const lang of ["km", "en"]) {
    const set = await savingsGroup(base, `charts${lang}`, 10);
    const api = await apiAs(base, ...set.logins.treasurer);
    const trends = await api.get(`/groups/${set.group.id}/reports/trends`);
    assert.equal(trends.meetings.length, 5);
    await savings(browser, base, set, trends, lang);
    await cooperative(browser, base, lang);
    await api.context.dispose();
  }
});
