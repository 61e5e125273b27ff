/* arango-transaction.c: a stream transaction
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-private.h"
#include "arango-cursor-private.h"
#include "arango-error.h"
#include "arango-request-private.h"
#include "arango-transaction-options-private.h"
#include "arango-transaction-private.h"
#include "arango-sync-private.h"

/**
 * ArangoTransaction:
 *
 * A stream transaction: document calls and queries made through it see
 * each other's writes, and nobody else sees them until
 * arango_transaction_commit_async(); arango_transaction_abort_async()
 * discards them. Begin one with arango_database_begin_transaction_async()
 * or, to set its options (#ArangoTransactionOptions),
 * arango_database_begin_transaction_with_options_async(); take up one
 * begun elsewhere, by its id, with arango_database_fetch_transaction_async().
 *
 * ```c
 * g_autoptr(ArangoCollection) accounts =
 *   arango_transaction_get_collection (transaction, "accounts");
 *
 * arango_collection_update_async (accounts, debit, ARANGO_DOCUMENT_FLAGS_NONE,
 *                                 NULL, on_debited, transaction);
 * // … then arango_transaction_commit_async (transaction, NULL, on_committed, NULL);
 * ```
 *
 * A transaction lives on one coordinator: every request of it goes to the
 * coordinator that began it, carrying its id in `x-arango-trx-id`. The
 * server aborts a transaction that stays idle too long (60 s by default).
 */

struct _ArangoTransaction
{
  GObject parent_instance;

  ArangoContext *context;   /* carries the id and the coordinator */
};

G_DEFINE_FINAL_TYPE (ArangoTransaction, arango_transaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_transaction_finalize (GObject *object)
{
  ArangoTransaction *self = ARANGO_TRANSACTION (object);

  g_clear_pointer (&self->context, arango_context_unref);

  G_OBJECT_CLASS (arango_transaction_parent_class)->finalize (object);
}

static void
arango_transaction_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ArangoTransaction *self = ARANGO_TRANSACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->context->transaction_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_transaction_class_init (ArangoTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_transaction_finalize;
  object_class->get_property = arango_transaction_get_property;

  /**
   * ArangoTransaction:id: (getter get_id)
   *
   * The server's id of the transaction.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_transaction_init (ArangoTransaction *self)
{
}

static JsonArray *
name_list (const char * const *names)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; names && names[i]; i++)
    json_array_add_string_element (list, names[i]);
  return list;
}

/* The result object of a /_api/transaction reply, with its id; NULL after
 * returning the error. */
static JsonObject *
result_of (GTask          *task,
           ArangoResponse *response,
           const char    **id)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  JsonNode *result = body ? json_object_get_member (body, "result") : NULL;
  JsonObject *object = result && JSON_NODE_HOLDS_OBJECT (result) ? json_node_get_object (result) : NULL;

  *id = object ? json_object_get_string_member_with_default (object, "id", NULL) : NULL;
  if (*id == NULL)
    {
      arango_task_return_invalid_reply (task, response, "result.id");
      return NULL;
    }
  return object;
}

/* The transaction lives on the coordinator that answered. */
static void
return_transaction (GTask          *task,
                    ArangoResponse *response,
                    ArangoContext  *base_context,
                    const char     *id)
{
  ArangoTransaction *self = g_object_new (ARANGO_TYPE_TRANSACTION, NULL);

  self->context = arango_context_new_transaction (base_context, id, response->host);
  g_task_return_pointer (task, self, g_object_unref);
}

static void
reply_transaction (GTask          *task,
                   ArangoResponse *response,
                   gconstpointer   base_context)
{
  const char *id;

  if (result_of (task, response, &id) != NULL)
    return_transaction (task, response, (ArangoContext *) base_context, id);
}

/* POST /_api/transaction/begin; the task's result is the transaction.
 * @options may be NULL. */
void
arango_transaction_begin (ArangoContext            *context,
                          gpointer                  source_object,
                          const char * const       *read,
                          const char * const       *write,
                          const char * const       *exclusive,
                          ArangoTransactionOptions *options,
                          gpointer                  source_tag,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *collections = json_object_new ();
  ArangoRequest *request;

  json_object_set_array_member (collections, "read", name_list (read));
  json_object_set_array_member (collections, "write", name_list (write));
  json_object_set_array_member (collections, "exclusive", name_list (exclusive));
  json_object_set_object_member (body, "collections", collections);

  request = arango_context_request (context, SOUP_METHOD_POST, "/_api/transaction/begin", NULL);
  arango_transaction_options_apply (options, body, request);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (context, source_object, request, reply_transaction, context,
                       source_tag, cancellable, callback, user_data);
}

/* A handle only on a transaction that can still take calls. */
static void
reply_fetched (GTask          *task,
               ArangoResponse *response,
               gconstpointer   base_context)
{
  const char *id, *status;
  JsonObject *result = result_of (task, response, &id);

  if (result == NULL)
    return;
  status = json_object_get_string_member_with_default (result, "status", NULL);
  if (status == NULL)
    {
      arango_task_return_invalid_reply (task, response, "result.status");
      return;
    }
  if (!g_str_equal (status, "running"))
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_TRANSACTION_NOT_RUNNING,
                               /* TRANSLATORS: the second %s is "committed" or "aborted" */
                               _("The stream transaction %s is %s, no longer running"),
                               id, status);
      return;
    }
  return_transaction (task, response, (ArangoContext *) base_context, id);
}

/* GET /_api/transaction/{id}; the task's result is the transaction. */
void
arango_transaction_fetch (ArangoContext       *context,
                          gpointer             source_object,
                          const char          *transaction_id,
                          gpointer             source_tag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ArangoRequest *request = arango_context_request (context, SOUP_METHOD_GET, "/_api/transaction",
                                                   transaction_id, NULL);

  arango_context_call (context, source_object, request, reply_fetched, context,
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_transaction_get_id: (get-property id)
 * @self: an #ArangoTransaction
 *
 * Gets the server's id of the transaction.
 *
 * Returns: the id
 */
const char *
arango_transaction_get_id (ArangoTransaction *self)
{
  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), NULL);

  return self->context->transaction_id;
}

/**
 * arango_transaction_get_collection:
 * @self: an #ArangoTransaction
 * @name: a collection name
 *
 * Gets a handle on a collection whose calls run inside this transaction.
 * Nothing is sent.
 *
 * Returns: (transfer full): the #ArangoCollection
 */
ArangoCollection *
arango_transaction_get_collection (ArangoTransaction *self,
                                   const char        *name)
{
  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return arango_collection_new (self->context, name);
}

/**
 * arango_transaction_query_async:
 * @self: an #ArangoTransaction
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Runs an AQL query inside the transaction; see
 * arango_database_query_async().
 */
void
arango_transaction_query_async (ArangoTransaction   *self,
                                const char          *aql,
                                JsonObject          *bind_vars,
                                ArangoQueryOptions  *options,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_TRANSACTION (self));

  arango_query_start (self->context, self, aql, bind_vars, options,
                      arango_transaction_query_async, cancellable, callback,
                      user_data);
}

/**
 * arango_transaction_query_finish:
 * @self: an #ArangoTransaction
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_transaction_query_async().
 *
 * Returns: (transfer full): the #ArangoCursor, or %NULL with an error
 */
ArangoCursor *
arango_transaction_query_finish (ArangoTransaction  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  return arango_call_finish_pointer (self, result, arango_transaction_query_async, error);
}

/**
 * arango_transaction_query_sync:
 * @self: an #ArangoTransaction
 * @aql: the AQL query
 * @bind_vars: (nullable): values for the query's bind parameters
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_transaction_query_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the #ArangoCursor, or %NULL with an error
 */
ArangoCursor *
arango_transaction_query_sync (ArangoTransaction   *self,
                               const char          *aql,
                               JsonObject          *bind_vars,
                               ArangoQueryOptions  *options,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_transaction_query_async (self, aql, bind_vars, options, cancellable,
                                  arango_sync_call_done, call);
  return arango_transaction_query_finish (self, arango_sync_call_wait (call), error);
}

/* The transaction's own calls: /_api/transaction/{id} */
static void
call_on_transaction (ArangoTransaction   *self,
                     const char          *method,
                     ArangoReplyFunc      reply_func,
                     gconstpointer        reply_data,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  ArangoRequest *request = arango_context_request (self->context, method, "/_api/transaction",
                                                   self->context->transaction_id, NULL);

  arango_context_call (self->context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_transaction_commit_async:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the transaction is committed
 * @user_data: data for @callback
 *
 * Commits the transaction (`PUT /_api/transaction/{id}`): its writes
 * become visible to everybody.
 */
void
arango_transaction_commit_async (ArangoTransaction   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_TRANSACTION (self));

  call_on_transaction (self, SOUP_METHOD_PUT, arango_reply_true, NULL,
                       arango_transaction_commit_async, cancellable, callback, user_data);
}

/**
 * arango_transaction_commit_finish:
 * @self: an #ArangoTransaction
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_transaction_commit_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND
 */
gboolean
arango_transaction_commit_finish (ArangoTransaction  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  return arango_call_finish_boolean (self, result, arango_transaction_commit_async, error);
}

/**
 * arango_transaction_commit_sync:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_transaction_commit_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND
 */
gboolean
arango_transaction_commit_sync (ArangoTransaction   *self,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_transaction_commit_async (self, cancellable, arango_sync_call_done, call);
  return arango_transaction_commit_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_transaction_abort_async:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the transaction is aborted
 * @user_data: data for @callback
 *
 * Aborts the transaction (`DELETE /_api/transaction/{id}`): its writes
 * are discarded.
 */
void
arango_transaction_abort_async (ArangoTransaction   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_TRANSACTION (self));

  call_on_transaction (self, SOUP_METHOD_DELETE, arango_reply_true, NULL,
                       arango_transaction_abort_async, cancellable, callback, user_data);
}

/**
 * arango_transaction_abort_finish:
 * @self: an #ArangoTransaction
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_transaction_abort_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_transaction_abort_finish (ArangoTransaction  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  return arango_call_finish_boolean (self, result, arango_transaction_abort_async, error);
}

/**
 * arango_transaction_abort_sync:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_transaction_abort_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_transaction_abort_sync (ArangoTransaction   *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_transaction_abort_async (self, cancellable, arango_sync_call_done, call);
  return arango_transaction_abort_finish (self, arango_sync_call_wait (call), error);
}

static void
reply_status (GTask          *task,
              ArangoResponse *response,
              gconstpointer   unused)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  JsonNode *result = body ? json_object_get_member (body, "result") : NULL;
  const char *status = NULL;

  if (result && JSON_NODE_HOLDS_OBJECT (result))
    status = json_object_get_string_member_with_default (json_node_get_object (result), "status", NULL);
  if (status == NULL)
    {
      arango_task_return_invalid_reply (task, response, "result.status");
      return;
    }
  g_task_return_pointer (task, g_strdup (status), g_free);
}

/**
 * arango_transaction_status_async:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the transaction's status (`GET /_api/transaction/{id}`).
 */
void
arango_transaction_status_async (ArangoTransaction   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_TRANSACTION (self));

  call_on_transaction (self, SOUP_METHOD_GET, reply_status, NULL,
                       arango_transaction_status_async, cancellable, callback, user_data);
}

/**
 * arango_transaction_status_finish:
 * @self: an #ArangoTransaction
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_transaction_status_async().
 *
 * Returns: (transfer full): "running", "committed" or "aborted", or %NULL
 *   with an error
 */
char *
arango_transaction_status_finish (ArangoTransaction  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  return arango_call_finish_pointer (self, result, arango_transaction_status_async, error);
}

/**
 * arango_transaction_status_sync:
 * @self: an #ArangoTransaction
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_transaction_status_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): "running", "committed" or "aborted", or %NULL
 *   with an error
 */
char *
arango_transaction_status_sync (ArangoTransaction   *self,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_TRANSACTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_transaction_status_async (self, cancellable, arango_sync_call_done, call);
  return arango_transaction_status_finish (self, arango_sync_call_wait (call), error);
}
