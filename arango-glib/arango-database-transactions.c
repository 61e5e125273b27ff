/* arango-database-transactions.c: stream transactions with options, and
 * taking up one by its id
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-private.h"
#include "arango-database-transactions.h"
#include "arango-error.h"
#include "arango-sync-private.h"
#include "arango-transaction-private.h"

/**
 * arango_database_begin_transaction_with_options_async:
 * @self: an #ArangoDatabase
 * @read: (array zero-terminated=1) (nullable): collections the transaction reads
 * @write: (array zero-terminated=1) (nullable): collections it writes
 * @exclusive: (array zero-terminated=1) (nullable): collections it writes
 *   with an exclusive lock
 * @options: (nullable): the transaction's options; %NULL for the server's
 *   defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the transaction runs
 * @user_data: data for @callback
 *
 * Begins a stream transaction (`POST /_api/transaction/begin`) with
 * @options, as python-arango's `begin_transaction()` with its keyword
 * arguments does: `sync`, `allow_implicit`, `lock_timeout`, `max_size`,
 * `allow_dirty_read` and `skip_fast_lock_round` are the properties of
 * #ArangoTransactionOptions.
 */
void
arango_database_begin_transaction_with_options_async (ArangoDatabase           *self,
                                                      const char * const       *read,
                                                      const char * const       *write,
                                                      const char * const       *exclusive,
                                                      ArangoTransactionOptions *options,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (options == NULL || ARANGO_IS_TRANSACTION_OPTIONS (options));

  arango_transaction_begin (arango_database_get_context (self), self, read, write,
                            exclusive, options,
                            arango_database_begin_transaction_with_options_async,
                            cancellable, callback, user_data);
}

/**
 * arango_database_begin_transaction_with_options_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_begin_transaction_with_options_async().
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
ArangoTransaction *
arango_database_begin_transaction_with_options_finish (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error)
{
  return arango_call_finish_pointer (self, result,
                                     arango_database_begin_transaction_with_options_async,
                                     error);
}

/**
 * arango_database_begin_transaction_with_options_sync:
 * @self: an #ArangoDatabase
 * @read: (array zero-terminated=1) (nullable): collections the transaction reads
 * @write: (array zero-terminated=1) (nullable): collections it writes
 * @exclusive: (array zero-terminated=1) (nullable): collections it writes
 *   with an exclusive lock
 * @options: (nullable): the transaction's options; %NULL for the server's
 *   defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_begin_transaction_with_options_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
ArangoTransaction *
arango_database_begin_transaction_with_options_sync (ArangoDatabase           *self,
                                                     const char * const       *read,
                                                     const char * const       *write,
                                                     const char * const       *exclusive,
                                                     ArangoTransactionOptions *options,
                                                     GCancellable             *cancellable,
                                                     GError                  **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_begin_transaction_with_options_async (self, read, write, exclusive, options,
                                                        cancellable, arango_sync_call_done, call);
  return arango_database_begin_transaction_with_options_finish (self, arango_sync_call_wait (call),
                                                                error);
}

/**
 * arango_database_fetch_transaction_async:
 * @self: an #ArangoDatabase
 * @transaction_id: the server's id of a stream transaction of this
 *   database, as arango_transaction_get_id() or
 *   arango_database_list_transactions_async() give it
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Takes up a stream transaction that was begun elsewhere, by another
 * handle or another process (python-arango's `fetch_transaction()`): asks
 * for its status (`GET /_api/transaction/{id}`) and gives a handle on it
 * if it is still running. Its calls then go to the coordinator that
 * answered, which passes them on to the one holding the transaction.
 *
 * An id that is not a string of digits is an
 * %ARANGO_ERROR_INVALID_ARGUMENT error, and nothing is sent.
 */
void
arango_database_fetch_transaction_async (ArangoDatabase      *self,
                                         const char          *transaction_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, arango_is_numeric_id (transaction_id),
                              arango_database_fetch_transaction_async, callback, user_data,
                              _("A transaction id is a non-empty string of digits")))
    return;

  arango_transaction_fetch (arango_database_get_context (self), self, transaction_id,
                            arango_database_fetch_transaction_async, cancellable, callback,
                            user_data);
}

/**
 * arango_database_fetch_transaction_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_fetch_transaction_async().
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error:
 *   %ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND for an id the server does
 *   not know (or no longer: it forgets finished transactions after a
 *   while), %ARANGO_ERROR_TRANSACTION_NOT_RUNNING for one that was
 *   committed or aborted
 */
ArangoTransaction *
arango_database_fetch_transaction_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_fetch_transaction_async, error);
}

/**
 * arango_database_fetch_transaction_sync:
 * @self: an #ArangoDatabase
 * @transaction_id: the server's id of a stream transaction of this
 *   database
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_fetch_transaction_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the #ArangoTransaction, or %NULL with an error
 *   such as %ARANGO_ERROR_TRANSACTION_NOT_RUNNING
 */
ArangoTransaction *
arango_database_fetch_transaction_sync (ArangoDatabase      *self,
                                        const char          *transaction_id,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_fetch_transaction_async (self, transaction_id, cancellable,
                                           arango_sync_call_done, call);
  return arango_database_fetch_transaction_finish (self, arango_sync_call_wait (call), error);
}
