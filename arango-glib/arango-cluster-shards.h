/* arango-cluster-shards.h: shard administration of a cluster
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "arango-cluster.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

ARANGO_AVAILABLE_IN_ALL
void        arango_cluster_move_shard_async (ArangoCluster       *self,
                                             const char          *collection,
                                             const char          *shard,
                                             const char          *from_server,
                                             const char          *to_server,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_move_shard_finish (ArangoCluster  *self,
                                              GAsyncResult   *result,
                                              GError        **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_move_shard_sync (ArangoCluster  *self,
                                            const char     *collection,
                                            const char     *shard,
                                            const char     *from_server,
                                            const char     *to_server,
                                            GCancellable   *cancellable,
                                            GError        **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_cluster_clean_out_server_async (ArangoCluster       *self,
                                                   const char          *server_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_clean_out_server_finish (ArangoCluster  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_clean_out_server_sync (ArangoCluster  *self,
                                                  const char     *server_id,
                                                  GCancellable   *cancellable,
                                                  GError        **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_cluster_resign_server_async (ArangoCluster       *self,
                                                const char          *server_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_resign_server_finish (ArangoCluster  *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
ARANGO_AVAILABLE_IN_ALL
char       *arango_cluster_resign_server_sync (ArangoCluster  *self,
                                               const char     *server_id,
                                               GCancellable   *cancellable,
                                               GError        **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_cluster_remove_server_async (ArangoCluster       *self,
                                                const char          *server_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cluster_remove_server_finish (ArangoCluster  *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
ARANGO_AVAILABLE_IN_ALL
gboolean    arango_cluster_remove_server_sync (ArangoCluster  *self,
                                               const char     *server_id,
                                               GCancellable   *cancellable,
                                               GError        **error);

ARANGO_AVAILABLE_IN_ALL
void        arango_cluster_database_inventory_async (ArangoCluster       *self,
                                                     gboolean             include_system,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_cluster_database_inventory_finish (ArangoCluster  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
ARANGO_AVAILABLE_IN_ALL
JsonObject *arango_cluster_database_inventory_sync (ArangoCluster  *self,
                                                    gboolean        include_system,
                                                    GCancellable   *cancellable,
                                                    GError        **error);

G_END_DECLS
