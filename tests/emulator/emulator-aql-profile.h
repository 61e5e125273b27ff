/* emulator-aql-profile.h: what options.profile adds to a query's extra
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-plan.h"

G_BEGIN_DECLS

/* Seconds the query spent in each step the emulator has. */
typedef struct {
  gdouble initializing;
  gdouble parsing;
  gdouble planning;
  gdouble executing;
  gdouble finalizing;
} EmuAqlPhases;

JsonNode *emu_aql_profile_phases (EmuState           *state,
                                  const EmuAqlPhases *phases);
JsonNode *emu_aql_profile_nodes  (EmuState           *state,
                                  EmuPlan            *plan,
                                  const guint64      *rows_after,
                                  const gdouble      *seconds_after);

G_END_DECLS
