/* emulator-wal.h: the write-ahead log a single server keeps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

/* Marker types, as the server numbers them in its replication protocol. */
enum {
  EMU_WAL_COLLECTION_CREATE = 2000,
  EMU_WAL_COLLECTION_DROP = 2001,
  EMU_WAL_COLLECTION_RENAME = 2002,
  EMU_WAL_DOCUMENT = 2300,
  EMU_WAL_REMOVE = 2302,
};

typedef struct _EmuWal EmuWal;

void         emu_wal_log          (EmuState      *state,
                                   int            type,
                                   const char    *database,
                                   EmuCollection *collection,
                                   JsonNode      *data);
void         emu_wal_free         (EmuWal        *wal);
guint64      emu_wal_last_tick    (EmuState      *state);
const char  *emu_wal_server_id    (EmuState      *state);
void         emu_wal_add_server   (JsonBuilder   *builder,
                                   EmuState      *state,
                                   gboolean       with_engine);

G_END_DECLS
