/* emulator-search-defaults.h: the ArangoSearch defaults (views and
 * inverted indexes) that differ between the releases the emulator answers as
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

gboolean    emu_search_has_optimize_top_k       (EmuState *state);
gint64      emu_search_consolidation_interval   (EmuState *state);
JsonObject *emu_search_consolidation_policy     (EmuState *state);

G_END_DECLS
