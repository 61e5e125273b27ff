/* emulator-aql-explain.h: the execution plan of a parsed AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-state.h"

G_BEGIN_DECLS

guint     emu_aql_plan_node_id (EmuAqlQuery *query,
                                guint        statement);
JsonNode *emu_aql_explain_plan (EmuAqlQuery *query,
                                EmuDatabase *database);

G_END_DECLS
