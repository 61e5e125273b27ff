/* emulator-aql-memory.h: a query's memory as the server's resource
 * monitor counts it, for options.memoryLimit
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-plan.h"

G_BEGIN_DECLS

/* The server's batch: rows per AqlItemBlock, and per call of a node. */
#define EMU_AQL_BATCH_ROWS 1000

gsize        emu_aql_memory_value      (JsonNode        *value);
guint        emu_aql_memory_registers  (EmuPlan         *plan,
                                        EmuAqlStatement *statement);
EmuPlanNode *emu_aql_memory_node_of    (EmuPlan         *plan,
                                        EmuAqlStatement *statement);
EmuPlanNode *emu_aql_memory_allocator  (EmuPlan         *plan,
                                        EmuPlanNode     *buffering);
void         emu_aql_memory_error      (EmuState        *state,
                                        EmuPlan         *plan,
                                        EmuPlanNode     *thrower,
                                        gboolean         prefetched,
                                        EmuAqlError     *error);

G_END_DECLS
