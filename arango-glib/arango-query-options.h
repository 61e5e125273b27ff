/* arango-query-options.h: the options of an AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_QUERY_OPTIONS (arango_query_options_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoQueryOptions, arango_query_options, ARANGO, QUERY_OPTIONS, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoQueryOptions *arango_query_options_new            (void);
ARANGO_AVAILABLE_IN_ALL
void                arango_query_options_set_batch_size (ArangoQueryOptions *self,
                                                         guint               batch_size);
ARANGO_AVAILABLE_IN_ALL
guint               arango_query_options_get_batch_size (ArangoQueryOptions *self);
ARANGO_AVAILABLE_IN_ALL
void                arango_query_options_set_count      (ArangoQueryOptions *self,
                                                         gboolean            count);
ARANGO_AVAILABLE_IN_ALL
gboolean            arango_query_options_get_count      (ArangoQueryOptions *self);

G_END_DECLS
