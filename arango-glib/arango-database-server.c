/* arango-database-server.c: what a server tells of itself and its secrets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * python-arango's echo, read_log, options, options_available, api_calls,
 * jwt_secrets, reload_jwt_secrets and encryption, each one request of the
 * connection layer. The server answers these for itself: on a cluster,
 * the coordinator the resolver picks.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-log-private.h"
#include "arango-database-private.h"
#include "arango-database-server.h"
#include "arango-error.h"
#include "arango-sync-private.h"

static void
add_optional_query (ArangoRequest *request,
                    const char    *name,
                    const char    *value)
{
  if (value != NULL)
    arango_request_add_query (request, name, value);
}

static void
add_optional_number (ArangoRequest *request,
                     const char    *name,
                     gint64         value)
{
  if (value >= 0)
    arango_request_add_query_uint (request, name, (guint64) value);
}

ArangoRequest *
arango_database_log_request (ArangoDatabase      *self,
                             const char          *path,
                             const char          *upto,
                             const char          *level,
                             gint64               start,
                             gint64               size,
                             gint64               offset,
                             const char          *search,
                             const char          *sort,
                             const char          *server_id,
                             gpointer             source_tag,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ArangoRequest *request;

  if (!arango_check_argument (self, sort == NULL || g_str_equal (sort, "asc") || g_str_equal (sort, "desc"),
                              source_tag, callback, user_data,
                              _("The sort order must be “asc” or “desc”")))
    return NULL;

  request = arango_context_request (arango_database_get_context (self), SOUP_METHOD_GET, path, NULL);
  add_optional_query (request, "upto", upto);
  add_optional_query (request, "level", level);
  add_optional_number (request, "start", start);
  add_optional_number (request, "size", size);
  add_optional_number (request, "offset", offset);
  add_optional_query (request, "search", search);
  add_optional_query (request, "sort", sort);
  add_optional_query (request, "serverId", server_id);
  return request;
}

/**
 * arango_database_echo_async:
 * @self: an #ArangoDatabase
 * @body: (nullable): what to send, %NULL to send nothing
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server to describe the request as it received it (`GET
 * /_admin/echo`, or `POST` with @body): its `user`, `database`, `url`,
 * `headers`, `parameters`, `requestType`, `requestBody`, the `server` and
 * `client` ends of the connection, and more. Useful to see what a proxy
 * between the client and the server changed.
 */
void
arango_database_echo_async (ArangoDatabase      *self,
                            JsonNode            *body,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  request = arango_context_request (context, body != NULL ? SOUP_METHOD_POST : SOUP_METHOD_GET,
                                    "/_admin/echo", NULL);
  if (body != NULL)
    arango_request_take_json_body (request, json_node_copy (body));
  arango_context_call (context, self, request, arango_reply_body_object, NULL,
                       arango_database_echo_async, cancellable, callback, user_data);
}

/**
 * arango_database_echo_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_echo_async().
 *
 * Returns: (transfer full): the request as the server saw it, or %NULL with an error
 */
JsonObject *
arango_database_echo_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_echo_async, error);
}

/**
 * arango_database_echo_sync:
 * @self: an #ArangoDatabase
 * @body: (nullable): what to send, %NULL to send nothing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_echo_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the request as the server saw it, or %NULL with an error
 */
JsonObject *
arango_database_echo_sync (ArangoDatabase  *self,
                           JsonNode        *body,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_echo_async (self, body, cancellable, arango_sync_call_done, call);
  return arango_database_echo_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_read_log_async:
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
 * Reads the server log in its older form (`GET /_admin/log`, deprecated
 * since ArangoDB 3.8 but still served by 3.12): one array per field of
 * the entries. It takes the filters of
 * arango_database_read_log_entries_async(), which newer code should use.
 */
void
arango_database_read_log_async (ArangoDatabase      *self,
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

  request = arango_database_log_request (self, "/_admin/log", upto, level, start, size, offset,
                                         search, sort, server_id,
                                         arango_database_read_log_async, callback, user_data);
  if (request == NULL)
    return;
  arango_context_call (arango_database_get_context (self), self, request,
                       arango_reply_body_object, NULL,
                       arango_database_read_log_async, cancellable, callback, user_data);
}

/**
 * arango_database_read_log_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_read_log_async().
 *
 * Returns: (transfer full): `totalAmount` and the arrays `lid`, `topic`, `level` (0 fatal to 5 trace), `timestamp` and `text`, or %NULL with an error
 */
JsonObject *
arango_database_read_log_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_read_log_async, error);
}

/**
 * arango_database_read_log_sync:
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
 * The blocking form of arango_database_read_log_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `totalAmount` and the arrays `lid`, `topic`, `level` (0 fatal to 5 trace), `timestamp` and `text`, or %NULL with an error
 */
JsonObject *
arango_database_read_log_sync (ArangoDatabase  *self,
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
  arango_database_read_log_async (self, upto, level, start, size, offset, search, sort, server_id, cancellable, arango_sync_call_done, call);
  return arango_database_read_log_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_options_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the startup options the server runs with (`GET /_admin/options`,
 * ArangoDB 3.12 on): option names mapped to their effective values.
 * Options that may name a secret or password are left out. Only the
 * `_system` database answers, and with the default `--server.options-api
 * jwt` only to a superuser token (arango_client_db_with_token_async());
 * others are refused with %ARANGO_SERVER_ERROR.
 */
void
arango_database_options_async (ArangoDatabase      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL, arango_reply_body_object, NULL, arango_database_options_async,
                        cancellable, callback, user_data, "/_admin/options", NULL);
}

/**
 * arango_database_options_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_options_async().
 *
 * Returns: (transfer full): option names mapped to their values, or %NULL with an error
 */
JsonObject *
arango_database_options_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_options_async, error);
}

/**
 * arango_database_options_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_options_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): option names mapped to their values, or %NULL with an error
 */
JsonObject *
arango_database_options_sync (ArangoDatabase  *self,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_options_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_options_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_options_available_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Describes every startup option the server knows (`GET
 * /_admin/options-description`, ArangoDB 3.12 on), as `arangod
 * --dump-options` does: each option name maps to its `section`,
 * `description`, `type`, `default`, the server roles it applies to
 * (`component`) and more. The same rights as for
 * arango_database_options_async() are needed.
 */
void
arango_database_options_available_async (ArangoDatabase      *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL, arango_reply_body_object, NULL, arango_database_options_available_async,
                        cancellable, callback, user_data, "/_admin/options-description", NULL);
}

/**
 * arango_database_options_available_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_options_available_async().
 *
 * Returns: (transfer full): option names mapped to their descriptions, or %NULL with an error
 */
JsonObject *
arango_database_options_available_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_options_available_async, error);
}

/**
 * arango_database_options_available_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_options_available_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): option names mapped to their descriptions, or %NULL with an error
 */
JsonObject *
arango_database_options_available_sync (ArangoDatabase  *self,
                                        GCancellable    *cancellable,
                                        GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_options_available_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_options_available_finish (self, arango_sync_call_wait (call), error);
}

/* The recorded calls: the reply's result.calls array. */
static void
reply_calls (GTask          *task,
             ArangoResponse *response,
             gconstpointer   unused)
{
  JsonNode *result = NULL;
  JsonNode *calls = NULL;

  if (response->body != NULL && JSON_NODE_HOLDS_OBJECT (response->body))
    result = json_object_get_member (json_node_get_object (response->body), "result");
  if (result != NULL && JSON_NODE_HOLDS_OBJECT (result))
    calls = json_object_get_member (json_node_get_object (result), "calls");
  if (calls == NULL || !JSON_NODE_HOLDS_ARRAY (calls))
    {
      arango_task_return_invalid_reply (task, response, "result.calls");
      return;
    }
  g_task_return_pointer (task, json_array_ref (json_node_get_array (calls)),
                         (GDestroyNotify) json_array_unref);
}

/**
 * arango_database_api_calls_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the requests the server served last, the newest first (`GET
 * /_admin/server/api-calls`, ArangoDB 3.12.5 on): each with its
 * `timeStamp`, `requestType`, `path` and `database`. For debugging; only
 * administrators (users with write access to `_system`) may ask, and the
 * list is empty when the server records no calls.
 */
void
arango_database_api_calls_async (ArangoDatabase      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL, reply_calls, NULL, arango_database_api_calls_async,
                        cancellable, callback, user_data, "/_admin/server/api-calls", NULL);
}

/**
 * arango_database_api_calls_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_api_calls_async().
 *
 * Returns: (transfer full): the calls, an array of objects, or %NULL with an error
 */
JsonArray *
arango_database_api_calls_finish (ArangoDatabase  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_api_calls_async, error);
}

/**
 * arango_database_api_calls_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_api_calls_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the calls, an array of objects, or %NULL with an error
 */
JsonArray *
arango_database_api_calls_sync (ArangoDatabase  *self,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_api_calls_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_api_calls_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_jwt_secrets_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks which JWT secrets the server holds (`GET /_admin/server/jwt`,
 * Enterprise Edition): the SHA-256 hash of the `active` secret, which
 * signs tokens, and of each `passive` one, which only verifies them.
 * Never the secrets themselves.
 */
void
arango_database_jwt_secrets_async (ArangoDatabase      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL, arango_reply_object_member, "result", arango_database_jwt_secrets_async,
                        cancellable, callback, user_data, "/_admin/server/jwt", NULL);
}

/**
 * arango_database_jwt_secrets_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_jwt_secrets_async().
 *
 * Returns: (transfer full): `active` and `passive`, each secret as an object with its `sha256`, or %NULL with an error
 */
JsonObject *
arango_database_jwt_secrets_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_jwt_secrets_async, error);
}

/**
 * arango_database_jwt_secrets_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_jwt_secrets_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `active` and `passive`, each secret as an object with its `sha256`, or %NULL with an error
 */
JsonObject *
arango_database_jwt_secrets_sync (ArangoDatabase  *self,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_jwt_secrets_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_jwt_secrets_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_reload_jwt_secrets_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes the server read its JWT secrets again from the files it was
 * started with (`POST /_admin/server/jwt`, Enterprise Edition): the first
 * file of `--server.jwt-secret-folder` becomes the active secret, the
 * others passive ones. Only a superuser token may ask; a server whose
 * secret came from no file refuses with %ARANGO_SERVER_ERROR.
 */
void
arango_database_reload_jwt_secrets_async (ArangoDatabase      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_POST, NULL, arango_reply_object_member, "result", arango_database_reload_jwt_secrets_async,
                        cancellable, callback, user_data, "/_admin/server/jwt", NULL);
}

/**
 * arango_database_reload_jwt_secrets_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_reload_jwt_secrets_async().
 *
 * Returns: (transfer full): the hashes of the secrets after the reload, as arango_database_jwt_secrets_finish() gives them, or %NULL with an error
 */
JsonObject *
arango_database_reload_jwt_secrets_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_reload_jwt_secrets_async, error);
}

/**
 * arango_database_reload_jwt_secrets_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_reload_jwt_secrets_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the hashes of the secrets after the reload, as arango_database_jwt_secrets_finish() gives them, or %NULL with an error
 */
JsonObject *
arango_database_reload_jwt_secrets_sync (ArangoDatabase  *self,
                                         GCancellable    *cancellable,
                                         GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_reload_jwt_secrets_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_reload_jwt_secrets_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_encryption_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Rotates the keys of encryption at rest (`POST
 * /_admin/server/encryption`, Enterprise Edition): the server reads its
 * user keys again and encrypts its internal key with them. Only a
 * superuser token may ask, only single servers and DB-Servers hold the
 * keys (a coordinator refuses), and the server must run with
 * `--rocksdb.encryption-key-rotation`; refusals arrive as
 * %ARANGO_SERVER_ERROR.
 */
void
arango_database_encryption_async (ArangoDatabase      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_POST, NULL, arango_reply_object_member, "result", arango_database_encryption_async,
                        cancellable, callback, user_data, "/_admin/server/encryption", NULL);
}

/**
 * arango_database_encryption_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_encryption_async().
 *
 * Returns: (transfer full): `encryption-keys`, the SHA-256 hashes of the keys, or %NULL with an error
 */
JsonObject *
arango_database_encryption_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_encryption_async, error);
}

/**
 * arango_database_encryption_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_encryption_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `encryption-keys`, the SHA-256 hashes of the keys, or %NULL with an error
 */
JsonObject *
arango_database_encryption_sync (ArangoDatabase  *self,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_encryption_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_encryption_finish (self, arango_sync_call_wait (call), error);
}
