/* arango-collection-geo.h: finding a collection's documents near a
 * place, within a radius, or within a box
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-collection.h"
#include "arango-collection-find.h"
#include "arango-cursor.h"
#include "arango-query-options.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_near_async       (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude,
                                                       gdouble              longitude,
                                                       gint64               limit,
                                                       const char          *distance_field,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_near_finish      (ArangoCollection    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_near_sync        (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude,
                                                       gdouble              longitude,
                                                       gint64               limit,
                                                       const char          *distance_field,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_in_radius_async  (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude,
                                                       gdouble              longitude,
                                                       gdouble              radius,
                                                       const char          *distance_field,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_radius_finish (ArangoCollection    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_radius_sync   (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude,
                                                       gdouble              longitude,
                                                       gdouble              radius,
                                                       const char          *distance_field,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

ARANGO_AVAILABLE_IN_ALL
void          arango_collection_find_in_box_async     (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude1,
                                                       gdouble              longitude1,
                                                       gdouble              latitude2,
                                                       gdouble              longitude2,
                                                       gint64               skip,
                                                       gint64               limit,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_box_finish    (ArangoCollection    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
ARANGO_AVAILABLE_IN_ALL
ArangoCursor *arango_collection_find_in_box_sync      (ArangoCollection    *self,
                                                       const char * const  *location,
                                                       gboolean             geo_json,
                                                       gdouble              latitude1,
                                                       gdouble              longitude1,
                                                       gdouble              latitude2,
                                                       gdouble              longitude2,
                                                       gint64               skip,
                                                       gint64               limit,
                                                       ArangoQueryOptions  *options,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

G_END_DECLS
