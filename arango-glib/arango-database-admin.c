/* arango-database-admin.c: server administration on a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * python-arango's server calls (version, engine, status, time, metrics,
 * statistics, logs, mode, availability, license, TLS, support info,
 * compaction, shutdown), each one request of the connection layer.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-admin.h"
#include "arango-database-log-private.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/* A request without parameters or body */
static void
call_simple (ArangoDatabase      *self,
             const char          *method,
             const char          *path,
             ArangoReplyFunc      reply_func,
             gconstpointer        reply_data,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  ArangoContext *context = arango_database_get_context (self);

  arango_context_call (context, self, arango_context_request (context, method, path, NULL),
                       reply_func, reply_data, source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_version_async:
 * @self: an #ArangoDatabase
 * @details: whether to ask for the build details too
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server for its version (`GET /_api/version`): `server`,
 * `license`, `version` and, with @details, a `details` object of build
 * facts (`mode`, `role`, `host`, …).
 */
void
arango_database_version_async (ArangoDatabase      *self,
                               gboolean             details,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_api/version", NULL);
  if (details)
    arango_request_add_query (request, "details", "true");
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_database_version_async, cancellable, callback, user_data);
}

/**
 * arango_database_version_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_version_async().
 *
 * Returns: (transfer full): the version object, or %NULL with an error
 */
JsonObject *
arango_database_version_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_version_async, error);
}

/**
 * arango_database_version_sync:
 * @self: an #ArangoDatabase
 * @details: whether to ask for the build details too
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_version_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the version object, or %NULL with an error
 */
JsonObject *
arango_database_version_sync (ArangoDatabase  *self,
                              gboolean         details,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_version_async (self, details, cancellable, arango_sync_call_done, call);
  return arango_database_version_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_engine_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks which storage engine the server runs (`GET /_api/engine`): its
 * `name` and what it `supports`.
 */
void
arango_database_engine_async (ArangoDatabase      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_api/engine", arango_reply_object, NULL,
               arango_database_engine_async, cancellable, callback, user_data);
}

/**
 * arango_database_engine_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_engine_async().
 *
 * Returns: (transfer full): the engine object, or %NULL with an error
 */
JsonObject *
arango_database_engine_finish (ArangoDatabase  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_engine_async, error);
}

/**
 * arango_database_engine_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_engine_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the engine object, or %NULL with an error
 */
JsonObject *
arango_database_engine_sync (ArangoDatabase  *self,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_engine_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_engine_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_status_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server for its status (`GET /_admin/status`): version,
 * license, role, `serverInfo`, and on a coordinator the Foxx master and
 * the agency endpoints.
 */
void
arango_database_status_async (ArangoDatabase      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/status", arango_reply_object, NULL,
               arango_database_status_async, cancellable, callback, user_data);
}

/**
 * arango_database_status_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_status_async().
 *
 * Returns: (transfer full): the status object, or %NULL with an error
 */
JsonObject *
arango_database_status_finish (ArangoDatabase  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_status_async, error);
}

/**
 * arango_database_status_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_status_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the status object, or %NULL with an error
 */
JsonObject *
arango_database_status_sync (ArangoDatabase  *self,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_status_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_status_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_time_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the server's clock (`GET /_admin/time`).
 */
void
arango_database_time_async (ArangoDatabase      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/time", arango_reply_double_member, "time",
               arango_database_time_async, cancellable, callback, user_data);
}

/**
 * arango_database_time_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_time_async().
 *
 * Returns: the server time in seconds since the Unix epoch, or -1 with an error
 */
gdouble
arango_database_time_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_double (self, result, arango_database_time_async, error);
}

/**
 * arango_database_time_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_time_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: the server time in seconds since the Unix epoch, or -1 with an error
 */
gdouble
arango_database_time_sync (ArangoDatabase  *self,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), -1.0);

  call = arango_sync_call_begin ();
  arango_database_time_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_time_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_metrics_async:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the server's metrics in the Prometheus text format (`GET
 * /_admin/metrics`, the path that works from ArangoDB 3.8 on and is the
 * only one left in 4.0). On a coordinator, @server_id asks another server
 * of the cluster.
 */
void
arango_database_metrics_async (ArangoDatabase      *self,
                               const char          *server_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_admin/metrics", NULL);
  if (server_id != NULL)
    arango_request_add_query (request, "serverId", server_id);
  arango_request_set_text_reply (request);
  arango_context_call (context, self, request, arango_reply_text, NULL,
                       arango_database_metrics_async, cancellable, callback, user_data);
}

/**
 * arango_database_metrics_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_metrics_async().
 *
 * Returns: (transfer full): the metrics text, or %NULL with an error
 */
char *
arango_database_metrics_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_metrics_async, error);
}

/**
 * arango_database_metrics_sync:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_metrics_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the metrics text, or %NULL with an error
 */
char *
arango_database_metrics_sync (ArangoDatabase  *self,
                              const char      *server_id,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_metrics_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_database_metrics_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_statistics_async:
 * @self: an #ArangoDatabase
 * @description: whether to ask for the description of the figures instead
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the server's statistics (`GET /_admin/statistics`), or with
 * @description what each figure means (`GET /_admin/statistics-
 * description`).
 */
void
arango_database_statistics_async (ArangoDatabase      *self,
                                  gboolean             description,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, description ? "/_admin/statistics-description" : "/_admin/statistics", NULL);
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_database_statistics_async, cancellable, callback, user_data);
}

/**
 * arango_database_statistics_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_statistics_async().
 *
 * Returns: (transfer full): the statistics (or their description), or %NULL with an error
 */
JsonObject *
arango_database_statistics_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_statistics_async, error);
}

/**
 * arango_database_statistics_sync:
 * @self: an #ArangoDatabase
 * @description: whether to ask for the description of the figures instead
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_statistics_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the statistics (or their description), or %NULL with an error
 */
JsonObject *
arango_database_statistics_sync (ArangoDatabase  *self,
                                 gboolean         description,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_statistics_async (self, description, cancellable, arango_sync_call_done, call);
  return arango_database_statistics_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_read_log_entries_async:
 * @self: an #ArangoDatabase
 * @upto: (nullable): the highest level to return: `fatal`, `error`, `warning`, `info` or `debug` (`info` if %NULL)
 * @level: (nullable): return this level only (overrides @upto)
 * @start: the lowest log id to return, or -1
 * @size: the highest number of entries to return, or -1
 * @offset: how many entries to skip first, or -1
 * @search: (nullable): text the entries must contain
 * @sort: (nullable): `asc` or `desc` by log id
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads entries of the server log (`GET /_admin/log/entries`). Every
 * filter is optional: %NULL strings and negative numbers are left out.
 */
void
arango_database_read_log_entries_async (ArangoDatabase      *self,
                                        const char          *upto,
                                        const char          *level,
                                        gint64               start,
                                        gint64               size,
                                        gint64               offset,
                                        const char          *search,
                                        const char          *sort,
                                        const char          *server_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  request = arango_database_log_request (self, "/_admin/log/entries", upto, level, start, size, offset,
                                         search, sort, server_id,
                                         arango_database_read_log_entries_async, callback, user_data);
  if (request == NULL)
    return;
  arango_context_call (arango_database_get_context (self), self, request,
                       arango_reply_body_object, NULL,
                       arango_database_read_log_entries_async, cancellable, callback, user_data);
}

/**
 * arango_database_read_log_entries_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_read_log_entries_async().
 *
 * Returns: (transfer full): `total` and `messages` (each with `id`, `topic`, `level`, `date`, `message`), or %NULL with an error
 */
JsonObject *
arango_database_read_log_entries_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_read_log_entries_async, error);
}

/**
 * arango_database_read_log_entries_sync:
 * @self: an #ArangoDatabase
 * @upto: (nullable): the highest level to return: `fatal`, `error`, `warning`, `info` or `debug` (`info` if %NULL)
 * @level: (nullable): return this level only (overrides @upto)
 * @start: the lowest log id to return, or -1
 * @size: the highest number of entries to return, or -1
 * @offset: how many entries to skip first, or -1
 * @search: (nullable): text the entries must contain
 * @sort: (nullable): `asc` or `desc` by log id
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_read_log_entries_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `total` and `messages` (each with `id`, `topic`, `level`, `date`, `message`), or %NULL with an error
 */
JsonObject *
arango_database_read_log_entries_sync (ArangoDatabase  *self,
                                       const char      *upto,
                                       const char      *level,
                                       gint64           start,
                                       gint64           size,
                                       gint64           offset,
                                       const char      *search,
                                       const char      *sort,
                                       const char      *server_id,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_read_log_entries_async (self, upto, level, start, size, offset, search, sort, server_id, cancellable, arango_sync_call_done, call);
  return arango_database_read_log_entries_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_log_levels_async:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @with_appenders: whether to include the levels of each log output (`withAppenders`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the log level of every log topic (`GET /_admin/log/level`).
 */
void
arango_database_log_levels_async (ArangoDatabase      *self,
                                  const char          *server_id,
                                  gboolean             with_appenders,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_admin/log/level", NULL);
  if (server_id != NULL)
    arango_request_add_query (request, "serverId", server_id);
  if (with_appenders)
    arango_request_add_query (request, "withAppenders", "true");
  arango_context_call (context, self, request, arango_reply_body_object, NULL,
                       arango_database_log_levels_async, cancellable, callback, user_data);
}

/**
 * arango_database_log_levels_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_log_levels_async().
 *
 * Returns: (transfer full): topic names mapped to levels, or %NULL with an error
 */
JsonObject *
arango_database_log_levels_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_log_levels_async, error);
}

/**
 * arango_database_log_levels_sync:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @with_appenders: whether to include the levels of each log output (`withAppenders`)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_log_levels_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): topic names mapped to levels, or %NULL with an error
 */
JsonObject *
arango_database_log_levels_sync (ArangoDatabase  *self,
                                 const char      *server_id,
                                 gboolean         with_appenders,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_log_levels_async (self, server_id, with_appenders, cancellable, arango_sync_call_done, call);
  return arango_database_log_levels_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_set_log_levels_async:
 * @self: an #ArangoDatabase
 * @levels: topic names mapped to their new levels
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @with_appenders: whether to answer with the levels of each log output too
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes log levels (`PUT /_admin/log/level`): @levels maps topic names
 * (or `all`) to `fatal`, `error`, `warning`, `info`, `debug` or `trace`.
 */
void
arango_database_set_log_levels_async (ArangoDatabase      *self,
                                      JsonObject          *levels,
                                      const char          *server_id,
                                      gboolean             with_appenders,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, levels != NULL && json_object_get_size (levels) > 0,
                              arango_database_set_log_levels_async, callback, user_data,
                              _("At least one log topic and level is required")))
    return;

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_PUT, "/_admin/log/level", NULL);
  if (server_id != NULL)
    arango_request_add_query (request, "serverId", server_id);
  if (with_appenders)
    arango_request_add_query (request, "withAppenders", "true");
  arango_request_set_json_object (request, levels);
  arango_context_call (context, self, request, arango_reply_body_object, NULL,
                       arango_database_set_log_levels_async, cancellable, callback, user_data);
}

/**
 * arango_database_set_log_levels_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_set_log_levels_async().
 *
 * Returns: (transfer full): every topic's level after the change, or %NULL with an error
 */
JsonObject *
arango_database_set_log_levels_finish (ArangoDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_set_log_levels_async, error);
}

/**
 * arango_database_set_log_levels_sync:
 * @self: an #ArangoDatabase
 * @levels: topic names mapped to their new levels
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @with_appenders: whether to answer with the levels of each log output too
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_set_log_levels_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): every topic's level after the change, or %NULL with an error
 */
JsonObject *
arango_database_set_log_levels_sync (ArangoDatabase  *self,
                                     JsonObject      *levels,
                                     const char      *server_id,
                                     gboolean         with_appenders,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_set_log_levels_async (self, levels, server_id, with_appenders, cancellable, arango_sync_call_done, call);
  return arango_database_set_log_levels_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_reset_log_levels_async:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Sets every log level back to what the server started with (`DELETE
 * /_admin/log/level`).
 */
void
arango_database_reset_log_levels_async (ArangoDatabase      *self,
                                        const char          *server_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_DELETE, "/_admin/log/level", NULL);
  if (server_id != NULL)
    arango_request_add_query (request, "serverId", server_id);
  arango_context_call (context, self, request, arango_reply_body_object, NULL,
                       arango_database_reset_log_levels_async, cancellable, callback, user_data);
}

/**
 * arango_database_reset_log_levels_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_reset_log_levels_async().
 *
 * Returns: (transfer full): every topic's level after the reset, or %NULL with an error
 */
JsonObject *
arango_database_reset_log_levels_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_reset_log_levels_async, error);
}

/**
 * arango_database_reset_log_levels_sync:
 * @self: an #ArangoDatabase
 * @server_id: (nullable): the id of the server to ask, %NULL for the coordinator that answers
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_reset_log_levels_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): every topic's level after the reset, or %NULL with an error
 */
JsonObject *
arango_database_reset_log_levels_sync (ArangoDatabase  *self,
                                       const char      *server_id,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_reset_log_levels_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_database_reset_log_levels_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_mode_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the server mode (`GET /_admin/server/mode`): `default` or
 * `readonly`.
 */
void
arango_database_mode_async (ArangoDatabase      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/mode", arango_reply_string_member, "mode",
               arango_database_mode_async, cancellable, callback, user_data);
}

/**
 * arango_database_mode_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_mode_async().
 *
 * Returns: (transfer full): the mode, or %NULL with an error
 */
char *
arango_database_mode_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_mode_async, error);
}

/**
 * arango_database_mode_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_mode_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the mode, or %NULL with an error
 */
char *
arango_database_mode_sync (ArangoDatabase  *self,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_mode_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_mode_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_set_mode_async:
 * @self: an #ArangoDatabase
 * @mode: `default` or `readonly`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes the server (on a cluster: every coordinator) read-only or
 * writable again (`PUT /_admin/server/mode`). Needs administrator rights.
 */
void
arango_database_set_mode_async (ArangoDatabase      *self,
                                const char          *mode,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, g_strcmp0 (mode, "default") == 0 || g_strcmp0 (mode, "readonly") == 0,
                              arango_database_set_mode_async, callback, user_data,
                              _("The server mode must be “default” or “readonly”")))
    return;

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_PUT, "/_admin/server/mode", NULL);
  body = json_object_new ();
  json_object_set_string_member (body, "mode", mode);
  arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, arango_reply_string_member, "mode",
                       arango_database_set_mode_async, cancellable, callback, user_data);
}

/**
 * arango_database_set_mode_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_set_mode_async().
 *
 * Returns: (transfer full): the new mode, or %NULL with an error
 */
char *
arango_database_set_mode_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_set_mode_async, error);
}

/**
 * arango_database_set_mode_sync:
 * @self: an #ArangoDatabase
 * @mode: `default` or `readonly`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_set_mode_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the new mode, or %NULL with an error
 */
char *
arango_database_set_mode_sync (ArangoDatabase  *self,
                               const char      *mode,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_set_mode_async (self, mode, cancellable, arango_sync_call_done, call);
  return arango_database_set_mode_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_check_availability_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks whether the server takes requests (`GET /_admin/server/availability`,
 * which needs no credentials). A coordinator that is starting, stopping or
 * overloaded answers with HTTP 503; as for every call, the request then goes
 * to another coordinator, so the call fails (with
 * %ARANGO_ERROR_HOSTS_UNAVAILABLE) only when none is available.
 */
void
arango_database_check_availability_async (ArangoDatabase      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/availability", arango_reply_string_member, "mode",
               arango_database_check_availability_async, cancellable, callback, user_data);
}

/**
 * arango_database_check_availability_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_check_availability_async().
 *
 * Returns: (transfer full): the mode of an available server (`default` or `readonly`), or %NULL with an error
 */
char *
arango_database_check_availability_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_check_availability_async, error);
}

/**
 * arango_database_check_availability_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_check_availability_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the mode of an available server (`default` or `readonly`), or %NULL with an error
 */
char *
arango_database_check_availability_sync (ArangoDatabase  *self,
                                         GCancellable    *cancellable,
                                         GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_check_availability_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_check_availability_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_license_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the license state (`GET /_admin/license`): the license's
 * `features`, `status` and `version` where one is installed, `diskUsage`
 * where the dataset size is limited.
 */
void
arango_database_license_async (ArangoDatabase      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/license", arango_reply_object, NULL,
               arango_database_license_async, cancellable, callback, user_data);
}

/**
 * arango_database_license_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_license_async().
 *
 * Returns: (transfer full): the license object, or %NULL with an error
 */
JsonObject *
arango_database_license_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_license_async, error);
}

/**
 * arango_database_license_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_license_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the license object, or %NULL with an error
 */
JsonObject *
arango_database_license_sync (ArangoDatabase  *self,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_license_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_license_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_set_license_async:
 * @self: an #ArangoDatabase
 * @license: the Base64-encoded license key
 * @force: whether to install it even if it is older or offers less than the current one
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Installs a license key (`PUT /_admin/license`).
 */
void
arango_database_set_license_async (ArangoDatabase      *self,
                                   const char          *license,
                                   gboolean             force,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, license, N_("A license key is required"),
                          arango_database_set_license_async, callback, user_data))
    return;

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_PUT, "/_admin/license", NULL);
  if (force)
    arango_request_add_query (request, "force", "true");
  arango_request_take_json_body (request, json_node_init_string (json_node_alloc (), license));
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_database_set_license_async, cancellable, callback, user_data);
}

/**
 * arango_database_set_license_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_set_license_async().
 *
 * Returns: (transfer full): the server's answer (`result`), or %NULL with an error
 */
JsonObject *
arango_database_set_license_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_set_license_async, error);
}

/**
 * arango_database_set_license_sync:
 * @self: an #ArangoDatabase
 * @license: the Base64-encoded license key
 * @force: whether to install it even if it is older or offers less than the current one
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_set_license_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the server's answer (`result`), or %NULL with an error
 */
JsonObject *
arango_database_set_license_sync (ArangoDatabase  *self,
                                  const char      *license,
                                  gboolean         force,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_set_license_async (self, license, force, cancellable, arango_sync_call_done, call);
  return arango_database_set_license_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_tls_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Describes the server's TLS setup (`GET /_admin/server/tls`): SHA-256
 * fingerprints of its key file, certificates, client CA and SNI files.
 */
void
arango_database_tls_async (ArangoDatabase      *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/tls", arango_reply_object_member, "result",
               arango_database_tls_async, cancellable, callback, user_data);
}

/**
 * arango_database_tls_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_tls_async().
 *
 * Returns: (transfer full): the TLS description, or %NULL with an error
 */
JsonObject *
arango_database_tls_finish (ArangoDatabase  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_tls_async, error);
}

/**
 * arango_database_tls_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_tls_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the TLS description, or %NULL with an error
 */
JsonObject *
arango_database_tls_sync (ArangoDatabase  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_tls_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_tls_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_reload_tls_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes the server read its TLS key, certificates and CA again (`POST
 * /_admin/server/tls`). Needs administrator rights.
 */
void
arango_database_reload_tls_async (ArangoDatabase      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_POST, "/_admin/server/tls", arango_reply_object_member, "result",
               arango_database_reload_tls_async, cancellable, callback, user_data);
}

/**
 * arango_database_reload_tls_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_reload_tls_async().
 *
 * Returns: (transfer full): the TLS description after the reload, or %NULL with an error
 */
JsonObject *
arango_database_reload_tls_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_reload_tls_async, error);
}

/**
 * arango_database_reload_tls_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_reload_tls_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the TLS description after the reload, or %NULL with an error
 */
JsonObject *
arango_database_reload_tls_sync (ArangoDatabase  *self,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_reload_tls_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_reload_tls_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_support_info_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Collects the deployment facts ArangoDB support asks for (`GET
 * /_admin/support-info`): `date`, `deployment` (with every server of a
 * cluster) and, on a single server, `host`.
 */
void
arango_database_support_info_async (ArangoDatabase      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/support-info", arango_reply_body_object, NULL,
               arango_database_support_info_async, cancellable, callback, user_data);
}

/**
 * arango_database_support_info_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_support_info_async().
 *
 * Returns: (transfer full): the support information, or %NULL with an error
 */
JsonObject *
arango_database_support_info_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_support_info_async, error);
}

/**
 * arango_database_support_info_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_support_info_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the support information, or %NULL with an error
 */
JsonObject *
arango_database_support_info_sync (ArangoDatabase  *self,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_support_info_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_support_info_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_compact_async:
 * @self: an #ArangoDatabase
 * @change_level: whether to move the compacted data to the lowest level that can hold it
 * @compact_bottom_most_level: whether to compact the bottom-most level of data too
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Compacts the data of every database of the server (`PUT
 * /_admin/compact`). This can take long and needs administrator rights.
 */
void
arango_database_compact_async (ArangoDatabase      *self,
                               gboolean             change_level,
                               gboolean             compact_bottom_most_level,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_PUT, "/_admin/compact", NULL);
  body = json_object_new ();
  json_object_set_boolean_member (body, "changeLevel", change_level);
  json_object_set_boolean_member (body, "compactBottomMostLevel", compact_bottom_most_level);
  arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, arango_reply_true, NULL,
                       arango_database_compact_async, cancellable, callback, user_data);
}

/**
 * arango_database_compact_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_compact_async().
 *
 * Returns: %TRUE once compacted, %FALSE with an error
 */
gboolean
arango_database_compact_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_compact_async, error);
}

/**
 * arango_database_compact_sync:
 * @self: an #ArangoDatabase
 * @change_level: whether to move the compacted data to the lowest level that can hold it
 * @compact_bottom_most_level: whether to compact the bottom-most level of data too
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_compact_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE once compacted, %FALSE with an error
 */
gboolean
arango_database_compact_sync (ArangoDatabase  *self,
                              gboolean         change_level,
                              gboolean         compact_bottom_most_level,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_compact_async (self, change_level, compact_bottom_most_level, cancellable, arango_sync_call_done, call);
  return arango_database_compact_finish (self, arango_sync_call_wait (call), error);
}

#define ALL_SHUTDOWN_FLAGS \
  (ARANGO_SHUTDOWN_FLAGS_SOFT | ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER)

/* DELETE /_admin/shutdown; the server counts remove_from_cluster only
 * when it is exactly "1". */
static void
send_shutdown (ArangoDatabase      *self,
               ArangoShutdownFlags  flags,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  ArangoContext *context = arango_database_get_context (self);
  ArangoRequest *request = arango_context_request (context, SOUP_METHOD_DELETE,
                                                   "/_admin/shutdown", NULL);

  if (flags & ARANGO_SHUTDOWN_FLAGS_SOFT)
    arango_request_add_query (request, "soft", "true");
  if (flags & ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER)
    arango_request_add_query (request, "remove_from_cluster", "1");
  arango_context_call (context, self, request, arango_reply_true, NULL,
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_shutdown_async:
 * @self: an #ArangoDatabase
 * @soft: whether to wait for ongoing work first
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server (the coordinator that answers) to shut down (`DELETE
 * /_admin/shutdown`). A soft shutdown lets running AQL cursors,
 * transactions and asynchronous jobs finish first; follow it with
 * arango_database_shutdown_progress_async(). To take a Coordinator out of
 * the cluster as it goes, use arango_database_shutdown_with_flags_async().
 */
void
arango_database_shutdown_async (ArangoDatabase      *self,
                                gboolean             soft,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  send_shutdown (self, soft ? ARANGO_SHUTDOWN_FLAGS_SOFT : ARANGO_SHUTDOWN_FLAGS_NONE,
                 arango_database_shutdown_async, cancellable, callback, user_data);
}

/**
 * arango_database_shutdown_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_shutdown_async().
 *
 * Returns: %TRUE once the server accepted, %FALSE with an error
 */
gboolean
arango_database_shutdown_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_shutdown_async, error);
}

/**
 * arango_database_shutdown_sync:
 * @self: an #ArangoDatabase
 * @soft: whether to wait for ongoing work first
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_shutdown_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE once the server accepted, %FALSE with an error
 */
gboolean
arango_database_shutdown_sync (ArangoDatabase  *self,
                               gboolean         soft,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_shutdown_async (self, soft, cancellable, arango_sync_call_done, call);
  return arango_database_shutdown_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_shutdown_with_flags_async:
 * @self: an #ArangoDatabase
 * @flags: whether to wait for ongoing work first, and whether the server
 *   leaves the cluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server (the coordinator that answers) to shut down (`DELETE
 * /_admin/shutdown`), as arango_database_shutdown_async() does, with
 * options. With %ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER (go-driver's
 * `Shutdown(ctx, true)`) a Coordinator removes itself from the cluster's
 * plan as it goes: the cluster health and `GET /_api/cluster/endpoints`
 * (arango_cluster_endpoints_async()) no longer list it, so endpoint
 * discovery stops offering it; without it a Coordinator that went down
 * stays in the health, as `BAD` and then `FAILED`. Flags this version does
 * not know fail with %ARANGO_ERROR_INVALID_ARGUMENT before anything is
 * sent.
 */
void
arango_database_shutdown_with_flags_async (ArangoDatabase      *self,
                                           ArangoShutdownFlags  flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  gpointer source_tag = arango_database_shutdown_with_flags_async;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, (flags & ~ALL_SHUTDOWN_FLAGS) == 0, source_tag,
                              callback, user_data, _("Unknown shutdown flags")))
    return;
  send_shutdown (self, flags, source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_shutdown_with_flags_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_shutdown_with_flags_async().
 *
 * Returns: %TRUE once the server accepted, %FALSE with an error
 */
gboolean
arango_database_shutdown_with_flags_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_shutdown_with_flags_async, error);
}

/**
 * arango_database_shutdown_with_flags_sync:
 * @self: an #ArangoDatabase
 * @flags: whether to wait for ongoing work first, and whether the server
 *   leaves the cluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_shutdown_with_flags_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE once the server accepted, %FALSE with an error
 */
gboolean
arango_database_shutdown_with_flags_sync (ArangoDatabase       *self,
                                          ArangoShutdownFlags   flags,
                                          GCancellable         *cancellable,
                                          GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_shutdown_with_flags_async (self, flags, cancellable, arango_sync_call_done, call);
  return arango_database_shutdown_with_flags_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_shutdown_progress_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks how far a soft shutdown got (`GET /_admin/shutdown`):
 * `softShutdownOngoing`, the counts of what it waits for, and `allClear`.
 */
void
arango_database_shutdown_progress_async (ArangoDatabase      *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/shutdown", arango_reply_body_object, NULL,
               arango_database_shutdown_progress_async, cancellable, callback, user_data);
}

/**
 * arango_database_shutdown_progress_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_shutdown_progress_async().
 *
 * Returns: (transfer full): the progress object, or %NULL with an error
 */
JsonObject *
arango_database_shutdown_progress_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_shutdown_progress_async, error);
}

/**
 * arango_database_shutdown_progress_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_shutdown_progress_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the progress object, or %NULL with an error
 */
JsonObject *
arango_database_shutdown_progress_sync (ArangoDatabase  *self,
                                        GCancellable    *cancellable,
                                        GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_shutdown_progress_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_shutdown_progress_finish (self, arango_sync_call_wait (call), error);
}
