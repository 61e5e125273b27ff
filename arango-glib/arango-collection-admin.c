/* arango-collection-admin.c: looking after a collection: its figures,
 * revision and checksum, compaction, its count and indexes, and dropping
 * it with options
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "arango-collection-admin.h"
#include "arango-collection-private.h"
#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

#define ALL_CHECKSUM_FLAGS \
  (ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS | ARANGO_CHECKSUM_FLAGS_WITH_DATA)
#define ALL_DELETE_COLLECTION_FLAGS \
  (ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING | ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM)

/* /_api/collection/{collection}/{what} */
static ArangoRequest *
collection_request (ArangoCollection *self,
                    const char       *method,
                    const char       *what)
{
  return arango_context_request (arango_collection_get_context (self), method,
                                 "/_api/collection", arango_collection_get_name (self),
                                 what, NULL);
}

static void
send_request (ArangoCollection    *self,
              ArangoRequest       *request,
              ArangoReplyFunc      reply_func,
              gconstpointer        reply_data,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  arango_context_call (arango_collection_get_context (self), self, request,
                       reply_func, reply_data, source_tag, cancellable, callback, user_data);
}

static void
add_query_flag (ArangoRequest *request,
                const char    *name,
                gboolean       value)
{
  arango_request_add_query (request, name, value ? "true" : "false");
}

/**
 * arango_collection_statistics_async:
 * @self: an #ArangoCollection
 * @details: whether to add the storage engine's own figures (`engine`:
 *   the number of documents and the entries of each index)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the collection's figures (`GET
 * /_api/collection/{collection}/figures`): the number and memory of its
 * indexes, the size of its documents, its cache.
 */
void
arango_collection_statistics_async (ArangoCollection    *self,
                                    gboolean             details,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  request = collection_request (self, SOUP_METHOD_GET, "figures");
  if (details)
    add_query_flag (request, "details", TRUE);
  send_request (self, request, arango_reply_object_member, "figures",
                arango_collection_statistics_async, cancellable, callback, user_data);
}

/**
 * arango_collection_statistics_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_statistics_async().
 *
 * Returns: (transfer full): the `figures` object: `indexes` (`count`,
 *   `size`), `documentsSize`, `cacheInUse`, `cacheSize`, `cacheUsage` (and
 *   `engine` with details); %NULL with an error
 */
JsonObject *
arango_collection_statistics_finish (ArangoCollection  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_statistics_async, error);
}

/**
 * arango_collection_statistics_sync:
 * @self: an #ArangoCollection
 * @details: whether to add the storage engine's own figures
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_statistics_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the `figures` object; %NULL with an error
 */
JsonObject *
arango_collection_statistics_sync (ArangoCollection  *self,
                                   gboolean           details,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_statistics_async (self, details, cancellable, arango_sync_call_done, call);
  return arango_collection_statistics_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_revision_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the collection's revision (`GET
 * /_api/collection/{collection}/revision`), which changes with every
 * write to the collection: compare two to learn whether anything changed
 * in between.
 */
void
arango_collection_revision_async (ArangoCollection    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  send_request (self, collection_request (self, SOUP_METHOD_GET, "revision"),
                arango_reply_string_member, "revision",
                arango_collection_revision_async, cancellable, callback, user_data);
}

/**
 * arango_collection_revision_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_revision_async().
 *
 * Returns: (transfer full): the revision, or %NULL with an error
 */
char *
arango_collection_revision_finish (ArangoCollection  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_revision_async, error);
}

/**
 * arango_collection_revision_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_revision_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the revision, or %NULL with an error
 */
char *
arango_collection_revision_sync (ArangoCollection  *self,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_revision_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_revision_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_checksum_async:
 * @self: an #ArangoCollection
 * @flags: what the checksum covers besides the keys
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Computes a checksum of the collection's documents (`GET
 * /_api/collection/{collection}/checksum`), to tell whether two
 * collections (on two servers, say) hold the same. It does not depend on
 * the order of the documents. Flags this version does not know fail with
 * %ARANGO_ERROR_INVALID_ARGUMENT.
 */
void
arango_collection_checksum_async (ArangoCollection    *self,
                                  ArangoChecksumFlags  flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  if (!arango_check_argument (self, (flags & ~ALL_CHECKSUM_FLAGS) == 0,
                              arango_collection_checksum_async, callback, user_data,
                              _("Unknown checksum flags")))
    return;

  request = collection_request (self, SOUP_METHOD_GET, "checksum");
  add_query_flag (request, "withRevisions", flags & ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS);
  add_query_flag (request, "withData", flags & ARANGO_CHECKSUM_FLAGS_WITH_DATA);
  send_request (self, request, arango_reply_string_member, "checksum",
                arango_collection_checksum_async, cancellable, callback, user_data);
}

/**
 * arango_collection_checksum_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_checksum_async().
 *
 * Returns: (transfer full): the checksum, a decimal number as a string;
 *   %NULL with an error
 */
char *
arango_collection_checksum_finish (ArangoCollection  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_checksum_async, error);
}

/**
 * arango_collection_checksum_sync:
 * @self: an #ArangoCollection
 * @flags: what the checksum covers besides the keys
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_checksum_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the checksum, a decimal number as a string;
 *   %NULL with an error
 */
char *
arango_collection_checksum_sync (ArangoCollection     *self,
                                 ArangoChecksumFlags   flags,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_checksum_async (self, flags, cancellable, arango_sync_call_done, call);
  return arango_collection_checksum_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_compact_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server to compact the collection's data on disk (`PUT
 * /_api/collection/{collection}/compact`), to reclaim the space of
 * removed and replaced documents. The server only starts the compaction;
 * it runs in the background.
 */
void
arango_collection_compact_async (ArangoCollection    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  send_request (self, collection_request (self, SOUP_METHOD_PUT, "compact"),
                arango_reply_object, NULL,
                arango_collection_compact_async, cancellable, callback, user_data);
}

/**
 * arango_collection_compact_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_compact_async().
 *
 * Returns: (transfer full): the collection: `id`, `name`, `type`,
 *   `status`, `isSystem`, `globallyUniqueId`; %NULL with an error
 */
JsonObject *
arango_collection_compact_finish (ArangoCollection  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_compact_async, error);
}

/**
 * arango_collection_compact_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_compact_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the collection: `id`, `name`, `type`,
 *   `status`, `isSystem`, `globallyUniqueId`; %NULL with an error
 */
JsonObject *
arango_collection_compact_sync (ArangoCollection  *self,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_compact_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_compact_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_recalculate_count_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Has the server count the collection's documents anew (`PUT
 * /_api/collection/{collection}/recalculateCount`), for the rare case
 * where its stored count went wrong. A single server wants write access
 * to the collection for this.
 */
void
arango_collection_recalculate_count_async (ArangoCollection    *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  send_request (self, collection_request (self, SOUP_METHOD_PUT, "recalculateCount"),
                arango_reply_true, NULL,
                arango_collection_recalculate_count_async, cancellable, callback, user_data);
}

/**
 * arango_collection_recalculate_count_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_recalculate_count_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_recalculate_count_finish (ArangoCollection  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_recalculate_count_async, error);
}

/**
 * arango_collection_recalculate_count_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_recalculate_count_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_recalculate_count_sync (ArangoCollection  *self,
                                          GCancellable      *cancellable,
                                          GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_recalculate_count_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_recalculate_count_finish (self, arango_sync_call_wait (call), error);
}

/* The number part of "123" or "{collection}/123" (or of a name); NULL
 * for an id that names another collection, or none. */
static const char *
index_number (ArangoCollection *self,
              const char       *index_id)
{
  const char *name = arango_collection_get_name (self);
  const char *slash;

  if (index_id == NULL)
    return NULL;
  slash = strchr (index_id, '/');
  if (slash != NULL)
    {
      if ((gsize) (slash - index_id) != strlen (name) ||
          strncmp (index_id, name, slash - index_id) != 0)
        return NULL;
      index_id = slash + 1;
    }
  return *index_id != '\0' && strchr (index_id, '/') == NULL ? index_id : NULL;
}

/**
 * arango_collection_get_index_async:
 * @self: an #ArangoCollection
 * @index_id: the index: its id ("collection/123" or "123") or its name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the description of one index (`GET /_api/index/{collection}/{id}`).
 * The primary index is "0", the edge index of an edge collection "1". An
 * id of another collection fails with %ARANGO_ERROR_INVALID_ARGUMENT
 * before anything is sent; an index the collection does not have, with
 * %ARANGO_SERVER_ERROR_INDEX_NOT_FOUND.
 */
void
arango_collection_get_index_async (ArangoCollection    *self,
                                   const char          *index_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *number;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  number = index_number (self, index_id);
  if (number == NULL)
    {
      g_task_report_new_error (self, callback, user_data, arango_collection_get_index_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not an index of the collection “%s”"),
                               index_id ? index_id : "(null)",
                               arango_collection_get_name (self));
      return;
    }
  send_request (self,
                arango_context_request (arango_collection_get_context (self), SOUP_METHOD_GET,
                                        "/_api/index", arango_collection_get_name (self),
                                        number, NULL),
                arango_reply_object, NULL,
                arango_collection_get_index_async, cancellable, callback, user_data);
}

/**
 * arango_collection_get_index_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_get_index_async().
 *
 * Returns: (transfer full): the index description, with `id`, `name`,
 *   `type`, `fields`; %NULL with an error
 */
JsonObject *
arango_collection_get_index_finish (ArangoCollection  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_get_index_async, error);
}

/**
 * arango_collection_get_index_sync:
 * @self: an #ArangoCollection
 * @index_id: the index: its id ("collection/123" or "123") or its name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_get_index_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the index description; %NULL with an error
 */
JsonObject *
arango_collection_get_index_sync (ArangoCollection  *self,
                                  const char        *index_id,
                                  GCancellable      *cancellable,
                                  GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_get_index_async (self, index_id, cancellable, arango_sync_call_done, call);
  return arango_collection_get_index_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_load_indexes_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Loads the collection's indexes into the server's memory (`PUT
 * /_api/collection/{collection}/loadIndexesIntoMemory`), so that the first
 * queries after a restart need not wait for the disk.
 */
void
arango_collection_load_indexes_async (ArangoCollection    *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  send_request (self, collection_request (self, SOUP_METHOD_PUT, "loadIndexesIntoMemory"),
                arango_reply_true, NULL,
                arango_collection_load_indexes_async, cancellable, callback, user_data);
}

/**
 * arango_collection_load_indexes_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_load_indexes_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_load_indexes_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_load_indexes_async, error);
}

/**
 * arango_collection_load_indexes_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_load_indexes_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_load_indexes_sync (ArangoCollection  *self,
                                     GCancellable      *cancellable,
                                     GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_load_indexes_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_load_indexes_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_collection_with_flags_async:
 * @self: an #ArangoDatabase
 * @name: the collection to delete
 * @flags: whether a missing collection is an error, and whether it may be
 *   a system collection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the collection is gone
 * @user_data: data for @callback
 *
 * Deletes a collection and its documents (`DELETE
 * /_api/collection/{name}`), as arango_database_delete_collection_async()
 * does, with options. An empty name, a name with a `/` and flags this
 * version does not know fail with %ARANGO_ERROR_INVALID_ARGUMENT before
 * anything is sent.
 */
void
arango_database_delete_collection_with_flags_async (ArangoDatabase              *self,
                                                    const char                  *name,
                                                    ArangoDeleteCollectionFlags  flags,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data)
{
  gpointer source_tag = arango_database_delete_collection_with_flags_async;
  gboolean ignore_missing = (flags & ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING) != 0;
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a valid collection name"),
                               name ? name : "(null)");
      return;
    }
  if (!arango_check_argument (self, (flags & ~ALL_DELETE_COLLECTION_FLAGS) == 0,
                              source_tag, callback, user_data,
                              _("Unknown collection deletion flags")))
    return;

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_DELETE, "/_api/collection", name, NULL);
  if (flags & ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM)
    add_query_flag (request, "isSystem", TRUE);
  arango_context_call (context, self, request, arango_delete_reply (ignore_missing),
                       arango_delete_reply_data (ignore_missing,
                                                 ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND),
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_delete_collection_with_flags_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_collection_with_flags_async().
 *
 * Returns: %TRUE if the collection was deleted; %FALSE if it did not exist
 *   (with %ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING), or with an error
 *   such as %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND or, for a system
 *   collection without %ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM,
 *   %ARANGO_SERVER_ERROR_FORBIDDEN
 */
gboolean
arango_database_delete_collection_with_flags_finish (ArangoDatabase  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_collection_with_flags_async,
                                     error);
}

/**
 * arango_database_delete_collection_with_flags_sync:
 * @self: an #ArangoDatabase
 * @name: the collection to delete
 * @flags: whether a missing collection is an error, and whether it may be
 *   a system collection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_collection_with_flags_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE if the collection was deleted; %FALSE if it did not exist
 *   (with %ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING), or with an error
 */
gboolean
arango_database_delete_collection_with_flags_sync (ArangoDatabase              *self,
                                                   const char                  *name,
                                                   ArangoDeleteCollectionFlags  flags,
                                                   GCancellable                *cancellable,
                                                   GError                     **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_collection_with_flags_async (self, name, flags, cancellable,
                                                      arango_sync_call_done, call);
  return arango_database_delete_collection_with_flags_finish (self, arango_sync_call_wait (call),
                                                              error);
}
