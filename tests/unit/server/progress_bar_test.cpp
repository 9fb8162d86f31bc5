#include "server/cli/progress.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using samaki::server::progress_bar;

TEST_CASE("progress: plain lines when not at a terminal, a line per quarter for fine steps", "[cli]") {
  std::ostringstream out;
  {
    progress_bar bar("demo", out, false);
    bar.step("first group", 1, 3);
    bar.step("second group", 2, 3);
  }
  CHECK(out.str() == "demo: 1/3 first group\ndemo: 2/3 second group\n");

  std::ostringstream pages;
  {
    progress_bar bar("backup", pages, false);
    for (int copied = 0; copied <= 1000; copied += 10) bar.advance(copied, 1000);
  }
  CHECK(pages.str() == "backup: 0%\nbackup: 25%\nbackup: 50%\nbackup: 75%\nbackup: 100%\n");

  std::ostringstream many;
  {
    progress_bar bar("verify", many, false);
    for (int group = 1; group <= 200; ++group) bar.step("group", group, 200);
  }
  CHECK(many.str() == "verify: 0%\nverify: 25%\nverify: 50%\nverify: 75%\nverify: 100%\n");
}

TEST_CASE("progress: a bar redrawn in place at a terminal, the line ended once done", "[cli]") {
  std::ostringstream out;
  {
    progress_bar bar("demo", out, true);
    bar.step("Trapeang Thom", 3, 6);
  }
  CHECK(out.str() == "\rdemo [############............] 50% Trapeang Thom\x1b[K\n");
  std::ostringstream quiet;
  { progress_bar unused("backup", quiet, true); }
  CHECK(quiet.str().empty());
}
