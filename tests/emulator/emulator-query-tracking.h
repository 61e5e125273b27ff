/* emulator-query-tracking.h: running and slow AQL queries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-request.h"

G_BEGIN_DECLS

typedef struct _EmuQueryTracking EmuQueryTracking;

void emu_query_tracking_free (EmuQueryTracking *tracking);
void emu_query_tracking_ran  (EmuRequest       *req,
                              const char       *query,
                              JsonNode         *bind_vars,
                              gboolean          stream,
                              gdouble           run_time,
                              gdouble           sleep_seconds);

G_END_DECLS
