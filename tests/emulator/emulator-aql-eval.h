/* emulator-aql-eval.h: evaluating AQL expressions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-store.h"

G_BEGIN_DECLS

typedef struct {
  EmuView     *view;
  JsonObject  *bind_vars;       /* may be NULL */
  EmuAqlError *error;
  JsonArray   *warnings;        /* {"code","message"} */
  gdouble      slept;           /* seconds SLEEP() asked for, not slept */
} EmuAqlContext;

/* @row holds the value of variable i at i (NULL: not set). Returns a
 * new value, or NULL with context->error set. */
JsonNode      *emu_aql_eval            (EmuAqlContext *context,
                                        EmuAqlNode    *node,
                                        JsonNode     **row);
EmuCollection *emu_aql_eval_collection (EmuAqlContext *context,
                                        EmuAqlNode    *node);
void           emu_aql_warn            (EmuAqlContext *context,
                                        int            code,
                                        const char    *message);
const char    *emu_aql_type_name       (JsonNode      *value);
gboolean       emu_aql_is_attribute_name (JsonNode    *value);

G_END_DECLS
