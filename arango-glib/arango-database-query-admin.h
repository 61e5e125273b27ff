/* arango-database-query-admin.h: managing AQL queries: the running and
 * slow ones, query tracking and the query results cache
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
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void             arango_database_kill_query_async               (ArangoDatabase      *self,
                                                                 const char          *query_id,
                                                                 gboolean             all_databases,
                                                                 gboolean             ignore_missing,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_kill_query_finish              (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_kill_query_sync                (ArangoDatabase  *self,
                                                                 const char      *query_id,
                                                                 gboolean         all_databases,
                                                                 gboolean         ignore_missing,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_running_queries_async          (ArangoDatabase      *self,
                                                                 gboolean             all_databases,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_running_queries_finish         (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_running_queries_sync           (ArangoDatabase  *self,
                                                                 gboolean         all_databases,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_slow_queries_async             (ArangoDatabase      *self,
                                                                 gboolean             all_databases,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_slow_queries_finish            (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_slow_queries_sync              (ArangoDatabase  *self,
                                                                 gboolean         all_databases,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_clear_slow_queries_async       (ArangoDatabase      *self,
                                                                 gboolean             all_databases,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_clear_slow_queries_finish      (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_clear_slow_queries_sync        (ArangoDatabase  *self,
                                                                 gboolean         all_databases,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_query_tracking_async           (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_query_tracking_finish          (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_query_tracking_sync            (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_set_query_tracking_async       (ArangoDatabase      *self,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_set_query_tracking_finish      (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_set_query_tracking_sync        (ArangoDatabase  *self,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_query_cache_properties_async   (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_query_cache_properties_finish  (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_query_cache_properties_sync    (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_configure_query_cache_async    (ArangoDatabase      *self,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_configure_query_cache_finish   (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_configure_query_cache_sync     (ArangoDatabase  *self,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_query_cache_entries_async      (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_query_cache_entries_finish     (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_query_cache_entries_sync       (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_clear_query_cache_async        (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_clear_query_cache_finish       (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_clear_query_cache_sync         (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);

G_END_DECLS
