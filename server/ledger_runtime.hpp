#pragma once
// The ledger as the service runs it: the store (with its writer thread) opened from the settings, and
// the service wired to it — read sessions on the database threads, writer metrics, and draining on shutdown.
#include "ledger/store/store.hpp"
#include "server/config.hpp"
#include "server/service.hpp"

namespace samaki::server {

// Opens and migrates the database at config.db_path with the configured durability and batching.
ledger::store_options store_options_from(const settings& config);

// Points the service at the store: metrics from each writer batch, the balance cache kept fresh by each
// commit, and store.stop() as a shutdown hook (so every queued write is answered before the process exits).
void attach_store(service& service, ledger::store& store);

}  // namespace samaki::server
