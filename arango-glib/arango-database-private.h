/* arango-database-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-auth-private.h"
#include "arango-context-private.h"
#include "arango-database.h"

G_BEGIN_DECLS

ArangoDatabase *arango_database_new         (ArangoClient   *client,
                                             const char     *name,
                                             ArangoAuth     *auth);
ArangoDatabase *arango_database_new_for_context (ArangoContext *context);
ArangoContext  *arango_database_get_context  (ArangoDatabase *self);

G_END_DECLS
