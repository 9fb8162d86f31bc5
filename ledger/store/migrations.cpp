#include "ledger/store/migrations.hpp"

#include <array>
#include <string>

namespace samaki::ledger {
namespace {

// Migration N (1-based) takes user_version N-1 to N. Append only: never edit a released step.
constexpr std::array<const char*, 6> migrations = {
    // 1: groups, charts, members, the journal, running balances, idempotency keys, closed periods.
    R"sql(
CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_km TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('savings_group', 'agri_cooperative', 'joint_task')),
  currency TEXT NOT NULL,
  cash_unit INTEGER NOT NULL CHECK (cash_unit > 0),
  province TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  commune TEXT NOT NULL DEFAULT '',
  village TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  code TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
  name TEXT NOT NULL,
  name_km TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL,
  member_ledger INTEGER NOT NULL CHECK (member_ledger IN (0, 1)),
  UNIQUE (group_id, code)
);
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  name TEXT NOT NULL,
  name_km TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  joined_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX members_by_group ON members (group_id, id);
CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  date TEXT NOT NULL,
  memo TEXT NOT NULL,
  reverses INTEGER REFERENCES entries(id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL,
  UNIQUE (group_id, seq)
);
-- An entry can be reversed once.
CREATE UNIQUE INDEX entries_reversal ON entries (reverses) WHERE reverses IS NOT NULL;
CREATE TABLE lines (
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  line_no INTEGER NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  member_id INTEGER REFERENCES members(id),
  debit INTEGER NOT NULL CHECK (debit >= 0),
  credit INTEGER NOT NULL CHECK (credit >= 0),
  memo TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (entry_id, line_no),
  CHECK ((debit > 0) <> (credit > 0))
) WITHOUT ROWID;
-- One index serves account and member queries: new lines land at the end of each account's range, so
-- a batch dirties about one index page per account touched rather than one per member (member_id rides
-- along as a covering column for statements).
CREATE INDEX lines_by_account ON lines (account_id, entry_id, member_id);
-- Running balance (debit minus credit) per account and member; member_id 0 for non-member accounts.
CREATE TABLE balances (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  member_id INTEGER NOT NULL,
  balance INTEGER NOT NULL,
  PRIMARY KEY (account_id, member_id)
) WITHOUT ROWID;
-- The last entry of each group's chain, so a truncated journal is noticed by verify.
CREATE TABLE chain_heads (
  group_id INTEGER PRIMARY KEY REFERENCES groups(id),
  seq INTEGER NOT NULL,
  hash BLOB NOT NULL
);
CREATE TABLE idempotency_keys (
  group_id INTEGER NOT NULL REFERENCES groups(id),
  key TEXT NOT NULL,
  request_hash BLOB NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  PRIMARY KEY (group_id, key)
) WITHOUT ROWID;
CREATE TABLE periods (
  group_id INTEGER NOT NULL REFERENCES groups(id),
  through TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('month', 'year', 'cycle')),
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  head_seq INTEGER NOT NULL,
  head BLOB NOT NULL,
  PRIMARY KEY (group_id, through)
) WITHOUT ROWID;
-- The journal is append-only; corrections are reversing entries.
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER lines_no_update BEFORE UPDATE ON lines BEGIN SELECT RAISE(ABORT, 'lines are append-only'); END;
CREATE TRIGGER lines_no_delete BEFORE DELETE ON lines BEGIN SELECT RAISE(ABORT, 'lines are append-only'); END;
)sql",
    // 2: users, their groups, sessions (tokens stored only as hashes) and the append-only audit log.
    R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'treasurer', 'member')),
  member_id INTEGER REFERENCES members(id),
  created_at TEXT NOT NULL
);
CREATE TABLE user_groups (
  user_id INTEGER NOT NULL REFERENCES users(id),
  group_id INTEGER NOT NULL REFERENCES groups(id),
  PRIMARY KEY (user_id, group_id)
) WITHOUT ROWID;
CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  ended INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  username TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  group_id INTEGER,
  target TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_group ON audit_log (group_id, id);
-- Append-only: the log refuses changes and deletions at the database level too.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
)sql",
    // 3: accounts close, members leave, periods get ids and can be reopened, operations and their entries,
    // facts kept beside entries, and usernames unique whatever their case.
    R"sql(
ALTER TABLE accounts ADD COLUMN closed_on TEXT;
ALTER TABLE members ADD COLUMN left_on TEXT;
CREATE TABLE periods_v3 (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  through TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('month', 'year', 'cycle')),
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  head_seq INTEGER NOT NULL,
  head BLOB NOT NULL,
  closing_entry INTEGER REFERENCES entries(id),
  reopened_at TEXT,
  reopened_by TEXT NOT NULL DEFAULT '',
  reopen_reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO periods_v3 (group_id, through, kind, closed_at, closed_by, head_seq, head)
  SELECT group_id, through, kind, closed_at, closed_by, head_seq, head FROM periods ORDER BY group_id, through;
DROP TABLE periods;
ALTER TABLE periods_v3 RENAME TO periods;
CREATE INDEX periods_by_group ON periods (group_id, through);
-- What treasurers record: one row per operation, the request as sent and the answer given (replayed for
-- the same Idempotency-Key), and the entries it made, in order.
CREATE TABLE operations (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  type TEXT NOT NULL,
  date TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  request TEXT NOT NULL,
  response TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT,
  request_hash BLOB NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  reverses INTEGER REFERENCES operations(id),
  reason TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX operations_by_key ON operations (group_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX operations_reversal ON operations (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX operations_by_group ON operations (group_id, id);
CREATE TABLE operation_entries (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  position INTEGER NOT NULL
);
CREATE INDEX operation_entries_by_operation ON operation_entries (operation_id, position);
CREATE TABLE entry_metadata (
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (entry_id, key)
) WITHOUT ROWID;
CREATE UNIQUE INDEX users_by_username_nocase ON users (username COLLATE NOCASE);
)sql",
    // 4: savings-group cycles and their dated settings, loans and their payments, attendance, share
    // purchases. Rows made by an operation name it; a reversed operation's rows stop counting (every read
    // leaves out rows whose operation another one reverses).
    R"sql(
CREATE TABLE cycles (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  start TEXT NOT NULL,
  closed_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX cycles_open ON cycles (group_id) WHERE closed_on IS NULL;
CREATE INDEX cycles_by_group ON cycles (group_id, start);
CREATE TABLE cycle_settings (
  cycle_id INTEGER NOT NULL REFERENCES cycles(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  effective_from TEXT NOT NULL,
  share_value INTEGER NOT NULL CHECK (share_value > 0),
  min_shares INTEGER NOT NULL,
  max_shares INTEGER NOT NULL,
  loan_multiple INTEGER NOT NULL,
  interest_rate_e4 INTEGER NOT NULL CHECK (interest_rate_e4 >= 0),
  interest_method TEXT NOT NULL CHECK (interest_method IN ('flat', 'declining')),
  social_fund_per_meeting INTEGER NOT NULL,
  cash_unit INTEGER NOT NULL CHECK (cash_unit > 0),
  meeting_every TEXT NOT NULL CHECK (meeting_every IN ('week', '2weeks', 'month')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (cycle_id, operation_id)
) WITHOUT ROWID;
CREATE TABLE cycle_fines (
  cycle_id INTEGER NOT NULL REFERENCES cycles(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_km TEXT NOT NULL DEFAULT '',
  amount INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (cycle_id, operation_id, code)
) WITHOUT ROWID;
CREATE TABLE loans (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES groups(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  cycle_id INTEGER REFERENCES cycles(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  principal INTEGER NOT NULL CHECK (principal > 0),
  disbursed_on TEXT NOT NULL,
  months INTEGER NOT NULL CHECK (months > 0),
  interest_rate_e4 INTEGER NOT NULL,
  interest_method TEXT NOT NULL CHECK (interest_method IN ('flat', 'declining')),
  purpose TEXT NOT NULL DEFAULT ''
);
CREATE INDEX loans_by_group ON loans (group_id, member_id);
CREATE INDEX loans_by_cycle ON loans (cycle_id);
CREATE TABLE loan_payments (
  id INTEGER PRIMARY KEY,
  loan_id INTEGER NOT NULL REFERENCES loans(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  date TEXT NOT NULL,
  interest INTEGER NOT NULL CHECK (interest >= 0),
  principal INTEGER NOT NULL CHECK (principal >= 0),
  -- 'paper': paid before the group's books came into Samaki (opening balances); no entry of ours
  kind TEXT NOT NULL CHECK (kind IN ('repayment', 'write_off', 'offset', 'paper'))
);
CREATE INDEX loan_payments_by_loan ON loan_payments (loan_id, date);
CREATE TABLE attendance (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  status TEXT NOT NULL CHECK (status IN ('present', 'represented', 'absent')),
  PRIMARY KEY (operation_id, member_id)
) WITHOUT ROWID;
CREATE TABLE share_purchases (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  cycle_id INTEGER NOT NULL REFERENCES cycles(id),
  shares INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (operation_id, member_id, cycle_id)
) WITHOUT ROWID;
CREATE INDEX share_purchases_by_cycle ON share_purchases (cycle_id, member_id);
-- The member_exit operation that marked a member left, so reversing it brings them back.
ALTER TABLE members ADD COLUMN left_by INTEGER REFERENCES operations(id);
-- Balances as of a past day are today's minus what came after it: entries found by date.
CREATE INDEX entries_by_date ON entries (group_id, date);
)sql",
    // 5: cooperatives and joint-task committees: dated by-laws, what trades moved besides money, the days
    // members worked, a cooperative's year-end appropriation and a committee's allocations. Like the rows of
    // migration 4, each names its operation and stops counting when that operation is reversed.
    R"sql(
CREATE TABLE bylaws (
  group_id INTEGER NOT NULL REFERENCES groups(id),
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  effective_from TEXT NOT NULL,
  reserve_e4 INTEGER NOT NULL CHECK (reserve_e4 BETWEEN 0 AND 1000000),
  education_e4 INTEGER NOT NULL CHECK (education_e4 BETWEEN 0 AND 1000000),
  dividend_cap_e4 INTEGER NOT NULL CHECK (dividend_cap_e4 BETWEEN 0 AND 1000000),
  patronage_e4 INTEGER NOT NULL CHECK (patronage_e4 BETWEEN 0 AND 1000000),
  patronage_cash_e4 INTEGER NOT NULL CHECK (patronage_cash_e4 BETWEEN 0 AND 1000000),
  cash_unit INTEGER NOT NULL CHECK (cash_unit > 0),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, operation_id)
) WITHOUT ROWID;
-- The item or crop of a purchase or sale, how much of it, in what unit, with whom, for what amount.
CREATE TABLE trades (
  operation_id INTEGER PRIMARY KEY REFERENCES operations(id),
  group_id INTEGER NOT NULL REFERENCES groups(id),
  date TEXT NOT NULL,
  type TEXT NOT NULL,
  member_id INTEGER REFERENCES members(id),
  party TEXT NOT NULL DEFAULT '',
  item TEXT NOT NULL,
  quantity_e3 INTEGER NOT NULL CHECK (quantity_e3 >= 0),
  unit TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL
);
CREATE INDEX trades_by_group ON trades (group_id, date);
CREATE TABLE work_days (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  days INTEGER NOT NULL CHECK (days > 0),
  PRIMARY KEY (operation_id, member_id)
) WITHOUT ROWID;
CREATE TABLE appropriations (
  operation_id INTEGER PRIMARY KEY REFERENCES operations(id),
  group_id INTEGER NOT NULL REFERENCES groups(id),
  year INTEGER NOT NULL,
  dividend_e4 INTEGER NOT NULL,
  surplus INTEGER NOT NULL,
  reserve INTEGER NOT NULL,
  education INTEGER NOT NULL,
  patronage_pool INTEGER NOT NULL
);
CREATE INDEX appropriations_by_group ON appropriations (group_id, year);
CREATE TABLE appropriation_members (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  share_capital INTEGER NOT NULL,
  dividend INTEGER NOT NULL,
  business INTEGER NOT NULL,
  refund INTEGER NOT NULL,
  refund_cash INTEGER NOT NULL,
  PRIMARY KEY (operation_id, member_id)
) WITHOUT ROWID;
CREATE TABLE allocations (
  operation_id INTEGER PRIMARY KEY REFERENCES operations(id),
  group_id INTEGER NOT NULL REFERENCES groups(id),
  date TEXT NOT NULL,
  decision TEXT NOT NULL,
  surplus INTEGER NOT NULL,
  village_fund INTEGER NOT NULL,
  reinvest INTEGER NOT NULL,
  members_amount INTEGER NOT NULL,
  split TEXT NOT NULL CHECK (split IN ('equal', 'work_days')),
  work_from TEXT,
  work_to TEXT
);
CREATE INDEX allocations_by_group ON allocations (group_id, date);
CREATE TABLE allocation_members (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  weight INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (operation_id, member_id)
) WITHOUT ROWID;
)sql",
    // 6: three additions of one release, in one step. A member's family and given names kept apart, in both
    // scripts (khmer.md); '' for members added with a whole name only. Where each session was opened from,
    // for the user's list of their sessions. The balances as of a closed period's last day, kept when it
    // closes (nothing dated on or before that day can be written while it stands closed), so a report at a
    // year's boundary reads them instead of the year's lines; a period closed before this step has none
    // (balances_kept 0) and reports compute it.
    R"sql(
ALTER TABLE members ADD COLUMN family_name TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN given_name TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN family_name_km TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN given_name_km TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE periods ADD COLUMN balances_kept INTEGER NOT NULL DEFAULT 0 CHECK (balances_kept IN (0, 1));
CREATE TABLE period_balances (
  period_id INTEGER NOT NULL REFERENCES periods(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  member_id INTEGER NOT NULL,
  balance INTEGER NOT NULL,
  PRIMARY KEY (period_id, account_id, member_id)
) WITHOUT ROWID;
)sql",
};

}  // namespace

int schema_version() {
  return static_cast<int>(migrations.size());
}

void migrate(sqlite::connection& db) {
  auto version = db.query_int("PRAGMA user_version");
  if (version > schema_version())
    throw sqlite::sqlite_error(SQLITE_ERROR, "database schema version " + std::to_string(version) +
                                                 " is newer than this build (" +
                                                 std::to_string(schema_version()) + ")");
  if (version == schema_version()) return;
  // Every step in one transaction: an upgrade that fails at any step leaves the file as it was, at its old
  // version, for the old build to go on with.
  sqlite::transaction tx(db);
  for (auto step = version; step < schema_version(); ++step)
    db.exec(migrations[static_cast<std::size_t>(step)]);
  db.exec("PRAGMA user_version = " + std::to_string(schema_version()));
  tx.commit();
}

}  // namespace samaki::ledger
