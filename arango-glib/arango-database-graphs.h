/* arango-database-graphs.h: the named graphs of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-database.h"
#include "arango-graph.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
ArangoGraph *arango_database_get_graph (ArangoDatabase *self,
                                        const char     *name);

ARANGO_AVAILABLE_IN_ALL
void              arango_database_has_graph_async     (ArangoDatabase      *self,
                                                       const char          *name,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_database_has_graph_finish    (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_database_has_graph_sync      (ArangoDatabase  *self,
                                                       const char      *name,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_database_list_graphs_async   (ArangoDatabase      *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_database_list_graphs_finish  (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_database_list_graphs_sync    (ArangoDatabase  *self,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_database_create_graph_async  (ArangoDatabase      *self,
                                                       const char          *name,
                                                       JsonArray           *edge_definitions,
                                                       const char * const  *orphan_collections,
                                                       JsonObject          *options,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoGraph      *arango_database_create_graph_finish (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
ArangoGraph      *arango_database_create_graph_sync   (ArangoDatabase      *self,
                                                       const char          *name,
                                                       JsonArray           *edge_definitions,
                                                       const char * const  *orphan_collections,
                                                       JsonObject          *options,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_database_delete_graph_async  (ArangoDatabase      *self,
                                                       const char          *name,
                                                       gboolean             drop_collections,
                                                       gboolean             ignore_missing,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_database_delete_graph_finish (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_database_delete_graph_sync   (ArangoDatabase  *self,
                                                       const char      *name,
                                                       gboolean         drop_collections,
                                                       gboolean         ignore_missing,
                                                       GCancellable    *cancellable,
                                                       GError         **error);

G_END_DECLS
