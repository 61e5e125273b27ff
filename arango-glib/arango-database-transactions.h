/* arango-database-transactions.h: stream transactions with options, and
 * taking up one by its id
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void               arango_database_begin_transaction_with_options_async  (ArangoDatabase           *self,
                                                                          const char * const       *read,
                                                                          const char * const       *write,
                                                                          const char * const       *exclusive,
                                                                          ArangoTransactionOptions *options,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction *arango_database_begin_transaction_with_options_finish (ArangoDatabase           *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction *arango_database_begin_transaction_with_options_sync   (ArangoDatabase           *self,
                                                                          const char * const       *read,
                                                                          const char * const       *write,
                                                                          const char * const       *exclusive,
                                                                          ArangoTransactionOptions *options,
                                                                          GCancellable             *cancellable,
                                                                          GError                  **error);
ARANGO_AVAILABLE_IN_ALL
void               arango_database_fetch_transaction_async               (ArangoDatabase           *self,
                                                                          const char               *transaction_id,
                                                                          GCancellable             *cancellable,
                                                                          GAsyncReadyCallback       callback,
                                                                          gpointer                  user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction *arango_database_fetch_transaction_finish              (ArangoDatabase           *self,
                                                                          GAsyncResult             *result,
                                                                          GError                  **error);
ARANGO_AVAILABLE_IN_ALL
ArangoTransaction *arango_database_fetch_transaction_sync                (ArangoDatabase           *self,
                                                                          const char               *transaction_id,
                                                                          GCancellable             *cancellable,
                                                                          GError                  **error);

G_END_DECLS
