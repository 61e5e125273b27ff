/* emulator-coordinator.h: one emulated Coordinator and its HTTP listener
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

EmuCoordinator *emu_coordinator_new          (EmuState          *state,
                                              guint              index,
                                              GError           **error);
void            emu_coordinator_free         (EmuCoordinator    *coordinator);

gboolean        emu_coordinator_start        (EmuCoordinator    *coordinator,
                                              GError           **error);
void            emu_coordinator_stop         (EmuCoordinator    *coordinator);
void            emu_coordinator_reset        (EmuCoordinator    *coordinator,
                                              GError           **error);

void            emu_coordinator_process      (EmuCoordinator    *coordinator,
                                              SoupServerMessage *msg);

gboolean        emu_coordinator_in_plan      (EmuCoordinator    *coordinator);
gboolean        emu_coordinator_in_current   (EmuCoordinator    *coordinator);

char           *emu_coordinator_get_url      (EmuCoordinator    *coordinator);
char           *emu_coordinator_get_endpoint (EmuCoordinator    *coordinator);
JsonNode       *emu_coordinator_get_log      (EmuCoordinator    *coordinator);

G_END_DECLS
