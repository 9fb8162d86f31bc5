// The web UI as a treasurer and a member use it on a small phone: Debian's Chromium, driven by
// playwright-core, against a real `samaki serve --demo` on 127.0.0.1. Fails on any console error or
// Content-Security-Policy refusal, as well as on what each step expects to see.
//
//   node tests/browser/ui_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const [binary, webRoot, screenshots] = process.argv.slice(2).map((arg) => resolve(arg));
if (!binary || !webRoot) {
  console.error("usage: node ui_test.mjs SAMAKI_BINARY WEB_ROOT [SCREENSHOT_DIR]");
  process.exit(2);
}

// Starts the service on a free port with the demonstration data; resolves to its URL.
function startServer(folder) {
  const server = spawn(binary, ["serve", "--demo", "--port", "0", "--db", join(folder, "ui.db"), "--web-root", webRoot], {
    cwd: folder,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/listening on (http:\/\/[^\s]+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1].replace(/\/$/, ""));
      }
    };
    server.stdout.on("data", read);
    server.stderr.on("data", read);
    server.on("exit", (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { server, url };
}

// Answers the UI provokes on purpose: "who am I?" before signing in, and the wrong password.
const expectedRefusals = new Set(["401 /api/v1/me", "401 /api/v1/auth/login"]);

// A phone-sized page that records console errors, uncaught exceptions and unexpected HTTP errors.
async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    // Chromium also logs each HTTP error here; those are judged by status below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      page.problems.push(message.text());
  });
  page.on("pageerror", (error) => page.problems.push(error.message));
  page.on("response", (response) => {
    const seen = `${response.status()} ${new URL(response.url()).pathname}`;
    if (response.status() >= 400 && !expectedRefusals.has(seen)) page.problems.push(seen);
  });
  return page;
}

async function signIn(page, username, password) {
  await page.fill("#login input[name=username]", username);
  await page.fill("#login input[name=password]", password);
  await page.click("#login button[type=submit]");
}

// Every visible button and input is at least 44 CSS pixels tall: a thumb's target.
async function checkTouchTargets(page, where) {
  const small = await page.$$eval("button, input", (nodes) =>
    nodes
      .filter((n) => n.offsetParent !== null)
      .map((n) => ({ text: n.textContent || n.name, height: n.getBoundingClientRect().height }))
      .filter((n) => n.height < 44));
  assert.deepEqual(small, [], `${where}: touch targets under 44px`);
}

async function snap(page, name) {
  if (screenshots) await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

const folder = mkdtempSync(join(tmpdir(), "samaki-ui-"));
const { server, url } = startServer(folder);
let browser;
try {
  const base = await url;
  browser = await chromium.launch({
    executablePath: process.env.SAMAKI_CHROMIUM || "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });

  // A treasurer, in Khmer (the default).
  const page = await phonePage(browser);
  await page.goto(base + "/");
  await page.waitForSelector("#login:not([hidden])");
  assert.equal(await page.getAttribute("html", "lang"), "km");
  assert.equal(await page.textContent("#login h2"), "ចូលប្រើ");
  await checkTouchTargets(page, "sign-in form");
  await snap(page, "1-sign-in-km");

  await signIn(page, "treasurer", "wrong password");
  await page.waitForSelector("#login .error:not([hidden])");
  assert.equal(await page.textContent("#login .error"), "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។");

  await signIn(page, "treasurer", "samaki-treasurer");
  await page.waitForSelector("#groups:not([hidden]) .cards button");
  const groups = await page.$$eval("#groups .cards button", (nodes) => nodes.map((n) => n.textContent));
  assert.equal(groups.length, 1, "a treasurer sees only their own group");
  await checkTouchTargets(page, "group list");

  await page.click("#groups .cards button");
  await page.waitForSelector("#group:not([hidden]) .accounts tbody tr");
  const balances = await page.$$eval("#group .accounts tbody tr", (rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.ok(balances.some(([name, value]) => name.startsWith("1010 ") && /^[\d,]+ KHR$/.test(value)),
    `the cash box has a balance in riel: ${JSON.stringify(balances)}`);
  const entries = await page.$$eval("#group .entries li", (items) => items.map((i) => i.textContent));
  assert.ok(entries.length > 0 && entries.length <= 20, `recent entries: ${entries.length}`);
  assert.match(entries[0], /#\d+/);
  const seqs = entries.map((e) => Number(e.match(/#(\d+)/)[1]));
  assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), "newest first");
  await snap(page, "2-balances-km");

  // English, on the same screen.
  await page.click("#language");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.textContent("#group .balances-title"), "Account balances");
  await snap(page, "3-balances-en");

  await page.click("#logout");
  await page.waitForSelector("#login:not([hidden])");
  assert.deepEqual(page.problems, [], "console errors or CSP refusals");

  // A member sees their own balances, in a fresh browser context (Khmer again).
  const member = await phonePage(browser);
  await member.goto(base + "/");
  await member.waitForSelector("#login:not([hidden])");
  await signIn(member, "sokha", "samaki-sokha");
  await member.waitForSelector("#groups:not([hidden]) .cards button");
  await member.click("#groups .cards button");
  await member.waitForSelector("#group:not([hidden]) .accounts tbody tr");
  assert.equal(await member.textContent("#group .balances-title"), "សមតុល្យរបស់ខ្ញុំ");
  const own = await member.$$eval("#group .accounts tbody tr", (rows) => rows.map((r) => r.cells[0].textContent));
  assert.ok(own.some((name) => name.startsWith("3010 ")), `a member sees their shares: ${JSON.stringify(own)}`);
  assert.ok(!own.some((name) => name.startsWith("1010 ")), "a member does not see the group's cash");
  const lines = await member.$$eval("#group .entries li", (items) => items.map((i) => i.textContent));
  assert.ok(lines.length > 0 && lines.every((l) => l.includes("+15,000 KHR")),
    `share purchases read as growing the member's shares: ${JSON.stringify(lines)}`);
  await snap(member, "4-member-km");
  assert.deepEqual(member.problems, [], "console errors or CSP refusals");
  console.log("web UI: sign-in, treasurer books, language switch, member statement: ok");
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  rmSync(folder, { recursive: true, force: true });
}
