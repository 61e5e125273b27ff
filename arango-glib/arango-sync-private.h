/* arango-sync-private.h: the blocking form of an _async/_finish pair
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A _sync function is its _async twin run to completion on a private
 * GMainContext, so both share one code path:
 *
 *   g_autoptr(ArangoSyncCall) call = arango_sync_call_begin ();
 *   arango_thing_do_async (self, …, cancellable, arango_sync_call_done, call);
 *   return arango_thing_do_finish (self, arango_sync_call_wait (call), error);
 *
 * The private context is the thread-default one while the call runs, so
 * libsoup's I/O, our timeouts and the cancellation source all dispatch there
 * and the caller's own main loop (if any) does not run re-entrantly.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ArangoSyncCall ArangoSyncCall;

ArangoSyncCall *arango_sync_call_begin (void);
void            arango_sync_call_done  (GObject        *source,
                                        GAsyncResult   *result,
                                        gpointer        user_data);
GAsyncResult   *arango_sync_call_wait  (ArangoSyncCall *call);
void            arango_sync_call_end   (ArangoSyncCall *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoSyncCall, arango_sync_call_end)

G_END_DECLS
