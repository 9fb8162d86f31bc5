#include "server/command_line.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace samaki::server;

namespace {

command_line read(std::vector<std::string> args) {
  static constexpr std::string_view values[] = {"group", "db", "timezone-offset-minutes", "display-name"};
  static constexpr std::string_view switches[] = {"demo"};
  return command_line::parse_known(args, values, switches);
}

std::string refusal(std::vector<std::string> args) {
  try {
    read(std::move(args));
  } catch (const unknown_option& e) {
    return std::string("unknown: ") + e.what();
  } catch (const usage_error& e) {
    return std::string("usage: ") + e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a subcommand's flags: --help wins, unknown options are named before anything else", "[cli]") {
  CHECK_THROWS_AS(read({"--help"}), help_requested);
  CHECK_THROWS_AS(read({"-h"}), help_requested);
  CHECK_THROWS_AS(read({"--group", "--help"}), help_requested);
  CHECK_THROWS_AS(read({"--frob", "--help"}), help_requested);
  CHECK_NOTHROW(read({"--", "--help"}));

  CHECK(refusal({"--frob"}) == "unknown: unknown option --frob");
  CHECK(refusal({"--db", "x.db", "--frob=1"}) == "unknown: unknown option --frob");
  CHECK(refusal({"--group"}) == "usage: --group needs a value");
  CHECK(refusal({"-x"}) == "unknown: unknown option -x");
  CHECK(refusal({"--demo=1"}) == "usage: --demo takes no value");

  // A value is a value whatever it looks like; negative numbers and a lone '-' are not options.
  auto cl = read({"--display-name", "-Kim", "--timezone_offset_minutes", "-60", "-", "--demo"});
  CHECK(cl.value("display-name") == "-Kim");
  CHECK(cl.value("timezone-offset-minutes") == "-60");
  CHECK(cl.positionals() == std::vector<std::string>{"-"});
  CHECK(cl.has("demo"));
}
