// A whole savings-group meeting on one screen (design/operations.md, "The meeting"): a row per member
// (attendance, a shares stepper, the social-fund tick, fines, a repayment, a new loan), the totals, and
// the cash the boxes must hold afterwards. Saving waits until the counted cash matches the books; the
// server checks the same rules again and names the member when one is broken.
import { localName, t } from "../i18n.js";
import { addAmounts, isZero, money, multiply, number, parseAmount, today, date } from "../format.js";
import { invalidate, onceWriter } from "../api.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit } from "../ui.js";
import { all, group, members, accounts, heading, nameNode } from "../books.js";

const ATTENDANCE = ["present", "represented", "absent"];
const minus = (amount) => (amount.startsWith("-") ? amount.slice(1) : `-${amount}`);
const same = (a, b) => a !== null && b !== null && isZero(addAmounts([a, minus(b)]));

const loadMeeting = (ctx) => all({
  group: group(ctx),
  members: members(ctx),
  accounts: accounts(ctx),
  // No open cycle is an answer here, not a failure: the screen offers to start one.
  cycle: ctx.api(`/groups/${ctx.params.gid}/cycles/current`).catch((e) => {
    if (e.code === "no_open_cycle" || e.status === 404) return null;
    throw e;
  }),
  loans: ctx.api(`/groups/${ctx.params.gid}/loans?status=open&limit=1000`).then((l) => l.items),
});

// Each member's row starts as the usual case: present, the fewest shares, the social fund paid.
function startRows(people, cycle, loans) {
  return new Map(people.filter((m) => !m.left_on).map((m) => [m.id, {
    member: m, attendance: "present", shares: Math.max(cycle.min_shares ?? 1, 0), social: true, fines: new Set(),
    loan: loans.find((l) => l.member_id === m.id), repay: "", borrow: "", months: "",
  }]));
}

// The meeting's money: what comes in and goes out, and what each box should hold after it.
function totals(rows, cycle, books) {
  const present = [...rows.values()].filter((r) => r.attendance !== "absent");
  const fineAmount = (code) => cycle.fines?.find((f) => f.code === code)?.amount ?? "0";
  const shares = present.reduce((n, r) => n + r.shares, 0);
  const sum = (pick) => addAmounts(present.flatMap(pick).concat("0"));
  const out = {
    shares, sharesAmount: multiply(cycle.share_value, shares),
    social: multiply(cycle.social_fund_per_meeting ?? "0", present.filter((r) => r.social).length),
    fines: sum((r) => [...r.fines].map(fineAmount)),
    repaid: sum((r) => (parseAmount(r.repay) && r.loan ? [parseAmount(r.repay)] : [])),
    lent: sum((r) => (parseAmount(r.borrow) ? [parseAmount(r.borrow)] : [])),
  };
  out.loanFund = addAmounts([books.loanFund, out.sharesAmount, out.fines, out.repaid, minus(out.lent)]);
  out.socialFund = addAmounts([books.socialFund, out.social]);
  return out;
}

// The request, as operations.md shapes it.
function request(rows, when, counted) {
  return {
    type: "meeting", date: when,
    members: [...rows.values()].map((r) => {
      const row = { member_id: r.member.id, attendance: r.attendance };
      if (r.attendance === "absent") return row;
      Object.assign(row, { shares: r.shares, social_fund: r.social, fines: [...r.fines] });
      if (r.loan && parseAmount(r.repay)) row.repay = [{ loan_id: r.loan.id, amount: parseAmount(r.repay) }];
      if (parseAmount(r.borrow)) row.loan = { amount: parseAmount(r.borrow), months: Number(r.months) };
      return row;
    }),
    counted,
  };
}

const toggle = (label, pressed, onPress) => {
  const button = h("button.toggle", { type: "button", "aria-pressed": String(pressed), text: label });
  button.addEventListener("click", () => {
    const now = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(now));
    onPress(now);
  });
  return button;
};

function stepper(row, cycle, changed) {
  const count = h("output.count", { text: number(row.shares) });
  const step = (by) => () => {
    row.shares = Math.min(cycle.max_shares ?? 5, Math.max(cycle.min_shares ?? 0, row.shares + by));
    count.textContent = number(row.shares);
    changed();
  };
  return h("div.stepper", { role: "group", "aria-label": t("shares") },
    h("button", { type: "button", text: "−", "aria-label": t("fewer_shares"), on: { click: step(-1) } }),
    count,
    h("button", { type: "button", text: "+", "aria-label": t("more_shares"), on: { click: step(+1) } }));
}

function amountInput(name, label, row, key, changed, extra = {}) {
  const input = h("input", { id: `${name}-${row.member.id}`, inputmode: "numeric", autocomplete: "off", "aria-label": label, ...extra });
  input.value = row[key];
  input.addEventListener("input", () => { row[key] = input.value; changed(); });
  return h("label.inline-field", {}, h("span", { text: label }), input);
}

function memberRow(row, cycle, currency, changed) {
  const body = h("div.row-body");
  const drawBody = () => {
    body.hidden = row.attendance === "absent";
    body.replaceChildren(...[
      h("div.row-line", {}, h("span", { text: t("shares") }), stepper(row, cycle, changed)),
      h("div.row-line.wrap", {},
        !isZero(cycle.social_fund_per_meeting) && toggle(t("social_fund_paid", { amount: money(cycle.social_fund_per_meeting, currency) }),
          row.social, (on) => { row.social = on; changed(); }),
        (cycle.fines || []).map((f) => toggle(`${localName(f)} ${money(f.amount, currency)}`, row.fines.has(f.code),
          (on) => { on ? row.fines.add(f.code) : row.fines.delete(f.code); changed(); }))),
      row.loan && h("div.row-line.wrap", {},
        amountInput("repay", t("repayment"), row, "repay", changed),
        row.loan.next_due && h("small", { text: t("due_on", { amount: money(row.loan.next_due.amount, currency), date: date(row.loan.next_due.date) }) })),
      h("details.new-loan", { open: Boolean(row.borrow) }, h("summary", { text: t("new_loan") }),
        amountInput("loan", t("loan_amount"), row, "borrow", changed),
        amountInput("months", t("loan_months"), row, "months", changed, { inputmode: "numeric" })),
    ].filter(Boolean));
  };
  const attendance = h("div.segmented", { role: "group", "aria-label": t("attendance") }, ATTENDANCE.map((a) =>
    h("button", { type: "button", "aria-pressed": String(row.attendance === a), text: t(`attendance.${a}`), on: { click: (event) => {
      row.attendance = a;
      for (const b of event.target.parentNode.children) b.setAttribute("aria-pressed", String(b === event.target));
      drawBody();
      changed();
    } } })));
  drawBody();
  return h("li.meeting-row", {}, nameNode(row.member, "strong"), attendance, body);
}

export default {
  name: "meeting",
  roles: ["admin", "treasurer"],
  load: loadMeeting,
  render(loaded, ctx) {
    const { group: g, members: people, accounts: list, cycle, loans } = loaded;
    if (!cycle) return [...heading(g, t("record_meeting")), h("p", { text: t("error.no_open_cycle") }),
      h("a.button.primary", { href: `#/g/${g.id}/cycle/new`, text: t("start_cycle") })];
    const books = Object.fromEntries([["loanFund", "1010"], ["socialFund", "1020"]]
      .map(([key, code]) => [key, list.find((a) => a.code === code)?.balance ?? "0"]));
    // The meeting so far lives on the screen's context: a language switch redraws it as it was.
    ctx.rows ??= startRows(people, cycle, loans);
    ctx.send ??= onceWriter();
    const { rows, send } = ctx;
    const shown = {};
    const line = (key, label) => h("div.total-line", {}, h("span", { text: label }), shown[key] = h("strong.num"));
    const counted = {
      loan_fund: field("counted_loan_fund", t("counted_loan_fund"), { input: { inputmode: "numeric", autocomplete: "off" } }),
      social_fund: field("counted_social_fund", t("counted_social_fund"), { input: { inputmode: "numeric", autocomplete: "off" } }),
    };
    const save = h("button.primary", { type: "submit", text: t("save_meeting") });
    const match = h("p.match", { role: "status" });
    const refresh = () => {
      const sum = totals(rows, cycle, books);
      shown.shares.textContent = `${t("shares_count", { n: number(sum.shares) })} · ${money(sum.sharesAmount, g.currency)}`;
      for (const key of ["social", "fines", "repaid", "lent", "loanFund", "socialFund"]) shown[key].textContent = money(sum[key], g.currency);
      const typed = { loan_fund: parseAmount(form.counted_loan_fund.value), social_fund: parseAmount(form.counted_social_fund.value) };
      const ok = same(typed.loan_fund, sum.loanFund) && same(typed.social_fund, sum.socialFund);
      save.disabled = !ok;
      match.textContent = ok ? t("cash_matches") : t("cash_must_match");
      match.className = ok ? "match good" : "match";
      return { sum, typed };
    };
    const form = h("form.meeting", {},
      field("date", t("meeting_date"), { value: today(), input: { type: "date", max: today() } }),
      h("ol.meeting-rows", {}, [...rows.values()].map((r) => memberRow(r, cycle, g.currency, () => refresh()))),
      h("section.totals", {}, h("h3", { text: t("meeting_totals") }),
        line("shares", t("shares")), line("social", t("social_fund")), line("fines", t("fines")),
        line("repaid", t("repaid")), line("lent", t("lent")),
        h("h3", { text: t("boxes_after") }), line("loanFund", t("loan_fund_box")), line("socialFund", t("social_fund_box")),
        counted.loan_fund, counted.social_fund, match),
      save);
    form.addEventListener("input", refresh);
    onSubmit(form, async (v) => {
      const { typed } = refresh();
      const answer = await send(`/groups/${g.id}/operations`, request(rows, v.date, typed), { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t("meeting_saved", { n: number(answer.entries?.length ?? 0) }));
      go(`/g/${g.id}`, { replace: true });
    }, { errors: { members: people, currency: g.currency }, fieldOf: (e) => (e.code === "cash_mismatch" ? "counted_loan_fund" : null) });
    queueMicrotask(refresh);
    return [...heading(g, t("record_meeting")), h("p.hint", { text: t("meeting_hint") }), form];
  },
};
