/* emulator-admin.h: version, engine, status and server endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

/* Shared with /_admin/cluster/nodeVersion and nodeEngine, which proxy the
 * same endpoints of another server. */
JsonNode *emu_admin_version_body (EmuState   *state,
                                  const char *role,
                                  gboolean    details);
JsonNode *emu_admin_engine_body  (void);

G_END_DECLS
