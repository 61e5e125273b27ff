/* emulator-views.h: what other families need to know of views
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-state.h"

G_BEGIN_DECLS

/* Whether a link of an arangosearch view of @database names @analyzer. */
gboolean emu_views_use_analyzer (EmuDatabase *database,
                                 const char  *analyzer);

/* Drops the links and search-alias entries naming a collection that goes
 * away, as the server does when a collection is dropped. */
void     emu_views_forget_collection (EmuDatabase *database,
                                      const char  *collection);

G_END_DECLS
