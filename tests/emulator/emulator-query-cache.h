/* emulator-query-cache.h: the AQL query results cache and plan cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-aql-ast.h"
#include "emulator-state.h"

G_BEGIN_DECLS

typedef struct _EmuQueryCache EmuQueryCache;

void       emu_query_cache_free       (EmuQueryCache *cache);
gboolean   emu_query_cache_wanted     (EmuState      *state,
                                       JsonObject    *request,
                                       EmuAqlQuery   *query);
JsonArray *emu_query_cache_lookup     (EmuState      *state,
                                       const char    *database,
                                       EmuAqlQuery   *query,
                                       JsonNode      *bind_vars);
void       emu_query_cache_store      (EmuState      *state,
                                       const char    *database,
                                       EmuAqlQuery   *query,
                                       JsonNode      *bind_vars,
                                       JsonArray     *result,
                                       gdouble        run_time);
void       emu_query_cache_forget     (EmuState      *state);
void       emu_query_cache_invalidate (EmuState      *state,
                                       const char    *database,
                                       const char    *collection);
/* Puts the plan of @query into the plan cache, or takes it from there:
 * then returns the entry's key (its "hash"), which the reply names
 * planCacheKey. */
char      *emu_plan_cache_use         (EmuState      *state,
                                       const char    *database,
                                       EmuAqlQuery   *query,
                                       JsonNode      *bind_vars,
                                       gboolean       full_count);

/* The collections @query names and those bound to its @@ parameters. */
char     **emu_query_data_sources     (EmuAqlQuery   *query,
                                       JsonNode      *bind_vars);

G_END_DECLS
