/* emulator-aql-exec.h: running a parsed AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-aql-plan.h"
#include "emulator-store.h"

G_BEGIN_DECLS

typedef struct {
  JsonArray *result;
  JsonArray *warnings;
  guint64    writes_executed;
  guint64    writes_ignored;
  guint64    scanned_full;
  guint64    scanned_index;
  guint64    document_lookups;
  guint64    cursors_created;   /* index cursors */
  guint64    cursors_rearmed;
  guint64    filtered;
  gint64     full_count;      /* -1 unless options.fullCount */
  gdouble    execution_time;  /* seconds */
  gboolean   cached;          /* served from the query results cache */
  gdouble    sleep_seconds;   /* SLEEP(): how long the answer is due to take */
  JsonNode  *plan;            /* options.profile 2: the plan, */
  JsonNode  *nodes;           /* ... and the statistics of its nodes */
  JsonNode  *profile;         /* options.profile 1 and 2: seconds per phase */
} EmuAqlOutcome;

typedef struct {
  gboolean  full_count;
  guint     profile;          /* options.profile: 0, 1 or 2 */
  guint64   memory_limit;     /* bytes; 0: none */
  EmuPlan  *plan;             /* the optimized plan: needed for profile 2 and a memory limit */
} EmuAqlRunOptions;

gboolean  emu_aql_check_bind_vars (EmuAqlQuery   *query,
                                   EmuDatabase   *database,
                                   JsonNode      *bind_vars,
                                   EmuAqlError   *error);
gboolean  emu_aql_execute         (EmuState      *state,
                                   EmuView       *view,
                                   GPtrArray     *writable,
                                   EmuAqlQuery   *query,
                                   JsonObject    *bind_vars,
                                   const EmuAqlRunOptions *options,
                                   EmuAqlOutcome *outcome,
                                   EmuAqlError   *error);
void      emu_aql_outcome_clear   (EmuAqlOutcome *outcome);
JsonNode *emu_aql_outcome_extra   (EmuAqlOutcome *outcome);

G_END_DECLS
