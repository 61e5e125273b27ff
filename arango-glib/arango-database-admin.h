/* arango-database-admin.h: server administration on a database handle
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
void        arango_database_version_async (ArangoDatabase      *self,
                                           gboolean             details,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_version_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_version_sync (ArangoDatabase  *self,
                                          gboolean         details,
                                          GCancellable    *cancellable,
                                          GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_engine_async (ArangoDatabase      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_engine_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_engine_sync (ArangoDatabase  *self,
                                         GCancellable    *cancellable,
                                         GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_status_async (ArangoDatabase      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_status_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_status_sync (ArangoDatabase  *self,
                                         GCancellable    *cancellable,
                                         GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_time_async (ArangoDatabase      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gdouble     arango_database_time_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error);
ARANGO_AVAILABLE_IN_ALL
gdouble     arango_database_time_sync (ArangoDatabase  *self,
                                       GCancellable    *cancellable,
                                       GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_metrics_async (ArangoDatabase      *self,
                                           const char          *server_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_metrics_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_metrics_sync (ArangoDatabase  *self,
                                          const char      *server_id,
                                          GCancellable    *cancellable,
                                          GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_statistics_async (ArangoDatabase      *self,
                                              gboolean             description,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_statistics_finish (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_statistics_sync (ArangoDatabase  *self,
                                             gboolean         description,
                                             GCancellable    *cancellable,
                                             GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_read_log_entries_async (ArangoDatabase      *self,
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
JsonObject *arango_database_read_log_entries_finish (ArangoDatabase  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_read_log_entries_sync (ArangoDatabase  *self,
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
void        arango_database_log_levels_async (ArangoDatabase      *self,
                                              const char          *server_id,
                                              gboolean             with_appenders,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_log_levels_finish (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_log_levels_sync (ArangoDatabase  *self,
                                             const char      *server_id,
                                             gboolean         with_appenders,
                                             GCancellable    *cancellable,
                                             GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_set_log_levels_async (ArangoDatabase      *self,
                                                  JsonObject          *levels,
                                                  const char          *server_id,
                                                  gboolean             with_appenders,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_set_log_levels_finish (ArangoDatabase  *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_set_log_levels_sync (ArangoDatabase  *self,
                                                 JsonObject      *levels,
                                                 const char      *server_id,
                                                 gboolean         with_appenders,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_reset_log_levels_async (ArangoDatabase      *self,
                                                    const char          *server_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reset_log_levels_finish (ArangoDatabase  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reset_log_levels_sync (ArangoDatabase  *self,
                                                   const char      *server_id,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_mode_async (ArangoDatabase      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_mode_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_mode_sync (ArangoDatabase  *self,
                                       GCancellable    *cancellable,
                                       GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_set_mode_async (ArangoDatabase      *self,
                                            const char          *mode,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_set_mode_finish (ArangoDatabase  *self,
                                             GAsyncResult    *result,
                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_set_mode_sync (ArangoDatabase  *self,
                                           const char      *mode,
                                           GCancellable    *cancellable,
                                           GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_check_availability_async (ArangoDatabase      *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_check_availability_finish (ArangoDatabase  *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_database_check_availability_sync (ArangoDatabase  *self,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_license_async (ArangoDatabase      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_license_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_license_sync (ArangoDatabase  *self,
                                          GCancellable    *cancellable,
                                          GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_set_license_async (ArangoDatabase      *self,
                                               const char          *license,
                                               gboolean             force,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_set_license_finish (ArangoDatabase  *self,
                                                GAsyncResult    *result,
                                                GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_set_license_sync (ArangoDatabase  *self,
                                              const char      *license,
                                              gboolean         force,
                                              GCancellable    *cancellable,
                                              GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_tls_async (ArangoDatabase      *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_tls_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_tls_sync (ArangoDatabase  *self,
                                      GCancellable    *cancellable,
                                      GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_reload_tls_async (ArangoDatabase      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reload_tls_finish (ArangoDatabase  *self,
                                               GAsyncResult    *result,
                                               GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_reload_tls_sync (ArangoDatabase  *self,
                                             GCancellable    *cancellable,
                                             GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_support_info_async (ArangoDatabase      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_support_info_finish (ArangoDatabase  *self,
                                                 GAsyncResult    *result,
                                                 GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_support_info_sync (ArangoDatabase  *self,
                                               GCancellable    *cancellable,
                                               GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_compact_async (ArangoDatabase      *self,
                                           gboolean             change_level,
                                           gboolean             compact_bottom_most_level,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_compact_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_compact_sync (ArangoDatabase  *self,
                                          gboolean         change_level,
                                          gboolean         compact_bottom_most_level,
                                          GCancellable    *cancellable,
                                          GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_shutdown_async (ArangoDatabase      *self,
                                            gboolean             soft,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_shutdown_finish (ArangoDatabase  *self,
                                             GAsyncResult    *result,
                                             GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_shutdown_sync (ArangoDatabase  *self,
                                           gboolean         soft,
                                           GCancellable    *cancellable,
                                           GError         **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_shutdown_with_flags_async  (ArangoDatabase      *self,
                                                        ArangoShutdownFlags  flags,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_shutdown_with_flags_finish (ArangoDatabase  *self,
                                                        GAsyncResult    *result,
                                                        GError         **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_database_shutdown_with_flags_sync   (ArangoDatabase       *self,
                                                        ArangoShutdownFlags   flags,
                                                        GCancellable         *cancellable,
                                                        GError              **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_database_shutdown_progress_async (ArangoDatabase      *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_shutdown_progress_finish (ArangoDatabase  *self,
                                                      GAsyncResult    *result,
                                                      GError         **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_database_shutdown_progress_sync (ArangoDatabase  *self,
                                                    GCancellable    *cancellable,
                                                    GError         **error);

G_END_DECLS
