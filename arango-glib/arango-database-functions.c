/* arango-database-functions.c: AQL user functions (/_api/aqlfunction)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A user function is stored per database, named `namespace::name` (the
 * namespace may have several `::` parts), with its JavaScript code. The
 * server checks that code with V8 when it is registered, so a server run
 * without JavaScript lists and removes functions but refuses to register
 * one (500, errorNum 36).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-functions.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/* @method /_api/aqlfunction[/@name][?@query_name=@query_value]; a NULL
 * @query_name adds no query. */
static void
function_call (ArangoDatabase      *self,
               const char          *method,
               const char          *name,
               JsonObject          *body,
               const char          *query_name,
               const char          *query_value,
               ArangoReplyFunc      reply_func,
               gconstpointer        reply_data,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  ArangoContext *context = arango_database_get_context (self);
  ArangoRequest *request = arango_context_request (context, method, "/_api/aqlfunction", name, NULL);

  if (query_name != NULL)
    arango_request_add_query (request, query_name, query_value);
  if (body != NULL)
    arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_database_aql_functions_async:
 * @self: an #ArangoDatabase
 * @function_namespace: (nullable): list only the functions named
 *   `function_namespace::…`; %NULL or empty for all of them
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the AQL user functions of the database (`GET /_api/aqlfunction`,
 * python-arango's `aql.functions()`).
 */
void
arango_database_aql_functions_async (ArangoDatabase      *self,
                                     const char          *function_namespace,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  gboolean filtered = function_namespace != NULL && *function_namespace != '\0';

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  function_call (self, SOUP_METHOD_GET, NULL, NULL,
                 filtered ? "namespace" : NULL, function_namespace,
                 arango_reply_array_member, "result",
                 arango_database_aql_functions_async, cancellable, callback, user_data);
}

/**
 * arango_database_aql_functions_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_aql_functions_async().
 *
 * Returns: (transfer full): the functions, each with `name`, `code` and
 *   `isDeterministic`; %NULL with an error
 */
JsonArray *
arango_database_aql_functions_finish (ArangoDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_aql_functions_async, error);
}

/**
 * arango_database_aql_functions_sync:
 * @self: an #ArangoDatabase
 * @function_namespace: (nullable): list only the functions named
 *   `function_namespace::…`; %NULL or empty for all of them
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_aql_functions_async(), for scripts,
 * tools and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the functions, each with `name`, `code` and
 *   `isDeterministic`; %NULL with an error
 */
JsonArray *
arango_database_aql_functions_sync (ArangoDatabase  *self,
                                    const char      *function_namespace,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_aql_functions_async (self, function_namespace, cancellable,
                                       arango_sync_call_done, call);
  return arango_database_aql_functions_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_aql_function_async:
 * @self: an #ArangoDatabase
 * @name: the function's name, `namespace::name`
 * @code: the function's JavaScript code, e.g.
 *   `function (celsius) { return celsius * 1.8 + 32; }`
 * @is_deterministic: whether the function's result depends only on its
 *   arguments
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Registers an AQL user function, or replaces the one of that name
 * (`POST /_api/aqlfunction`, python-arango's `aql.create_function()`).
 * The server checks the code with its JavaScript engine: a server run
 * without JavaScript refuses with %ARANGO_SERVER_ERROR_DISABLED. An
 * empty @name or @code is an %ARANGO_ERROR_INVALID_ARGUMENT error, and
 * nothing is sent.
 */
void
arango_database_create_aql_function_async (ArangoDatabase      *self,
                                           const char          *name,
                                           const char          *code,
                                           gboolean             is_deterministic,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The function name is empty"),
                          arango_database_create_aql_function_async, callback, user_data))
    return;
  if (!arango_check_text (self, code, N_("The function code is empty"),
                          arango_database_create_aql_function_async, callback, user_data))
    return;

  body = json_object_new ();
  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "code", code);
  json_object_set_boolean_member (body, "isDeterministic", is_deterministic);
  function_call (self, SOUP_METHOD_POST, NULL, body, NULL, NULL,
                 arango_reply_boolean_member, "isNewlyCreated",
                 arango_database_create_aql_function_async, cancellable, callback, user_data);
}

/**
 * arango_database_create_aql_function_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_aql_function_async().
 *
 * Returns: %TRUE if the function is new (the server's `isNewlyCreated`);
 *   %FALSE if it replaced one of the same name, or with an error such as
 *   %ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_NAME or
 *   %ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_CODE
 */
gboolean
arango_database_create_aql_function_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_create_aql_function_async, error);
}

/**
 * arango_database_create_aql_function_sync:
 * @self: an #ArangoDatabase
 * @name: the function's name, `namespace::name`
 * @code: the function's JavaScript code
 * @is_deterministic: whether the function's result depends only on its
 *   arguments
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_aql_function_async(), for
 * scripts, tools and worker threads; a GUI's main thread should use the
 * async form.
 *
 * Returns: %TRUE if the function is new; %FALSE if it replaced one of the
 *   same name, or with an error
 */
gboolean
arango_database_create_aql_function_sync (ArangoDatabase  *self,
                                          const char      *name,
                                          const char      *code,
                                          gboolean         is_deterministic,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_create_aql_function_async (self, name, code, is_deterministic, cancellable,
                                             arango_sync_call_done, call);
  return arango_database_create_aql_function_finish (self, arango_sync_call_wait (call), error);
}

/* What deleting a function that does not exist counts with ignore_missing. */
static const ArangoCountReply deleted_or_not_found = {
  "deletedCount", ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND
};

/**
 * arango_database_delete_aql_function_async:
 * @self: an #ArangoDatabase
 * @name: the function's name, `namespace::name`; with @group, a namespace
 * @group: whether to remove every function of the namespace @name
 *   (those named `name::…`) rather than the one function @name
 * @ignore_missing: whether a function that does not exist is no error
 *   (a namespace without functions never is one)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes an AQL user function, or a namespace's functions
 * (`DELETE /_api/aqlfunction/{name}[?group=true]`, python-arango's
 * `aql.delete_function()`). An empty @name is an
 * %ARANGO_ERROR_INVALID_ARGUMENT error, and nothing is sent.
 */
void
arango_database_delete_aql_function_async (ArangoDatabase      *self,
                                           const char          *name,
                                           gboolean             group,
                                           gboolean             ignore_missing,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, name, N_("The function name is empty"),
                          arango_database_delete_aql_function_async, callback, user_data))
    return;

  function_call (self, SOUP_METHOD_DELETE, name, NULL,
                 group ? "group" : NULL, "true",
                 ignore_missing ? arango_reply_count : arango_reply_int_member,
                 ignore_missing ? (gconstpointer) &deleted_or_not_found : "deletedCount",
                 arango_database_delete_aql_function_async, cancellable, callback, user_data);
}

/**
 * arango_database_delete_aql_function_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_aql_function_async().
 *
 * Returns: how many functions were removed (the server's `deletedCount`:
 *   1 for one function, possibly 0 for a namespace); 0 if the function
 *   did not exist (with @ignore_missing); or -1 with an error such as
 *   %ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND
 */
gint64
arango_database_delete_aql_function_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_int (self, result, arango_database_delete_aql_function_async, error);
}

/**
 * arango_database_delete_aql_function_sync:
 * @self: an #ArangoDatabase
 * @name: the function's name, `namespace::name`; with @group, a namespace
 * @group: whether to remove every function of the namespace @name
 * @ignore_missing: whether a function that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_aql_function_async(), for
 * scripts, tools and worker threads; a GUI's main thread should use the
 * async form.
 *
 * Returns: how many functions were removed; 0 if the function did not
 *   exist (with @ignore_missing); or -1 with an error
 */
gint64
arango_database_delete_aql_function_sync (ArangoDatabase  *self,
                                          const char      *name,
                                          gboolean         group,
                                          gboolean         ignore_missing,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), -1);

  call = arango_sync_call_begin ();
  arango_database_delete_aql_function_async (self, name, group, ignore_missing, cancellable,
                                             arango_sync_call_done, call);
  return arango_database_delete_aql_function_finish (self, arango_sync_call_wait (call), error);
}
