/* emulator-replication-limits.h: how many copies a Coordinator can keep
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-state.h"

G_BEGIN_DECLS

/* --cluster.max-replication-factor, at its default, and the refusal of
 * a replicationFactor above it (400/10). */
#define EMU_MAX_REPLICATION_FACTOR 10
#define EMU_MAX_REPLICATION_FACTOR_MESSAGE \
  "replicationFactor must not be higher than maximum allowed replicationFactor (" \
  G_STRINGIFY (EMU_MAX_REPLICATION_FACTOR) ")"

/* Whether the DB-Servers can hold @copies copies of a shard. */
gboolean emu_replication_fits          (EmuState    *state,
                                        gdouble      copies);

/* The checks of ShardingInfo::validateShardsAndReplicationFactor with the
 * replication factor enforced, as a Coordinator runs them on the options
 * of a new database or graph: 0 when @options (nullable) pass, else the
 * error number, with *message its text (NULL: the default one). */
int      emu_replication_check_options (EmuState    *state,
                                        JsonObject  *options,
                                        char       **message);

G_END_DECLS
