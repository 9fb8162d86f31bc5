#include "ledger/demo.hpp"

#include "ledger/access/users.hpp"
#include "ledger/demo/stories.hpp"
#include "ledger/store/group_records.hpp"
#include "ledger/store/write_context.hpp"

#include <future>
#include <map>
#include <stdexcept>

namespace samaki::ledger {
namespace {

template <class T>
T run(store& s, std::function<result<T>(write_context&)> work, const std::string& what) {
  auto r = s.submit<T>(std::move(work)).get();
  if (!r) throw std::runtime_error("demo data: " + what + ": " + r.error().message);
  return std::move(*r);
}

// One story is one piece of writer work: all of it commits, or none.
demo::story tell(store& s, demo::story (*story)(write_context&), const std::string& what) {
  return run<demo::story>(
      s,
      [story](write_context& ctx) -> result<demo::story> {
        try {
          return story(ctx);
        } catch (const error_exception& e) {
          return e.err;
        }
      },
      what);
}

struct login_plan {
  new_user user;
  std::string note;
};

bool has_groups(store& s) {
  return run<bool>(
      s, [](write_context& ctx) -> result<bool> { return any_group(ctx); }, "count groups");
}

}  // namespace

demo_result load_demo(store& s, const demo_progress& progress) {
  demo_result out;
  if (has_groups(s)) return out;

  struct step {
    demo::story (*story)(write_context&);
    const char* what;
  };
  const step steps[] = {
      {demo::savings_group_shared_out, "Trapeang Thom savings group (Siem Reap): a cycle shared out"},
      {demo::savings_group_mid_cycle, "Srae Ronoung savings group (Takeo): mid-cycle, a loan in arrears"},
      {demo::savings_group_new, "Kampong Trach savings group (Kampot): new"},
      {demo::rice_cooperative, "Svay Chrum rice cooperative (Svay Rieng): 60 members, 2025 closed"},
      {demo::cashew_committee, "Kamen village cashew committee (Kampong Thom): two harvests"},
  };
  // Argon2id is slow on purpose (most of the demo's time): the passwords are hashed on two threads, for
  // two cores, while the writer stores the stories.
  const std::vector<std::string> usernames{
      "admin",           "field", "treasurer", "treasurer.takeo", "treasurer.kampot", "treasurer.svayrieng",
      "treasurer.kamen", "sokha"};
  auto hash_half = [&usernames](std::size_t first) {
    std::map<std::string, std::string> hashed;
    for (std::size_t i = first; i < usernames.size(); i += 2)
      hashed[usernames[i]] = hash_password("samaki-" + usernames[i]);
    return hashed;
  };
  auto even = std::async(std::launch::async, hash_half, 0);
  auto odd = std::async(std::launch::async, hash_half, 1);
  const int total = static_cast<int>(std::size(steps)) + 1;
  std::vector<demo::story> told;
  for (const auto& st : steps) {
    told.push_back(tell(s, st.story, st.what));
    if (progress) progress(st.what, static_cast<int>(told.size()), total);
  }
  const auto& shared_out = told[0];
  const auto& mid_cycle = told[1];
  const auto& fresh = told[2];
  const auto& cooperative = told[3];
  const auto& committee = told[4];

  std::vector<group_id> all;
  for (const auto& t : told) all.push_back(t.group);
  auto treasurer = [](std::string name, std::string display, group_id g, std::string note) {
    return login_plan{
        new_user{name, "samaki-" + name, std::move(display), role::treasurer, {g}, std::nullopt},
        std::move(note)};
  };
  std::vector<login_plan> plans{
      {new_user{"admin", "samaki-admin", "Administrator", role::admin, {}, std::nullopt},
       "sees and changes everything"},
      {new_user{"field", "samaki-field", "Field officer", role::staff, all, std::nullopt},
       "follows all five demo groups"},
      treasurer("treasurer", "Treasurer, Trapeang Thom", shared_out.group,
                "the savings group that shared out"),
      treasurer("treasurer.takeo", "Treasurer, Srae Ronoung", mid_cycle.group, "the mid-cycle savings group"),
      treasurer("treasurer.kampot", "Treasurer, Kampong Trach", fresh.group, "the new savings group"),
      treasurer("treasurer.svayrieng", "Treasurer, Svay Chrum", cooperative.group, "the rice cooperative"),
      treasurer("treasurer.kamen", "Treasurer, Kamen", committee.group, "the cashew committee"),
      {new_user{"sokha", "samaki-sokha", "Chan Sokha", role::member, {mid_cycle.group}, mid_cycle.featured},
       "Chan Sokha, a member of the mid-cycle savings group"},
  };
  auto hashes = even.get();
  hashes.merge(odd.get());
  for (const auto& plan : plans) {  // no structured binding: clang 14 cannot capture one in a lambda
    const auto& u = plan.user;
    run<user_info>(
        s, [u, hash = hashes.at(u.username)](write_context& ctx) { return create_user(ctx, u, hash); },
        "user " + u.username);
    out.logins.push_back({u.username, u.password, std::string(role_name(u.role)), plan.note});
  }
  if (progress) progress("logins", total, total);
  out.loaded = true;
  return out;
}

}  // namespace samaki::ledger
