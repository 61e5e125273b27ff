/* arango-database-query.c: AQL queries and stream transactions of a
 * database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-cursor-private.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-request-private.h"
#include "arango-transaction-private.h"
#include "arango-sync-private.h"

/**
 * arango_database_query_async:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters, e.g.
 *   `{"name": "ada", "@coll": "users"}`
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Runs an AQL query (`POST /_api/cursor`). The cursor it yields holds the
 * first batch of results and fetches the others from the same
 * coordinator.
 */
void
arango_database_query_async (ArangoDatabase      *self,
                             const char          *aql,
                             JsonObject          *bind_vars,
                             ArangoQueryOptions  *options,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  arango_query_start (arango_database_get_context (self), self, aql, bind_vars,
                      options, arango_database_query_async, cancellable,
                      callback, user_data);
}

/**
 * arango_database_query_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_query_async().
 *
 * Returns: (transfer full): the #ArangoCursor, or %NULL with an error such
 *   as %ARANGO_SERVER_ERROR_QUERY_PARSE (its message gives the position)
 */
ArangoCursor *
arango_database_query_finish (ArangoDatabase  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_query_async, error);
}

/**
 * arango_database_query_sync:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters, e.g.
 *   `{"name": "ada", "@coll": "users"}`
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_query_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the #ArangoCursor, or %NULL with an error such
 *   as %ARANGO_SERVER_ERROR_QUERY_PARSE (its message gives the position)
 */
ArangoCursor *
arango_database_query_sync (ArangoDatabase      *self,
                            const char          *aql,
                            JsonObject          *bind_vars,
                            ArangoQueryOptions  *options,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options), NULL);

  call = arango_sync_call_begin ();
  arango_database_query_async (self, aql, bind_vars, options, cancellable,
                               arango_sync_call_done, call);
  return arango_database_query_finish (self, arango_sync_call_wait (call), error);
}

static gboolean
check_query (ArangoDatabase      *self,
             const char          *aql,
             gpointer             source_tag,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  if (aql != NULL && *aql != '\0')
    return TRUE;

  g_task_report_new_error (self, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("The query is empty"));
  return FALSE;
}

static JsonObject *
query_body (const char *aql,
            JsonObject *bind_vars,
            JsonObject *options)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "query", aql);
  if (bind_vars)
    json_object_set_object_member (body, "bindVars", json_object_ref (bind_vars));
  if (options)
    json_object_set_object_member (body, "options", json_object_ref (options));
  return body;
}

/**
 * arango_database_explain_async:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters
 * @options: (nullable): explain options as ArangoDB names them, e.g.
 *   `allPlans`, `maxNumberOfPlans`, `optimizer`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks how the server would run a query, without running it
 * (`POST /_api/explain`).
 */
void
arango_database_explain_async (ArangoDatabase      *self,
                               const char          *aql,
                               JsonObject          *bind_vars,
                               JsonObject          *options,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_query (self, aql, arango_database_explain_async, callback, user_data))
    return;
  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_POST, "/_api/explain", NULL);
  arango_request_take_json_object (request, query_body (aql, bind_vars, options));
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_database_explain_async, cancellable, callback, user_data);
}

/**
 * arango_database_explain_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_explain_async().
 *
 * Returns: (transfer full): `plan` (or `plans`), `warnings`, `stats`,
 *   `cacheable`; %NULL with an error
 */
JsonObject *
arango_database_explain_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_explain_async, error);
}

/**
 * arango_database_explain_sync:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters
 * @options: (nullable): explain options as ArangoDB names them, e.g.
 *   `allPlans`, `maxNumberOfPlans`, `optimizer`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_explain_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `plan` (or `plans`), `warnings`, `stats`,
 *   `cacheable`; %NULL with an error
 */
JsonObject *
arango_database_explain_sync (ArangoDatabase      *self,
                              const char          *aql,
                              JsonObject          *bind_vars,
                              JsonObject          *options,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_explain_async (self, aql, bind_vars, options, cancellable,
                                 arango_sync_call_done, call);
  return arango_database_explain_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_validate_async:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Parses a query without running it (`POST /_api/query`).
 */
void
arango_database_validate_async (ArangoDatabase      *self,
                                const char          *aql,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_query (self, aql, arango_database_validate_async, callback, user_data))
    return;
  context = arango_database_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_POST, "/_api/query", NULL);
  arango_request_take_json_object (request, query_body (aql, NULL, NULL));
  arango_context_call (context, self, request, arango_reply_object, NULL,
                       arango_database_validate_async, cancellable, callback, user_data);
}

/**
 * arango_database_validate_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_validate_async().
 *
 * Returns: (transfer full): `parsed`, `collections`, `bindVars` and `ast`;
 *   %NULL with an error such as %ARANGO_SERVER_ERROR_QUERY_PARSE
 */
JsonObject *
arango_database_validate_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_validate_async, error);
}

/**
 * arango_database_validate_sync:
 * @self: an #ArangoDatabase
 * @aql: the AQL query
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_validate_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `parsed`, `collections`, `bindVars` and `ast`;
 *   %NULL with an error such as %ARANGO_SERVER_ERROR_QUERY_PARSE
 */
JsonObject *
arango_database_validate_sync (ArangoDatabase      *self,
                               const char          *aql,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_validate_async (self, aql, cancellable, arango_sync_call_done, call);
  return arango_database_validate_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_begin_transaction_async:
 * @self: an #ArangoDatabase
 * @read: (array zero-terminated=1) (nullable): collections the transaction reads
 * @write: (array zero-terminated=1) (nullable): collections it writes
 * @exclusive: (array zero-terminated=1) (nullable): collections it writes
 *   with an exclusive lock
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the transaction runs
 * @user_data: data for @callback
 *
 * Begins a stream transaction (`POST /_api/transaction/begin`) with the
 * server's default options; to set them, see
 * arango_database_begin_transaction_with_options_async().
 */
void
arango_database_begin_transaction_async (ArangoDatabase      *self,
                                         const char * const  *read,
                                         const char * const  *write,
                                         const char * const  *exclusive,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_transaction_begin (arango_database_get_context (self), self, read, write,
                            exclusive, NULL, arango_database_begin_transaction_async,
                            cancellable, callback, user_data);
}

/**
 * arango_database_begin_transaction_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_begin_transaction_async().
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
ArangoTransaction *
arango_database_begin_transaction_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_begin_transaction_async, error);
}

/**
 * arango_database_begin_transaction_sync:
 * @self: an #ArangoDatabase
 * @read: (array zero-terminated=1) (nullable): collections the transaction reads
 * @write: (array zero-terminated=1) (nullable): collections it writes
 * @exclusive: (array zero-terminated=1) (nullable): collections it writes
 *   with an exclusive lock
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_begin_transaction_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
ArangoTransaction *
arango_database_begin_transaction_sync (ArangoDatabase      *self,
                                        const char * const  *read,
                                        const char * const  *write,
                                        const char * const  *exclusive,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_begin_transaction_async (self, read, write, exclusive, cancellable,
                                           arango_sync_call_done, call);
  return arango_database_begin_transaction_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_list_transactions_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the running stream transactions (`GET /_api/transaction`).
 */
void
arango_database_list_transactions_async (ArangoDatabase      *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  ArangoContext *context;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  context = arango_database_get_context (self);
  arango_context_call (context, self,
                       arango_context_request (context, SOUP_METHOD_GET, "/_api/transaction", NULL),
                       arango_reply_array_member, "transactions",
                       arango_database_list_transactions_async, cancellable, callback, user_data);
}

/**
 * arango_database_list_transactions_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_transactions_async().
 *
 * Returns: (transfer full): one object per transaction, with `id` and
 *   `state`; %NULL with an error
 */
JsonArray *
arango_database_list_transactions_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_transactions_async, error);
}

/**
 * arango_database_list_transactions_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_transactions_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): one object per transaction, with `id` and
 *   `state`; %NULL with an error
 */
JsonArray *
arango_database_list_transactions_sync (ArangoDatabase      *self,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_transactions_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_list_transactions_finish (self, arango_sync_call_wait (call), error);
}
