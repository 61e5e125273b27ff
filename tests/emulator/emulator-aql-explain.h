/* emulator-aql-explain.h: which plan node runs a statement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-state.h"

G_BEGIN_DECLS

guint     emu_aql_plan_node_id (EmuAqlQuery *query,
                                guint        statement);

G_END_DECLS
