// The schema, as numbered migrations applied in order and recorded in schema_migrations.
//
// A migration is never edited once released: a change to the schema is a new migration at the
// end of the list. Each has its text for both dialects; they differ only in types (identity
// columns) and in how the audit log is made append-only (triggers).
#pragma once

#include "store/database.h"

namespace plateau::store {

// Applies the migrations the database has not had yet, each in its own transaction. Returns the
// schema version reached. A database whose version is newer than this program knows is refused:
// an older plateau must not write into a newer schema.
Result<int> migrate(Database& database);

// The version the last migration reaches.
int latest_schema_version();

}  // namespace plateau::store
