#include "server/ledger_runtime.hpp"

namespace samaki::server {

ledger::store_options store_options_from(const settings& config) {
  ledger::store_options options;
  options.path = config.db_path;
  options.synchronous_full = config.synchronous == sync_mode::full;
  options.max_batch = config.writer_batch_max;
  options.max_pages = config.db_max_pages;
  options.timezone_offset_minutes = config.timezone_offset_minutes;
  return options;
}

void attach_store(service& service, ledger::store& store) {
  service.store = &store;
  // The kept balance lists are dropped around each commit that changes their groups.
  service.account_lists = std::make_shared<account_list_cache>();
  store.on_committing([lists = service.account_lists](const std::vector<ledger::group_id>& groups) {
    lists->changing(groups);
  });
  // Batch sizes count every piece of writer work (postings, audit records, logins); postings themselves
  // are counted where they are answered, in routes_entries.cpp.
  store.on_batch(
      [&metrics = service.metrics, lists = service.account_lists](const ledger::batch_report& report) {
        metrics.writer_batch_size.observe(static_cast<double>(report.size));
        lists->changed(report.changed_groups);
      });
  service.shutdown_hooks.push_back([&store] { store.stop(); });
}

}  // namespace samaki::server
