/* emulator-collections.h: what the collection family shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-request.h"
#include "emulator-state.h"

G_BEGIN_DECLS

/* Adds the members of GET /_api/collection/{c}/properties (without
 * "error" and "code") to the object @builder is in. */
void emu_collection_add_properties (JsonBuilder   *builder,
                                    EmuCollection *collection);

/* The collection the {collection} parameter names, or NULL after
 * answering 404 as the server does. */
EmuCollection *emu_collection_find_or_reply (EmuRequest *req);
/* Location: /_db/{database}/_api/collection/{collection}/{sub} */
void           emu_collection_set_location  (EmuRequest *req,
                                             const char *sub);

G_END_DECLS
