/* arango-collection-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-collection.h"
#include "arango-context-private.h"

G_BEGIN_DECLS

ArangoCollection *arango_collection_new (ArangoContext *context,
                                         const char    *name);

G_END_DECLS
