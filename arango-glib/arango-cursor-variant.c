/* arango-cursor-variant.c: a cursor's batches as GVariants
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-cursor-private.h"
#include "arango-sync-private.h"

/**
 * arango_cursor_next_batch_variant_async:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the batch is there
 * @user_data: data for @callback
 *
 * Gets the next batch of results as one #GVariant of type `av`, each
 * result a variant: an object is an `a{sv}`, an array an `av`, a string
 * `s`, an integer `x` (beyond 64 bits a double, `d`), any other number
 * `d`, a boolean `b`, and null the empty maybe `mv`. That is the mapping
 * json_gvariant_serialize() reads back into the same JSON.
 *
 * The batch is the same as arango_cursor_next_batch_async() gives, in a
 * form that costs much less: the whole batch is one block of memory,
 * written straight from the reply, where a #JsonArray of objects takes a
 * hash table and several allocations per member to build and to free.
 * Read it with g_variant_lookup() and friends in C, `unpack()` in Python,
 * `deepUnpack()` in JavaScript. Members keep the server's order; should a
 * reply name a member twice, which ArangoDB does not, g_variant_lookup()
 * finds the first where a #JsonObject keeps the last.
 *
 * Either call may fetch any batch of the same cursor, so one can mix
 * them; a call while another is under way fails with
 * %ARANGO_ERROR_INVALID_ARGUMENT.
 *
 * A GVariant cannot nest as deeply as JSON: a batch with a result nested
 * more than about 40 levels of objects or 60 of arrays deep fails with
 * %ARANGO_ERROR_INVALID_REPLY, and the cursor goes on to the next batch.
 * arango_cursor_next_batch_async() reads such results.
 *
 * ```c
 * g_autoptr(GVariant) batch = arango_cursor_next_batch_variant_finish (cursor, result, &error);
 * GVariantIter iter;
 * GVariant *document;
 *
 * g_variant_iter_init (&iter, batch);
 * while (g_variant_iter_next (&iter, "v", &document))
 *   {
 *     const char *key;
 *
 *     if (g_variant_lookup (document, "_key", "&s", &key))
 *       g_print ("%s\n", key);
 *     g_variant_unref (document);
 *   }
 * ```
 */
void
arango_cursor_next_batch_variant_async (ArangoCursor        *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CURSOR (self));

  arango_cursor_next_batch_start (self, ARANGO_BATCH_AS_VARIANT,
                                  arango_cursor_next_batch_variant_async,
                                  cancellable, callback, user_data);
}

/**
 * arango_cursor_next_batch_variant_finish:
 * @self: an #ArangoCursor
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cursor_next_batch_variant_async().
 *
 * Returns: (transfer full) (nullable): the next batch of results, of
 *   type `av`, or %NULL at the end (with no error) or on an error, such
 *   as %ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND when the cursor expired
 */
GVariant *
arango_cursor_next_batch_variant_finish (ArangoCursor  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_cursor_next_batch_variant_async, error);
}

/**
 * arango_cursor_next_batch_variant_sync:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cursor_next_batch_variant_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full) (nullable): the next batch of results, of
 *   type `av`, or %NULL at the end (with no error) or on an error
 */
GVariant *
arango_cursor_next_batch_variant_sync (ArangoCursor  *self,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  call = arango_sync_call_begin ();
  arango_cursor_next_batch_variant_async (self, cancellable, arango_sync_call_done, call);
  return arango_cursor_next_batch_variant_finish (self, arango_sync_call_wait (call), error);
}
