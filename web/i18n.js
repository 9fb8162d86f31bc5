// The UI's words: every text lives in i18n/km.json and i18n/en.json (a reviewer reads those, not code).
// Khmer first. Settings (language, Khmer digits) stay on the phone across sign-outs: they are not data.
const state = { lang: localStorage.getItem("samaki.lang") || "km", text: {} };

export const lang = () => state.lang;
export const setting = (name) => localStorage.getItem(`samaki.${name}`) === "1";
export function setSetting(name, on) {
  localStorage.setItem(`samaki.${name}`, on ? "1" : "0");
}

// Texts of screens fetched on first use (screens/staff/ reads i18n/staff.km.json): kept apart so a phone that
// never shows them never downloads them; added to the language's texts, and again when it changes.
const extra = new Set();
async function readTexts(file) {
  const response = await fetch(`/i18n/${file}.json`);
  if (!response.ok) throw new Error(`i18n/${file}.json: ${response.status}`);
  return response.json();
}
export async function addTexts(name) {
  if (extra.has(name)) return;
  Object.assign(state.text, await readTexts(`${name}.${state.lang}`));
  extra.add(name);
}

// Loads a language's texts (one file: the browser test checks both files have every key) and labels
// the static page.
export async function setLanguage(code) {
  const files = await Promise.all([readTexts(code), ...[...extra].map((name) => readTexts(`${name}.${code}`))]);
  state.text = Object.assign({}, ...files);
  state.lang = code;
  localStorage.setItem("samaki.lang", code);
  document.documentElement.lang = code;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

// A text by key with {placeholders} filled in; the key itself when the language lacks it (a bug to see).
export function t(key, vars = {}) {
  const template = state.text[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}
export const has = (key) => key in state.text;

// A name in the reader's script: name_km on a Khmer screen when there is one.
export const localName = (thing) => (state.lang === "km" && thing?.name_km ? thing.name_km : thing?.name ?? "");

// Whether localName(thing) is in the screen's language (a Latin name on a Khmer screen is data, not UI).
export const nameIsLocal = (thing) => state.lang !== "km" || Boolean(thing?.name_km);
