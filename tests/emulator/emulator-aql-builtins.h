/* emulator-aql-builtins.h: the AQL functions the emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-eval.h"

G_BEGIN_DECLS

/* Takes the evaluated arguments; returns a new value, or NULL with
 * context->error set. */
typedef JsonNode *(*EmuAqlBuiltinFunc) (EmuAqlContext *context,
                                        const char    *name,
                                        JsonNode     **arguments,
                                        guint          n_arguments);

typedef struct {
  const char        *name;
  guint              min_arguments;
  guint              max_arguments;
  EmuAqlBuiltinFunc  eval;
} EmuAqlBuiltin;

const EmuAqlBuiltin *emu_aql_builtin_lookup (const char  *name);
gboolean             emu_aql_query_calls    (EmuAqlQuery *query,
                                             const char  *name);

G_END_DECLS
