// Money, numbers and dates as people read them (design/khmer.md): `55,000 ៛`, `$12.50`,
// `ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៦` / `5 Jan 2026`. ISO dates and decimal strings stay in the API.
// Comma grouping always, also with Khmer digits (not the dot grouping of a browser's Khmer locale).
import { lang, setting } from "./i18n.js";

const KHMER_DIGITS = "០១២៣៤៥៦៧៨៩";
const MONTHS = {
  km: ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
// Symbols people write; other currencies keep their code after the number.
const SYMBOLS = { KHR: { after: " ៛" }, USD: { before: "$", decimals: true }, THB: { before: "฿", decimals: true } };

const khmerDigits = (text) => String(text).replace(/[0-9]/g, (d) => KHMER_DIGITS[d]);
// Khmer digits on a Khmer screen when the user chose them.
const digits = (text) => (lang() === "km" && setting("khmer_digits") ? khmerDigits(text) : String(text));

// A number written without grouping (a year): in Khmer digits when they were chosen.
export const plain = (value) => digits(value);

const group = (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

// A decimal string (or integer) from the API: "-55000.00" -> "-55,000"; keeps a fraction that is not zero.
export function number(value, { keepFraction = false } = {}) {
  const text = String(value ?? "0");
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace(/^[-+]/, "").split(".");
  const shown = fraction && (keepFraction || /[1-9]/.test(fraction)) ? `${group(whole)}.${fraction}` : group(whole);
  return digits((negative && /[1-9]/.test(text) ? "-" : "") + shown);
}

// A currency's sign as people write it: ៛, $, or the code.
export const currencySign = (currency) => { const s = SYMBOLS[currency]; return s ? (s.before || s.after).trim() : currency; };

// An amount with its currency: riel `55,000 ៛` (decimals only when not zero), dollars `$12.50`.
// `sign: true` writes + before a positive amount.
export function money(value, currency, { sign = false } = {}) {
  const text = String(value ?? "0");
  const negative = text.startsWith("-") && /[1-9]/.test(text);
  const symbol = SYMBOLS[currency] || { after: ` ${currency}` };
  let magnitude = text.replace(/^[-+]/, "");
  if (symbol.decimals) {
    const [whole, fraction = ""] = magnitude.split(".");
    magnitude = `${whole}.${fraction.padEnd(2, "0")}`;
  }
  const body = `${symbol.before || ""}${number(magnitude, { keepFraction: symbol.decimals })}${symbol.after || ""}`;
  const prefix = negative ? "-" : sign && /[1-9]/.test(text) ? "+" : "";
  return prefix + body;
}

// Exact sums of decimal strings (minor units as BigInt, never floating point).
export function addAmounts(values) {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, (String(v).split(".")[1] || "").length);
  let total = 0n;
  for (const v of values) {
    const [whole, fraction = ""] = String(v).replace(/^[-+]/, "").split(".");
    const minor = BigInt(whole || "0") * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, "0") || "0");
    total += String(v).startsWith("-") ? -minor : minor;
  }
  const negative = total < 0n;
  const digitsText = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const whole = scale ? digitsText.slice(0, -scale) : digitsText;
  return (negative ? "-" : "") + whole + (scale ? "." + digitsText.slice(-scale) : "");
}

export const isZero = (value) => !/[1-9]/.test(String(value ?? "0"));
const negate = (v) => (String(v).startsWith("-") ? String(v).slice(1) : `-${v}`);
export const subtract = (a, b) => addAmounts([a, negate(b)]);
// -1, 0 or 1 as a is below, equal to or above b (decimal strings, exactly).
export function compare(a, b) {
  const d = subtract(a, b);
  return isZero(d) ? 0 : d.startsWith("-") ? -1 : 1;
}

// "2026-01-05" -> `ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៦` (always Khmer digits, as people write a date) / `5 Jan 2026`.
export function date(iso) {
  const found = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!found) return "";
  const [, year, month, day] = found;
  if (lang() === "km") return khmerDigits(`ថ្ងៃទី${Number(day)} ខែ${MONTHS.km[month - 1]} ឆ្នាំ${year}`);
  return `${Number(day)} ${MONTHS.en[month - 1]} ${year}`;
}

// On a chart's axis: a day `៥ មករា` / `5 Jan`; with month: true a month `មករា`, with year: true `មករា ២០២៦`.
export function shortDate(iso, { month = false, year = false } = {}) {
  const [y, m, d] = (iso || "").split("-").map(Number);
  const text = [!month && d, MONTHS[lang() === "km" ? "km" : "en"][m - 1], year && y].filter(Boolean).join(" ");
  return lang() === "km" ? khmerDigits(text) : text;
}

// An RFC 3339 timestamp as a local date and time: `5 Jan 2026, 14:05`.
export function timestamp(rfc3339) {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return "";
  const pad = (n) => String(n).padStart(2, "0");
  const day = date(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return lang() === "km" ? `${day} ម៉ោង ${khmerDigits(time)}` : `${day}, ${time}`;
}

// Today in the phone's time zone, as the API wants it: YYYY-MM-DD.
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

// Calendar arithmetic on ISO dates (UTC, so no time zone moves a day); a month later keeps the day or
// takes the month's last day, as loan schedules do.
export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function addMonths(iso, months) {
  const [y, m, d] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
export const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

// What a person typed as an amount ("55,000", "៥៥ ០០០", "12.5") as the API's decimal string, or null.
export function parseAmount(typed) {
  const text = String(typed ?? "").replace(/[០-៩]/g, (d) => KHMER_DIGITS.indexOf(d)).replace(/[\s,]/g, "");
  return /^\d+(\.\d{1,2})?$/.test(text) ? text.replace(/^0+(?=\d)/, "") : null;
}

// An amount times a whole count, exactly: multiply("5000", 3) -> "15000".
export const multiply = (amount, count) => addAmounts(Array.from({ length: Math.max(0, count) }, () => amount).concat("0"));

// What a person typed as a quantity or a rate ("1,250", "៤១០០", "12.5"): a decimal string, or null.
export function parseDecimal(typed) {
  const text = String(typed ?? "").replace(/[០-៩]/g, (d) => KHMER_DIGITS.indexOf(d)).replace(/[\s,]/g, "");
  return /^\d+(\.\d+)?$/.test(text) ? text.replace(/^0+(?=\d)/, "") : null;
}
