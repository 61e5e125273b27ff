/* arango-query-model.h: the results of an AQL query as a GListModel
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

#define ARANGO_TYPE_QUERY_MODEL (arango_query_model_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoQueryModel, arango_query_model, ARANGO, QUERY_MODEL, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoQueryModel *arango_query_model_new          (ArangoDatabase     *database,
                                                   const char         *aql,
                                                   JsonObject         *bind_vars,
                                                   ArangoQueryOptions *options);

ARANGO_AVAILABLE_IN_ALL
ArangoDatabase   *arango_query_model_get_database  (ArangoQueryModel *self);
ARANGO_AVAILABLE_IN_ALL
const char       *arango_query_model_get_query     (ArangoQueryModel *self);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_query_model_get_loading   (ArangoQueryModel *self);
ARANGO_AVAILABLE_IN_ALL
const GError     *arango_query_model_get_error     (ArangoQueryModel *self);

ARANGO_AVAILABLE_IN_ALL
void              arango_query_model_load          (ArangoQueryModel *self);
ARANGO_AVAILABLE_IN_ALL
void              arango_query_model_cancel        (ArangoQueryModel *self);

G_END_DECLS
