/* arango-database-server.h: what a server tells of itself and its secrets
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
void        arango_database_echo_async (ArangoDatabase      *self,
                                        JsonNode            *body,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_echo_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_echo_sync (ArangoDatabase  *self,
                                       JsonNode        *body,
                                       GCancellable    *cancellable,
                                       GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_read_log_async (ArangoDatabase      *self,
                                            const char          *upto,
                                            const char          *level,
                                            gint64               start,
                                            gint64               size,
                                            gint64               offset,
                                            const char          *search,
                                            const char          *sort,
                                            const char          *server_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_read_log_finish (ArangoDatabase  *self,
                                             GAsyncResult    *result,
                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_read_log_sync (ArangoDatabase  *self,
                                           const char      *upto,
                                           const char      *level,
                                           gint64           start,
                                           gint64           size,
                                           gint64           offset,
                                           const char      *search,
                                           const char      *sort,
                                           const char      *server_id,
                                           GCancellable    *cancellable,
                                           GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_options_async (ArangoDatabase      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_options_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_options_sync (ArangoDatabase  *self,
                                          GCancellable    *cancellable,
                                          GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_options_available_async (ArangoDatabase      *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_options_available_finish (ArangoDatabase  *self,
                                                      GAsyncResult    *result,
                                                      GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_options_available_sync (ArangoDatabase  *self,
                                                    GCancellable    *cancellable,
                                                    GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_api_calls_async (ArangoDatabase      *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_database_api_calls_finish (ArangoDatabase  *self,
                                              GAsyncResult    *result,
                                              GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonArray  *arango_database_api_calls_sync (ArangoDatabase  *self,
                                            GCancellable    *cancellable,
                                            GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_jwt_secrets_async (ArangoDatabase      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_jwt_secrets_finish (ArangoDatabase  *self,
                                                GAsyncResult    *result,
                                                GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_jwt_secrets_sync (ArangoDatabase  *self,
                                              GCancellable    *cancellable,
                                              GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_reload_jwt_secrets_async (ArangoDatabase      *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reload_jwt_secrets_finish (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reload_jwt_secrets_sync (ArangoDatabase  *self,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_encryption_async (ArangoDatabase      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_encryption_finish (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_encryption_sync (ArangoDatabase  *self,
                                             GCancellable    *cancellable,
                                             GError         **error);

G_END_DECLS
