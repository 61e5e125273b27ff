/* emulator-aql-geo.h: the AQL geo functions the emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-eval.h"

G_BEGIN_DECLS

JsonNode *emu_aql_geo_distance (EmuAqlContext *context,
                                const char    *name,
                                JsonNode     **arguments,
                                guint          n_arguments);
JsonNode *emu_aql_geo_polygon  (EmuAqlContext *context,
                                const char    *name,
                                JsonNode     **arguments,
                                guint          n_arguments);
JsonNode *emu_aql_geo_contains (EmuAqlContext *context,
                                const char    *name,
                                JsonNode     **arguments,
                                guint          n_arguments);

G_END_DECLS
