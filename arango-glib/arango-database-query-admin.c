/* arango-database-query-admin.c: managing AQL queries: the running and
 * slow ones, query tracking and the query results cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Query tracking is per database (and per coordinator: in a cluster the
 * coordinator asked gathers the lists of the others, and forwards a kill
 * to the one running the query); the results cache's properties are the
 * server's, its entries per database.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-database-query-admin.h"
#include "arango-error.h"
#include "arango-sync-private.h"


/* The server takes a mode it does not know for "off"; a typo must not
 * switch the cache off. */
static gboolean
is_cache_mode (JsonObject *properties)
{
  JsonNode *mode = properties != NULL ? json_object_get_member (properties, "mode") : NULL;
  const char *value;

  if (mode == NULL)
    return TRUE;
  if (json_node_get_value_type (mode) != G_TYPE_STRING)
    return FALSE;
  value = json_node_get_string (mode);
  return g_str_equal (value, "off") || g_str_equal (value, "on") || g_str_equal (value, "demand");
}

/* @method /_api/query/@name, for this database's queries or, with
 * @all_databases, for those of every database. */
static void
tracking_call (ArangoDatabase      *self,
               const char          *method,
               const char          *name,
               gboolean             all_databases,
               ArangoReplyFunc      reply_func,
               gconstpointer        reply_data,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  ArangoContext *context = arango_database_get_context (self);
  ArangoRequest *request = arango_context_request (context, method, "/_api/query", name, NULL);

  if (all_databases)
    arango_request_add_query (request, "all", "true");
  arango_context_call (context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_database_kill_query_async:
 * @self: an #ArangoDatabase
 * @query_id: the query's id, as [method@Arango.Database.running_queries_async]
 *   lists it
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @ignore_missing: whether a query that is not running is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Kills a running AQL query (`DELETE /_api/query/{id}`), as python-arango's
 * `kill()` does: it stops at its next cancellation point, and its own
 * call fails with %ARANGO_SERVER_ERROR_QUERY_KILLED. An id that is not
 * a string of digits is an %ARANGO_ERROR_INVALID_ARGUMENT error, and
 * nothing is sent.
 */
void
arango_database_kill_query_async (ArangoDatabase      *self,
                                  const char          *query_id,
                                  gboolean             all_databases,
                                  gboolean             ignore_missing,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  /* Anything else must not reach the server, where DELETE
   * /_api/query/slow would clear the slow queries instead. */
  if (!arango_check_argument (self, arango_is_numeric_id (query_id),
                              arango_database_kill_query_async, callback, user_data,
                              _("A query id is a non-empty string of digits")))
    return;

  tracking_call (self, SOUP_METHOD_DELETE, query_id, all_databases,
                 arango_delete_reply (ignore_missing),
                 arango_delete_reply_data (ignore_missing, ARANGO_SERVER_ERROR_QUERY_NOT_FOUND),
                 arango_database_kill_query_async, cancellable, callback, user_data);
}

/**
 * arango_database_kill_query_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_kill_query_async().
 *
 * Returns: %TRUE if the query was told to stop; %FALSE if it was not
 *   running (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_QUERY_NOT_FOUND
 */
gboolean
arango_database_kill_query_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_kill_query_async, error);
}

/**
 * arango_database_kill_query_sync:
 * @self: an #ArangoDatabase
 * @query_id: the query's id, as [method@Arango.Database.running_queries_async]
 *   lists it
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @ignore_missing: whether a query that is not running is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_kill_query_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if the query was told to stop; %FALSE if it was not
 *   running (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_QUERY_NOT_FOUND
 */
gboolean
arango_database_kill_query_sync (ArangoDatabase  *self,
                                 const char      *query_id,
                                 gboolean         all_databases,
                                 gboolean         ignore_missing,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_kill_query_async (self, query_id, all_databases, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_kill_query_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_running_queries_async:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the AQL queries running now (`GET /_api/query/current`), as
 * python-arango's `queries()` does. Only tracked queries are listed: see
 * arango_database_query_tracking_async().
 */
void
arango_database_running_queries_async (ArangoDatabase      *self,
                                       gboolean             all_databases,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  tracking_call (self, SOUP_METHOD_GET, "current", all_databases,
                 arango_reply_body_array, NULL,
                 arango_database_running_queries_async, cancellable, callback, user_data);
}

/**
 * arango_database_running_queries_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_running_queries_async().
 *
 * Returns: (transfer full): one object per query: `id`, `database`, `user`,
 *   `query`, `bindVars`, `started`, `runTime`, `peakMemoryUsage`,
 *   `state` (`executing`) and `stream`;
 *   %NULL with an error
 */
JsonArray *
arango_database_running_queries_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_running_queries_async, error);
}

/**
 * arango_database_running_queries_sync:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_running_queries_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): one object per query: `id`, `database`, `user`,
 *   `query`, `bindVars`, `started`, `runTime`, `peakMemoryUsage`,
 *   `state` (`executing`) and `stream`;
 *   %NULL with an error
 */
JsonArray *
arango_database_running_queries_sync (ArangoDatabase  *self,
                                      gboolean         all_databases,
                                      GCancellable    *cancellable,
                                      GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_running_queries_async (self, all_databases, cancellable, arango_sync_call_done, call);
  return arango_database_running_queries_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_slow_queries_async:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the slow AQL queries, those that took at least the
 * `slowQueryThreshold` of the query tracking properties (`GET
 * /_api/query/slow`), as python-arango's `slow_queries()` does, oldest
 * first.
 */
void
arango_database_slow_queries_async (ArangoDatabase      *self,
                                    gboolean             all_databases,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  tracking_call (self, SOUP_METHOD_GET, "slow", all_databases,
                 arango_reply_body_array, NULL,
                 arango_database_slow_queries_async, cancellable, callback, user_data);
}

/**
 * arango_database_slow_queries_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_slow_queries_async().
 *
 * Returns: (transfer full): one object per query: `id`, `database`, `user`,
 *   `query`, `bindVars`, `started`, `runTime`, `peakMemoryUsage`,
 *   `state` (`finished` or `killed`) and `stream`;
 *   %NULL with an error
 */
JsonArray *
arango_database_slow_queries_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_slow_queries_async, error);
}

/**
 * arango_database_slow_queries_sync:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_slow_queries_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): one object per query: `id`, `database`, `user`,
 *   `query`, `bindVars`, `started`, `runTime`, `peakMemoryUsage`,
 *   `state` (`finished` or `killed`) and `stream`;
 *   %NULL with an error
 */
JsonArray *
arango_database_slow_queries_sync (ArangoDatabase  *self,
                                   gboolean         all_databases,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_slow_queries_async (self, all_databases, cancellable, arango_sync_call_done, call);
  return arango_database_slow_queries_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_clear_slow_queries_async:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Empties the list of slow AQL queries (`DELETE /_api/query/slow`), as
 * python-arango's `clear_slow_queries()` does.
 */
void
arango_database_clear_slow_queries_async (ArangoDatabase      *self,
                                          gboolean             all_databases,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  tracking_call (self, SOUP_METHOD_DELETE, "slow", all_databases,
                 arango_reply_true, NULL,
                 arango_database_clear_slow_queries_async, cancellable, callback, user_data);
}

/**
 * arango_database_clear_slow_queries_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_clear_slow_queries_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_clear_slow_queries_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_clear_slow_queries_async, error);
}

/**
 * arango_database_clear_slow_queries_sync:
 * @self: an #ArangoDatabase
 * @all_databases: whether to include every database's queries, not only this
 *   one's; only a superuser may, from the `_system` database
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_clear_slow_queries_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_clear_slow_queries_sync (ArangoDatabase  *self,
                                         gboolean         all_databases,
                                         GCancellable    *cancellable,
                                         GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_clear_slow_queries_async (self, all_databases, cancellable, arango_sync_call_done, call);
  return arango_database_clear_slow_queries_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_query_tracking_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the query tracking properties of the database (`GET
 * /_api/query/properties`), as python-arango's `tracking()` does.
 */
void
arango_database_query_tracking_async (ArangoDatabase      *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_query_tracking_async, cancellable, callback, user_data,
                        "/_api/query/properties", NULL);
}

/**
 * arango_database_query_tracking_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_query_tracking_async().
 *
 * Returns: (transfer full): `enabled`, `trackSlowQueries`,
 *   `trackBindVars`, `maxSlowQueries`, `slowQueryThreshold`,
 *   `slowStreamingQueryThreshold` and `maxQueryStringLength`; %NULL with
 *   an error
 */
JsonObject *
arango_database_query_tracking_finish (ArangoDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_query_tracking_async, error);
}

/**
 * arango_database_query_tracking_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_query_tracking_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `enabled`, `trackSlowQueries`,
 *   `trackBindVars`, `maxSlowQueries`, `slowQueryThreshold`,
 *   `slowStreamingQueryThreshold` and `maxQueryStringLength`; %NULL with
 *   an error
 */
JsonObject *
arango_database_query_tracking_sync (ArangoDatabase  *self,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_query_tracking_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_query_tracking_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_set_query_tracking_async:
 * @self: an #ArangoDatabase
 * @properties: (nullable): the properties to change, named as
 *   arango_database_query_tracking_finish() names them, e.g.
 *   `{"slowQueryThreshold": 2.5, "trackBindVars": false}`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes query tracking properties of the database (`PUT
 * /_api/query/properties`), as python-arango's `set_tracking()` does.
 * The server leaves the properties @properties does not name as they
 * are, ignores a value of the wrong type, and keeps `maxSlowQueries`
 * at most 16384 and `maxQueryStringLength` from 64 up to 32 MiB.
 */
void
arango_database_set_query_tracking_async (ArangoDatabase      *self,
                                          JsonObject          *properties,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_PUT, properties != NULL ? json_object_ref (properties) : json_object_new (),
                        arango_reply_object, NULL,
                        arango_database_set_query_tracking_async, cancellable, callback, user_data,
                        "/_api/query/properties", NULL);
}

/**
 * arango_database_set_query_tracking_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_set_query_tracking_async().
 *
 * Returns: (transfer full): the properties now: `enabled`, `trackSlowQueries`,
 *   `trackBindVars`, `maxSlowQueries`, `slowQueryThreshold`,
 *   `slowStreamingQueryThreshold` and `maxQueryStringLength`; %NULL with
 *   an error
 */
JsonObject *
arango_database_set_query_tracking_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_set_query_tracking_async, error);
}

/**
 * arango_database_set_query_tracking_sync:
 * @self: an #ArangoDatabase
 * @properties: (nullable): the properties to change, named as
 *   arango_database_query_tracking_finish() names them, e.g.
 *   `{"slowQueryThreshold": 2.5, "trackBindVars": false}`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_set_query_tracking_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the properties now: `enabled`, `trackSlowQueries`,
 *   `trackBindVars`, `maxSlowQueries`, `slowQueryThreshold`,
 *   `slowStreamingQueryThreshold` and `maxQueryStringLength`; %NULL with
 *   an error
 */
JsonObject *
arango_database_set_query_tracking_sync (ArangoDatabase  *self,
                                         JsonObject      *properties,
                                         GCancellable    *cancellable,
                                         GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_set_query_tracking_async (self, properties, cancellable, arango_sync_call_done, call);
  return arango_database_set_query_tracking_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_query_cache_properties_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the properties of the AQL query results cache (`GET
 * /_api/query-cache/properties`), as python-arango's
 * `aql.cache.properties()` does. They are the server's, shared by
 * all its databases.
 */
void
arango_database_query_cache_properties_async (ArangoDatabase      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_query_cache_properties_async, cancellable, callback, user_data,
                        "/_api/query-cache/properties", NULL);
}

/**
 * arango_database_query_cache_properties_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_query_cache_properties_async().
 *
 * Returns: (transfer full): `mode` (`off`, `on` or `demand`),
 *   `maxResults`, `maxResultsSize`, `maxEntrySize` and `includeSystem`;
 *   %NULL with an error
 */
JsonObject *
arango_database_query_cache_properties_finish (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_query_cache_properties_async, error);
}

/**
 * arango_database_query_cache_properties_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_query_cache_properties_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `mode` (`off`, `on` or `demand`),
 *   `maxResults`, `maxResultsSize`, `maxEntrySize` and `includeSystem`;
 *   %NULL with an error
 */
JsonObject *
arango_database_query_cache_properties_sync (ArangoDatabase  *self,
                                             GCancellable    *cancellable,
                                             GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_query_cache_properties_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_query_cache_properties_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_configure_query_cache_async:
 * @self: an #ArangoDatabase
 * @properties: (nullable): the properties to change, named as
 *   arango_database_query_cache_properties_finish() names them, e.g.
 *   `{"mode": "demand", "maxResults": 32}`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes properties of the AQL query results cache (`PUT
 * /_api/query-cache/properties`), as python-arango's
 * `aql.cache.configure()` does. Changing the mode empties the cache. A
 * `mode` other than `off`, `on` or `demand` is an
 * %ARANGO_ERROR_INVALID_ARGUMENT error and nothing is sent (the
 * server would take it for `off`); a size that is not positive is the
 * server's %ARANGO_SERVER_ERROR_BAD_PARAMETER.
 */
void
arango_database_configure_query_cache_async (ArangoDatabase      *self,
                                             JsonObject          *properties,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, is_cache_mode (properties),
                              arango_database_configure_query_cache_async, callback, user_data,
                              _("The query cache mode is not “off”, “on” or “demand”")))
    return;

  arango_database_call (self, SOUP_METHOD_PUT, properties != NULL ? json_object_ref (properties) : json_object_new (),
                        arango_reply_object, NULL,
                        arango_database_configure_query_cache_async, cancellable, callback, user_data,
                        "/_api/query-cache/properties", NULL);
}

/**
 * arango_database_configure_query_cache_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_configure_query_cache_async().
 *
 * Returns: (transfer full): the properties now: `mode` (`off`, `on` or `demand`),
 *   `maxResults`, `maxResultsSize`, `maxEntrySize` and `includeSystem`;
 *   %NULL with an error
 */
JsonObject *
arango_database_configure_query_cache_finish (ArangoDatabase  *self,
                                              GAsyncResult    *result,
                                              GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_configure_query_cache_async, error);
}

/**
 * arango_database_configure_query_cache_sync:
 * @self: an #ArangoDatabase
 * @properties: (nullable): the properties to change, named as
 *   arango_database_query_cache_properties_finish() names them, e.g.
 *   `{"mode": "demand", "maxResults": 32}`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_configure_query_cache_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the properties now: `mode` (`off`, `on` or `demand`),
 *   `maxResults`, `maxResultsSize`, `maxEntrySize` and `includeSystem`;
 *   %NULL with an error
 */
JsonObject *
arango_database_configure_query_cache_sync (ArangoDatabase  *self,
                                            JsonObject      *properties,
                                            GCancellable    *cancellable,
                                            GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_configure_query_cache_async (self, properties, cancellable, arango_sync_call_done, call);
  return arango_database_configure_query_cache_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_query_cache_entries_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the results the AQL query results cache holds for this
 * database (`GET /_api/query-cache/entries`), as python-arango's
 * `aql.cache.entries()` does.
 */
void
arango_database_query_cache_entries_async (ArangoDatabase      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_body_array, NULL,
                        arango_database_query_cache_entries_async, cancellable, callback, user_data,
                        "/_api/query-cache/entries", NULL);
}

/**
 * arango_database_query_cache_entries_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_query_cache_entries_async().
 *
 * Returns: (transfer full): one object per cached result: `hash`,
 *   `query`, `bindVars`, `size`, `results`, `hits`, `runTime`, `started`
 *   and `dataSources`; %NULL with an error
 */
JsonArray *
arango_database_query_cache_entries_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_query_cache_entries_async, error);
}

/**
 * arango_database_query_cache_entries_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_query_cache_entries_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): one object per cached result: `hash`,
 *   `query`, `bindVars`, `size`, `results`, `hits`, `runTime`, `started`
 *   and `dataSources`; %NULL with an error
 */
JsonArray *
arango_database_query_cache_entries_sync (ArangoDatabase  *self,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_query_cache_entries_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_query_cache_entries_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_clear_query_cache_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Drops the results the AQL query results cache holds for this
 * database (`DELETE /_api/query-cache`), as python-arango's
 * `aql.cache.clear()` does.
 */
void
arango_database_clear_query_cache_async (ArangoDatabase      *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_reply_true, NULL,
                        arango_database_clear_query_cache_async, cancellable, callback, user_data,
                        "/_api/query-cache", NULL);
}

/**
 * arango_database_clear_query_cache_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_clear_query_cache_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_clear_query_cache_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_clear_query_cache_async, error);
}

/**
 * arango_database_clear_query_cache_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_clear_query_cache_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_clear_query_cache_sync (ArangoDatabase  *self,
                                        GCancellable    *cancellable,
                                        GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_clear_query_cache_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_clear_query_cache_finish (self, arango_sync_call_wait (call), error);
}
