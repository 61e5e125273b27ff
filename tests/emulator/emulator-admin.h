/* emulator-admin.h: version, engine, status and server endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-request.h"
#include "emulator-state.h"

G_BEGIN_DECLS

/* Shared with /_admin/cluster/nodeVersion and nodeEngine, which proxy the
 * same endpoints of another server. */
JsonNode *emu_admin_version_body (EmuState   *state,
                                  const char *role,
                                  gboolean    details);
JsonNode *emu_admin_engine_body  (EmuState   *state);
JsonNode *emu_admin_statistics_description_body (EmuState *state);
gboolean  emu_admin_resolve_server (EmuRequest  *req,
                                    const char **server_id,
                                    const char **role,
                                    const char **short_name);
/* Also served by /_admin/statistics; @coordinator NULL for a DB-Server. */
JsonNode *emu_admin_statistics_body (EmuState       *state,
                                     EmuCoordinator *coordinator);

G_END_DECLS
