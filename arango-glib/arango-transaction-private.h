/* arango-transaction-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-context-private.h"
#include "arango-transaction.h"
#include "arango-transaction-options.h"

G_BEGIN_DECLS

void arango_transaction_begin (ArangoContext        *context,
                               gpointer              source_object,
                               const char * const   *read,
                               const char * const   *write,
                               const char * const   *exclusive,
                               ArangoTransactionOptions *options,
                               gpointer              source_tag,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);

void arango_transaction_fetch (ArangoContext        *context,
                               gpointer              source_object,
                               const char           *transaction_id,
                               gpointer              source_tag,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);

G_END_DECLS
