/* emulator-faults.h: misbehaviour on demand, one coordinator at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "emulator-state.h"

G_BEGIN_DECLS

gboolean    emu_fault_kind_from_string (const char        *text,
                                        EmuFaultKind      *kind);
const char *emu_fault_kind_to_string   (EmuFaultKind       kind);

void        emu_faults_set             (EmuCoordinator    *coordinator,
                                        EmuFaultKind       kind,
                                        guint              count,
                                        guint              ms);
gboolean    emu_faults_intercept       (EmuCoordinator    *coordinator,
                                        SoupServerMessage *msg);
void        emu_faults_drop_deferred   (EmuCoordinator    *coordinator);
gboolean    emu_faults_cursor_is_busy  (EmuCoordinator    *coordinator);

G_END_DECLS
