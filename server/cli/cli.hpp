#pragma once
// The subcommands of `samaki`, one function each (one file each: cli_<name>.cpp). Each gets the
// arguments after its name and returns the exit status; usage mistakes throw usage_error (exit 2).
#include <span>
#include <string>
#include <string_view>

namespace samaki::server {

using cli_args = std::span<const std::string>;

int run_serve(
    cli_args args);  // serve [--bind ADDR] [--port N] [--demo] [--db PATH] [--config FILE] [any setting]
int run_user(cli_args args);     // user add --username U --role R [--group ID]... [--member ID]
int run_verify(cli_args args);   // verify [--group ID]
int run_backup(cli_args args);   // backup OUT
int run_restore(cli_args args);  // restore IN
int run_export(cli_args args);   // export --group ID --format hledger|csv
int run_demo(cli_args args);     // demo

}  // namespace samaki::server
