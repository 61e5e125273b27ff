/* arango-database-backups.h: hot backups of the deployment
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
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void        arango_database_create_backup_async    (ArangoDatabase         *self,
                                                    const char             *label,
                                                    JsonObject             *options,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_create_backup_finish   (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_create_backup_sync     (ArangoDatabase         *self,
                                                    const char             *label,
                                                    JsonObject             *options,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_list_backups_async     (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_list_backups_finish    (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_list_backups_sync      (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_restore_backup_async   (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_restore_backup_finish  (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_restore_backup_sync    (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_delete_backup_async    (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_backup_finish   (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_delete_backup_sync     (ArangoDatabase         *self,
                                                    const char             *id,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_upload_backup_async    (ArangoDatabase         *self,
                                                    const char             *id,
                                                    const char             *repository,
                                                    JsonObject             *config,
                                                    GFileProgressCallback   progress_callback,
                                                    gpointer                progress_data,
                                                    GDestroyNotify          progress_data_destroy,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_upload_backup_finish   (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_upload_backup_sync     (ArangoDatabase         *self,
                                                    const char             *id,
                                                    const char             *repository,
                                                    JsonObject             *config,
                                                    GFileProgressCallback   progress_callback,
                                                    gpointer                progress_data,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_download_backup_async  (ArangoDatabase         *self,
                                                    const char             *id,
                                                    const char             *repository,
                                                    JsonObject             *config,
                                                    GFileProgressCallback   progress_callback,
                                                    gpointer                progress_data,
                                                    GDestroyNotify          progress_data_destroy,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_download_backup_finish (ArangoDatabase         *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_download_backup_sync   (ArangoDatabase         *self,
                                                    const char             *id,
                                                    const char             *repository,
                                                    JsonObject             *config,
                                                    GFileProgressCallback   progress_callback,
                                                    gpointer                progress_data,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

G_END_DECLS
