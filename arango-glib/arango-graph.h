/* arango-graph.h: a named graph, its collections, vertices and edges
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-enums.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_GRAPH (arango_graph_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoGraph, arango_graph, ARANGO, GRAPH, GObject)

ARANGO_AVAILABLE_IN_ALL
const char     *arango_graph_get_name     (ArangoGraph *self);
ARANGO_AVAILABLE_IN_ALL
ArangoDatabase *arango_graph_get_database (ArangoGraph *self);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_properties_async                (ArangoGraph         *self,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_properties_finish               (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_properties_sync                 (ArangoGraph   *self,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_vertex_collections_async        (ArangoGraph         *self,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
GStrv             arango_graph_vertex_collections_finish       (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
GStrv             arango_graph_vertex_collections_sync         (ArangoGraph   *self,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_has_vertex_collection_async     (ArangoGraph         *self,
                                                                const char          *name,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_vertex_collection_finish    (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_vertex_collection_sync      (ArangoGraph   *self,
                                                                const char    *name,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_create_vertex_collection_async  (ArangoGraph         *self,
                                                                const char          *name,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_create_vertex_collection_finish (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_create_vertex_collection_sync   (ArangoGraph   *self,
                                                                const char    *name,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_delete_vertex_collection_async  (ArangoGraph         *self,
                                                                const char          *name,
                                                                gboolean             purge,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_delete_vertex_collection_finish (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_delete_vertex_collection_sync   (ArangoGraph   *self,
                                                                const char    *name,
                                                                gboolean       purge,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_edge_definitions_async          (ArangoGraph         *self,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_graph_edge_definitions_finish         (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_graph_edge_definitions_sync           (ArangoGraph   *self,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_has_edge_definition_async       (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_edge_definition_finish      (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_edge_definition_sync        (ArangoGraph   *self,
                                                                const char    *edge_collection,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_create_edge_definition_async    (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                const char * const  *from_vertex_collections,
                                                                const char * const  *to_vertex_collections,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_create_edge_definition_finish   (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_create_edge_definition_sync     (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                const char * const  *from_vertex_collections,
                                                                const char * const  *to_vertex_collections,
                                                                GCancellable        *cancellable,
                                                                GError             **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_replace_edge_definition_async   (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                const char * const  *from_vertex_collections,
                                                                const char * const  *to_vertex_collections,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_replace_edge_definition_finish  (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCollection *arango_graph_replace_edge_definition_sync    (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                const char * const  *from_vertex_collections,
                                                                const char * const  *to_vertex_collections,
                                                                GCancellable        *cancellable,
                                                                GError             **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_delete_edge_definition_async    (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                gboolean             purge,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_delete_edge_definition_finish   (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_delete_edge_definition_sync     (ArangoGraph   *self,
                                                                const char    *edge_collection,
                                                                gboolean       purge,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_insert_vertex_async             (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *vertex,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_insert_vertex_finish            (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_insert_vertex_sync              (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *vertex,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_vertex_async                    (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                const char          *rev,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_vertex_finish                   (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_vertex_sync                     (ArangoGraph   *self,
                                                                const char    *collection,
                                                                const char    *key,
                                                                const char    *rev,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_has_vertex_async                (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_vertex_finish               (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_vertex_sync                 (ArangoGraph   *self,
                                                                const char    *collection,
                                                                const char    *key,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_update_vertex_async             (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *vertex,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_update_vertex_finish            (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_update_vertex_sync              (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *vertex,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_replace_vertex_async            (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *vertex,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_replace_vertex_finish           (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_replace_vertex_sync             (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *vertex,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_delete_vertex_async             (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                const char          *rev,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_delete_vertex_finish            (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_delete_vertex_sync              (ArangoGraph          *self,
                                                                const char           *collection,
                                                                const char           *key,
                                                                const char           *rev,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_insert_edge_async               (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *edge,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_insert_edge_finish              (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_insert_edge_sync                (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *edge,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_edge_async                      (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                const char          *rev,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_edge_finish                     (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_edge_sync                       (ArangoGraph   *self,
                                                                const char    *collection,
                                                                const char    *key,
                                                                const char    *rev,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_has_edge_async                  (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_edge_finish                 (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
gboolean          arango_graph_has_edge_sync                   (ArangoGraph   *self,
                                                                const char    *collection,
                                                                const char    *key,
                                                                GCancellable  *cancellable,
                                                                GError       **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_update_edge_async               (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *edge,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_update_edge_finish              (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_update_edge_sync                (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *edge,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_replace_edge_async              (ArangoGraph         *self,
                                                                const char          *collection,
                                                                JsonNode            *edge,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_replace_edge_finish             (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_replace_edge_sync               (ArangoGraph          *self,
                                                                const char           *collection,
                                                                JsonNode             *edge,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_delete_edge_async               (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *key,
                                                                const char          *rev,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_delete_edge_finish              (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_delete_edge_sync                (ArangoGraph          *self,
                                                                const char           *collection,
                                                                const char           *key,
                                                                const char           *rev,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_link_async                      (ArangoGraph         *self,
                                                                const char          *collection,
                                                                const char          *from_id,
                                                                const char          *to_id,
                                                                JsonObject          *data,
                                                                ArangoDocumentFlags  flags,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_link_finish                     (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject       *arango_graph_link_sync                       (ArangoGraph          *self,
                                                                const char           *collection,
                                                                const char           *from_id,
                                                                const char           *to_id,
                                                                JsonObject           *data,
                                                                ArangoDocumentFlags   flags,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

ARANGO_AVAILABLE_IN_ALL
void              arango_graph_edges_async                     (ArangoGraph         *self,
                                                                const char          *edge_collection,
                                                                const char          *vertex_id,
                                                                ArangoEdgeDirection  direction,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_graph_edges_finish                    (ArangoGraph   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray        *arango_graph_edges_sync                      (ArangoGraph          *self,
                                                                const char           *edge_collection,
                                                                const char           *vertex_id,
                                                                ArangoEdgeDirection   direction,
                                                                GCancellable         *cancellable,
                                                                GError              **error);

G_END_DECLS
