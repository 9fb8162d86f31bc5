// Hash routes (#/g/3/members): every screen has its own address, so Back, reload and a bookmark land on
// it. A screen is {name, load(ctx) -> data, render(data, ctx) -> nodes}; the router clears the old screen
// at once, shows "loading" after 300 ms, and paints only the answer to the latest request: leaving a
// screen aborts its requests, and an answer for a screen no longer shown is dropped.
import { api, isAbort } from "./api.js";
import { h, up, waiting, failure } from "./ui.js";
import { t } from "./i18n.js";

const routes = [];
let current = null;
let guard = () => null;
let flashText = null;

const view = () => document.getElementById("view");

// "/g/:gid/members/:mid" -> a matcher giving {gid, mid}.
export function route(pattern, screen) {
  const keys = [];
  const source = pattern.replace(/:(\w+)/g, (_, key) => { keys.push(key); return "([^/]+)"; });
  routes.push({ re: new RegExp(`^${source}$`), keys, screen });
}

// fn(screen, params) -> a path to go to instead (sign-in, a member's own page), or null.
export const setGuard = (fn) => { guard = fn; };

export const currentPath = () => location.hash.slice(1) || "/";

// Navigates; each entry remembers the address it was opened from, so back() knows what Back would show.
export function go(to, { replace = false } = {}) {
  const from = replace ? history.state?.from : currentPath();
  history[replace ? "replaceState" : "pushState"]({ from }, "", "#" + to);
  show();
}

// Leaves a form for `target`: by Back when the form was opened from there (no duplicate entry),
// else by replacing the form's entry (after a reload, say).
export function back(target) {
  if (history.state?.from === target) history.back();
  else go(target, { replace: true });
}

// A one-line note for the next screen ("Member added"): text or nodes.
export const flash = (...content) => { flashText = content; };

function match(path) {
  for (const { re, keys, screen } of routes) {
    const found = re.exec(path);
    if (found) return { screen, params: Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

// The note for the next screen, once: shown above it, or above its failure (saved, then the network went).
function takeFlash() {
  const nodes = flashText ? [h("p.flash", { role: "status" }, flashText)] : [];
  flashText = null;
  return nodes;
}

function paint(ctx) {
  if (ctx !== current) return;
  const nodes = [ctx.screen.render(ctx.data, ctx)].flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false);
  nodes.unshift(...takeFlash());
  view().replaceChildren(...nodes);
  document.body.dataset.state = "ready";
  document.title = `${document.querySelector("#view h2")?.textContent || ""} · ${document.querySelector("header h1").textContent}`;
}

async function load(ctx) {
  const wait = waiting(show);
  view().replaceChildren(wait);
  try {
    ctx.data = ctx.screen.load ? await ctx.screen.load(ctx) : null;
  } catch (error) {
    if (ctx !== current || isAbort(error)) return;
    view().replaceChildren(...takeFlash(), ...(ctx.path === "/" ? [] : [up("/", t("my_groups"))]), failure(error, show));
    document.body.dataset.state = "failed";
    return;
  } finally {
    wait.stop();
  }
  paint(ctx);
}

// Shows the screen of the current address, from scratch (also: "try again").
export function show() {
  current?.controller.abort();
  const [path, query = ""] = currentPath().split("?");
  const found = match(path) || match("/404");
  const redirect = guard(found.screen, found.params, currentPath());
  if (redirect && redirect !== currentPath()) return go(redirect, { replace: true });
  const controller = new AbortController();
  const ctx = {
    ...found, path, address: currentPath(), query: new URLSearchParams(query), controller, signal: controller.signal,
    api: (to, options = {}) => api(to, { signal: controller.signal, ...options }),
  };
  current = ctx;
  document.body.dataset.screen = found.screen.name;
  document.body.dataset.state = "loading";
  window.scrollTo(0, 0);
  load(ctx);
}

// The same screen drawn again from the data it has (the language changed): no request, and what the
// user had typed into its fields stays.
export function redraw() {
  if (!current || current.data === undefined) return current && show();
  const typed = [...view().querySelectorAll("input[id], textarea[id], select[id]")].map((n) => [n.id, n.value]);
  paint(current);
  for (const [id, value] of typed) {
    const control = document.getElementById(id);
    if (control) {
      control.value = value;
      control.dispatchEvent(new Event("input"));
    }
  }
}

export function start() {
  if (!history.state) history.replaceState({}, "");
  // Back, Forward, or an address typed in: both events may come for one move; the first one shows it.
  const moved = () => {
    if (!history.state) history.replaceState({}, "");
    if (current?.address !== currentPath()) show();
  };
  window.addEventListener("popstate", moved);
  window.addEventListener("hashchange", moved);
  document.addEventListener("click", (event) => {
    const a = event.target.closest?.("a[href^='#/']");
    if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(a.getAttribute("href").slice(1));
  });
  show();
}
