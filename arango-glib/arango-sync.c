/* arango-sync.c: running an _async call to completion for its _sync form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-sync-private.h"

struct _ArangoSyncCall
{
  GMainContext *context;
  GAsyncResult *result;
};

/* Pushes a fresh thread-default context: the _async call that follows
 * creates its GTask, sources and libsoup I/O on it. */
ArangoSyncCall *
arango_sync_call_begin (void)
{
  ArangoSyncCall *call = g_new0 (ArangoSyncCall, 1);

  call->context = g_main_context_new ();
  g_main_context_push_thread_default (call->context);
  return call;
}

void
arango_sync_call_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ArangoSyncCall *call = user_data;

  call->result = g_object_ref (result);
}

/* Returns (transfer none): the result stays alive until
 * arango_sync_call_end(), long enough for the _finish call. */
GAsyncResult *
arango_sync_call_wait (ArangoSyncCall *call)
{
  while (call->result == NULL)
    g_main_context_iteration (call->context, TRUE);

  return call->result;
}

void
arango_sync_call_end (ArangoSyncCall *call)
{
  if (call == NULL)
    return;

  /* Let what the call left behind (a connection going back to its pool,
   * a finished source) run before the context goes away. */
  while (g_main_context_pending (call->context))
    g_main_context_iteration (call->context, FALSE);

  g_main_context_pop_thread_default (call->context);
  g_clear_object (&call->result);
  g_main_context_unref (call->context);
  g_free (call);
}
