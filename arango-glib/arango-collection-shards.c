/* arango-collection-shards.c: the shards of a collection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-shards.h"
#include "arango-collection-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/**
 * arango_collection_shards_async:
 * @self: an #ArangoCollection
 * @details: whether `shards` maps each shard to its servers instead of listing the shard ids
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the shards of the collection (`GET
 * /_api/collection/{collection}/shards`), with @details which servers
 * hold each (leader first). Only coordinators answer this.
 */
void
arango_collection_shards_async (ArangoCollection    *self,
                                gboolean             details,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  context = arango_collection_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_api/collection", arango_collection_get_name (self), "shards", NULL);
  if (details)
    arango_request_add_query (request, "details", "true");
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_collection_shards_async, cancellable, callback, user_data);
}

/**
 * arango_collection_shards_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_shards_async().
 *
 * Returns: (transfer full): the collection properties with `shards`, or %NULL with an error
 */
JsonObject *
arango_collection_shards_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_shards_async, error);
}

/**
 * arango_collection_shards_sync:
 * @self: an #ArangoCollection
 * @details: whether `shards` maps each shard to its servers instead of listing the shard ids
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_shards_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the collection properties with `shards`, or %NULL with an error
 */
JsonObject *
arango_collection_shards_sync (ArangoCollection  *self,
                               gboolean           details,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_shards_async (self, details, cancellable, arango_sync_call_done, call);
  return arango_collection_shards_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_responsible_shard_async:
 * @self: an #ArangoCollection
 * @document: the document, or at least its shard key attributes
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks which shard holds (or would hold) a document (`PUT
 * /_api/collection/{collection}/responsibleShard`); the document needs
 * the collection's shard key attributes. Only coordinators answer this.
 */
void
arango_collection_responsible_shard_async (ArangoCollection    *self,
                                           JsonObject          *document,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  if (!arango_check_argument (self, document != NULL,
                              arango_collection_responsible_shard_async, callback, user_data,
                              _("A document must be a JSON object")))
    return;

  context = arango_collection_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_PUT, "/_api/collection", arango_collection_get_name (self), "responsibleShard", NULL);
  arango_request_set_json_object (request, document);
  arango_context_call (context, self, request, arango_reply_string_member, "shardId",
                       arango_collection_responsible_shard_async, cancellable, callback, user_data);
}

/**
 * arango_collection_responsible_shard_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_responsible_shard_async().
 *
 * Returns: (transfer full): the shard id, or %NULL with an error
 */
char *
arango_collection_responsible_shard_finish (ArangoCollection  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_responsible_shard_async, error);
}

/**
 * arango_collection_responsible_shard_sync:
 * @self: an #ArangoCollection
 * @document: the document, or at least its shard key attributes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_responsible_shard_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the shard id, or %NULL with an error
 */
char *
arango_collection_responsible_shard_sync (ArangoCollection  *self,
                                          JsonObject        *document,
                                          GCancellable      *cancellable,
                                          GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_responsible_shard_async (self, document, cancellable, arango_sync_call_done, call);
  return arango_collection_responsible_shard_finish (self, arango_sync_call_wait (call), error);
}
