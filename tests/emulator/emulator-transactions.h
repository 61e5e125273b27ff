/* emulator-transactions.h: stream transactions, and requests that run in one
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-store.h"

G_BEGIN_DECLS

typedef enum {
  EMU_TRX_RUNNING,
  EMU_TRX_COMMITTED,
  EMU_TRX_ABORTED,
} EmuTrxStatus;

typedef struct {
  char          *id;
  char          *database;
  char          *owner;          /* server id of the Coordinator that began it */
  EmuTrxStatus   status;
  gboolean       expired;        /* aborted by the idle timeout, not yet told */
  GPtrArray     *writable;       /* ids of the write and exclusive collections */
  GPtrArray     *declared;       /* ids of all the collections it declared */
  gboolean       allow_implicit; /* allowImplicit: reads of undeclared ones */
  gboolean       dirty_reads;    /* begun with x-arango-allow-dirty-read */
  EmuWriteBudget budget;         /* maxTransactionSize */
  EmuOverlay    *overlay;        /* its writes, until the commit */
  gint64         last_used;      /* g_get_monotonic_time () */
} EmuTransaction;

/* What a request reads and writes through: its database, and the stream
 * transaction of its x-arango-trx-id header, if any. */
typedef struct {
  EmuDatabase    *database;
  EmuTransaction *transaction;
  EmuView         view;
} EmuRequestScope;

gboolean emu_request_scope_init      (EmuRequestScope *scope,
                                      EmuRequest      *req);
gboolean emu_request_scope_can_write (EmuRequestScope *scope,
                                      EmuRequest      *req,
                                      EmuCollection   *collection);
gboolean emu_request_scope_can_read  (EmuRequestScope *scope,
                                      EmuRequest      *req,
                                      EmuCollection   *collection);
gboolean emu_request_scope_can_query (EmuRequestScope *scope,
                                      EmuRequest      *req,
                                      char           **data_sources,
                                      gboolean         modifies);

G_END_DECLS
