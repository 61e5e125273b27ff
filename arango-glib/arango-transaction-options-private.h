/* arango-transaction-options-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-connection-private.h"
#include "arango-transaction-options.h"

G_BEGIN_DECLS

void arango_transaction_options_apply (ArangoTransactionOptions *self,
                                       JsonObject               *body,
                                       ArangoRequest            *request);

G_END_DECLS
