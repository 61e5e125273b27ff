/* emulator-collections.h: what the /_api/collection families share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-request.h"
#include "emulator-state.h"

G_BEGIN_DECLS

EmuCollection *emu_collection_find_or_reply  (EmuRequest    *req);
void           emu_collection_add_properties (JsonBuilder   *builder,
                                              EmuRequest    *req,
                                              EmuCollection *collection);
void           emu_collection_reply_summary  (EmuRequest    *req,
                                              EmuCollection *collection,
                                              gboolean       with_count,
                                              guint          count);
void           emu_collection_set_location   (EmuRequest    *req,
                                              const char    *sub);

G_END_DECLS
