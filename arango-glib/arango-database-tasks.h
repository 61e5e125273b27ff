/* arango-database-tasks.h: server tasks, JavaScript the server runs once
 * or periodically
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
#include "arango-task-options.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void        arango_database_tasks_async       (ArangoDatabase      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_database_tasks_finish      (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_database_tasks_sync        (ArangoDatabase  *self,
                                               GCancellable    *cancellable,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_database_task_async        (ArangoDatabase      *self,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_task_finish       (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_task_sync         (ArangoDatabase  *self,
                                               const char      *id,
                                               GCancellable    *cancellable,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_database_create_task_async (ArangoDatabase      *self,
                                               const char          *command,
                                               ArangoTaskOptions   *options,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_create_task_finish (ArangoDatabase  *self,
                                                GAsyncResult    *result,
                                                GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_create_task_sync  (ArangoDatabase     *self,
                                               const char         *command,
                                               ArangoTaskOptions  *options,
                                               GCancellable       *cancellable,
                                               GError            **error);
ARANGO_AVAILABLE_IN_ALL
void        arango_database_delete_task_async (ArangoDatabase      *self,
                                               const char          *id,
                                               gboolean             ignore_missing,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_task_finish (ArangoDatabase  *self,
                                                GAsyncResult    *result,
                                                GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_task_sync  (ArangoDatabase  *self,
                                               const char      *id,
                                               gboolean         ignore_missing,
                                               GCancellable    *cancellable,
                                               GError         **error);

G_END_DECLS
