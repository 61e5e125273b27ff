/* arango-query-options-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-connection-private.h"
#include "arango-query-options.h"

G_BEGIN_DECLS

void arango_query_options_apply (ArangoQueryOptions *self,
                                 JsonObject         *body,
                                 ArangoRequest      *request);

G_END_DECLS
