/* arango-database-views.h: arangosearch and search-alias views, and
 * analyzers
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
void             arango_database_views_async                    (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_views_finish                   (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_views_sync                     (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_view_async                     (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_view_finish                    (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_view_sync                      (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_view_async              (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 const char          *view_type,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_view_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_view_sync               (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 const char      *view_type,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_search_alias_view_async (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_search_alias_view_finish (ArangoDatabase  *self,
                                                                  GAsyncResult    *result,
                                                                  GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_search_alias_view_sync  (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_update_view_async              (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_update_view_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_update_view_sync               (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_replace_view_async             (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 JsonObject          *properties,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_replace_view_finish            (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_replace_view_sync              (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 JsonObject      *properties,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_rename_view_async              (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 const char          *new_name,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_rename_view_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_rename_view_sync               (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 const char      *new_name,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_delete_view_async              (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 gboolean             ignore_missing,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_view_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_view_sync               (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 gboolean         ignore_missing,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_analyzers_async                (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_analyzers_finish               (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_analyzers_sync                 (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_analyzer_async                 (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_analyzer_finish                (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_analyzer_sync                  (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_analyzer_async          (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 const char          *analyzer_type,
                                                                 JsonObject          *properties,
                                                                 const char * const  *features,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_analyzer_finish         (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_analyzer_sync           (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 const char          *analyzer_type,
                                                                 JsonObject          *properties,
                                                                 const char * const  *features,
                                                                 GCancellable        *cancellable,
                                                                 GError             **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_delete_analyzer_async          (ArangoDatabase      *self,
                                                                 const char          *name,
                                                                 gboolean             force,
                                                                 gboolean             ignore_missing,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_analyzer_finish         (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_analyzer_sync           (ArangoDatabase  *self,
                                                                 const char      *name,
                                                                 gboolean         force,
                                                                 gboolean         ignore_missing,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);

G_END_DECLS
