/* arango-cluster.h: the cluster administration API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_CLUSTER (arango_cluster_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoCluster, arango_cluster, ARANGO, CLUSTER, GObject)

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_id_async                         (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_id_finish                        (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_id_sync                          (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_role_async                       (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_role_finish                      (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_role_sync                        (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_mode_async                       (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_mode_finish                      (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
char        *arango_cluster_server_mode_sync                        (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_version_async                    (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_version_finish                   (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_version_sync                     (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_engine_async                     (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_engine_finish                    (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_engine_sync                      (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_count_async                      (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_count_finish                     (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_count_sync                       (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_statistics_async                 (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_statistics_finish                (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_statistics_sync                  (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_server_maintenance_mode_async           (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_maintenance_mode_finish          (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_server_maintenance_mode_sync            (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_toggle_server_maintenance_mode_async    (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     const char          *mode,
                                                                     guint                timeout,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_toggle_server_maintenance_mode_finish   (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_toggle_server_maintenance_mode_sync     (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     const char          *mode,
                                                                     guint                timeout,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_health_async                            (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_health_finish                           (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_health_sync                             (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_statistics_async                        (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_statistics_finish                       (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_statistics_sync                         (ArangoCluster       *self,
                                                                     const char          *server_id,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_toggle_maintenance_mode_async           (ArangoCluster       *self,
                                                                     const char          *mode,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_toggle_maintenance_mode_finish          (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_toggle_maintenance_mode_sync            (ArangoCluster       *self,
                                                                     const char          *mode,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_endpoints_async                         (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       **arango_cluster_endpoints_finish                        (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
char       **arango_cluster_endpoints_sync                          (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_acquire_host_list_async                 (ArangoCluster       *self,
                                                                     gboolean             replace,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_acquire_host_list_finish                (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_acquire_host_list_sync                  (ArangoCluster       *self,
                                                                     gboolean             replace,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_calculate_imbalance_async               (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_calculate_imbalance_finish              (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_calculate_imbalance_sync                (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_rebalance_async                         (ArangoCluster       *self,
                                                                     JsonObject          *options,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_rebalance_finish                        (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_rebalance_sync                          (ArangoCluster       *self,
                                                                     JsonObject          *options,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_calculate_rebalance_plan_async          (ArangoCluster       *self,
                                                                     JsonObject          *options,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_calculate_rebalance_plan_finish         (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_calculate_rebalance_plan_sync           (ArangoCluster       *self,
                                                                     JsonObject          *options,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_execute_rebalance_plan_async            (ArangoCluster       *self,
                                                                     JsonArray           *moves,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_execute_rebalance_plan_finish           (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
gboolean     arango_cluster_execute_rebalance_plan_sync             (ArangoCluster       *self,
                                                                     JsonArray           *moves,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_vpack_sort_migration_status_async       (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_vpack_sort_migration_status_finish      (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_vpack_sort_migration_status_sync        (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_vpack_sort_migration_index_check_async  (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_vpack_sort_migration_index_check_finish (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_vpack_sort_migration_index_check_sync   (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

ARANGO_AVAILABLE_IN_ALL
void         arango_cluster_migrate_vpack_sorting_async             (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_migrate_vpack_sorting_finish            (ArangoCluster  *self,
                                                                     GAsyncResult   *result,
                                                                     GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject  *arango_cluster_migrate_vpack_sorting_sync              (ArangoCluster       *self,
                                                                     GCancellable        *cancellable,
                                                                     GError             **error);

G_END_DECLS
