/* arango-database.c: one database, with its credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-client.h"
#include "arango-cluster-private.h"
#include "arango-collection-private.h"
#include "arango-database-call-private.h"
#include "arango-database-options-private.h"
#include "arango-database-private.h"
#include "arango-database-token.h"
#include "arango-error.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoDatabase:
 *
 * A handle on one database of a server or cluster, with the credentials
 * its requests carry. Get one with arango_client_db_async().
 *
 * Every request of a database goes to `/_db/NAME/…` on the coordinator
 * that the client's resolver picks. All databases of a client share its
 * HTTP sessions and its resolver.
 */

struct _ArangoDatabase
{
  GObject parent_instance;

  ArangoContext *context;
  ArangoCluster *cluster;
};

G_DEFINE_FINAL_TYPE (ArangoDatabase, arango_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NAME,
  PROP_USERNAME,
  PROP_CLUSTER,
  PROP_TOKEN,
  PROP_TOKEN_EXPIRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_database_finalize (GObject *object)
{
  ArangoDatabase *self = ARANGO_DATABASE (object);

  g_clear_object (&self->cluster);
  if (self->context != NULL)
    arango_auth_unwatch_token (self->context->auth, object);
  g_clear_pointer (&self->context, arango_context_unref);

  G_OBJECT_CLASS (arango_database_parent_class)->finalize (object);
}

static void
arango_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ArangoDatabase *self = ARANGO_DATABASE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->context->client);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->context->database);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, arango_database_get_username (self));
      break;
    case PROP_CLUSTER:
      g_value_set_object (value, arango_database_get_cluster (self));
      break;
    case PROP_TOKEN:
      g_value_take_string (value, arango_database_dup_token (self));
      break;
    case PROP_TOKEN_EXPIRY:
      g_value_take_boxed (value, arango_database_dup_token_expiry (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_database_class_init (ArangoDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_database_finalize;
  object_class->get_property = arango_database_get_property;

  /**
   * ArangoDatabase:client: (getter get_client)
   *
   * The client whose coordinators serve this database.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ARANGO_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:name: (getter get_name)
   *
   * The database name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:username: (getter get_username)
   *
   * The user the requests authenticate as; %NULL for a handle opened with
   * a token.
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:cluster: (getter get_cluster)
   *
   * The cluster API, with this database's credentials.
   */
  properties[PROP_CLUSTER] =
    g_param_spec_object ("cluster", NULL, NULL, ARANGO_TYPE_CLUSTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:token: (getter dup_token)
   *
   * The JSON Web Token the requests carry as `Authorization: bearer …`;
   * %NULL for a handle with HTTP basic authentication.
   *
   * It changes with arango_database_set_token(), with a renewal by
   * arango_database_renew_token_async(), and when a handle opened with a
   * user name and password logs in again; every handle sharing the
   * credentials (see arango_database_begin_async_execution()) then emits
   * #GObject::notify for it, in the thread whose call changed it. An
   * application that keeps the token (in libsecret, say) saves the new
   * one there.
   */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:token-expiry: (getter dup_token_expiry)
   *
   * When #ArangoDatabase:token expires, from its `exp` claim (UTC); %NULL
   * without a token, or for a token that names no expiry. Notified
   * together with #ArangoDatabase:token.
   */
  properties[PROP_TOKEN_EXPIRY] =
    g_param_spec_boxed ("token-expiry", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_database_init (ArangoDatabase *self)
{
}

static void
on_token_changed (GObject *object)
{
  g_object_notify_by_pspec (object, properties[PROP_TOKEN]);
  g_object_notify_by_pspec (object, properties[PROP_TOKEN_EXPIRY]);
}

/* A handle on @context's database that sends its requests through
 * @context (for instance as async jobs). */
ArangoDatabase *
arango_database_new_for_context (ArangoContext *context)
{
  ArangoDatabase *self = g_object_new (ARANGO_TYPE_DATABASE, NULL);

  self->context = arango_context_ref (context);
  arango_auth_watch_token (context->auth, G_OBJECT (self), on_token_changed);
  return self;
}

ArangoDatabase *
arango_database_new (ArangoClient *client,
                     const char   *name,
                     ArangoAuth   *auth)
{
  g_autoptr(ArangoContext) context = arango_context_new (client, name, auth);

  return arango_database_new_for_context (context);
}

ArangoContext *
arango_database_get_context (ArangoDatabase *self)
{
  return self->context;
}

/**
 * arango_database_get_name: (get-property name)
 * @self: an #ArangoDatabase
 *
 * Gets the database name.
 *
 * Returns: the name
 */
const char *
arango_database_get_name (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return self->context->database;
}

/**
 * arango_database_get_username: (get-property username)
 * @self: an #ArangoDatabase
 *
 * Gets the user the requests authenticate as.
 *
 * Returns: (nullable): the user name, or %NULL for a handle opened with a
 *   token
 */
const char *
arango_database_get_username (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_auth_get_username (self->context->auth);
}

/**
 * arango_database_get_client: (get-property client)
 * @self: an #ArangoDatabase
 *
 * Gets the client this database was opened with.
 *
 * Returns: (transfer none): the #ArangoClient
 */
ArangoClient *
arango_database_get_client (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return self->context->client;
}

/**
 * arango_database_get_cluster: (get-property cluster)
 * @self: an #ArangoDatabase
 *
 * Gets the cluster API, which sends this database's credentials.
 *
 * Returns: (transfer none): the #ArangoCluster
 */
ArangoCluster *
arango_database_get_cluster (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  if (self->cluster == NULL)
    self->cluster = arango_cluster_new (self->context);
  return self->cluster;
}

static gboolean
is_valid_name (const char *name)
{
  return name != NULL && *name != '\0' && strchr (name, '/') == NULL;
}

/* Reports a name the server could never accept, before sending. */
static gboolean
check_name (ArangoDatabase      *self,
            const char          *name,
            const char          *what,
            gpointer             source_tag,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  if (is_valid_name (name))
    return TRUE;

  g_task_report_new_error (self, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           /* TRANSLATORS: the second %s is "database" or "collection" */
                           _("“%s” is not a valid %s name"),
                           name ? name : "(null)", what);
  return FALSE;
}


/**
 * arango_database_get_collection:
 * @self: an #ArangoDatabase
 * @name: a collection name
 *
 * Gets a handle on a collection of this database. Nothing is sent: a
 * collection that does not exist shows on the first call, as
 * %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND.
 *
 * Returns: (transfer full): the #ArangoCollection
 */
ArangoCollection *
arango_database_get_collection (ArangoDatabase *self,
                                const char     *name)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return arango_collection_new (self->context, name);
}

/**
 * arango_database_list_databases_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists every database of the server (`GET /_api/database`); only the
 * `_system` database may ask.
 */
void
arango_database_list_databases_async (ArangoDatabase      *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_GET, "/_api/database", NULL),
                       arango_reply_strv_member, "result", arango_database_list_databases_async,
                       cancellable, callback, user_data);
}

/**
 * arango_database_list_databases_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_databases_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the database names,
 *   or %NULL with an error
 */
char **
arango_database_list_databases_finish (ArangoDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_databases_async, error);
}

/**
 * arango_database_list_databases_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_databases_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (array zero-terminated=1): the database names,
 *   or %NULL with an error
 */
char **
arango_database_list_databases_sync (ArangoDatabase      *self,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_databases_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_list_databases_finish (self, arango_sync_call_wait (call), error);
}

/* POST /_api/database, for @source_tag's caller. */
static void
create_database (ArangoDatabase        *self,
                 const char            *name,
                 JsonArray             *users,
                 ArangoDatabaseOptions *options,
                 gpointer               source_tag,
                 GCancellable          *cancellable,
                 GAsyncReadyCallback    callback,
                 gpointer               user_data)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ArangoRequest *request;

  if (!check_name (self, name, "database", source_tag, callback, user_data))
    return;
  if (!arango_database_options_check (options, &error))
    {
      g_task_report_error (self, callback, user_data, source_tag, g_steal_pointer (&error));
      return;
    }

  body = json_object_new ();
  json_object_set_string_member (body, "name", name);
  arango_database_options_apply (options, body);
  if (users)
    json_object_set_array_member (body, "users", json_array_ref (users));
  request = arango_context_request (self->context, SOUP_METHOD_POST, "/_api/database", NULL);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (self->context, self, request, arango_reply_true, NULL, source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_database_create_database_async:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the new database's name
 * @users: (nullable): users to give access, each an object with
 *   `username`, `passwd`, `active` and `extra`, as ArangoDB takes them
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database exists
 * @user_data: data for @callback
 *
 * Creates a database (`POST /_api/database`) with the server's default
 * options; to set them, see
 * arango_database_create_database_with_options_async().
 */
void
arango_database_create_database_async (ArangoDatabase      *self,
                                       const char          *name,
                                       JsonArray           *users,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  create_database (self, name, users, NULL, arango_database_create_database_async,
                   cancellable, callback, user_data);
}

/**
 * arango_database_create_database_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_database_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
gboolean
arango_database_create_database_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_create_database_async, error);
}

/**
 * arango_database_create_database_sync:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the new database's name
 * @users: (nullable): users to give access, each an object with
 *   `username`, `passwd`, `active` and `extra`, as ArangoDB takes them
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_database_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
gboolean
arango_database_create_database_sync (ArangoDatabase      *self,
                                      const char          *name,
                                      JsonArray           *users,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_create_database_async (self, name, users, cancellable,
                                         arango_sync_call_done, call);
  return arango_database_create_database_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_database_with_options_async:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the new database's name
 * @users: (nullable): users to give access, each an object with
 *   `username`, `passwd`, `active` and `extra`, as ArangoDB takes them
 * @options: (nullable): the database's options; %NULL for the server's
 *   defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database exists
 * @user_data: data for @callback
 *
 * Creates a database (`POST /_api/database`) with @options, as
 * python-arango's `create_database()` does with `replication_factor` (a
 * number, or `"satellite"`: #ArangoDatabaseOptions:satellite),
 * `write_concern` and `sharding`: in a cluster, they are the defaults of
 * the database's collections, and arango_database_properties_async() on
 * the new database reports them. A Coordinator refuses a replication
 * factor or write concern the cluster cannot hold with
 * %ARANGO_SERVER_ERROR_BAD_PARAMETER (above the maximum, or a write
 * concern above the replication factor) or
 * %ARANGO_SERVER_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS (more copies than
 * DB-Servers).
 */
void
arango_database_create_database_with_options_async (ArangoDatabase        *self,
                                                    const char            *name,
                                                    JsonArray             *users,
                                                    ArangoDatabaseOptions *options,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (options == NULL || ARANGO_IS_DATABASE_OPTIONS (options));

  create_database (self, name, users, options,
                   arango_database_create_database_with_options_async,
                   cancellable, callback, user_data);
}

/**
 * arango_database_create_database_with_options_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_database_with_options_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
gboolean
arango_database_create_database_with_options_finish (ArangoDatabase  *self,
                                                     GAsyncResult    *result,
                                                     GError         **error)
{
  return arango_call_finish_boolean (self, result,
                                     arango_database_create_database_with_options_async, error);
}

/**
 * arango_database_create_database_with_options_sync:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the new database's name
 * @users: (nullable): users to give access, each an object with
 *   `username`, `passwd`, `active` and `extra`, as ArangoDB takes them
 * @options: (nullable): the database's options; %NULL for the server's
 *   defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_database_with_options_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
gboolean
arango_database_create_database_with_options_sync (ArangoDatabase        *self,
                                                   const char            *name,
                                                   JsonArray             *users,
                                                   ArangoDatabaseOptions *options,
                                                   GCancellable          *cancellable,
                                                   GError               **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_create_database_with_options_async (self, name, users, options, cancellable,
                                                      arango_sync_call_done, call);
  return arango_database_create_database_with_options_finish (self, arango_sync_call_wait (call),
                                                              error);
}

/* DELETE /_api/database/{name}; with @ignore_missing a database that does
 * not exist is a %FALSE result rather than an error. */
static void
delete_database (ArangoDatabase      *self,
                 const char          *name,
                 gboolean             ignore_missing,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  if (!check_name (self, name, "database", source_tag, callback, user_data))
    return;
  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_DELETE, "/_api/database", name, NULL),
                       arango_delete_reply (ignore_missing),
                       arango_delete_reply_data (ignore_missing,
                                                 ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND),
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_delete_database_async:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the database to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database is gone
 * @user_data: data for @callback
 *
 * Deletes a database and everything in it (`DELETE /_api/database/{name}`).
 * To let a missing database pass, use
 * arango_database_delete_database_with_flags_async().
 */
void
arango_database_delete_database_async (ArangoDatabase      *self,
                                       const char          *name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  delete_database (self, name, FALSE, arango_database_delete_database_async,
                   cancellable, callback, user_data);
}

/**
 * arango_database_delete_database_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_database_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND
 */
gboolean
arango_database_delete_database_finish (ArangoDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_database_async, error);
}

/**
 * arango_database_delete_database_sync:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the database to delete
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_database_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND
 */
gboolean
arango_database_delete_database_sync (ArangoDatabase      *self,
                                      const char          *name,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_database_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_delete_database_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_database_with_flags_async:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the database to delete
 * @flags: whether a missing database is an error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database is gone
 * @user_data: data for @callback
 *
 * Deletes a database and everything in it (`DELETE
 * /_api/database/{name}`), as arango_database_delete_database_async()
 * does, with options. An empty name, a name with a `/` and flags this
 * version does not know fail with %ARANGO_ERROR_INVALID_ARGUMENT before
 * anything is sent.
 */
void
arango_database_delete_database_with_flags_async (ArangoDatabase            *self,
                                                  const char                *name,
                                                  ArangoDeleteDatabaseFlags  flags,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data)
{
  gpointer source_tag = arango_database_delete_database_with_flags_async;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_argument (self, (flags & ~ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING) == 0,
                              source_tag, callback, user_data,
                              _("Unknown database deletion flags")))
    return;
  delete_database (self, name, (flags & ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING) != 0,
                   source_tag, cancellable, callback, user_data);
}

/**
 * arango_database_delete_database_with_flags_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_database_with_flags_async().
 *
 * Returns: %TRUE if the database was deleted; %FALSE if it did not exist
 *   (with %ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING), or with an error
 *   such as %ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND or, when @self is not
 *   the `_system` database, %ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE
 */
gboolean
arango_database_delete_database_with_flags_finish (ArangoDatabase  *self,
                                                   GAsyncResult    *result,
                                                   GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_database_with_flags_async,
                                     error);
}

/**
 * arango_database_delete_database_with_flags_sync:
 * @self: an #ArangoDatabase (the `_system` database)
 * @name: the database to delete
 * @flags: whether a missing database is an error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_database_with_flags_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE if the database was deleted; %FALSE if it did not exist
 *   (with %ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING), or with an error
 */
gboolean
arango_database_delete_database_with_flags_sync (ArangoDatabase             *self,
                                                 const char                 *name,
                                                 ArangoDeleteDatabaseFlags   flags,
                                                 GCancellable               *cancellable,
                                                 GError                    **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_database_with_flags_async (self, name, flags, cancellable,
                                                    arango_sync_call_done, call);
  return arango_database_delete_database_with_flags_finish (self, arango_sync_call_wait (call),
                                                            error);
}

/**
 * arango_database_has_database_async:
 * @self: an #ArangoDatabase
 * @name: a database name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a database exists, by asking for it
 * (`GET /_db/{name}/_api/database/current`) with this handle's
 * credentials.
 */
void
arango_database_has_database_async (ArangoDatabase      *self,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_name (self, name, "database", arango_database_has_database_async,
                   callback, user_data))
    return;
  request = arango_context_request (self->context, SOUP_METHOD_GET, "/_api/database/current", NULL);
  arango_request_set_database (request, name);
  arango_context_call (self->context, self, request, arango_reply_exists,
                       GINT_TO_POINTER (ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND),
                       arango_database_has_database_async, cancellable, callback, user_data);
}

/**
 * arango_database_has_database_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_has_database_async().
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_database_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_has_database_async, error);
}

/**
 * arango_database_has_database_sync:
 * @self: an #ArangoDatabase
 * @name: a database name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_has_database_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_database_sync (ArangoDatabase      *self,
                                   const char          *name,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_has_database_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_has_database_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_properties_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads this database's properties (`GET /_api/database/current`).
 */
void
arango_database_properties_async (ArangoDatabase      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_GET, "/_api/database/current", NULL),
                       arango_reply_object_member, "result", arango_database_properties_async,
                       cancellable, callback, user_data);
}

/**
 * arango_database_properties_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_properties_async().
 *
 * Returns: (transfer full): `id`, `name`, `isSystem`, `path`, …; %NULL
 *   with an error
 */
JsonObject *
arango_database_properties_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_properties_async, error);
}

/**
 * arango_database_properties_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_properties_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `id`, `name`, `isSystem`, `path`, …; %NULL
 *   with an error
 */
JsonObject *
arango_database_properties_sync (ArangoDatabase      *self,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_properties_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_properties_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_list_collections_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the collections of this database, system collections included
 * (`GET /_api/collection`).
 */
void
arango_database_list_collections_async (ArangoDatabase      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_GET, "/_api/collection", NULL),
                       arango_reply_array_member, "result", arango_database_list_collections_async,
                       cancellable, callback, user_data);
}

/**
 * arango_database_list_collections_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_collections_async().
 *
 * Returns: (transfer full): one object per collection (`id`, `name`,
 *   `type`, `isSystem`, `status`, …); %NULL with an error
 */
JsonArray *
arango_database_list_collections_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_collections_async, error);
}

/**
 * arango_database_list_collections_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_collections_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): one object per collection (`id`, `name`,
 *   `type`, `isSystem`, `status`, …); %NULL with an error
 */
JsonArray *
arango_database_list_collections_sync (ArangoDatabase      *self,
                                       GCancellable        *cancellable,
                                       GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_collections_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_list_collections_finish (self, arango_sync_call_wait (call), error);
}

static void
reply_collection (GTask          *task,
                  ArangoResponse *response,
                  gconstpointer   unused)
{
  ArangoDatabase *self = g_task_get_source_object (task);
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  const char *name = body ? json_object_get_string_member_with_default (body, "name", NULL) : NULL;

  if (name == NULL)
    {
      arango_task_return_invalid_reply (task, response, "name");
      return;
    }
  g_task_return_pointer (task, arango_collection_new (self->context, name), g_object_unref);
}

/**
 * arango_database_create_collection_async:
 * @self: an #ArangoDatabase
 * @name: the new collection's name
 * @options: (nullable): collection properties as ArangoDB names them, e.g.
 *   `type` (2 document, 3 edge), `waitForSync`, `keyOptions`, `schema`,
 *   `numberOfShards`, `replicationFactor`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the collection exists
 * @user_data: data for @callback
 *
 * Creates a collection (`POST /_api/collection`).
 */
void
arango_database_create_collection_async (ArangoDatabase      *self,
                                         const char          *name,
                                         JsonObject          *options,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonObject) body = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_name (self, name, "collection", arango_database_create_collection_async,
                   callback, user_data))
    return;

  body = json_object_new ();
  if (options)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, options);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (body, member, json_node_copy (value));
    }
  json_object_set_string_member (body, "name", name);
  request = arango_context_request (self->context, SOUP_METHOD_POST, "/_api/collection", NULL);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (self->context, self, request, reply_collection, NULL, arango_database_create_collection_async,
                       cancellable, callback, user_data);
}

/**
 * arango_database_create_collection_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_collection_async().
 *
 * Returns: (transfer full): the new #ArangoCollection, or %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
ArangoCollection *
arango_database_create_collection_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_collection_async, error);
}

/**
 * arango_database_create_collection_sync:
 * @self: an #ArangoDatabase
 * @name: the new collection's name
 * @options: (nullable): collection properties as ArangoDB names them, e.g.
 *   `type` (2 document, 3 edge), `waitForSync`, `keyOptions`, `schema`,
 *   `numberOfShards`, `replicationFactor`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_collection_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): the new #ArangoCollection, or %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_DUPLICATE_NAME
 */
ArangoCollection *
arango_database_create_collection_sync (ArangoDatabase      *self,
                                        const char          *name,
                                        JsonObject          *options,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_collection_async (self, name, options, cancellable,
                                           arango_sync_call_done, call);
  return arango_database_create_collection_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_collection_async:
 * @self: an #ArangoDatabase
 * @name: the collection to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the collection is gone
 * @user_data: data for @callback
 *
 * Deletes a collection and its documents (`DELETE /_api/collection/{name}`).
 * To let a missing collection pass, or to drop a system collection, use
 * arango_database_delete_collection_with_flags_async().
 */
void
arango_database_delete_collection_async (ArangoDatabase      *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_name (self, name, "collection", arango_database_delete_collection_async,
                   callback, user_data))
    return;
  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_DELETE, "/_api/collection", name, NULL),
                       arango_reply_true, NULL, arango_database_delete_collection_async,
                       cancellable, callback, user_data);
}

/**
 * arango_database_delete_collection_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_collection_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
gboolean
arango_database_delete_collection_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_collection_async, error);
}

/**
 * arango_database_delete_collection_sync:
 * @self: an #ArangoDatabase
 * @name: the collection to delete
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_collection_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: %TRUE, or %FALSE with an error such as
 *   %ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND
 */
gboolean
arango_database_delete_collection_sync (ArangoDatabase      *self,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_collection_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_delete_collection_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_has_collection_async:
 * @self: an #ArangoDatabase
 * @name: a collection name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a collection exists (`GET /_api/collection/{name}`).
 */
void
arango_database_has_collection_async (ArangoDatabase      *self,
                                      const char          *name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_name (self, name, "collection", arango_database_has_collection_async,
                   callback, user_data))
    return;
  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_GET, "/_api/collection", name, NULL),
                       arango_reply_exists, GINT_TO_POINTER (ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND),
                       arango_database_has_collection_async, cancellable, callback, user_data);
}

/**
 * arango_database_has_collection_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_has_collection_async().
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_collection_finish (ArangoDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_has_collection_async, error);
}

/**
 * arango_database_has_collection_sync:
 * @self: an #ArangoDatabase
 * @name: a collection name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_has_collection_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_collection_sync (ArangoDatabase      *self,
                                     const char          *name,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_has_collection_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_has_collection_finish (self, arango_sync_call_wait (call), error);
}
