// A whole savings-group meeting on one screen (design/operations.md, "The meeting"): a row per active
// member (attendance, a shares stepper within the cycle's limits, the social-fund tick, the cycle's fines,
// a repayment prefilled with what is due, a new loan), the totals, and the cash each box must hold after
// it. Each row starts as the member's last meeting, so only what differs takes a tap. Save waits until the
// counted cash matches the books; the server checks every rule again and names the member it refuses.
import { localName, t } from "../i18n.js";
import { addAmounts, compare, isZero, money, multiply, number, parseAmount, subtract, today, date } from "../format.js";
import { invalidate } from "../api.js";
import { outboxWriter, waiting } from "../outbox.js";
import { go, flash } from "../router.js";
import { h, field, onSubmit, toggle, stepper } from "../ui.js";
import { all, group, members, accounts, heading, nameNode, openCycle, openLoans, recentOperations, lastMeeting, nextMeeting } from "../books.js";

const ATTENDANCE = ["present", "represented", "absent"];
const sum = (list) => addAmounts(list.concat("0"));
const balance = (list, code) => list.find((a) => a.code === code)?.balance ?? "0";

const loadMeeting = (ctx) => {
  const cycle = openCycle(ctx);
  return all({
    group: group(ctx), members: members(ctx), accounts: accounts(ctx), cycle, loans: openLoans(ctx),
    last: cycle.then((c) => c && recentOperations(ctx, c, "meeting").then(lastMeeting)),
    // Each member's shares so far (the loan limit is a multiple of them).
    saved: ctx.api(`/groups/${ctx.params.gid}/accounts/3010`).then((a) => new Map(a.member_balances.map((b) => [b.member_id, b.balance]))),
  });
};

// What a loan asks at this meeting: what falls due before the next one (never more than is owed).
function dueNow(loan, cycle) {
  const due = loan.next_due;
  if (!due || due.date > nextMeeting(today(), cycle.meeting_every)) return "";
  const owed = addAmounts([loan.outstanding, loan.interest_due]);
  return number(compare(due.amount, owed) > 0 ? owed : due.amount);
}

// Each active member's row, starting as at their last meeting (else the fewest shares and the social fund).
function startRows(people, cycle, loans, last) {
  const before = new Map((last?.request.members || []).map((m) => [m.member_id, m]));
  const fewest = cycle.min_shares ?? 1;
  return new Map(people.filter((m) => !m.left_on).map((m) => {
    const was = before.get(m.id);
    const shares = Math.min(cycle.max_shares, Math.max(fewest, was?.shares ?? fewest));
    const own = loans.filter((l) => l.member_id === m.id);
    return [m.id, {
      member: m, attendance: "present", shares, social: was?.attendance === "absent" || was?.social_fund !== false, fines: new Set(),
      loans: own, repay: Object.fromEntries(own.map((l) => [l.id, dueNow(l, cycle)])), borrowing: false, borrow: "", months: "",
    }];
  }));
}

// The meeting's money, and what each box should hold after it (money in counted before money out).
function totals(rows, cycle, books) {
  const came = [...rows.values()].filter((r) => r.attendance !== "absent");
  const fine = (code) => cycle.fines.find((f) => f.code === code)?.amount ?? "0";
  const out = {
    count: came.reduce((n, r) => n + r.shares, 0),
    social: multiply(cycle.social_fund_per_meeting, came.filter((r) => r.social && !isZero(cycle.social_fund_per_meeting)).length),
    fines: sum(came.flatMap((r) => [...r.fines].map(fine))),
    repaid: sum(came.flatMap((r) => Object.values(r.repay).map(parseAmount).filter(Boolean))),
    lent: sum(came.filter((r) => r.borrowing).map((r) => parseAmount(r.borrow)).filter(Boolean)),
  };
  out.shares = multiply(cycle.share_value, out.count);
  out.loanFund = subtract(addAmounts([books.loanFund, out.shares, out.fines, out.repaid]), out.lent);
  out.socialFund = addAmounts([books.socialFund, out.social]);
  return out;
}

// The request as operations.md shapes it; absent members are named with their attendance only.
function request(rows, when, counted, cycle) {
  return {
    type: "meeting", date: when, counted,
    members: [...rows.values()].map((r) => {
      const row = { member_id: r.member.id, attendance: r.attendance };
      if (r.attendance === "absent") return row;
      if (r.shares > 0) row.shares = r.shares;
      if (r.social && !isZero(cycle.social_fund_per_meeting)) row.social_fund = true;
      if (r.fines.size) row.fines = [...r.fines];
      const repay = r.loans.filter((l) => parseAmount(r.repay[l.id])).map((l) => ({ loan_id: l.id, amount: parseAmount(r.repay[l.id]) }));
      if (repay.length) row.repay = repay;
      if (r.borrowing && parseAmount(r.borrow)) row.loan = { amount: parseAmount(r.borrow), months: Number(r.months) };
      return row;
    }),
  };
}

// A number input bound to row[key] (or row.repay[loan id]); its id survives a redraw in the other language.
function amountInput(id, label, read, write, changed) {
  const input = h("input", { id, inputmode: "numeric", autocomplete: "off" });
  input.value = read();
  input.addEventListener("input", () => { write(input.value); changed(); });
  return h("label.inline-field", {}, h("span", { text: label }), input);
}

function memberRow(row, ctx, changed) {
  const { cycle, currency, saved } = ctx;
  const id = row.member.id;
  const body = h("div.row-body");
  const problem = h("p.error.row-error", { hidden: true });
  // The loan limit: a multiple of the member's shares after this meeting, less what they owe.
  const limit = () => subtract(multiply(addAmounts([saved.get(id) ?? "0", multiply(cycle.share_value, row.shares)]), cycle.loan_multiple),
    sum(row.loans.map((l) => l.outstanding)));
  const limitNote = h("small");
  const late = row.loans.some((l) => l.days_in_arrears > 0);
  const check = () => {
    const over = parseAmount(row.borrow) && compare(parseAmount(row.borrow), limit()) > 0;
    limitNote.textContent = late ? t("late_no_loan") : t(over ? "above_limit" : "up_to", { amount: money(limit(), currency) });
    limitNote.className = late || over ? "warn" : "";
  };
  const update = () => { check(); changed(); };
  const loanPanel = h("div.new-loan", { hidden: !row.borrowing },
    amountInput(`loan-${id}`, t("loan_amount"), () => row.borrow, (v) => { row.borrow = v; }, update),
    amountInput(`months-${id}`, t("loan_months"), () => row.months, (v) => { row.months = v; }, changed),
    limitNote);
  const draw = () => {
    body.hidden = row.attendance === "absent";
    check();
    body.replaceChildren(...[
      h("div.row-line", {},
        stepper(row.shares, cycle.min_shares, cycle.max_shares, (n) => { row.shares = n; update(); }, t("shares")),
        !isZero(cycle.social_fund_per_meeting) && toggle(t("social_fund_short"), row.social, (on) => { row.social = on; changed(); })),
      h("div.row-line.wrap", {},
        cycle.fines.map((f) => toggle(localName(f), row.fines.has(f.code), (on) => { on ? row.fines.add(f.code) : row.fines.delete(f.code); changed(); })),
        toggle(t("new_loan"), row.borrowing, (on) => { row.borrowing = on; loanPanel.hidden = !on; changed(); }, "button.toggle.loan")),
      loanPanel,
      row.loans.map((l) => h("div.row-line.wrap", {},
        amountInput(`repay-${l.id}`, t("repayment"), () => row.repay[l.id], (v) => { row.repay[l.id] = v; }, changed),
        h("small", { text: [t("owes", { amount: money(addAmounts([l.outstanding, l.interest_due]), currency) }),
          l.next_due && t("due_on", { amount: money(l.next_due.amount, currency), date: date(l.next_due.date) })].filter(Boolean).join(" · ") }),
        l.days_in_arrears > 0 && h("span.badge", { text: t("days_late", { n: number(l.days_in_arrears) }) }))),
    ].flat().filter(Boolean));
  };
  const attendance = h("div.segmented", { role: "group", "aria-label": t("attendance") }, ATTENDANCE.map((a) =>
    h("button", { type: "button", "aria-pressed": String(row.attendance === a), text: t(`attendance.${a}`), on: { click: (event) => {
      row.attendance = a;
      for (const b of event.currentTarget.parentNode.children) b.setAttribute("aria-pressed", String(b === event.currentTarget));
      draw();
      changed();
    } } })));
  draw();
  const li = h("li.meeting-row", { id: `row-${id}` }, nameNode(row.member, "strong"), attendance, body, problem);
  li.problem = problem;
  return li;
}

// A row whose loan has no months, or an amount that is not one: said in the row, before anything is sent.
function rowProblems(rows) {
  const found = [];
  for (const r of rows.values()) {
    if (r.attendance === "absent") continue;
    const borrow = r.borrowing ? r.borrow.trim() : "";
    const bad = Object.values(r.repay).some((v) => v.trim() && parseAmount(v) === null) || (borrow && parseAmount(borrow) === null);
    if (bad) found.push([r.member.id, t("invalid_amount")]);
    else if (borrow && !/^\d+$/.test(r.months.trim())) found.push([r.member.id, t("months_needed")]);
  }
  return found;
}

export default {
  name: "meeting",
  roles: ["admin", "treasurer"],
  load: loadMeeting,
  render(loaded, ctx) {
    const { group: g, members: people, accounts: list, cycle, loans, last, saved } = loaded;
    if (!cycle) return [...heading(g, t("record_meeting")), h("p.note.warn", { text: t("error.no_open_cycle") }),
      h("a.button.primary", { href: `#/g/${g.id}/cycle/new`, text: t("start_cycle") })];
    if (cycle.start > today()) return [...heading(g, t("record_meeting")), h("p.note", { text: t("cycle_starts", { date: date(cycle.start) }) })];
    const books = { loanFund: balance(list, "1010"), socialFund: balance(list, "1020") };
    // The meeting so far lives on the screen's context: a language switch draws it again as it was.
    ctx.rows ??= startRows(people, cycle, loans, last);
    // No answer (the network dropped): the meeting waits in the outbox and is sent when it comes back.
    ctx.send ??= outboxWriter({ group: g, type: "meeting", members: people });
    const { rows, send } = ctx;
    const shown = {};
    const line = (key, label) => h("div.total-line", {}, h("span", { text: label }), shown[key] = h("strong.num"));
    const countedField = (box) => field(`counted_${box}`, t(`counted_${box}`), { input: { inputmode: "numeric", autocomplete: "off" } });
    const save = h("button.primary", { type: "submit", text: t("save_meeting") });
    const match = h("p.match", { role: "status" });
    const typed = (box) => parseAmount(form[`counted_${box}`].value);
    const refresh = () => {
      const s = totals(rows, cycle, books);
      shown.shares.textContent = `${t("shares_count", { n: number(s.count) })} · ${money(s.shares, g.currency)}`;
      for (const key of ["social", "fines", "repaid", "lent", "loanFund", "socialFund"]) shown[key].textContent = money(s[key], g.currency);
      const ok = [["loan_fund", s.loanFund], ["social_fund", s.socialFund]].every(([box, books]) => typed(box) !== null && compare(typed(box), books) === 0);
      save.disabled = !ok;
      match.textContent = t(ok ? "cash_matches" : "cash_must_match");
      match.className = ok ? "match good" : "match";
    };
    const rowNodes = new Map([...rows.values()].map((r) => [r.member.id, memberRow(r, { cycle, currency: g.currency, saved }, refresh)]));
    const showProblem = (id, text) => {
      const node = rowNodes.get(id);
      if (!node) return;
      node.problem.textContent = text;
      node.problem.hidden = false;
      node.classList.add("refused");
      node.scrollIntoView({ block: "center" });
    };
    const form = h("form.meeting", {},
      field("date", t("meeting_date"), { value: today(), input: { type: "date", max: today(), min: cycle.start } }),
      last && h("p.hint", { text: t("rows_from_last", { date: date(last.date) }) }),
      cycle.fines.length > 0 && h("p.hint", { text: t("fines_legend", { list: cycle.fines.map((f) => `${localName(f)} ${money(f.amount, g.currency)}`).join(" · ") }) }),
      h("ol.meeting-rows", {}, [...rowNodes.values()]),
      h("section.totals", {}, h("h3", { text: t("meeting_totals") }),
        line("shares", t("shares")), line("social", t("social_fund")), line("fines", t("fines")),
        line("repaid", t("repaid")), line("lent", t("lent")),
        h("h3", { text: t("boxes_after") }), line("loanFund", t("loan_fund_box")), line("socialFund", t("social_fund_box")),
        countedField("loan_fund"), countedField("social_fund"), match),
      h("p.field-error", { id: "f-rows-error", hidden: true }),
      save);
    form.addEventListener("input", refresh);
    const clear = () => rowNodes.forEach((node) => { node.problem.hidden = true; node.classList.remove("refused"); });
    onSubmit(form, async (v) => {
      const counted = { loan_fund: typed("loan_fund"), social_fund: typed("social_fund") };
      const answer = await send(`/groups/${g.id}/operations`, request(rows, v.date, counted, cycle), { signal: ctx.signal });
      invalidate(`/groups/${g.id}`);
      flash(t(answer.queued ? "outbox.kept" : "meeting_saved"));
      go(answer.queued ? `/g/${g.id}` : `/g/${g.id}/operations/${answer.id}`, { replace: true });
    }, {
      // A loan without its months, or an amount that is not one, is said in its row before anything is sent.
      validate: () => {
        clear();
        const problems = rowProblems(rows);
        problems.forEach(([id, text]) => showProblem(id, text));
        return problems.length ? { rows: t("fix_rows") } : {};
      },
      errors: { members: people, currency: g.currency, cycle, accounts: list },
      fieldOf: (e) => (e.code === "cash_mismatch" ? `counted_${e.details.box}` : null),
      failed: (e, text) => e.details?.member_id !== undefined && showProblem(Number(e.details.member_id), text),
    });
    queueMicrotask(refresh);
    const pending = waiting().find((item) => item.group.id === g.id && item.type === "meeting");
    return [...heading(g, t("record_meeting")),
      pending && h("p.note.warn", { text: t("outbox.meeting_waiting", { date: date(pending.body.date) }) }),
      h("p.hint", { text: t("meeting_hint") }), form];
  },
};
