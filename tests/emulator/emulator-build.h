/* emulator-build.h: the build a server describes in /_api/version?details=true
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

void  emu_build_add_details (JsonBuilder *builder,
                             EmuState    *state);
char *emu_build_repository  (EmuState    *state);

G_END_DECLS
