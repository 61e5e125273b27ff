/* arango-cluster-shards.c: shard administration of a cluster
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * go-driver's cluster calls that move shards and servers; the moves run
 * as agency jobs, so the calls hand back the job id.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-cluster-shards.h"
#include "arango-cluster-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/* POST {"server": id} to an endpoint that starts a single-server agency
 * job; the reply carries the job id. */
static void
call_server_job (ArangoCluster       *self,
                 const char          *path,
                 const char          *server_id,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ArangoContext *context = arango_cluster_get_context (self);
  ArangoRequest *request;
  JsonObject *body;

  if (!arango_check_text (self, server_id, N_("A server id is required"),
                          source_tag, callback, user_data))
    return;

  request = arango_context_request (context, SOUP_METHOD_POST, path, NULL);
  body = json_object_new ();
  json_object_set_string_member (body, "server", server_id);
  arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, arango_reply_string_member, "id",
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_cluster_move_shard_async:
 * @self: an #ArangoCluster
 * @collection: the collection name
 * @shard: the shard id, e.g. `s10042`
 * @from_server: the id (or short name) of the DB-Server that holds the shard
 * @to_server: the id (or short name) of the DB-Server to move it to
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Starts moving a shard of a collection of this database from one DB-
 * Server to another (`POST /_admin/cluster/moveShard`). The move runs as
 * an agency job in the background.
 */
void
arango_cluster_move_shard_async (ArangoCluster       *self,
                                 const char          *collection,
                                 const char          *shard,
                                 const char          *from_server,
                                 const char          *to_server,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (!arango_check_text (self, collection, N_("A collection name is required"),
                          arango_cluster_move_shard_async, callback, user_data))
    return;
  if (!arango_check_text (self, shard, N_("A shard id is required"),
                          arango_cluster_move_shard_async, callback, user_data))
    return;
  if (!arango_check_text (self, from_server, N_("A server id is required"),
                          arango_cluster_move_shard_async, callback, user_data))
    return;
  if (!arango_check_text (self, to_server, N_("A server id is required"),
                          arango_cluster_move_shard_async, callback, user_data))
    return;

  context = arango_cluster_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_POST, "/_admin/cluster/moveShard", NULL);
  body = json_object_new ();
  json_object_set_string_member (body, "database", context->database);
  json_object_set_string_member (body, "collection", collection);
  json_object_set_string_member (body, "shard", shard);
  json_object_set_string_member (body, "fromServer", from_server);
  json_object_set_string_member (body, "toServer", to_server);
  arango_request_take_json_object (request, body);
  arango_context_call (context, self, request, arango_reply_string_member, "id",
                       arango_cluster_move_shard_async, cancellable, callback, user_data);
}

/**
 * arango_cluster_move_shard_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_move_shard_async().
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_move_shard_finish (ArangoCluster  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_move_shard_async, error);
}

/**
 * arango_cluster_move_shard_sync:
 * @self: an #ArangoCluster
 * @collection: the collection name
 * @shard: the shard id, e.g. `s10042`
 * @from_server: the id (or short name) of the DB-Server that holds the shard
 * @to_server: the id (or short name) of the DB-Server to move it to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_move_shard_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_move_shard_sync (ArangoCluster  *self,
                                const char     *collection,
                                const char     *shard,
                                const char     *from_server,
                                const char     *to_server,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_move_shard_async (self, collection, shard, from_server, to_server, cancellable, arango_sync_call_done, call);
  return arango_cluster_move_shard_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_clean_out_server_async:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Starts moving every shard away from a DB-Server, so that it can be
 * removed (`POST /_admin/cluster/cleanOutServer`). The move runs as an
 * agency job in the background.
 */
void
arango_cluster_clean_out_server_async (ArangoCluster       *self,
                                       const char          *server_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_server_job (self, "/_admin/cluster/cleanOutServer", server_id, arango_cluster_clean_out_server_async,
                   cancellable, callback, user_data);
}

/**
 * arango_cluster_clean_out_server_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_clean_out_server_async().
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_clean_out_server_finish (ArangoCluster  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_clean_out_server_async, error);
}

/**
 * arango_cluster_clean_out_server_sync:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_clean_out_server_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_clean_out_server_sync (ArangoCluster  *self,
                                      const char     *server_id,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_clean_out_server_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_clean_out_server_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_resign_server_async:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes a DB-Server hand the leadership of all its shards to followers
 * (`POST /_admin/cluster/resignLeadership`), e.g. before a restart. The
 * change runs as an agency job.
 */
void
arango_cluster_resign_server_async (ArangoCluster       *self,
                                    const char          *server_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_server_job (self, "/_admin/cluster/resignLeadership", server_id, arango_cluster_resign_server_async,
                   cancellable, callback, user_data);
}

/**
 * arango_cluster_resign_server_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_resign_server_async().
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_resign_server_finish (ArangoCluster  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_resign_server_async, error);
}

/**
 * arango_cluster_resign_server_sync:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_resign_server_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the id of the agency job, or %NULL with an error
 */
char *
arango_cluster_resign_server_sync (ArangoCluster  *self,
                                   const char     *server_id,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_resign_server_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_resign_server_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_remove_server_async:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes a failed server from the cluster for good (`POST
 * /_admin/cluster/removeServer`). The server must be `FAILED` in the
 * cluster health and, for a DB-Server, hold no shards; otherwise the
 * answer is an %ARANGO_SERVER_ERROR (HTTP 412).
 */
void
arango_cluster_remove_server_async (ArangoCluster       *self,
                                    const char          *server_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (!arango_check_text (self, server_id, N_("A server id is required"),
                          arango_cluster_remove_server_async, callback, user_data))
    return;

  context = arango_cluster_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_POST, "/_admin/cluster/removeServer", NULL);
  arango_request_take_json_body (request, json_node_init_string (json_node_alloc (), server_id));
  arango_context_call (context, self, request, arango_reply_true, NULL,
                       arango_cluster_remove_server_async, cancellable, callback, user_data);
}

/**
 * arango_cluster_remove_server_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_remove_server_async().
 *
 * Returns: %TRUE once removed, %FALSE with an error
 */
gboolean
arango_cluster_remove_server_finish (ArangoCluster  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return arango_call_finish_boolean (self, result, arango_cluster_remove_server_async, error);
}

/**
 * arango_cluster_remove_server_sync:
 * @self: an #ArangoCluster
 * @server_id: the id (or short name) of the server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_remove_server_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE once removed, %FALSE with an error
 */
gboolean
arango_cluster_remove_server_sync (ArangoCluster  *self,
                                   const char     *server_id,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), FALSE);

  call = arango_sync_call_begin ();
  arango_cluster_remove_server_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_remove_server_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_database_inventory_async:
 * @self: an #ArangoCluster
 * @include_system: whether to include system collections
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Describes every collection and view of this database as the cluster
 * plans them (`GET /_api/replication/clusterInventory`): their
 * properties, indexes and shard placement.
 */
void
arango_cluster_database_inventory_async (ArangoCluster       *self,
                                         gboolean             include_system,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  context = arango_cluster_get_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_api/replication/clusterInventory", NULL);
  arango_request_add_query (request, "includeSystem", include_system ? "true" : "false");
  arango_context_call (context, self, request, arango_reply_body_object, NULL,
                       arango_cluster_database_inventory_async, cancellable, callback, user_data);
}

/**
 * arango_cluster_database_inventory_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_database_inventory_async().
 *
 * Returns: (transfer full): `collections`, `views`, `tick` and `state`, or %NULL with an error
 */
JsonObject *
arango_cluster_database_inventory_finish (ArangoCluster  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_database_inventory_async, error);
}

/**
 * arango_cluster_database_inventory_sync:
 * @self: an #ArangoCluster
 * @include_system: whether to include system collections
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_database_inventory_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `collections`, `views`, `tick` and `state`, or %NULL with an error
 */
JsonObject *
arango_cluster_database_inventory_sync (ArangoCluster  *self,
                                        gboolean        include_system,
                                        GCancellable   *cancellable,
                                        GError        **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_database_inventory_async (self, include_system, cancellable, arango_sync_call_done, call);
  return arango_cluster_database_inventory_finish (self, arango_sync_call_wait (call), error);
}
