/* emulator-control.h: the control surface tests drive the emulator with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-state.h"

G_BEGIN_DECLS

gboolean emu_control_start (EmuState  *state,
                            GError   **error);
char    *emu_control_get_url (EmuState *state);

G_END_DECLS
