// Small DOM helpers the screens share. No inline styles or handlers (the server's CSP forbids them):
// classes from style.css and addEventListener only.
import { t } from "./i18n.js";
import { date, money, number } from "./format.js";
import { errorNode } from "./errors.js";
import { isAbort } from "./api.js";

// h("p.note", {text: "…"}, child, [children]) — props: text, on: {event: fn}, any attribute or property.
export function h(spec, props = {}, ...children) {
  const [tag, ...classes] = spec.split(".");
  const node = document.createElement(tag || "div");
  if (classes.length) node.className = classes.join(" ");
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "on") for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const link = (href, text, spec = "a") => h(spec, { href: "#" + href, text });
export const buttonLink = (href, text, spec = "a.button") => link(href, text, spec);

// The way up from a screen: a link, so it works the same after a reload.
export const up = (href, text) => h("nav.up", {}, h("a", { href: "#" + href, text: `‹ ${text}` }));

// A big number with a label: cash in a box, my savings.
export const tile = (label, value, currency, extra = {}) =>
  h(`div.tile${extra.warn ? ".warn" : ""}`, {}, h("span.tile-label", { text: label }),
    h("strong.tile-value", { text: money(value, currency) }), extra.note && h("small", { text: extra.note }));

export function table(headers, rows, spec = "table") {
  return h(spec, {},
    h("thead", {}, h("tr", {}, headers.map((x) => h(`th${x.num ? ".num" : ""}`, { text: x.text ?? x })))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c) =>
      c instanceof Node ? h("td", {}, c) : h(`td${c?.num ? ".num" : ""}`, {}, c?.node ?? c?.text ?? c ?? ""))))));
}

// A labelled input with its own error line (aria-describedby) for validation next to the field.
export function field(name, label, props = {}) {
  const id = `f-${name}`;
  const control = props.options
    ? h("select", { id, name }, props.options.map(([value, text]) => h("option", { value, text, selected: value === props.value })))
    : h(props.multiline ? "textarea" : "input", { id, name, "aria-describedby": `${id}-error`, ...props.input });
  if (!props.options && props.value !== undefined) control.value = props.value;
  // A date picker speaks the browser's locale: the chosen day is also written out as people read it.
  let words = null;
  if (props.input?.type === "date") {
    words = h("small.date-words", { "aria-hidden": "true" });
    const write = () => { words.textContent = date(control.value); };
    control.addEventListener("input", write);
    write();
  }
  return h("div.field", {}, h("label", { for: id, text: label }), props.hint && h("small.hint", { text: props.hint }),
    control, words, h("p.field-error", { id: `${id}-error`, hidden: true }));
}

// Shows (or clears, with null) the error next to a form's field; returns whether the field exists.
export function fieldError(form, name, text) {
  // By id, not a selector: a field the server names may be "members[2]", no form field of ours.
  const slot = document.getElementById(`f-${name}-error`);
  if (!slot || !form.contains(slot)) return false;
  slot.textContent = text || "";
  slot.hidden = !text;
  document.getElementById(`f-${name}`)?.setAttribute("aria-invalid", text ? "true" : "false");
  return true;
}

// A "wait" line that appears only after 300 ms (a fast answer never flickers) and, when the network is
// slow, says so and offers to try again.
export function waiting(onRetry) {
  const node = h("div.waiting", { role: "status", hidden: true }, h("span.spinner"), h("span", { text: t("loading") }));
  const show = setTimeout(() => { node.hidden = false; }, 300);
  const slow = setTimeout(() => {
    node.append(h("p", { text: t("slow_network") }), onRetry && h("button", { type: "button", text: t("retry"), on: { click: onRetry } }));
  }, 8000);
  node.stop = () => { clearTimeout(show); clearTimeout(slow); };
  return node;
}

// A failure with the way to try again.
export function failure(error, retry, options) {
  return h("div.failure", {}, errorNode(error, options),
    retry && h("button", { type: "button", text: t("retry"), on: { click: retry } }));
}

// Runs a form's action: the button waits (and says so after 300 ms), errors go next to their field or
// under the form; submitting again is the retry. `action` gets the form's values; returns its answer.
export function onSubmit(form, action, options = {}) {
  const status = h("div.form-status", { "aria-live": "polite" });
  form.append(status);
  form.noValidate = true;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button.disabled) return;
    for (const slot of form.querySelectorAll(".field-error")) fieldError(form, slot.id.slice(2, -6), null);
    const values = Object.fromEntries(new FormData(form));
    const problems = options.validate?.(values) || {};
    for (const [name, text] of Object.entries(problems)) fieldError(form, name, text);
    if (Object.keys(problems).length) {
      form.querySelector("[aria-invalid=true]")?.focus();
      return;
    }
    button.disabled = true;
    const wait = waiting();
    status.replaceChildren(wait);
    try {
      await action(values);
      status.replaceChildren();
    } catch (error) {
      if (isAbort(error)) return;
      const opts = typeof options.errors === "function" ? options.errors() : options.errors;
      const node = errorNode(error, opts);
      const field = options.fieldOf?.(error) || error.details?.field;
      if (!(field && fieldError(form, field, node.textContent))) status.replaceChildren(node);
      else status.replaceChildren();
      options.failed?.(error, node.textContent);
    } finally {
      wait.stop();
      button.disabled = false;
    }
  });
  return form;
}

// For what cannot be undone: the first press (or Enter in a field) asks, saying warning(); only the
// second press sends the form. check() can stop it from asking (a field is wrong). Call it before
// onSubmit, so it hears the submit first; put the two nodes it returns into the form.
export function askTwice(form, { ask, confirm, warning, check = () => true }) {
  const warn = h("p.warn");
  const askButton = h("button.primary", { type: "button", text: ask });
  const panel = h("div.confirm", { hidden: true }, warn, h("div.buttons", {}, h("button.danger", { type: "submit", text: confirm }),
    h("button.quiet", { type: "button", text: t("cancel"), on: { click: () => { panel.hidden = true; askButton.hidden = false; } } })));
  askButton.addEventListener("click", () => {
    if (!check()) return;
    warn.textContent = warning();
    askButton.hidden = true;
    panel.hidden = false;
  });
  form.addEventListener("submit", (event) => {
    if (!panel.hidden) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    askButton.click();
  });
  return [askButton, panel];
}

// A button that stays pressed (a tick): aria-pressed says which, onPress(now) hears each change.
export function toggle(label, pressed, onPress, spec = "button.toggle") {
  const button = h(spec, { type: "button", "aria-pressed": String(pressed), text: label });
  button.addEventListener("click", () => {
    const now = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(now));
    onPress(now);
  });
  return button;
}

// − n + within [min, max]; onChange(n) hears each step.
export function stepper(value, min, max, onChange, label) {
  const count = h("output.count", { text: number(value) });
  const step = (by) => () => {
    value = Math.min(max, Math.max(min, value + by));
    count.textContent = number(value);
    onChange(value);
  };
  return h("div.stepper", { role: "group", "aria-label": label },
    h("button", { type: "button", text: "−", "aria-label": t("fewer"), on: { click: step(-1) } }), count,
    h("button", { type: "button", text: "+", "aria-label": t("more"), on: { click: step(+1) } }));
}

export const printButton = () => h("button.quiet", { type: "button", text: t("print"), on: { click: () => window.print() } });
