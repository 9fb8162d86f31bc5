// What the staff's screens share (they are fetched on first use, with their texts and styles): the assets,
// and a warning of the dashboard (ledger/reports/warnings.hpp) as a short chip in the reader's language.
import { addTexts, t } from "../../i18n.js";
import { date, money, number } from "../../format.js";
import { h } from "../../ui.js";

let styled = false;
export function staffAssets() {
  if (!styled) {
    styled = true;
    document.head.append(h("link", { rel: "stylesheet", href: "/screens/staff/staff.css" }));
  }
  return addTexts("staff");
}

const MONEY = ["balance", "outstanding", "shares", "limit", "late_balance"];
const DATES = ["last_meeting", "since", "through"];

// The figures of a warning as the chip shows them: money with its currency, dates, PAR as a percentage.
function shown(figures, currency) {
  const out = {};
  for (const [key, value] of Object.entries(figures)) {
    if (MONEY.includes(key)) out[key] = money(value, figures.currency || currency);
    else if (DATES.includes(key)) out[key] = value ? date(value) : "";
    else if (key === "par30") out[key] = `${number((Number(value) * 100).toFixed(1), { keepFraction: true })}%`;
    else if (typeof value === "number") out[key] = number(value);
    else out[key] = value;
  }
  return out;
}

export const warningChip = (w, currency) =>
  h(`li.chip.${w.code}`, { "data-code": w.code, text: t(`warning.${w.code}`, shown(w.figures, currency)) });

export const warningChips = (warnings, currency) =>
  warnings.length ? h("ul.chips", {}, warnings.map((w) => warningChip(w, currency))) : h("span.chip-none", { text: t("staff.no_warnings") });
