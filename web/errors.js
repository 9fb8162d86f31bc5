// An API error as a sentence in the user's language, naming the member and the rule it broke
// (design/operations.md). Unknown codes fall back to the server's own message, shown as English.
import { localName, t, has } from "./i18n.js";
import { money, number, date } from "./format.js";

// Codes whose limit and value are amounts of money rather than counts.
const MONEY_CODES = new Set(["loan_limit_exceeded", "overpayment", "loan_outstanding", "cash_mismatch",
  "insufficient_funds", "invalid_amount", "limit_exceeded", "balance_assertion_failed"]);

// The member a detail names, by name when the screen knows the group's members.
function memberName(id, members) {
  const found = members?.find((m) => String(m.id) === String(id));
  return found ? localName(found) : t("member_number", { id: number(id) });
}

function amount(code, value, currency) {
  if (value === undefined || value === "") return "";
  if (/^-?\d+(\.\d+)?$/.test(value)) return MONEY_CODES.has(code) && currency ? money(value, currency) : number(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}

// A template whose every {placeholder} has a value.
const filled = (key, vars) => [...t(key).matchAll(/\{(\w+)\}/g)].every(([, name]) => vars[name]);

// { text, field, server }: the sentence, the form field it is about (if any), and the server's own
// message when no sentence of ours fits (shown after a generic one). The fullest sentence whose details
// are all there wins: error.CODE.RULE, .member_detail, .member, .detail, then error.CODE. Options: the
// group's members, currency, accounts and open cycle (for the names and limits a sentence needs).
export function describe(error, { members, currency, context, cycle, accounts } = {}) {
  const code = error?.code || "internal";
  const d = error?.details || {};
  const cash = (v) => (v === undefined ? "" : money(v, currency || d.currency));
  const vars = {
    member: d.member_id !== undefined ? memberName(d.member_id, members) : "",
    rule: has(`rule.${d.rule}`) ? t(`rule.${d.rule}`) : d.rule || "",
    limit: amount(code, d.limit ?? d.expected ?? d.books, currency),
    value: amount(code, d.value ?? d.counted ?? d.amount, currency),
    through: amount(code, d.through ?? d.closed_through, currency),
    box: d.box ? t(`box.${d.box}`) : "",
    account: d.account ? localName(accounts?.find((a) => a.code === d.account) || { name: "" }) : "",
    available: cash(d.available), needed: cash(d.amount),
    min: cycle ? number(cycle.min_shares) : "", max: cycle ? number(cycle.max_shares) : "",
    multiple: cycle ? number(cycle.loan_multiple) : "",
  };
  const bases = [context && `error.${context}.${code}`, `error.${code}`].filter(Boolean);
  const keys = bases.flatMap((b) => [d.rule ? `.${d.rule}` : null, ".member_detail", ".member", ".detail", ""].filter((v) => v !== null).map((v) => b + v));
  const key = keys.find((k) => has(k) && filled(k, vars));
  if (key) return { text: t(key, vars), field: d.field, server: null };
  if (!error?.status || error.status >= 500) return { text: t("error.server"), field: d.field, server: null };
  return { text: t("error.refused"), field: d.field, server: error?.message || code };
}

// The sentence as a node: <p class="error" role="alert">; the server's message keeps lang="en".
export function errorNode(error, options) {
  const { text, server } = describe(error, options);
  const p = document.createElement("p");
  p.className = "error";
  p.setAttribute("role", "alert");
  p.textContent = text;
  if (server) {
    const span = document.createElement("span");
    span.lang = "en";
    span.translate = false;
    span.className = "server-message";
    span.textContent = server;
    p.append(" ", span);
  }
  return p;
}
