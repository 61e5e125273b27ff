/* arango-collection-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-collection.h"
#include "arango-context-private.h"

G_BEGIN_DECLS

ArangoCollection *arango_collection_new         (ArangoContext    *context,
                                                 const char       *name);
ArangoContext    *arango_collection_get_context (ArangoCollection *self);

G_END_DECLS
