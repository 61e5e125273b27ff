/* arango-cluster.c: the cluster administration API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-client-private.h"
#include "arango-cluster-private.h"
#include "arango-database-private.h"
#include "arango-enums.h"
#include "arango-error.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoCluster:
 *
 * The cluster administration API of a database handle: server ids and
 * roles, health, statistics, maintenance modes, endpoints and shard
 * rebalancing. Get it with arango_database_get_cluster().
 *
 * Each call is an `_async`/`_finish` pair. Object results are the reply
 * without its `error` and `code` fields:
 *
 * ```c
 * static void
 * on_health (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   g_autoptr(GError) error = NULL;
 *   g_autoptr(JsonObject) health =
 *     arango_cluster_health_finish (ARANGO_CLUSTER (source), result, &error);
 *
 *   if (health == NULL)
 *     g_printerr ("%s\n", error->message);
 *   else
 *     g_print ("%u servers\n",
 *              json_object_get_size (json_object_get_object_member (health, "Health")));
 * }
 *
 * arango_cluster_health_async (arango_database_get_cluster (db), NULL,
 *                              on_health, NULL);
 * ```
 */

struct _ArangoCluster
{
  GObject parent_instance;

  /* Not the database itself: the database owns this object. */
  ArangoContext *context;
};

G_DEFINE_FINAL_TYPE (ArangoCluster, arango_cluster, G_TYPE_OBJECT)

static void
arango_cluster_finalize (GObject *object)
{
  ArangoCluster *self = ARANGO_CLUSTER (object);

  g_clear_pointer (&self->context, arango_context_unref);

  G_OBJECT_CLASS (arango_cluster_parent_class)->finalize (object);
}

static void
arango_cluster_class_init (ArangoClusterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arango_cluster_finalize;
}

static void
arango_cluster_init (ArangoCluster *self)
{
}

ArangoCluster *
arango_cluster_new (ArangoContext *context)
{
  ArangoCluster *self = g_object_new (ARANGO_TYPE_CLUSTER, NULL);

  self->context = arango_context_ref (context);
  return self;
}

ArangoContext *
arango_cluster_get_context (ArangoCluster *self)
{
  return self->context;
}


/* A request without parameters or body: most cluster calls. */
static void
call_simple (ArangoCluster       *self,
             const char          *method,
             const char          *path,
             ArangoReplyFunc      reply_func,
             gconstpointer        reply_data,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  arango_context_call (self->context, self,
                       arango_context_request (self->context, method, path, NULL),
                       reply_func, reply_data, source_tag, cancellable, callback,
                       user_data);
}

static gboolean
check_server_id (ArangoCluster       *self,
                 const char          *server_id,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  if (server_id != NULL && *server_id != '\0')
    return TRUE;

  g_task_report_new_error (self, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("A server id is required"));
  return FALSE;
}

/* GET of a per-server endpoint that takes the id as ?ServerID= */
static void
call_for_server (ArangoCluster       *self,
                 const char          *path,
                 const char          *parameter,
                 const char          *server_id,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ArangoRequest *request;

  if (!check_server_id (self, server_id, source_tag, callback, user_data))
    return;

  request = arango_context_request (self->context, SOUP_METHOD_GET, path, NULL);
  arango_request_add_query (request, parameter, server_id);
  arango_context_call (self->context, self, request, arango_reply_object, NULL,
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_cluster_server_id_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the coordinator that the resolver picks for its server id
 * (`GET /_admin/server/id`), e.g. `CRDN-9e6de6b4-…`.
 */
void
arango_cluster_server_id_async (ArangoCluster       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/id",
               arango_reply_string_member, "id", arango_cluster_server_id_async,
               cancellable, callback, user_data);
}

/**
 * arango_cluster_server_id_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_id_async().
 *
 * Returns: (transfer full): the server id, or %NULL with an error
 */
char *
arango_cluster_server_id_finish (ArangoCluster  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_id_async, error);
}

/**
 * arango_cluster_server_id_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_id_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the server id, or %NULL with an error
 */
char *
arango_cluster_server_id_sync (ArangoCluster       *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_id_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_id_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_role_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks a coordinator for its role (`GET /_admin/server/role`): `SINGLE`,
 * `COORDINATOR`, `PRIMARY` (a DB-Server), `AGENT` or `UNDEFINED`.
 */
void
arango_cluster_server_role_async (ArangoCluster       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/role",
               arango_reply_string_member, "role", arango_cluster_server_role_async,
               cancellable, callback, user_data);
}

/**
 * arango_cluster_server_role_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_role_async().
 *
 * Returns: (transfer full): the role, or %NULL with an error
 */
char *
arango_cluster_server_role_finish (ArangoCluster  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_role_async, error);
}

/**
 * arango_cluster_server_role_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_role_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the role, or %NULL with an error
 */
char *
arango_cluster_server_role_sync (ArangoCluster       *self,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_role_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_role_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_mode_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks a coordinator for its mode (`GET /_admin/server/mode`): `default`
 * or `readonly`.
 */
void
arango_cluster_server_mode_async (ArangoCluster       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/server/mode",
               arango_reply_string_member, "mode", arango_cluster_server_mode_async,
               cancellable, callback, user_data);
}

/**
 * arango_cluster_server_mode_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_mode_async().
 *
 * Returns: (transfer full): the mode, or %NULL with an error
 */
char *
arango_cluster_server_mode_finish (ArangoCluster  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_mode_async, error);
}

/**
 * arango_cluster_server_mode_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_mode_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the mode, or %NULL with an error
 */
char *
arango_cluster_server_mode_sync (ArangoCluster       *self,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_mode_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_mode_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_version_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the version of one server of the cluster
 * (`GET /_admin/cluster/nodeVersion?ServerID=`).
 */
void
arango_cluster_server_version_async (ArangoCluster       *self,
                                     const char          *server_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_for_server (self, "/_admin/cluster/nodeVersion", "ServerID", server_id,
                   arango_cluster_server_version_async, cancellable, callback,
                   user_data);
}

/**
 * arango_cluster_server_version_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_version_async().
 *
 * Returns: (transfer full): `server`, `version` and `license`, or %NULL
 *   with an error
 */
JsonObject *
arango_cluster_server_version_finish (ArangoCluster  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_version_async, error);
}

/**
 * arango_cluster_server_version_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_version_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `server`, `version` and `license`, or %NULL
 *   with an error
 */
JsonObject *
arango_cluster_server_version_sync (ArangoCluster       *self,
                                    const char          *server_id,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_version_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_version_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_engine_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the storage engine of one server of the cluster
 * (`GET /_admin/cluster/nodeEngine?ServerID=`).
 */
void
arango_cluster_server_engine_async (ArangoCluster       *self,
                                    const char          *server_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_for_server (self, "/_admin/cluster/nodeEngine", "ServerID", server_id,
                   arango_cluster_server_engine_async, cancellable, callback,
                   user_data);
}

/**
 * arango_cluster_server_engine_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_engine_async().
 *
 * Returns: (transfer full): `name` and `supports`, or %NULL with an error
 */
JsonObject *
arango_cluster_server_engine_finish (ArangoCluster  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_engine_async, error);
}

/**
 * arango_cluster_server_engine_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_engine_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `name` and `supports`, or %NULL with an error
 */
JsonObject *
arango_cluster_server_engine_sync (ArangoCluster       *self,
                                   const char          *server_id,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_engine_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_engine_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_count_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks how many servers the cluster should have
 * (`GET /_admin/cluster/numberOfServers`).
 */
void
arango_cluster_server_count_async (ArangoCluster       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/cluster/numberOfServers",
               arango_reply_object, NULL, arango_cluster_server_count_async,
               cancellable, callback, user_data);
}

/**
 * arango_cluster_server_count_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_count_async().
 *
 * Returns: (transfer full): `numberOfCoordinators`, `numberOfDBServers`
 *   and `cleanedServers`, or %NULL with an error
 */
JsonObject *
arango_cluster_server_count_finish (ArangoCluster  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_count_async, error);
}

/**
 * arango_cluster_server_count_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_count_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `numberOfCoordinators`, `numberOfDBServers`
 *   and `cleanedServers`, or %NULL with an error
 */
JsonObject *
arango_cluster_server_count_sync (ArangoCluster       *self,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_count_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_server_count_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_statistics_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the statistics of one server of the cluster
 * (`GET /_admin/cluster/nodeStatistics?ServerID=`).
 */
void
arango_cluster_server_statistics_async (ArangoCluster       *self,
                                        const char          *server_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_for_server (self, "/_admin/cluster/nodeStatistics", "ServerID", server_id,
                   arango_cluster_server_statistics_async, cancellable,
                   callback, user_data);
}

/**
 * arango_cluster_server_statistics_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_statistics_async().
 *
 * Returns: (transfer full): the statistics, or %NULL with an error
 */
JsonObject *
arango_cluster_server_statistics_finish (ArangoCluster  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_statistics_async, error);
}

/**
 * arango_cluster_server_statistics_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a coordinator or DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_statistics_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the statistics, or %NULL with an error
 */
JsonObject *
arango_cluster_server_statistics_sync (ArangoCluster       *self,
                                       const char          *server_id,
                                       GCancellable        *cancellable,
                                       GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_statistics_async (self, server_id, cancellable,
                                          arango_sync_call_done, call);
  return arango_cluster_server_statistics_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_statistics_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the statistics of a DB-Server
 * (`GET /_admin/cluster/statistics?DBserver=`). ArangoDB deprecated this
 * endpoint in 3.12; arango_cluster_server_statistics_async() replaces it.
 */
void
arango_cluster_statistics_async (ArangoCluster       *self,
                                 const char          *server_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_for_server (self, "/_admin/cluster/statistics", "DBserver", server_id,
                   arango_cluster_statistics_async, cancellable, callback,
                   user_data);
}

/**
 * arango_cluster_statistics_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_statistics_async().
 *
 * Returns: (transfer full): the statistics, or %NULL with an error
 */
JsonObject *
arango_cluster_statistics_finish (ArangoCluster  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_statistics_async, error);
}

/**
 * arango_cluster_statistics_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_statistics_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the statistics, or %NULL with an error
 */
JsonObject *
arango_cluster_statistics_sync (ArangoCluster       *self,
                                const char          *server_id,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_statistics_async (self, server_id, cancellable, arango_sync_call_done, call);
  return arango_cluster_statistics_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_server_maintenance_mode_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks whether a DB-Server is in maintenance mode
 * (`GET /_admin/cluster/maintenance/{id}`).
 */
void
arango_cluster_server_maintenance_mode_async (ArangoCluster       *self,
                                              const char          *server_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (!check_server_id (self, server_id, arango_cluster_server_maintenance_mode_async,
                        callback, user_data))
    return;
  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_GET, "/_admin/cluster/maintenance",
                                  server_id, NULL),
                       arango_reply_object_member, "result",
                       arango_cluster_server_maintenance_mode_async, cancellable, callback,
                       user_data);
}

/**
 * arango_cluster_server_maintenance_mode_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_server_maintenance_mode_async().
 *
 * Returns: (transfer full): `Mode` and `Until` while the server is in
 *   maintenance, an empty object otherwise; %NULL with an error
 */
JsonObject *
arango_cluster_server_maintenance_mode_finish (ArangoCluster  *self,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_server_maintenance_mode_async, error);
}

/**
 * arango_cluster_server_maintenance_mode_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_server_maintenance_mode_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): `Mode` and `Until` while the server is in
 *   maintenance, an empty object otherwise; %NULL with an error
 */
JsonObject *
arango_cluster_server_maintenance_mode_sync (ArangoCluster       *self,
                                             const char          *server_id,
                                             GCancellable        *cancellable,
                                             GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_server_maintenance_mode_async (self, server_id, cancellable,
                                                arango_sync_call_done, call);
  return arango_cluster_server_maintenance_mode_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_toggle_server_maintenance_mode_async:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @mode: "maintenance" or "normal"
 * @timeout: seconds the maintenance lasts; 0 for the server's default
 *   (one hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Puts a DB-Server into maintenance mode or back to normal
 * (`PUT /_admin/cluster/maintenance/{id}`). Any other @mode fails with
 * %ARANGO_ERROR_INVALID_ARGUMENT and nothing is sent.
 */
void
arango_cluster_toggle_server_maintenance_mode_async (ArangoCluster       *self,
                                                     const char          *server_id,
                                                     const char          *mode,
                                                     guint                timeout,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_autoptr(JsonObject) body = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (!check_server_id (self, server_id, arango_cluster_toggle_server_maintenance_mode_async,
                        callback, user_data))
    return;
  if (g_strcmp0 (mode, "maintenance") != 0 && g_strcmp0 (mode, "normal") != 0)
    {
      g_task_report_new_error (self, callback, user_data,
                               arango_cluster_toggle_server_maintenance_mode_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Server maintenance mode must be “maintenance” or “normal”, not “%s”"),
                               mode ? mode : "(null)");
      return;
    }

  body = json_object_new ();
  json_object_set_string_member (body, "mode", mode);
  if (timeout > 0)
    json_object_set_int_member (body, "timeout", timeout);

  request = arango_context_request (self->context, SOUP_METHOD_PUT, "/_admin/cluster/maintenance",
                                server_id, NULL);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (self->context, self, request, arango_reply_object, NULL,
                       arango_cluster_toggle_server_maintenance_mode_async, cancellable,
                       callback, user_data);
}

/**
 * arango_cluster_toggle_server_maintenance_mode_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_toggle_server_maintenance_mode_async().
 *
 * Returns: (transfer full): the reply, or %NULL with an error
 */
JsonObject *
arango_cluster_toggle_server_maintenance_mode_finish (ArangoCluster  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_toggle_server_maintenance_mode_async, error);
}

/**
 * arango_cluster_toggle_server_maintenance_mode_sync:
 * @self: an #ArangoCluster
 * @server_id: the id of a DB-Server
 * @mode: "maintenance" or "normal"
 * @timeout: seconds the maintenance lasts; 0 for the server's default
 *   (one hour)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of
 * arango_cluster_toggle_server_maintenance_mode_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the reply, or %NULL with an error
 */
JsonObject *
arango_cluster_toggle_server_maintenance_mode_sync (ArangoCluster       *self,
                                                    const char          *server_id,
                                                    const char          *mode,
                                                    guint                timeout,
                                                    GCancellable        *cancellable,
                                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_toggle_server_maintenance_mode_async (self, server_id, mode, timeout,
                                                       cancellable, arango_sync_call_done,
                                                       call);
  return arango_cluster_toggle_server_maintenance_mode_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_health_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the health of every server of the cluster
 * (`GET /_admin/cluster/health`).
 */
void
arango_cluster_health_async (ArangoCluster       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/cluster/health",
               arango_reply_object, NULL, arango_cluster_health_async, cancellable,
               callback, user_data);
}

/**
 * arango_cluster_health_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_health_async().
 *
 * Returns: (transfer full): `ClusterId` and `Health`, keyed by server id,
 *   or %NULL with an error
 */
JsonObject *
arango_cluster_health_finish (ArangoCluster  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_health_async, error);
}

/**
 * arango_cluster_health_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_health_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `ClusterId` and `Health`, keyed by server id,
 *   or %NULL with an error
 */
JsonObject *
arango_cluster_health_sync (ArangoCluster       *self,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_health_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_health_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_toggle_maintenance_mode_async:
 * @self: an #ArangoCluster
 * @mode: "on" or "off"
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Turns the cluster supervision's maintenance mode on (for 60 minutes) or
 * off (`PUT /_admin/cluster/maintenance`). Any other @mode fails with
 * %ARANGO_ERROR_INVALID_ARGUMENT and nothing is sent.
 */
void
arango_cluster_toggle_maintenance_mode_async (ArangoCluster       *self,
                                              const char          *mode,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (g_strcmp0 (mode, "on") != 0 && g_strcmp0 (mode, "off") != 0)
    {
      g_task_report_new_error (self, callback, user_data,
                               arango_cluster_toggle_maintenance_mode_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Maintenance mode must be “on” or “off”, not “%s”"),
                               mode ? mode : "(null)");
      return;
    }

  request = arango_context_request (self->context, SOUP_METHOD_PUT, "/_admin/cluster/maintenance", NULL);
  /* The body is a JSON string, not an object. */
  arango_request_take_json_body (request, json_node_init_string (json_node_alloc (), mode));
  arango_context_call (self->context, self, request, arango_reply_true, NULL,
                       arango_cluster_toggle_maintenance_mode_async, cancellable, callback,
                       user_data);
}

/**
 * arango_cluster_toggle_maintenance_mode_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_toggle_maintenance_mode_async().
 *
 * Returns: %TRUE when the cluster took the new mode, or %FALSE with an
 *   error
 */
gboolean
arango_cluster_toggle_maintenance_mode_finish (ArangoCluster  *self,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  return arango_call_finish_boolean (self, result, arango_cluster_toggle_maintenance_mode_async, error);
}

/**
 * arango_cluster_toggle_maintenance_mode_sync:
 * @self: an #ArangoCluster
 * @mode: "on" or "off"
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_toggle_maintenance_mode_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE when the cluster took the new mode, or %FALSE with an
 *   error
 */
gboolean
arango_cluster_toggle_maintenance_mode_sync (ArangoCluster       *self,
                                             const char          *mode,
                                             GCancellable        *cancellable,
                                             GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), FALSE);

  call = arango_sync_call_begin ();
  arango_cluster_toggle_maintenance_mode_async (self, mode, cancellable,
                                                arango_sync_call_done, call);
  return arango_cluster_toggle_maintenance_mode_finish (self, arango_sync_call_wait (call), error);
}

/* The endpoint strings of a /_api/cluster/endpoints reply, or NULL when
 * the reply is not shaped as ArangoDB's. */
char **
arango_cluster_parse_endpoints (JsonNode *body)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *endpoints = NULL;

  if (body && JSON_NODE_HOLDS_OBJECT (body))
    endpoints = json_object_get_member (json_node_get_object (body), "endpoints");
  if (endpoints == NULL || !JSON_NODE_HOLDS_ARRAY (endpoints))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (endpoints)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (endpoints), i);
      JsonNode *endpoint;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        return NULL;
      endpoint = json_object_get_member (json_node_get_object (entry), "endpoint");
      if (endpoint == NULL || json_node_get_value_type (endpoint) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (endpoint));
    }
  return g_strv_builder_end (builder);
}

static void
reply_endpoints (GTask          *task,
                 ArangoResponse *response,
                 gconstpointer   unused)
{
  char **endpoints = arango_cluster_parse_endpoints (response->body);

  if (endpoints == NULL)
    {
      arango_task_return_invalid_reply (task, response, "endpoints");
      return;
    }
  g_task_return_pointer (task, endpoints, (GDestroyNotify) g_strfreev);
}

/**
 * arango_cluster_endpoints_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks for the endpoints of every coordinator
 * (`GET /_api/cluster/endpoints`), as the server writes them
 * (`tcp://host:port`, `ssl://host:port`).
 */
void
arango_cluster_endpoints_async (ArangoCluster       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_api/cluster/endpoints",
               reply_endpoints, NULL, arango_cluster_endpoints_async, cancellable,
               callback, user_data);
}

/**
 * arango_cluster_endpoints_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_endpoints_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the endpoints, or
 *   %NULL with an error
 */
char **
arango_cluster_endpoints_finish (ArangoCluster  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_endpoints_async, error);
}

/**
 * arango_cluster_endpoints_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_endpoints_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (array zero-terminated=1): the endpoints, or
 *   %NULL with an error
 */
char **
arango_cluster_endpoints_sync (ArangoCluster       *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_endpoints_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_endpoints_finish (self, arango_sync_call_wait (call), error);
}

static void
reply_host_list (GTask          *task,
                 ArangoResponse *response,
                 gconstpointer   replace_flag)
{
  ArangoCluster *self = g_task_get_source_object (task);
  gboolean replace = GPOINTER_TO_INT (replace_flag);
  g_auto(GStrv) endpoints = arango_cluster_parse_endpoints (response->body);
  GError *error = NULL;

  if (endpoints == NULL || endpoints[0] == NULL)
    {
      arango_task_return_invalid_reply (task, response, "endpoints");
      return;
    }
  if (!arango_client_merge_hosts (self->context->client, (const char * const *) endpoints,
                                  replace, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * arango_cluster_acquire_host_list_async:
 * @self: an #ArangoCluster
 * @replace: %TRUE to drop the coordinators the cluster no longer lists,
 *   %FALSE to only add new ones
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the host list is updated
 * @user_data: data for @callback
 *
 * Updates the client's coordinators from `GET /_api/cluster/endpoints`:
 * `tcp://` endpoints become `http://` and `ssl://` become `https://`. New
 * coordinators get a session of their own; with @replace, the sessions
 * of the dropped ones are closed. Coordinators the client already knows
 * keep their connections.
 */
void
arango_cluster_acquire_host_list_async (ArangoCluster       *self,
                                        gboolean             replace,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_api/cluster/endpoints",
               reply_host_list, GINT_TO_POINTER (replace),
               arango_cluster_acquire_host_list_async, cancellable, callback, user_data);
}

/**
 * arango_cluster_acquire_host_list_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_acquire_host_list_async().
 *
 * Returns: %TRUE when the host list was updated, or %FALSE with an error
 */
gboolean
arango_cluster_acquire_host_list_finish (ArangoCluster  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return arango_call_finish_boolean (self, result, arango_cluster_acquire_host_list_async, error);
}

/**
 * arango_cluster_acquire_host_list_sync:
 * @self: an #ArangoCluster
 * @replace: %TRUE to drop the coordinators the cluster no longer lists,
 *   %FALSE to only add new ones
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_acquire_host_list_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE when the host list was updated, or %FALSE with an error
 */
gboolean
arango_cluster_acquire_host_list_sync (ArangoCluster       *self,
                                       gboolean             replace,
                                       GCancellable        *cancellable,
                                       GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), FALSE);

  call = arango_sync_call_begin ();
  arango_cluster_acquire_host_list_async (self, replace, cancellable, arango_sync_call_done, call);
  return arango_cluster_acquire_host_list_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_calculate_imbalance_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks how unevenly leaders and shards are spread over the DB-Servers
 * (`GET /_admin/cluster/rebalance`).
 */
void
arango_cluster_calculate_imbalance_async (ArangoCluster       *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/cluster/rebalance",
               arango_reply_object_member, "result",
               arango_cluster_calculate_imbalance_async, cancellable, callback, user_data);
}

/**
 * arango_cluster_calculate_imbalance_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_calculate_imbalance_async().
 *
 * Returns: (transfer full): the `leader` and `shards` imbalance, or %NULL
 *   with an error
 */
JsonObject *
arango_cluster_calculate_imbalance_finish (ArangoCluster  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_calculate_imbalance_async, error);
}

/**
 * arango_cluster_calculate_imbalance_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_calculate_imbalance_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the `leader` and `shards` imbalance, or %NULL
 *   with an error
 */
JsonObject *
arango_cluster_calculate_imbalance_sync (ArangoCluster       *self,
                                         GCancellable        *cancellable,
                                         GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_calculate_imbalance_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_calculate_imbalance_finish (self, arango_sync_call_wait (call), error);
}

/* The rebalance body: version 1 unless the options say otherwise. */
static JsonObject *
rebalance_body (JsonObject *options)
{
  JsonObject *body = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_set_int_member (body, "version", 1);
  if (options)
    {
      json_object_iter_init (&iter, options);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (body, name, json_node_copy (value));
    }
  return body;
}

static void
call_rebalance (ArangoCluster       *self,
                const char          *method,
                JsonObject          *options,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  ArangoRequest *request;
  JsonObject *body = rebalance_body (options);

  request = arango_context_request (self->context, method, "/_admin/cluster/rebalance", NULL);
  arango_request_take_json_object (request, body);
  arango_context_call (self->context, self, request, arango_reply_object_member, "result", source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_cluster_calculate_rebalance_plan_async:
 * @self: an #ArangoCluster
 * @options: (nullable): the plan's options, as ArangoDB names them:
 *   `maximumNumberOfMoves`, `leaderChanges`, `moveLeaders`,
 *   `moveFollowers`, `piFactor`, `excludeSystemCollections`,
 *   `databasesExcluded`, `version` (1 unless given)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Computes the shard moves that would even out the cluster, without
 * executing them (`POST /_admin/cluster/rebalance`).
 */
void
arango_cluster_calculate_rebalance_plan_async (ArangoCluster       *self,
                                               JsonObject          *options,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_rebalance (self, SOUP_METHOD_POST, options,
                  arango_cluster_calculate_rebalance_plan_async, cancellable,
                  callback, user_data);
}

/**
 * arango_cluster_calculate_rebalance_plan_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_calculate_rebalance_plan_async().
 *
 * Returns: (transfer full): `imbalanceBefore`, `imbalanceAfter` and
 *   `moves`, or %NULL with an error
 */
JsonObject *
arango_cluster_calculate_rebalance_plan_finish (ArangoCluster  *self,
                                                GAsyncResult   *result,
                                                GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_calculate_rebalance_plan_async, error);
}

/**
 * arango_cluster_calculate_rebalance_plan_sync:
 * @self: an #ArangoCluster
 * @options: (nullable): the plan's options, as ArangoDB names them:
 *   `maximumNumberOfMoves`, `leaderChanges`, `moveLeaders`,
 *   `moveFollowers`, `piFactor`, `excludeSystemCollections`,
 *   `databasesExcluded`, `version` (1 unless given)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_calculate_rebalance_plan_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): `imbalanceBefore`, `imbalanceAfter` and
 *   `moves`, or %NULL with an error
 */
JsonObject *
arango_cluster_calculate_rebalance_plan_sync (ArangoCluster       *self,
                                              JsonObject          *options,
                                              GCancellable        *cancellable,
                                              GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_calculate_rebalance_plan_async (self, options, cancellable,
                                                 arango_sync_call_done, call);
  return arango_cluster_calculate_rebalance_plan_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_rebalance_async:
 * @self: an #ArangoCluster
 * @options: (nullable): the plan's options, as for
 *   arango_cluster_calculate_rebalance_plan_async()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Computes the shard moves that even out the cluster and starts them
 * (`PUT /_admin/cluster/rebalance`).
 */
void
arango_cluster_rebalance_async (ArangoCluster       *self,
                                JsonObject          *options,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_rebalance (self, SOUP_METHOD_PUT, options, arango_cluster_rebalance_async,
                  cancellable, callback, user_data);
}

/**
 * arango_cluster_rebalance_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_rebalance_async().
 *
 * Returns: (transfer full): the executed plan, or %NULL with an error
 */
JsonObject *
arango_cluster_rebalance_finish (ArangoCluster  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_rebalance_async, error);
}

/**
 * arango_cluster_rebalance_sync:
 * @self: an #ArangoCluster
 * @options: (nullable): the plan's options, as for
 *   arango_cluster_calculate_rebalance_plan_async()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_rebalance_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the executed plan, or %NULL with an error
 */
JsonObject *
arango_cluster_rebalance_sync (ArangoCluster       *self,
                               JsonObject          *options,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_rebalance_async (self, options, cancellable, arango_sync_call_done, call);
  return arango_cluster_rebalance_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_execute_rebalance_plan_async:
 * @self: an #ArangoCluster
 * @moves: the `moves` of a plan from
 *   arango_cluster_calculate_rebalance_plan_async()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Starts the given shard moves (`POST /_admin/cluster/rebalance/execute`).
 */
void
arango_cluster_execute_rebalance_plan_async (ArangoCluster       *self,
                                             JsonArray           *moves,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(JsonObject) body = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  if (moves == NULL)
    {
      g_task_report_new_error (self, callback, user_data,
                               arango_cluster_execute_rebalance_plan_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("A list of moves is required"));
      return;
    }

  body = json_object_new ();
  json_object_set_int_member (body, "version", 1);
  json_object_set_array_member (body, "moves", json_array_ref (moves));
  request = arango_context_request (self->context, SOUP_METHOD_POST, "/_admin/cluster/rebalance/execute", NULL);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (self->context, self, request, arango_reply_true, NULL,
                       arango_cluster_execute_rebalance_plan_async, cancellable, callback,
                       user_data);
}

/**
 * arango_cluster_execute_rebalance_plan_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_execute_rebalance_plan_async().
 *
 * Returns: %TRUE when the server accepted the moves, or %FALSE with an
 *   error
 */
gboolean
arango_cluster_execute_rebalance_plan_finish (ArangoCluster  *self,
                                              GAsyncResult   *result,
                                              GError        **error)
{
  return arango_call_finish_boolean (self, result, arango_cluster_execute_rebalance_plan_async, error);
}

/**
 * arango_cluster_execute_rebalance_plan_sync:
 * @self: an #ArangoCluster
 * @moves: the `moves` of a plan from
 *   arango_cluster_calculate_rebalance_plan_async()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_execute_rebalance_plan_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE when the server accepted the moves, or %FALSE with an
 *   error
 */
gboolean
arango_cluster_execute_rebalance_plan_sync (ArangoCluster       *self,
                                            JsonArray           *moves,
                                            GCancellable        *cancellable,
                                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), FALSE);

  call = arango_sync_call_begin ();
  arango_cluster_execute_rebalance_plan_async (self, moves, cancellable,
                                               arango_sync_call_done, call);
  return arango_cluster_execute_rebalance_plan_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_vpack_sort_migration_status_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks how far the migration of indexes to the corrected VelocyPack sort
 * order has come (`GET /_admin/cluster/vpackSortMigration/status`).
 */
void
arango_cluster_vpack_sort_migration_status_async (ArangoCluster       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/cluster/vpackSortMigration/status",
               arango_reply_object_member, "result",
               arango_cluster_vpack_sort_migration_status_async, cancellable, callback,
               user_data);
}

/**
 * arango_cluster_vpack_sort_migration_status_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_vpack_sort_migration_status_async().
 *
 * Returns: (transfer full): the status, or %NULL with an error
 */
JsonObject *
arango_cluster_vpack_sort_migration_status_finish (ArangoCluster  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_vpack_sort_migration_status_async, error);
}

/**
 * arango_cluster_vpack_sort_migration_status_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_vpack_sort_migration_status_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the status, or %NULL with an error
 */
JsonObject *
arango_cluster_vpack_sort_migration_status_sync (ArangoCluster       *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_vpack_sort_migration_status_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_vpack_sort_migration_status_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_vpack_sort_migration_index_check_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks which indexes still use the old VelocyPack sort order
 * (`GET /_admin/cluster/vpackSortMigration/check`).
 */
void
arango_cluster_vpack_sort_migration_index_check_async (ArangoCluster       *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_GET, "/_admin/cluster/vpackSortMigration/check",
               arango_reply_object_member, "result",
               arango_cluster_vpack_sort_migration_index_check_async, cancellable,
               callback, user_data);
}

/**
 * arango_cluster_vpack_sort_migration_index_check_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_vpack_sort_migration_index_check_async().
 *
 * Returns: (transfer full): the check's result, or %NULL with an error
 */
JsonObject *
arango_cluster_vpack_sort_migration_index_check_finish (ArangoCluster  *self,
                                                        GAsyncResult   *result,
                                                        GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_vpack_sort_migration_index_check_async, error);
}

/**
 * arango_cluster_vpack_sort_migration_index_check_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of
 * arango_cluster_vpack_sort_migration_index_check_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the check's result, or %NULL with an error
 */
JsonObject *
arango_cluster_vpack_sort_migration_index_check_sync (ArangoCluster       *self,
                                                      GCancellable        *cancellable,
                                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_vpack_sort_migration_index_check_async (self, cancellable,
                                                         arango_sync_call_done, call);
  return arango_cluster_vpack_sort_migration_index_check_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cluster_migrate_vpack_sorting_async:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Starts migrating the indexes to the corrected VelocyPack sort order
 * (`PUT /_admin/cluster/vpackSortMigration/migrate`).
 */
void
arango_cluster_migrate_vpack_sorting_async (ArangoCluster       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLUSTER (self));

  call_simple (self, SOUP_METHOD_PUT, "/_admin/cluster/vpackSortMigration/migrate",
               arango_reply_object_member, "result",
               arango_cluster_migrate_vpack_sorting_async, cancellable, callback,
               user_data);
}

/**
 * arango_cluster_migrate_vpack_sorting_finish:
 * @self: an #ArangoCluster
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cluster_migrate_vpack_sorting_async().
 *
 * Returns: (transfer full): the migration's result, or %NULL with an
 *   error
 */
JsonObject *
arango_cluster_migrate_vpack_sorting_finish (ArangoCluster  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  return arango_call_finish_pointer (self, result, arango_cluster_migrate_vpack_sorting_async, error);
}

/**
 * arango_cluster_migrate_vpack_sorting_sync:
 * @self: an #ArangoCluster
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cluster_migrate_vpack_sorting_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the migration's result, or %NULL with an
 *   error
 */
JsonObject *
arango_cluster_migrate_vpack_sorting_sync (ArangoCluster       *self,
                                           GCancellable        *cancellable,
                                           GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLUSTER (self), NULL);

  call = arango_sync_call_begin ();
  arango_cluster_migrate_vpack_sorting_async (self, cancellable, arango_sync_call_done, call);
  return arango_cluster_migrate_vpack_sorting_finish (self, arango_sync_call_wait (call), error);
}
