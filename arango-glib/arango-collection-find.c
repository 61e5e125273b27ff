/* arango-collection-find.c: finding a collection's documents by example,
 * by range, by text, at random, and listing their keys and ids
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-find.h"
#include "arango-error.h"
#include "arango-simple-query-private.h"
#include "arango-sync-private.h"

/* find() and all(): `FOR doc IN @@collection FILTER … LIMIT … RETURN doc`. */
static void
start_find (ArangoCollection    *self,
            JsonObject          *filters,
            gint64               skip,
            gint64               limit,
            ArangoQueryOptions  *options,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = NULL;

  if (!arango_simple_query_check_filters (self, filters, FALSE, source_tag, callback, user_data) ||
      !arango_simple_query_check_window (self, skip, limit, source_tag, callback, user_data))
    return;

  query = arango_simple_query_new (self);
  arango_simple_query_append (query, "FOR doc IN @@collection");
  arango_simple_query_filter_equal (query, filters);
  arango_simple_query_limit (query, skip, limit);
  arango_simple_query_append (query, "RETURN doc");
  arango_simple_query_run_cursor (query, options, source_tag, cancellable, callback, user_data);
}

/**
 * arango_collection_find_async:
 * @self: an #ArangoCollection
 * @filters: (nullable): attribute paths and the values the documents must
 *   have there, e.g. `{"name": "ada", "address.city": "London"}`; %NULL or
 *   empty for every document
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options, e.g. the batch size or
 *   #ArangoQueryOptions:allow-dirty-read
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents whose attributes equal @filters (python-arango's
 * `find()`), with the AQL query
 *
 * ```
 * FOR doc IN @@collection
 *   FILTER doc.@attribute0 == @value0 AND …
 *   LIMIT @skip, @limit
 *   RETURN doc
 * ```
 *
 * A filter's name is an attribute path: dots separate nested attributes,
 * so `address.city` is the `city` of the `address` object. Names and
 * values are bind parameters, never part of the query text. Comparisons
 * are AQL's `==`: a filter on %NULL also matches documents without the
 * attribute.
 *
 * A negative @skip, a @limit below -1 or an empty name in a path is
 * refused with %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent.
 */
void
arango_collection_find_async (ArangoCollection    *self,
                              JsonObject          *filters,
                              gint64               skip,
                              gint64               limit,
                              ArangoQueryOptions  *options,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  start_find (self, filters, skip, limit, options, arango_collection_find_async,
              cancellable, callback, user_data);
}

/**
 * arango_collection_find_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_async().
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_finish (ArangoCollection  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_async, error);
}

/**
 * arango_collection_find_sync:
 * @self: an #ArangoCollection
 * @filters: (nullable): attribute paths and the values the documents must
 *   have there; %NULL or empty for every document
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_sync (ArangoCollection    *self,
                             JsonObject          *filters,
                             gint64               skip,
                             gint64               limit,
                             ArangoQueryOptions  *options,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_async (self, filters, skip, limit, options, cancellable,
                                arango_sync_call_done, call);
  return arango_collection_find_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_all_async:
 * @self: an #ArangoCollection
 * @skip: how many documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options, e.g. the batch size
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Reads the documents of the collection (python-arango's `all()`):
 * arango_collection_find_async() without filters.
 */
void
arango_collection_all_async (ArangoCollection    *self,
                             gint64               skip,
                             gint64               limit,
                             ArangoQueryOptions  *options,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  start_find (self, NULL, skip, limit, options, arango_collection_all_async,
              cancellable, callback, user_data);
}

/**
 * arango_collection_all_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_all_async().
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_all_finish (ArangoCollection  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_all_async, error);
}

/**
 * arango_collection_all_sync:
 * @self: an #ArangoCollection
 * @skip: how many documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_all_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_all_sync (ArangoCollection    *self,
                            gint64               skip,
                            gint64               limit,
                            ArangoQueryOptions  *options,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_all_async (self, skip, limit, options, cancellable,
                               arango_sync_call_done, call);
  return arango_collection_all_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_find_in_range_async:
 * @self: an #ArangoCollection
 * @field: the attribute path to compare, e.g. `age` or `address.zip`
 * @lower: the smallest value to find (inclusive)
 * @upper: the value above the range (exclusive)
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents whose @field lies in [@lower, @upper)
 * (python-arango's `find_in_range()`), with
 *
 * ```
 * FOR doc IN @@collection
 *   FILTER doc.@attribute0 >= @lower AND doc.@attribute0 < @upper
 *   LIMIT @skip, @limit
 *   RETURN doc
 * ```
 *
 * The bounds are any JSON values and compare in AQL's order (null, then
 * booleans, numbers, strings, arrays, objects), so a range of numbers
 * never takes in strings, and ISO 8601 date strings sort as dates. A
 * persistent index on @field serves the query.
 *
 * A missing bound or a path with an empty name is refused with
 * %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent.
 */
void
arango_collection_find_in_range_async (ArangoCollection    *self,
                                       const char          *field,
                                       JsonNode            *lower,
                                       JsonNode            *upper,
                                       gint64               skip,
                                       gint64               limit,
                                       ArangoQueryOptions  *options,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *condition = NULL;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  if (!arango_simple_query_check_path (self, field, arango_collection_find_in_range_async,
                                       callback, user_data) ||
      !arango_check_argument (self, lower != NULL && upper != NULL,
                              arango_collection_find_in_range_async, callback, user_data,
                              _("A range needs a lower and an upper bound")) ||
      !arango_simple_query_check_window (self, skip, limit, arango_collection_find_in_range_async,
                                         callback, user_data))
    return;

  query = arango_simple_query_new (self);
  attribute = arango_simple_query_bind_attribute (query, field);
  condition = g_strdup_printf ("FILTER %s >= @lower AND %s < @upper", attribute, attribute);
  arango_simple_query_bind (query, "lower", json_node_copy (lower));
  arango_simple_query_bind (query, "upper", json_node_copy (upper));
  arango_simple_query_append (query, "FOR doc IN @@collection");
  arango_simple_query_append (query, condition);
  arango_simple_query_limit (query, skip, limit);
  arango_simple_query_append (query, "RETURN doc");
  arango_simple_query_run_cursor (query, options, arango_collection_find_in_range_async,
                                  cancellable, callback, user_data);
}

/**
 * arango_collection_find_in_range_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_in_range_async().
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_in_range_finish (ArangoCollection  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_in_range_async, error);
}

/**
 * arango_collection_find_in_range_sync:
 * @self: an #ArangoCollection
 * @field: the attribute path to compare
 * @lower: the smallest value to find (inclusive)
 * @upper: the value above the range (exclusive)
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_in_range_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_in_range_sync (ArangoCollection    *self,
                                      const char          *field,
                                      JsonNode            *lower,
                                      JsonNode            *upper,
                                      gint64               skip,
                                      gint64               limit,
                                      ArangoQueryOptions  *options,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_in_range_async (self, field, lower, upper, skip, limit, options,
                                         cancellable, arango_sync_call_done, call);
  return arango_collection_find_in_range_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_find_by_text_async:
 * @self: an #ArangoCollection
 * @field: the attribute path holding the text
 * @text: the words to look for; every one must occur
 * @index: the name of the collection's inverted index over @field
 * @analyzer: the Analyzer that index applies to @field, e.g. `text_en`
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents whose @field holds every word of @text
 * (python-arango's `find_by_text()`), through an inverted index:
 *
 * ```
 * FOR doc IN @@collection OPTIONS { indexHint: @index, forceIndexHint: true }
 *   FILTER ANALYZER(TOKENS(@text, @analyzer) ALL == doc.@attribute0, @analyzer)
 *   LIMIT @limit
 *   RETURN doc
 * ```
 *
 * @analyzer splits @text into words as it split the documents' text when
 * the index was made, so `text_en` finds "running" for "runs".
 *
 * python-arango runs `FULLTEXT()` over a fulltext index instead. Fulltext
 * indexes are deprecated since ArangoDB 3.10, and `FULLTEXT()` is gone in
 * 4.0; inverted indexes (ArangoDB 3.10 and later) replace them, and a
 * query only uses one it is told to use, hence @index. Create it with
 * arango_collection_add_index_async() and a definition such as
 * `{"type": "inverted", "name": "by-text", "fields": [{"name": "text",
 * "analyzer": "text_en"}]}`. The fulltext query syntax (`prefix:`, `|`,
 * `-`) does not carry over: @text is plain words.
 *
 * A missing field, text, index or analyzer is refused with
 * %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent. The test emulator
 * has no ArangoSearch: it refuses the query with
 * %ARANGO_SERVER_ERROR_NOT_IMPLEMENTED.
 */
void
arango_collection_find_by_text_async (ArangoCollection    *self,
                                      const char          *field,
                                      const char          *text,
                                      const char          *index,
                                      const char          *analyzer,
                                      gint64               limit,
                                      ArangoQueryOptions  *options,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  gpointer tag = arango_collection_find_by_text_async;
  g_autoptr(ArangoSimpleQuery) query = NULL;
  g_autofree char *attribute = NULL;
  g_autofree char *condition = NULL;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  if (!arango_simple_query_check_path (self, field, tag, callback, user_data) ||
      !arango_check_text (self, text, N_("The text to find must not be empty"),
                          tag, callback, user_data) ||
      !arango_check_text (self, index, N_("The name of the inverted index must not be empty"),
                          tag, callback, user_data) ||
      !arango_check_text (self, analyzer, N_("The name of the Analyzer must not be empty"),
                          tag, callback, user_data) ||
      !arango_simple_query_check_window (self, 0, limit, tag, callback, user_data))
    return;

  query = arango_simple_query_new (self);
  attribute = arango_simple_query_bind_attribute (query, field);
  condition = g_strdup_printf ("FILTER ANALYZER(TOKENS(@text, @analyzer) ALL == %s, @analyzer)",
                               attribute);
  arango_simple_query_bind_string (query, "text", text);
  arango_simple_query_bind_string (query, "index", index);
  arango_simple_query_bind_string (query, "analyzer", analyzer);
  arango_simple_query_append (query, "FOR doc IN @@collection"
                                     " OPTIONS { indexHint: @index, forceIndexHint: true }");
  arango_simple_query_append (query, condition);
  arango_simple_query_limit (query, 0, limit);
  arango_simple_query_append (query, "RETURN doc");
  arango_simple_query_run_cursor (query, options, tag, cancellable, callback, user_data);
}

/**
 * arango_collection_find_by_text_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_by_text_async().
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_by_text_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_by_text_async, error);
}

/**
 * arango_collection_find_by_text_sync:
 * @self: an #ArangoCollection
 * @field: the attribute path holding the text
 * @text: the words to look for; every one must occur
 * @index: the name of the collection's inverted index over @field
 * @analyzer: the Analyzer that index applies to @field
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_by_text_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_by_text_sync (ArangoCollection    *self,
                                     const char          *field,
                                     const char          *text,
                                     const char          *index,
                                     const char          *analyzer,
                                     gint64               limit,
                                     ArangoQueryOptions  *options,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_by_text_async (self, field, text, index, analyzer, limit, options,
                                        cancellable, arango_sync_call_done, call);
  return arango_collection_find_by_text_finish (self, arango_sync_call_wait (call), error);
}

/* keys() and ids(): every batch of `FOR doc IN @@collection RETURN doc._key`
 * (or `._id`), gathered into one string array. */
typedef struct
{
  ArangoCursor *cursor;
  GStrvBuilder *values;
} Listing;

static void
listing_free (Listing *listing)
{
  g_clear_object (&listing->cursor);
  g_strv_builder_unref (listing->values);
  g_free (listing);
}

static void on_listing_batch (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

/* Takes @task. */
static void
fetch_next (GTask *task)
{
  Listing *listing = g_task_get_task_data (task);

  arango_cursor_next_batch_async (listing->cursor, g_task_get_cancellable (task),
                                  on_listing_batch, task);
}

static void
on_listing_batch (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Listing *listing = g_task_get_task_data (task);
  g_autoptr(JsonArray) batch = NULL;
  GError *error = NULL;

  batch = arango_cursor_next_batch_finish (listing->cursor, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (batch == NULL)
    {
      g_task_return_pointer (task, g_strv_builder_end (listing->values),
                             (GDestroyNotify) g_strfreev);
      return;
    }

  for (guint i = 0; i < json_array_get_length (batch); i++)
    {
      JsonNode *element = json_array_get_element (batch, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                                   _("A document key or id in the reply is not a string"));
          return;
        }
      g_strv_builder_add (listing->values, json_node_get_string (element));
    }
  fetch_next (g_steal_pointer (&task));
}

static void
start_listing (ArangoCollection    *self,
               const char          *aql,
               ArangoQueryOptions  *options,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data);

static void
on_listing_cursor (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Listing *listing = g_task_get_task_data (task);
  GError *error = NULL;

  listing->cursor = arango_call_finish_pointer (source, result, start_listing, &error);
  if (listing->cursor == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  fetch_next (g_steal_pointer (&task));
}

static void
start_listing (ArangoCollection    *self,
               const char          *aql,
               ArangoQueryOptions  *options,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = arango_simple_query_new (self);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Listing *listing = g_new0 (Listing, 1);

  g_task_set_source_tag (task, source_tag);
  listing->values = g_strv_builder_new ();
  g_task_set_task_data (task, listing, (GDestroyNotify) listing_free);

  arango_simple_query_append (query, aql);
  arango_simple_query_run_cursor (query, options, start_listing, cancellable,
                                  on_listing_cursor, task);
}

/**
 * arango_collection_keys_async:
 * @self: an #ArangoCollection
 * @options: (nullable): query options, e.g. a larger batch size to fetch
 *   the keys in fewer requests
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when every key is there
 * @user_data: data for @callback
 *
 * Lists the keys of every document in the collection (python-arango's
 * `keys()`), with `FOR doc IN @@collection RETURN doc._key`. The call
 * fetches every batch of the query before it finishes, so for a large
 * collection the array is as large: arango_collection_all_async() reads
 * it batch by batch instead.
 */
void
arango_collection_keys_async (ArangoCollection    *self,
                              ArangoQueryOptions  *options,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  start_listing (self, "FOR doc IN @@collection RETURN doc._key", options,
                 arango_collection_keys_async, cancellable, callback, user_data);
}

/**
 * arango_collection_keys_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_keys_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys in the
 *   order the server read the documents, or %NULL with an error
 */
char **
arango_collection_keys_finish (ArangoCollection  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_keys_async, error);
}

/**
 * arango_collection_keys_sync:
 * @self: an #ArangoCollection
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_keys_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys in the
 *   order the server read the documents, or %NULL with an error
 */
char **
arango_collection_keys_sync (ArangoCollection    *self,
                             ArangoQueryOptions  *options,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_keys_async (self, options, cancellable, arango_sync_call_done, call);
  return arango_collection_keys_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_ids_async:
 * @self: an #ArangoCollection
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when every id is there
 * @user_data: data for @callback
 *
 * Lists the ids (`collection/key`) of every document in the collection
 * (python-arango's `ids()`), with `FOR doc IN @@collection RETURN
 * doc._id`; like arango_collection_keys_async(), it fetches every batch
 * before it finishes.
 */
void
arango_collection_ids_async (ArangoCollection    *self,
                             ArangoQueryOptions  *options,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  start_listing (self, "FOR doc IN @@collection RETURN doc._id", options,
                 arango_collection_ids_async, cancellable, callback, user_data);
}

/**
 * arango_collection_ids_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_ids_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids in the
 *   order the server read the documents, or %NULL with an error
 */
char **
arango_collection_ids_finish (ArangoCollection  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_ids_async, error);
}

/**
 * arango_collection_ids_sync:
 * @self: an #ArangoCollection
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_ids_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids in the
 *   order the server read the documents, or %NULL with an error
 */
char **
arango_collection_ids_sync (ArangoCollection    *self,
                            ArangoQueryOptions  *options,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_ids_async (self, options, cancellable, arango_sync_call_done, call);
  return arango_collection_ids_finish (self, arango_sync_call_wait (call), error);
}

/* The one document of `… LIMIT 1 RETURN doc`, or NULL (no error) when
 * there was none. */
static void
reply_first_document (GTask          *task,
                      ArangoResponse *response,
                      gconstpointer   unused)
{
  JsonObject *body = response->body != NULL && JSON_NODE_HOLDS_OBJECT (response->body)
                     ? json_node_get_object (response->body) : NULL;
  JsonNode *result = body != NULL ? json_object_get_member (body, "result") : NULL;
  JsonArray *documents;

  if (result == NULL || !JSON_NODE_HOLDS_ARRAY (result))
    {
      arango_task_return_invalid_reply (task, response, "result");
      return;
    }
  documents = json_node_get_array (result);
  if (json_array_get_length (documents) == 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (documents, 0)))
    {
      arango_task_return_invalid_reply (task, response, "result");
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_array_get_object_element (documents, 0)),
                         (GDestroyNotify) json_object_unref);
}

/**
 * arango_collection_random_async:
 * @self: an #ArangoCollection
 * @options: (nullable): query options, e.g.
 *   #ArangoQueryOptions:allow-dirty-read
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Picks a document of the collection at random (python-arango's
 * `random()`), with `FOR doc IN @@collection SORT RAND() LIMIT 1 RETURN
 * doc`. The server reads the whole collection to do so.
 *
 * Like the other simple queries it allows a dirty read through @options,
 * not through #ArangoCollection:allow-dirty-read (which is about document
 * reads); as no cursor is handed back, whether a follower answered is not
 * told.
 */
void
arango_collection_random_async (ArangoCollection    *self,
                                ArangoQueryOptions  *options,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = NULL;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  query = arango_simple_query_new (self);
  arango_simple_query_append (query, "FOR doc IN @@collection SORT RAND() LIMIT 1 RETURN doc");
  arango_simple_query_run (query, options, reply_first_document, NULL,
                           arango_collection_random_async, cancellable, callback, user_data);
}

/**
 * arango_collection_random_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_random_async().
 *
 * Returns: (transfer full) (nullable): a document, or %NULL: with @error
 *   set when the call failed, with @error unset when the collection is
 *   empty
 */
JsonObject *
arango_collection_random_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_random_async, error);
}

/**
 * arango_collection_random_sync:
 * @self: an #ArangoCollection
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_random_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (nullable): a document, or %NULL: with @error
 *   set when the call failed, with @error unset when the collection is
 *   empty
 */
JsonObject *
arango_collection_random_sync (ArangoCollection    *self,
                               ArangoQueryOptions  *options,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_random_async (self, options, cancellable, arango_sync_call_done, call);
  return arango_collection_random_finish (self, arango_sync_call_wait (call), error);
}
