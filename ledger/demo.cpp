#include "ledger/demo.hpp"

#include "ledger/access/users.hpp"
#include "ledger/groups/registry.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/store/group_records.hpp"
#include "ledger/store/write_context.hpp"

#include <stdexcept>

namespace samaki::ledger {
namespace {

template <class T>
T must(result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error("demo data: " + what + ": " + r.error().message);
  return std::move(*r);
}

template <class T>
T run(store& s, std::function<result<T>(write_context&)> work, const std::string& what) {
  return must(s.submit<T>(std::move(work)).get(), what);
}

group_info add_group(store& s, new_group g) {
  return run<group_info>(
      s, [g](write_context& ctx) { return create_group(ctx, g); }, "group " + g.name);
}

member_id add_person(store& s, group_id group, std::string name, std::string name_km, std::string gender) {
  new_member m{group, std::move(name),   std::move(name_km),
               "",    std::move(gender), calendar_date::from_ymd(2026, 1, 5)};
  return run<member_info>(
             s, [m](write_context& ctx) { return add_member(ctx, m); }, "member " + m.name)
      .id;
}

posting_line dr(std::string account, std::string amount, std::optional<member_id> m = std::nullopt) {
  return posting_line{std::move(account), m, side::debit, std::move(amount), ""};
}
posting_line cr(std::string account, std::string amount, std::optional<member_id> m = std::nullopt) {
  return posting_line{std::move(account), m, side::credit, std::move(amount), ""};
}

void post(store& s, group_id group, std::string date, std::string memo, std::vector<posting_line> lines) {
  posting p{group, *calendar_date::parse(date), std::move(memo), std::move(lines), {}, "", "demo"};
  run<posted>(
      s, [p](write_context& ctx) { return post_entry(ctx, p); }, "posting " + p.memo);
}

user_id add_login(store& s, demo_result& out, new_user u, std::string note) {
  auto hash = hash_password(u.password);
  auto user = run<user_info>(
      s, [u, hash](write_context& ctx) { return create_user(ctx, u, hash); }, "user " + u.username);
  out.logins.push_back({u.username, u.password, std::string(role_name(u.role)), std::move(note)});
  return user.id;
}

bool has_groups(store& s) {
  return run<bool>(
      s, [](write_context& ctx) -> result<bool> { return any_group(ctx); }, "count groups");
}

}  // namespace

demo_result load_demo(store& s) {
  demo_result out;
  if (has_groups(s)) return out;

  // A village savings group: three meetings of shares, social fund and a loan with its repayment.
  auto vsla =
      add_group(s, new_group{"Samaki Women's Savings Group", "ក្រុមសន្សំប្រាក់ស្ត្រីសាមគ្គី", group_kind::savings_group,
                             "KHR", std::nullopt, "Siem Reap", "Puok", "Samrong Yea", "Trapeang Thom"});
  auto sokha = add_person(s, vsla.id, "Sokha Chan", "ចាន់ សុខា", "female");
  auto dara = add_person(s, vsla.id, "Dara Kim", "គីម ដារា", "female");
  auto srey = add_person(s, vsla.id, "Sreymom Heng", "ហេង ស្រីមុំ", "female");
  auto vanna = add_person(s, vsla.id, "Vanna Sok", "សុខ វណ្ណា", "male");
  const std::vector<std::pair<member_id, std::string>> first_meeting = {
      {sokha, "15000"}, {dara, "10000"}, {srey, "25000"}, {vanna, "5000"}};
  std::vector<posting_line> shares = {dr("1010", "55000")};
  for (const auto& [m, amount] : first_meeting) shares.push_back(cr("3010", amount, m));
  post(s, vsla.id, "2026-01-05", "Meeting 1: share purchases", shares);
  post(s, vsla.id, "2026-01-05", "Meeting 1: social fund", {dr("1020", "4000"), cr("3030", "4000")});
  post(s, vsla.id, "2026-01-19", "Meeting 2: share purchases",
       {dr("1010", "45000"), cr("3010", "15000", sokha), cr("3010", "15000", dara),
        cr("3010", "15000", srey)});
  post(s, vsla.id, "2026-01-19", "Meeting 2: fine for lateness", {dr("1010", "1000"), cr("4020", "1000")});
  post(s, vsla.id, "2026-01-19", "Meeting 2: loan to Dara", {dr("1100", "60000", dara), cr("1010", "60000")});
  post(s, vsla.id, "2026-02-02", "Meeting 3: Dara repays with service charge",
       {dr("1010", "21200"), cr("1100", "20000", dara), cr("4010", "1200")});

  // An agriculture cooperative: share capital, an input sale on credit, and a rice sale.
  auto coop = add_group(
      s, new_group{"Prek Chik Rice Cooperative", "សហគមន៍កសិកម្មស្រូវព្រែកជីក", group_kind::agri_cooperative, "KHR",
                   std::nullopt, "Battambang", "Banan", "Kantueu Pir", "Prek Chik"});
  auto bopha = add_person(s, coop.id, "Bopha Lim", "លឹម បុប្ផា", "female");
  auto rith = add_person(s, coop.id, "Rith Chea", "ជា ឫទ្ធិ", "male");
  post(s, coop.id, "2026-03-01", "Share capital",
       {dr("1010", "400000"), cr("3010", "200000", bopha), cr("3010", "200000", rith)});
  post(s, coop.id, "2026-03-01", "Entry fees", {dr("1010", "20000"), cr("3020", "20000")});
  post(s, coop.id, "2026-03-10", "Fertiliser sold to Rith on credit",
       {dr("1110", "150000", rith), cr("4010", "150000")});
  post(s, coop.id, "2026-03-20", "Exchange: 100 USD at 4,100 riel",
       {dr("1011", "100"), cr("3901", "100"), dr("3900", "410000"), cr("1010", "410000")});

  // A joint-task committee: cashew harvest income and labour.
  auto task =
      add_group(s, new_group{"Ou Lok Cashew Committee", "គណៈកម្មការចម្ការស្វាយចន្ទីអូរលក", group_kind::joint_task,
                             "KHR", std::nullopt, "Kampong Thom", "Sandan", "Sandan", "Ou Lok"});
  add_person(s, task.id, "Phalla Ros", "រស់ ផល្លា", "female");
  post(s, task.id, "2026-04-15", "Cashew harvest sold", {dr("1010", "2500000"), cr("4010", "2500000")});
  post(s, task.id, "2026-04-16", "Harvest labour", {dr("5010", "600000"), cr("1010", "600000")});

  add_login(s, out, new_user{"admin", "samaki-admin", "Administrator", role::admin, {}, std::nullopt},
            "sees and changes everything");
  add_login(
      s, out,
      new_user{
          "field", "samaki-field", "Field officer", role::staff, {vsla.id, coop.id, task.id}, std::nullopt},
      "audits all three demo groups");
  add_login(s, out,
            new_user{"treasurer",
                     "samaki-treasurer",
                     "Savings group treasurer",
                     role::treasurer,
                     {vsla.id},
                     std::nullopt},
            "records meetings of the savings group");
  add_login(s, out, new_user{"sokha", "samaki-sokha", "Sokha Chan", role::member, {vsla.id}, sokha},
            "a member of the savings group");
  out.loaded = true;
  return out;
}

}  // namespace samaki::ledger
