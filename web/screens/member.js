// A member's page: big numbers and few words. In a savings group: my savings (shares and riel), my loan
// and what is due next, what I would get if the share-out were today, and a bar of my savings at each
// meeting of the cycle; then my passbook. A member signed in sees this as their own page; the treasurer
// and staff reach it from the members list, and the treasurer records a member leaving from here.
import { localName, t } from "../i18n.js";
import { addAmounts, date, isZero, money, number } from "../format.js";
import { session, canWrite } from "../session.js";
import { h, tile, up, printButton, buttonLink } from "../ui.js";
import { all, group, nameNode, cycles, openCycle } from "../books.js";

// Savings: member shares (3010) and, in a cooperative, savings deposits (2030). Loan: loans to members (1100).
const SAVINGS = ["3010", "2030"];
const LOAN = "1100";
const SVG = "http://www.w3.org/2000/svg";

// + when a movement grows what it is on (shares bought, a loan taken), - when it shrinks it.
function signed(account, line) {
  const grows = ["asset", "expense"].includes(account.type) ? line.debit : line.credit;
  const shrinks = ["asset", "expense"].includes(account.type) ? line.credit : line.debit;
  return isZero(grows) ? `-${shrinks}` : grows;
}

const own = (mid) => session.user?.role === "member" && String(session.user.member_id) === String(mid);

// My savings after each meeting of the cycle as bars, the latest darker; drawn here, no library.
function savingsBars(rows, currency) {
  const points = rows.filter((r) => r.type === "meeting" || !isZero(r.savings));
  if (points.length < 2) return null;
  const values = points.map((r) => Number(r.savings));
  const top = Math.max(...values, 1);
  const width = 320;
  const height = 120;
  const step = width / points.length;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "bars");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("savings_bars", { from: date(points[0].date), to: date(points.at(-1).date), amount: money(points.at(-1).savings, currency) }));
  values.forEach((v, i) => {
    const bar = document.createElementNS(SVG, "rect");
    const tall = Math.max(2, Math.round((v / top) * (height - 4)));
    for (const [k, x] of Object.entries({ x: (i * step + step * 0.15).toFixed(1), y: height - tall, width: (step * 0.7).toFixed(1), height: tall, rx: 2 }))
      bar.setAttribute(k, x);
    bar.setAttribute("class", i === values.length - 1 ? "bar now" : "bar");
    svg.append(bar);
  });
  return h("figure.chart", {}, h("figcaption", { text: t("savings_over_cycle") }), svg,
    h("div.chart-axis", {}, h("small", { text: date(points[0].date) }), h("small", { text: date(points.at(-1).date) })));
}

// The savings group's big numbers: savings in shares and riel, the loan and its next instalment, the
// share-out today.
function savingsTiles(g, mine, { passbook: p, loans, sheet }, savings, loan, mid) {
  const next = loans?.map((l) => l.next_due).filter(Boolean).sort((a, b) => a.date.localeCompare(b.date))[0];
  const late = loans?.some((l) => l.days_in_arrears > 0);
  const payout = sheet?.members.find((m) => String(m.member_id) === String(mid))?.payout;
  return h("div.tiles.big", {},
    tile(t(mine ? "my_savings" : "savings"), savings, g.currency, { note: p && t("shares_count", { n: number(p.totals.shares_total ?? 0) }) }),
    tile(t(mine ? "my_loan" : "loan"), loan, g.currency, { warn: late,
      note: next && (late ? t("late_pay", { amount: money(next.amount, g.currency) }) : t("due_on", { amount: money(next.amount, g.currency), date: date(next.date) })) }),
    payout !== undefined && tile(t(mine ? "my_share_out" : "share_out_today"), payout, g.currency, { note: t("if_today") }));
}

export default {
  name: "member",
  load: async (ctx) => {
    const base = `/groups/${ctx.params.gid}/members/${ctx.params.mid}`;
    const kind = (await group(ctx)).kind;
    const savings = kind === "savings_group";
    return all({
      group: group(ctx),
      member: ctx.api(base),
      statement: ctx.api(`${base}/statement`),
      // The passbook of the latest cycle, and the share-out today while one is open.
      ...(savings && {
        passbook: cycles(ctx).then((list) => list.length ? ctx.api(`${base}/passbook`) : null),
        loans: ctx.api(`${base}/loans?status=open`).then((l) => l.items),
        sheet: openCycle(ctx).then((open) => open && ctx.api(`/groups/${ctx.params.gid}/reports/share-out`)),
      }),
      // A cooperative member's part, fetched only for one (screens/trade/).
      ...(kind === "agri_cooperative" && { coop: import("./trade/member_coop.js"), trades: ctx.api(`${base}/trades`).then((x) => x.items) }),
      // A committee member's harvests: work days, shares, what is paid and owed (screens/trade/).
      ...(kind === "joint_task" && { task: import("./trade/member_task.js"), harvests: ctx.api(`${base}/harvests`) }),
    });
  },
  render(data, ctx) {
    const { group: g, member, statement, passbook } = data;
    const mid = ctx.params.mid;
    const mine = own(mid);
    const base = statement.accounts.filter((a) => a.currency === g.currency);
    const savings = addAmounts(base.filter((a) => SAVINGS.includes(a.code)).map((a) => a.closing));
    const loan = addAmounts(base.filter((a) => a.code === LOAN).map((a) => a.closing));
    const others = statement.accounts.filter((a) => !(a.currency === g.currency && [...SAVINGS, LOAN].includes(a.code)) && !isZero(a.closing));
    const lines = statement.accounts
      .flatMap((a) => a.lines.map((line) => ({ account: a, line })))
      .sort((x, y) => y.line.seq - x.line.seq);
    const isSavings = g.kind === "savings_group";
    const leave = !mine && canWrite() && isSavings && !member.left_on;  // the treasurer records a member leaving
    return [
      mine ? up("/", t("my_groups")) : up(`/g/${g.id}/members`, t("members")),
      nameNode(g, "p.group-name"),
      nameNode(member, "h2.person"),
      member.left_on && h("p.note.warn", { text: t("left_on", { date: date(member.left_on) }) }),
      isSavings ? savingsTiles(g, mine, data, savings, loan, mid)
        : data.coop ? data.coop.coopPart(g, mine, statement, data.trades)
          : data.task ? data.task.taskPart(g, mine, data.harvests)
          : h("div.tiles.big", {}, tile(t(mine ? "my_savings" : "savings"), savings, g.currency),
            tile(t(mine ? "my_loan" : "loan"), loan, g.currency, { warn: !isZero(loan) })),
      passbook && savingsBars(passbook.rows, g.currency),
      others.length > 0 && h("ul.balances", {}, others.map((a) => h("li", {}, h("span", { text: localName(a) }),
        h("strong.num", { text: money(a.closing, a.currency) })))),
      (passbook || leave) && h("div.buttons.no-print", {},
        passbook && buttonLink(`/g/${g.id}/members/${mid}/passbook`, t(mine ? "my_passbook" : "passbook"), "a.button.primary"),
        leave && buttonLink(`/g/${g.id}/record/member_exit?member_id=${mid}`, t("member_leaves"), "a.button.quiet")),
      h("details.movements", { open: !isSavings }, h("summary", { text: t(mine ? "my_movements" : "movements") }),
        lines.length
          ? h("ol.entries.statement", {}, lines.map(({ account, line }) => h("li", {},
              h("span.entry-top", {}, h("span", { text: date(line.date) }),
                h("strong.num", { text: money(signed(account, line), account.currency, { sign: true }) })),
              h("span", { text: localName(account) }),
              line.memo && h("small.memo", { translate: "no", text: line.memo }))))
          : h("p", { text: t("no_entries") })),
      h("div.buttons.no-print", {}, h("a.button", { href: `#/g/${g.id}/verify`, text: t("verify") }), printButton()),
    ];
  },
};
