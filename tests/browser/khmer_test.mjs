// Khmer polish (design/khmer.md), in Chromium on a 360-px phone against `samaki serve --demo`: the main
// screens walked in Khmer with Khmer digits chosen, each failing on any visible Latin word that is not data
// (names, memos, codes: marked translate="no") or one of the ALLOWED tokens below, and on any Latin digit
// outside data; dates written as people write them; members listed family name first in Khmer collation.
// The same walk in English, and a picture of every screen in both languages in SCREENSHOT_DIR/khmer/.
//
//   node tests/browser/khmer_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readArguments, texts, withServerAndBrowser, apiAs, phonePage, screen, signIn, checkTexts, noProblems } from "./lib.mjs";

const options = readArguments("khmer_test.mjs");
const shots = options.screenshots && join(options.screenshots, "khmer");
if (shots) mkdirSync(shots, { recursive: true });

// The only Latin words a Khmer screen may show besides data: the switch to English (it names the other
// language in its own script), the name of the file format a report downloads in, and the codes of
// currencies that have no sign (money() writes `100 THB`).
const ALLOWED = new Set(["English", "CSV", "USD", "THB", "VND"]);
// The only Latin digits outside data: the button that switches back to them shows them.
const LATIN_DIGITS_SHOWN = new Set([texts(options.webRoot).km.latin_digits]);
const MONTHS = "មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ";

// Every visible text of the screen (and the labels a screen reader hears), data apart.
const visibleTexts = (page) => page.evaluate(() => {
  const out = [];
  const shown = (el) => (el instanceof SVGElement ? el.getClientRects().length > 0 || el.closest("svg")?.getClientRects().length > 0 : el.offsetParent !== null);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.trim();
    if (!text || el.closest("script, style, [hidden]") || !shown(el)) continue;
    out.push({ text, data: Boolean(el.closest("[translate=no]")) });
  }
  for (const n of document.querySelectorAll("[placeholder], [aria-label], [title]"))
    for (const attribute of ["placeholder", "aria-label", "title"]) {
      const text = n.getAttribute(attribute);
      if (text) out.push({ text, data: Boolean(n.closest("[translate=no]")) });
    }
  out.push({ text: document.title, data: false });
  return out;
});

// In Khmer with Khmer digits: no Latin word but the allowed ones, no Latin digit, outside data.
async function checkKhmer(page, where) {
  const found = (await visibleTexts(page)).filter((t) => !t.data);
  const words = found.flatMap((t) => (t.text.match(/[A-Za-z][A-Za-z'’-]*/g) || []).filter((w) => !ALLOWED.has(w)).map((w) => `${w} (in "${t.text.slice(0, 60)}")`));
  assert.deepEqual(words, [], `${where}: Latin words on a Khmer screen`);
  const digits = found.filter((t) => /[0-9]/.test(t.text) && !LATIN_DIGITS_SHOWN.has(t.text)).map((t) => t.text.slice(0, 60));
  assert.deepEqual(digits, [], `${where}: Latin digits with Khmer digits chosen`);
}

// The screens the walk visits: [address, screen name, picture name]; the charts are opened on a home.
function walk({ savings, coop, committee, member, operation, loan, entry, coopMember }) {
  const s = `/g/${savings}`;
  return [
    ["/", "groups", "02-groups"],
    [s, "group", "03-group-home"],
    [`${s}/members`, "members", "04-members"],
    [`${s}/members/new`, "member-new", "05-add-member"],
    [`${s}/members/${member}`, "member", "06-member"],
    [`${s}/members/${member}/passbook`, "passbook", "07-passbook"],
    [`${s}/meeting`, "meeting", "08-meeting"],
    [`${s}/record`, "operations", "09-record"],
    [`${s}/record/fine`, "operation", "10-record-fine"],
    [`${s}/operations`, "history", "11-history"],
    [`${s}/operations/${operation}`, "operation-record", "12-operation"],
    [`${s}/loans`, "loans", "13-loans"],
    [`${s}/loans/${loan}`, "loan", "14-loan"],
    [`${s}/share-out`, "share-out", "15-share-out"],
    [`${s}/verify`, "verify", "16-verify"],
    [`${s}/trial-balance`, "trial-balance", "17-trial-balance"],
    [`${s}/periods`, "periods", "18-periods"],
    [`${s}/entries/${entry}`, "entry", "19-entry"],
    [`/g/${coop}`, "group", "20-cooperative-home"],
    [`/g/${coop}/members/${coopMember}`, "member", "21-cooperative-member"],
    [`/g/${coop}/bylaws`, "bylaws", "22-bylaws"],
    [`/g/${coop}/year-end`, "year-end", "23-year-end"],
    [`/g/${coop}/annual`, "annual", "24-annual-report"],
    [`/g/${committee}`, "group", "25-committee-home"],
    [`/g/${committee}/harvest`, "harvest", "26-harvest"],
  ];
}

async function picture(page, lang, name) {
  if (shots) await page.screenshot({ path: join(shots, `${lang}-${name}.png`), fullPage: true });
}

async function walkIn(browser, base, lang, ids) {
  const page = await phonePage(browser, lang);
  page.expect(["401 /api/v1/me"]);
  await page.goto(base + "/");
  await screen(page, "signin");
  const khmer = lang === "km";
  const check = async (where) => {
    await checkTexts(page, lang, `${lang} ${where}`);  // no i18n key or placeholder left, in both languages
    if (khmer) await checkKhmer(page, where);
  };
  if (khmer) {
    // Khmer digits are the phone's setting: chosen before signing in here, on the groups screen below too.
    await page.evaluate(() => localStorage.setItem("samaki.khmer_digits", "1"));
    await page.reload();
    await screen(page, "signin");
  }
  await check("sign-in");
  await picture(page, lang, "01-sign-in");
  await signIn(page, "admin", "samaki-admin");
  await screen(page, "groups");
  if (khmer) assert.equal(await page.getAttribute("footer .setting", "aria-pressed"), "true", "the toggle shows the choice");
  for (const [address, name, shot] of walk(ids)) {
    await page.goto(`${base}/#${address}`);
    await screen(page, name);
    if (name === "group") {
      // Opened on the first home, the charts open by themselves on the next.
      if (!(await page.$("details.trends[open]"))) await page.click("details.trends summary");
      await page.waitForSelector("details.trends .trends-body[aria-busy=false]");
    }
    await check(shot);
    await picture(page, lang, shot);
  }
  // The charts were left open on the last home: close them, so the next test's phone starts as a new one would.
  await page.goto(`${base}/#/g/${ids.committee}`);
  await screen(page, "group");
  await page.click("details.trends summary");
  noProblems(page, `${lang} walk`);
  return page;
}

// Members in Khmer: family name first, in Khmer collation (not code-point order); dates as people write them.
async function membersInKhmer(page, base, api, gid) {
  const members = (await api.get(`/groups/${gid}/members?limit=1000`)).items;
  await page.goto(`${base}/#/g/${gid}/members`);
  await screen(page, "members");
  const shown = await page.$$eval("a.member-card strong", (n) => n.map((x) => x.textContent));
  const staying = members.filter((m) => !m.left_on).map((m) => m.name_km || m.name);
  const expected = await page.evaluate((names) => names.slice().sort(new Intl.Collator("km").compare), staying);
  assert.deepEqual(shown.slice(0, expected.length), expected, "Khmer collation");
  const joined = await page.$$eval("a.member-card small span", (n) => n.map((x) => x.textContent).filter((s) => s.includes("ឆ្នាំ")));
  assert.ok(joined.length > 0 && joined.every((s) => new RegExp(`ថ្ងៃទី[០-៩]{1,2} ខែ(${MONTHS}) ឆ្នាំ[០-៩]{4}`).test(s)), `dates: ${joined.slice(0, 3)}`);

  // A member added with family and given names apart is written family name first in both scripts.
  const added = await api.post(`/groups/${gid}/members`, { family_name_km: "ចាន់", given_name_km: "សុខា", family_name: "Chan", given_name: "Sokha" });
  assert.equal(added.name_km, "ចាន់ សុខា");
  assert.equal(added.name, "CHAN Sokha");
}

await withServerAndBrowser(options, async ({ base, browser }) => {
  const admin = await apiAs(base, "admin", "samaki-admin");
  const groups = (await admin.get("/groups?limit=100")).items;
  const takeo = await apiAs(base, "treasurer.takeo", "samaki-treasurer.takeo");
  const savings = (await takeo.get("/groups")).items[0].id;  // the mid-cycle savings group
  const coop = groups.find((g) => g.kind === "agri_cooperative").id;
  const committee = groups.find((g) => g.kind === "joint_task").id;
  const loans = (await admin.get(`/groups/${savings}/loans?status=open`)).items;
  const ids = {
    savings, coop, committee,
    member: loans[0].member_id,
    loan: loans[0].id,
    operation: (await admin.get(`/groups/${savings}/operations?type=meeting&limit=1`)).items[0].id,
    entry: (await admin.get(`/groups/${savings}/entries?latest=1`)).items[0].id,
    coopMember: (await admin.get(`/groups/${coop}/members?limit=1`)).items[0].id,
  };
  for (const lang of ["km", "en"]) {
    const page = await walkIn(browser, base, lang, ids);
    if (lang === "km") await membersInKhmer(page, base, admin, savings);
    await page.context().close();
  }
  await admin.context.dispose();
  await takeo.context.dispose();
});
