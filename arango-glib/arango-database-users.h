/* arango-database-users.h: users, their permissions and access tokens
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
#include "arango-enums.h"
#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void             arango_database_users_async                    (ArangoDatabase      *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_users_finish                   (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_users_sync                     (ArangoDatabase  *self,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_user_async                     (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_user_finish                    (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_user_sync                      (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_has_user_async                 (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_has_user_finish                (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_has_user_sync                  (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_user_async              (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 const char          *password,
                                                                 gboolean             active,
                                                                 JsonObject          *extra,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_user_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_user_sync               (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 const char      *password,
                                                                 gboolean         active,
                                                                 JsonObject      *extra,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_update_user_async              (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 JsonObject          *changes,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_update_user_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_update_user_sync               (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 JsonObject      *changes,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_replace_user_async             (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 const char          *password,
                                                                 gboolean             active,
                                                                 JsonObject          *extra,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_replace_user_finish            (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_replace_user_sync              (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 const char      *password,
                                                                 gboolean         active,
                                                                 JsonObject      *extra,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_delete_user_async              (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 gboolean             ignore_missing,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_user_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_user_sync               (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 gboolean         ignore_missing,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_permissions_async              (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_permissions_finish             (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_permissions_sync               (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_permission_async               (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 const char          *database,
                                                                 const char          *collection,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
ArangoPermission arango_database_permission_finish              (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
ArangoPermission arango_database_permission_sync                (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 const char      *database,
                                                                 const char      *collection,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_update_permission_async        (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 ArangoPermission     permission,
                                                                 const char          *database,
                                                                 const char          *collection,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_update_permission_finish       (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_update_permission_sync         (ArangoDatabase    *self,
                                                                 const char        *username,
                                                                 ArangoPermission   permission,
                                                                 const char        *database,
                                                                 const char        *collection,
                                                                 GCancellable      *cancellable,
                                                                 GError           **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_reset_permission_async         (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 const char          *database,
                                                                 const char          *collection,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_reset_permission_finish        (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_reset_permission_sync          (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 const char      *database,
                                                                 const char      *collection,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_create_access_token_async      (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 const char          *name,
                                                                 gint64               valid_until,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_access_token_finish     (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject      *arango_database_create_access_token_sync       (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 const char      *name,
                                                                 gint64           valid_until,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_list_access_tokens_async       (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_list_access_tokens_finish      (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray       *arango_database_list_access_tokens_sync        (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
void             arango_database_delete_access_token_async      (ArangoDatabase      *self,
                                                                 const char          *username,
                                                                 gint64               token_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_access_token_finish     (ArangoDatabase  *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean         arango_database_delete_access_token_sync       (ArangoDatabase  *self,
                                                                 const char      *username,
                                                                 gint64           token_id,
                                                                 GCancellable    *cancellable,
                                                                 GError         **error);

G_END_DECLS
