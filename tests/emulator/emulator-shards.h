/* emulator-shards.h: where the shards of each collection live
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

/* GStrv {shard id, leader, followers…} per shard, made on first use. */
GPtrArray *emu_shards_of             (EmuState      *state,
                                      EmuCollection *collection);
/* The "shards" object of /_admin/support-info, as the value @builder
 * expects next. */
void       emu_shards_add_statistics (JsonBuilder   *builder,
                                      EmuState      *state);

G_END_DECLS
