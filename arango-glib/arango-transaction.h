/* arango-transaction.h: a stream transaction
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_TRANSACTION (arango_transaction_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoTransaction, arango_transaction, ARANGO, TRANSACTION, GObject)

ARANGO_AVAILABLE_IN_ALL
const char       *arango_transaction_get_id         (ArangoTransaction   *self);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_transaction_get_collection (ArangoTransaction   *self,
                                                     const char          *name);

ARANGO_AVAILABLE_IN_ALL
void              arango_transaction_query_async    (ArangoTransaction   *self,
                                                     const char          *aql,
                                                     JsonObject          *bind_vars,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor     *arango_transaction_query_finish   (ArangoTransaction   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor     *arango_transaction_query_sync     (ArangoTransaction   *self,
                                                     const char          *aql,
                                                     JsonObject          *bind_vars,
                                                     ArangoQueryOptions  *options,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
void              arango_transaction_commit_async   (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_transaction_commit_finish  (ArangoTransaction   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_transaction_commit_sync    (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
void              arango_transaction_abort_async    (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_transaction_abort_finish   (ArangoTransaction   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_transaction_abort_sync     (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
void              arango_transaction_status_async   (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char             *arango_transaction_status_finish  (ArangoTransaction   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
ARANGO_AVAILABLE_IN_ALL
char             *arango_transaction_status_sync    (ArangoTransaction   *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_END_DECLS
