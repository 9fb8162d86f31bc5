// A trade's form as it is typed (a cooperative's or committee's operations): each amount's currency beside
// its label, kg × price and what a sale in another currency comes to at the rate, the rate of an exchange;
// the rate asked only for another currency, and only the cash boxes of the sale's currency offered. A
// committee's allocation shows the surplus it may share.
import { t } from "../../i18n.js";
import { addAmounts, currencySign, date, isZero, money, number, parseAmount, parseDecimal, subtract } from "../../format.js";
import { h } from "../../ui.js";
import { isAbort } from "../../api.js";
import { isDecimalText } from "../operation.js";

// Decimal strings as [BigInt, scale]: "12.5" -> [125n, 1].
function scaled(value) {
  const text = String(value).replace(/^\+/, "");
  const [whole, fraction = ""] = text.replace(/^-/, "").split(".");
  const n = BigInt(whole || "0") * 10n ** BigInt(fraction.length) + BigInt(fraction || "0");
  return [text.startsWith("-") ? -n : n, fraction.length];
}
// A BigInt over 10^scale as a decimal string with two decimals, rounded half up (as the server rounds).
function twoDecimals(numerator, scale) {
  const negative = numerator < 0n;
  let n = negative ? -numerator : numerator;
  const shift = BigInt(scale) - 2n;
  if (shift > 0n) n = (n + 5n * 10n ** (shift - 1n)) / 10n ** shift;
  else n *= 10n ** -shift;
  const text = n.toString().padStart(3, "0");
  return `${negative && n ? "-" : ""}${text.slice(0, -2)}.${text.slice(-2)}`;
}

// a × b exactly, rounded half up to the cent: product("1000", "1.35") -> "1350.00" (kg × price, $ × rate).
function product(a, b) {
  const [x, sx] = scaled(a);
  const [y, sy] = scaled(b);
  return twoDecimals(x * y, sx + sy);
}

// a ÷ b to the cent, rounded half up; null when b is zero: quotient("410000", "100") -> "4100.00".
function quotient(a, b) {
  const [x, sx] = scaled(a);
  const [y, sy] = scaled(b);
  if (y === 0n) return null;
  // x/10^sx ÷ y/10^sy = (x · 10^(sy+3)) / (y · 10^sx), kept with three decimals before rounding.
  const n = (x * 10n ** BigInt(sy + 3)) / (y * 10n ** BigInt(sx));
  return twoDecimals(n, 3);
}

export function liveSums(form, data) {
  const note = h("p.live-sum", { "aria-live": "polite" });
  const base = data.currency;
  const accountCurrency = (code) => data.list.find((a) => a.code === code)?.currency || base;
  const update = () => {
    const v = Object.fromEntries(new FormData(form));
    const currency = v.currency || base;
    const rate = parseDecimal(v.rate);
    const rateField = form.querySelector("#f-rate")?.closest(".field");
    if (rateField) rateField.hidden = currency === base;
    for (const option of form.querySelectorAll("#f-via option")) {
      option.hidden = Boolean(option.value) && v.currency !== undefined && accountCurrency(option.value) !== currency;
      if (option.hidden && option.selected) form.querySelector("#f-via").value = "";
    }
    for (const label of form.querySelectorAll(".field label")) {
      const name = label.htmlFor.slice(2);
      const own = name === "price_per_kg" ? currency : /^(from|to)\.amount$/.test(name) ? accountCurrency(v[`${name.split(".")[0]}.account`]) : base;
      label.querySelector(".unit")?.remove();
      if (form.querySelector(`#f-${CSS.escape(name)}`)?.getAttribute("inputmode") === "decimal" && !isDecimalText({ type: "text", name }))
        label.append(h("span.unit", { text: ` (${currencySign(own)})` }));
    }
    const lines = [];
    const [kg, price] = [parseDecimal(v.quantity_kg), parseAmount(v.price_per_kg)];
    if (kg && price) {
      const total = product(kg, price);
      lines.push(t("kg_times_price", { kg: number(kg), price: money(price, currency), total: money(total, currency) }));
      if (currency !== base && rate) lines.push(t("at_rate_comes_to", { rate: money(rate, base), one: money("1", currency), amount: money(product(total, rate), base) }));
    }
    const [from, to] = [parseAmount(v["from.amount"]), parseAmount(v["to.amount"])];
    const [fromCurrency, toCurrency] = [accountCurrency(v["from.account"]), accountCurrency(v["to.account"])];
    if (from && to && fromCurrency !== toCurrency) {
      const [foreign, local] = fromCurrency === base ? [[to, toCurrency], [from, fromCurrency]] : [[from, fromCurrency], [to, toCurrency]];
      const each = quotient(local[0], foreign[0]);
      if (each) lines.push(t("exchange_rate_is", { one: money("1", foreign[1]), rate: money(each, local[1]) }));
    }
    note.replaceChildren(...lines.map((line) => h("span", { text: line })));
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
  return note;
}

// A committee's allocation: what it may share on the form's date (the surplus on 3060 once the income and
// expenses through that day are closed, from the ledger), shown before the split is typed, then what the
// typed amounts leave, or by how much they pass it (the server refuses that too).
export function allocationSurplus(form, ctx, g) {
  const note = h("div.surplus", { "aria-live": "polite" });
  let available = null;
  let asked = null;
  const typed = () => {
    const v = Object.fromEntries(new FormData(form));
    return addAmounts(["village_fund", "reinvest", "members.amount"].map((name) => parseAmount(v[name] || "") || "0"));
  };
  const show = () => {
    if (!available) return;
    const total = typed();
    const left = subtract(available.surplus, total);
    note.replaceChildren(
      h("p.lead", {}, h("span", { text: `${t("surplus_available", { date: date(available.as_of) })} ` }), h("strong.num", { text: money(available.surplus, g.currency) })),
      h("p.hint", { text: t("surplus_made_of", { result: money(available.result, g.currency), carried: money(available.carried, g.currency) }) }),
      !isZero(total) && h(`p${left.startsWith("-") ? ".error" : ""}`, { text: left.startsWith("-")
        ? t("allocation_over", { amount: money(left.slice(1), g.currency) })
        : t("allocation_leaves", { amount: money(left, g.currency) }) }));
  };
  const load = async () => {
    const day = form.querySelector("#f-date")?.value;
    if (!day || day === asked) return show();
    asked = day;
    try {
      available = await ctx.api(`/groups/${g.id}/reports/allocation-surplus?as_of=${day}`);
      if (asked === day) show();
    } catch (error) {
      if (!isAbort(error)) note.replaceChildren(h("p.error", { text: t("error.server") }));
    }
  };
  form.addEventListener("input", load);
  form.addEventListener("change", load);
  load();
  return note;
}
