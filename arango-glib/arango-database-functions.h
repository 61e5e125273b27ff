/* arango-database-functions.h: AQL user functions
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
void             arango_database_aql_functions_async        (ArangoDatabase      *self,
                                                             const char          *function_namespace,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_aql_functions_finish       (ArangoDatabase  *self,
                                                             GAsyncResult    *result,
                                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_aql_functions_sync         (ArangoDatabase  *self,
                                                             const char      *function_namespace,
                                                             GCancellable    *cancellable,
                                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_aql_function_async  (ArangoDatabase      *self,
                                                             const char          *name,
                                                             const char          *code,
                                                             gboolean             is_deterministic,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_create_aql_function_finish (ArangoDatabase  *self,
                                                             GAsyncResult    *result,
                                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_create_aql_function_sync   (ArangoDatabase  *self,
                                                             const char      *name,
                                                             const char      *code,
                                                             gboolean         is_deterministic,
                                                             GCancellable    *cancellable,
                                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_delete_aql_function_async  (ArangoDatabase      *self,
                                                             const char          *name,
                                                             gboolean             group,
                                                             gboolean             ignore_missing,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gint64           arango_database_delete_aql_function_finish (ArangoDatabase  *self,
                                                             GAsyncResult    *result,
                                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
gint64           arango_database_delete_aql_function_sync   (ArangoDatabase  *self,
                                                             const char      *name,
                                                             gboolean         group,
                                                             gboolean         ignore_missing,
                                                             GCancellable    *cancellable,
                                                             GError         **error);

G_END_DECLS
