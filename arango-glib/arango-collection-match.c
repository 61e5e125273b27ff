/* arango-collection-match.c: changing or removing the documents that
 * match filters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-match.h"
#include "arango-error.h"
#include "arango-simple-query-private.h"
#include "arango-sync-private.h"

typedef enum {
  CHANGE_UPDATE,
  CHANGE_REPLACE,
  CHANGE_DELETE,
} Change;

/* The modification each call appends to `FOR doc … FILTER … LIMIT …`. */
static const char * const change_aql[] = {
  [CHANGE_UPDATE] = "UPDATE doc WITH @body IN @@collection OPTIONS "
                    "{ keepNull: @keepNull, mergeObjects: @mergeObjects, waitForSync: @waitForSync }",
  [CHANGE_REPLACE] = "REPLACE doc WITH @body IN @@collection OPTIONS { waitForSync: @waitForSync }",
  [CHANGE_DELETE] = "REMOVE doc IN @@collection OPTIONS { waitForSync: @waitForSync }",
};

static const ArangoDocumentFlags change_flags[] = {
  [CHANGE_UPDATE] = ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC | ARANGO_DOCUMENT_FLAGS_REMOVE_NULL |
                    ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS,
  [CHANGE_REPLACE] = ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC,
  [CHANGE_DELETE] = ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC,
};

/* `extra.stats.writesExecuted` of a POST /_api/cursor reply. */
static void
reply_writes_executed (GTask          *task,
                       ArangoResponse *response,
                       gconstpointer   unused)
{
  JsonNode *node = response->body;
  const char * const path[] = { "extra", "stats", "writesExecuted" };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    node = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
           ? json_object_get_member (json_node_get_object (node), path[i]) : NULL;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      arango_task_return_invalid_reply (task, response, "extra.stats.writesExecuted");
      return;
    }
  g_task_return_int (task, json_node_get_int (node));
}

static void
start_change (ArangoCollection    *self,
              Change               change,
              JsonObject          *filters,
              JsonObject          *body,
              gint64               limit,
              ArangoDocumentFlags  flags,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = NULL;

  if (!arango_simple_query_check_filters (self, filters, TRUE, source_tag, callback, user_data) ||
      !arango_check_argument (self, change == CHANGE_DELETE || body != NULL,
                              source_tag, callback, user_data,
                              _("The new content of the documents must be a JSON object")) ||
      !arango_simple_query_check_window (self, 0, limit, source_tag, callback, user_data) ||
      !arango_check_argument (self, (flags & ~change_flags[change]) == 0,
                              source_tag, callback, user_data,
                              _("A flag was given that does not apply to this call")))
    return;

  query = arango_simple_query_new (self);
  arango_simple_query_append (query, "FOR doc IN @@collection");
  arango_simple_query_filter_equal (query, filters);
  arango_simple_query_limit (query, 0, limit);
  arango_simple_query_append (query, change_aql[change]);
  if (body != NULL)
    {
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, body);
      arango_simple_query_bind (query, "body", node);
    }
  if (change == CHANGE_UPDATE)
    {
      arango_simple_query_bind_boolean (query, "keepNull",
                                        !(flags & ARANGO_DOCUMENT_FLAGS_REMOVE_NULL));
      arango_simple_query_bind_boolean (query, "mergeObjects",
                                        !(flags & ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS));
    }
  arango_simple_query_bind_boolean (query, "waitForSync",
                                    (flags & ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC) != 0);
  arango_simple_query_run (query, NULL, reply_writes_executed, NULL, source_tag,
                           cancellable, callback, user_data);
}

/**
 * arango_collection_update_match_async:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there,
 *   as for arango_collection_find_async(); at least one
 * @body: the attributes to change in each document
 * @limit: the most documents to change, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC,
 *   %ARANGO_DOCUMENT_FLAGS_REMOVE_NULL (attributes set to %NULL in @body
 *   are removed) and %ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS (objects in
 *   @body replace, rather than merge with, those in the documents)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the documents are changed
 * @user_data: data for @callback
 *
 * Updates the documents that match @filters with @body (python-arango's
 * `update_match()`), in one AQL query:
 *
 * ```
 * FOR doc IN @@collection
 *   FILTER doc.@attribute0 == @value0 AND …
 *   LIMIT @limit
 *   UPDATE doc WITH @body IN @@collection
 *     OPTIONS { keepNull: @keepNull, mergeObjects: @mergeObjects, waitForSync: @waitForSync }
 * ```
 *
 * The query changes all the documents or, if one change fails, none.
 * Which documents a @limit below the number of matches picks is up to
 * the server.
 *
 * Empty or missing filters are refused with
 * %ARANGO_ERROR_INVALID_ARGUMENT, where python-arango would change every
 * document: a change of them all is better written as a query of its own
 * (arango_database_query_async()). So are a missing @body, a @limit below
 * -1 and flags that do not apply; nothing is sent then.
 */
void
arango_collection_update_match_async (ArangoCollection    *self,
                                      JsonObject          *filters,
                                      JsonObject          *body,
                                      gint64               limit,
                                      ArangoDocumentFlags  flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  start_change (self, CHANGE_UPDATE, filters, body, limit, flags,
                arango_collection_update_match_async, cancellable, callback, user_data);
}

/**
 * arango_collection_update_match_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_update_match_async().
 *
 * Returns: the number of documents updated, or -1 with an error
 */
gint64
arango_collection_update_match_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_int (self, result, arango_collection_update_match_async, error);
}

/**
 * arango_collection_update_match_sync:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there;
 *   at least one
 * @body: the attributes to change in each document
 * @limit: the most documents to change, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC,
 *   %ARANGO_DOCUMENT_FLAGS_REMOVE_NULL, %ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_update_match_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: the number of documents updated, or -1 with an error
 */
gint64
arango_collection_update_match_sync (ArangoCollection    *self,
                                     JsonObject          *filters,
                                     JsonObject          *body,
                                     gint64               limit,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), -1);

  call = arango_sync_call_begin ();
  arango_collection_update_match_async (self, filters, body, limit, flags, cancellable,
                                        arango_sync_call_done, call);
  return arango_collection_update_match_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_replace_match_async:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there,
 *   as for arango_collection_find_async(); at least one
 * @body: the new content of each document (its `_key` and `_id` stay)
 * @limit: the most documents to replace, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC or none
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the documents are replaced
 * @user_data: data for @callback
 *
 * Replaces the documents that match @filters with @body (python-arango's
 * `replace_match()`): the query of arango_collection_update_match_async()
 * with `REPLACE doc WITH @body IN @@collection OPTIONS { waitForSync:
 * @waitForSync }`. The same arguments are refused.
 */
void
arango_collection_replace_match_async (ArangoCollection    *self,
                                       JsonObject          *filters,
                                       JsonObject          *body,
                                       gint64               limit,
                                       ArangoDocumentFlags  flags,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  start_change (self, CHANGE_REPLACE, filters, body, limit, flags,
                arango_collection_replace_match_async, cancellable, callback, user_data);
}

/**
 * arango_collection_replace_match_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_replace_match_async().
 *
 * Returns: the number of documents replaced, or -1 with an error
 */
gint64
arango_collection_replace_match_finish (ArangoCollection  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return arango_call_finish_int (self, result, arango_collection_replace_match_async, error);
}

/**
 * arango_collection_replace_match_sync:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there;
 *   at least one
 * @body: the new content of each document
 * @limit: the most documents to replace, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC or none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_replace_match_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: the number of documents replaced, or -1 with an error
 */
gint64
arango_collection_replace_match_sync (ArangoCollection    *self,
                                      JsonObject          *filters,
                                      JsonObject          *body,
                                      gint64               limit,
                                      ArangoDocumentFlags  flags,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), -1);

  call = arango_sync_call_begin ();
  arango_collection_replace_match_async (self, filters, body, limit, flags, cancellable,
                                         arango_sync_call_done, call);
  return arango_collection_replace_match_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_delete_match_async:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there,
 *   as for arango_collection_find_async(); at least one
 * @limit: the most documents to remove, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC or none
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the documents are removed
 * @user_data: data for @callback
 *
 * Removes the documents that match @filters (python-arango's
 * `delete_match()`): the query of arango_collection_update_match_async()
 * with `REMOVE doc IN @@collection OPTIONS { waitForSync: @waitForSync }`.
 * Empty filters are refused as there; arango_collection_truncate_async()
 * empties a collection.
 */
void
arango_collection_delete_match_async (ArangoCollection    *self,
                                      JsonObject          *filters,
                                      gint64               limit,
                                      ArangoDocumentFlags  flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  start_change (self, CHANGE_DELETE, filters, NULL, limit, flags,
                arango_collection_delete_match_async, cancellable, callback, user_data);
}

/**
 * arango_collection_delete_match_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_delete_match_async().
 *
 * Returns: the number of documents removed, or -1 with an error
 */
gint64
arango_collection_delete_match_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_int (self, result, arango_collection_delete_match_async, error);
}

/**
 * arango_collection_delete_match_sync:
 * @self: an #ArangoCollection
 * @filters: attribute paths and the values the documents must have there;
 *   at least one
 * @limit: the most documents to remove, or %ARANGO_NO_LIMIT
 * @flags: %ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC or none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_delete_match_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: the number of documents removed, or -1 with an error
 */
gint64
arango_collection_delete_match_sync (ArangoCollection    *self,
                                     JsonObject          *filters,
                                     gint64               limit,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), -1);

  call = arango_sync_call_begin ();
  arango_collection_delete_match_async (self, filters, limit, flags, cancellable,
                                        arango_sync_call_done, call);
  return arango_collection_delete_match_finish (self, arango_sync_call_wait (call), error);
}
