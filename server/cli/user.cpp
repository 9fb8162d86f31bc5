#include "server/auth/user_creation.hpp"
#include "server/cli/settings.hpp"
#include "server/ledger_runtime.hpp"

#include <termios.h>
#include <unistd.h>

#include <charconv>
#include <csignal>
#include <iostream>
#include <map>

namespace samaki::server {
namespace {

std::int64_t id_flag(std::string_view flag, const std::string& text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
    throw usage_error("--" + std::string(flag) + " takes a positive id, got \"" + text + "\"");
  return id;
}

std::string required_flag(const command_line& flags, std::string_view name) {
  auto value = flags.value(name);
  if (!value) throw usage_error("--" + std::string(name) + " is required");
  return *value;
}

ledger::new_user user_from_flags(const command_line& flags) {
  ledger::new_user user;
  user.username = required_flag(flags, "username");
  const auto role = ledger::parse_role(required_flag(flags, "role"));
  if (!role) throw usage_error("--role must be admin, staff, treasurer or member");
  user.role = *role;
  user.display_name = flags.value("display-name").value_or("");
  for (const auto& g : flags.values("group")) user.groups.emplace_back(id_flag("group", g));
  if (auto m = flags.value("member")) user.member = ledger::member_id(id_flag("member", *m));
  return user;
}

// The terminal's settings before echo was turned off; a signal that ends the prompt puts them back.
termios terminal_before_prompt{};

void restore_terminal_and_die(int signal_number) {
  tcsetattr(STDIN_FILENO, TCSANOW, &terminal_before_prompt);  // async-signal-safe
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Turns off the terminal's echo while it lives, when standard input is a terminal; Ctrl-C or a kill
// at the prompt leaves the terminal as it was.
class hidden_input {
 public:
  hidden_input() {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &terminal_before_prompt) != 0) return;
    termios quiet = terminal_before_prompt;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    for (int s : restored_on) previous_[s] = std::signal(s, restore_terminal_and_die);
    // TCSANOW keeps what was typed ahead of the prompt.
    hidden_ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
  }
  ~hidden_input() {
    if (hidden_) tcsetattr(STDIN_FILENO, TCSANOW, &terminal_before_prompt);
    for (int s : restored_on)
      if (previous_.contains(s)) std::signal(s, previous_[s]);
  }
  hidden_input(const hidden_input&) = delete;
  hidden_input& operator=(const hidden_input&) = delete;
  bool hidden() const { return hidden_; }

 private:
  static constexpr int restored_on[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
  std::map<int, void (*)(int)> previous_;
  bool hidden_ = false;
};

// The first line of standard input; typed at a terminal, it is asked for and not shown.
std::string read_password() {
  hidden_input input;
  if (input.hidden()) std::cerr << "Password: " << std::flush;
  std::string password;
  std::getline(std::cin, password);
  if (input.hidden()) std::cerr << "\n";
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

// user add --username U --role R [--group ID]... [--member ID] [--display-name NAME]: the password is the
// first line of standard input. Prints the new user's id.
int run_user(cli_args args) {
  auto [flags, config] = parse_cli(args, {"username", "role", "group", "member", "display-name"});
  if (flags.positionals().empty()) throw usage_error("which? the one there is: samaki user add");
  if (flags.positionals()[0] != "add")
    throw usage_error("unknown subcommand '" + flags.positionals()[0] +
                      "' for 'user' (the one there is: add)");
  if (flags.positionals().size() > 1)
    throw usage_error("user add takes no arguments, only flags: '" + flags.positionals()[1] +
                      "' is one too many");
  ledger::new_user user = user_from_flags(flags);
  user.password = read_password();
  if (user.password.empty()) {
    std::cerr << "samaki user: no password on standard input (give it as the first line)\n";
    return 1;
  }

  ledger::audit_record audit;
  audit.username = "cli";
  ledger::store store(store_options_from(config));
  auto created =
      store.submit<ledger::user_info>(create_user_work(hash_new_user(std::move(user)), audit)).get();
  store.stop();
  if (!created) {
    std::cerr << "samaki user: " << created.error().message << "\n";
    return 1;
  }
  std::cout << created->id.value << "\n";
  return 0;
}

}  // namespace samaki::server
