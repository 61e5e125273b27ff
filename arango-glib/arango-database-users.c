/* arango-database-users.c: users, their permissions and access tokens
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * User management is global to the server: the calls work from any
 * database handle whose credentials may manage users ("rw" on _system).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-database-users.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/* Indexed by ArangoPermission: the levels as the server writes them. */
static const char * const permission_names[] = { "none", "ro", "rw" };

static gboolean
check_permission (ArangoDatabase      *self,
                  ArangoPermission     permission,
                  gpointer             source_tag,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  if ((guint) permission < G_N_ELEMENTS (permission_names))
    return TRUE;

  g_task_report_new_error (self, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("%d is not an access level"), (int) permission);
  return FALSE;
}

static gboolean
check_changes (ArangoDatabase      *self,
               JsonObject          *changes,
               gpointer             source_tag,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  if (changes != NULL && json_object_get_size (changes) > 0)
    return TRUE;

  g_task_report_new_error (self, callback, user_data, source_tag,
                           ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("Nothing to change"));
  return FALSE;
}

static JsonObject *
user_body (const char *password,
           JsonObject *extra)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "passwd", password != NULL ? password : "");
  if (extra != NULL)
    json_object_set_object_member (body, "extra", json_object_ref (extra));
  return body;
}

/* "result": "rw" | "ro" | "none" becomes the ArangoPermission. */
static void
reply_permission (GTask          *task,
                  ArangoResponse *response,
                  gconstpointer   unused)
{
  JsonObject *object = response->body != NULL && JSON_NODE_HOLDS_OBJECT (response->body)
    ? json_node_get_object (response->body) : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, "result") : NULL;
  guint i;

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    for (i = 0; i < G_N_ELEMENTS (permission_names); i++)
      if (g_str_equal (json_node_get_string (node), permission_names[i]))
        {
          g_task_return_int (task, (gssize) i);
          return;
        }
  arango_task_return_invalid_reply (task, response, "result");
}

/**
 * arango_database_users_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the users (`GET /_api/user`): the caller needs access to the
 * `_system` database.
 */
void
arango_database_users_async (ArangoDatabase      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_array_member, "result",
                        arango_database_users_async, cancellable, callback, user_data,
                        "/_api/user", NULL);
}

/**
 * arango_database_users_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_users_async().
 *
 * Returns: (transfer full): the users, each an object with
 *   `user`, `active` and `extra`; %NULL with an error
 */
JsonArray *
arango_database_users_finish (ArangoDatabase  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_users_async, error);
}

/**
 * arango_database_users_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_users_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the users, each an object with
 *   `user`, `active` and `extra`; %NULL with an error
 */
JsonArray *
arango_database_users_sync (ArangoDatabase  *self,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_users_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_users_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads one user (`GET /_api/user/{user}`).
 */
void
arango_database_user_async (ArangoDatabase      *self,
                            const char          *username,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_user_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_user_async, cancellable, callback, user_data,
                        "/_api/user", username, NULL);
}

/**
 * arango_database_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_user_async().
 *
 * Returns: (transfer full): `user`, `active` and `extra`; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_user_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_user_async, error);
}

/**
 * arango_database_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `user`, `active` and `extra`; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_user_sync (ArangoDatabase  *self,
                           const char      *username,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_user_async (self, username, cancellable, arango_sync_call_done, call);
  return arango_database_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_has_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a user exists (`GET /_api/user/{user}`).
 */
void
arango_database_has_user_async (ArangoDatabase      *self,
                                const char          *username,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_has_user_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_exists, GINT_TO_POINTER (ARANGO_SERVER_ERROR_USER_NOT_FOUND),
                        arango_database_has_user_async, cancellable, callback, user_data,
                        "/_api/user", username, NULL);
}

/**
 * arango_database_has_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_has_user_async().
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_user_finish (ArangoDatabase  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_has_user_async, error);
}

/**
 * arango_database_has_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_has_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_user_sync (ArangoDatabase  *self,
                               const char      *username,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_has_user_async (self, username, cancellable, arango_sync_call_done, call);
  return arango_database_has_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @password: (nullable): its password; %NULL for an empty one
 * @active: whether the user may log in
 * @extra: (nullable): data of the application about the user
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates a user (`POST /_api/user`). It has no permissions until
 * arango_database_update_permission_async() grants some.
 */
void
arango_database_create_user_async (ArangoDatabase      *self,
                                   const char          *username,
                                   const char          *password,
                                   gboolean             active,
                                   JsonObject          *extra,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_create_user_async, callback, user_data))
    return;

  body = user_body (password, extra);
  json_object_set_string_member (body, "user", username);
  json_object_set_boolean_member (body, "active", active);
  arango_database_call (self, SOUP_METHOD_POST, body,
                        arango_reply_object, NULL,
                        arango_database_create_user_async, cancellable, callback, user_data,
                        "/_api/user", NULL);
}

/**
 * arango_database_create_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_user_async().
 *
 * Returns: (transfer full): the new user: `user`, `active` and
 *   `extra`; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_USER_DUPLICATE
 */
JsonObject *
arango_database_create_user_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_user_async, error);
}

/**
 * arango_database_create_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @password: (nullable): its password; %NULL for an empty one
 * @active: whether the user may log in
 * @extra: (nullable): data of the application about the user
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the new user: `user`, `active` and
 *   `extra`; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_USER_DUPLICATE
 */
JsonObject *
arango_database_create_user_sync (ArangoDatabase  *self,
                                  const char      *username,
                                  const char      *password,
                                  gboolean         active,
                                  JsonObject      *extra,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_user_async (self, username, password, active, extra, cancellable, arango_sync_call_done, call);
  return arango_database_create_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_update_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @changes: what to change, as ArangoDB names it: `passwd`, `active`,
  `extra` (merged into the stored one)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes some of a user's settings (`PATCH /_api/user/{user}`).
 */
void
arango_database_update_user_async (ArangoDatabase      *self,
                                   const char          *username,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_update_user_async, callback, user_data))
    return;
  if (!check_changes (self, changes, arango_database_update_user_async,
                      callback, user_data))
    return;

  arango_database_call (self, "PATCH", json_object_ref (changes),
                        arango_reply_object, NULL,
                        arango_database_update_user_async, cancellable, callback, user_data,
                        "/_api/user", username, NULL);
}

/**
 * arango_database_update_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_update_user_async().
 *
 * Returns: (transfer full): the user as stored now; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_update_user_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_update_user_async, error);
}

/**
 * arango_database_update_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @changes: what to change, as ArangoDB names it: `passwd`, `active`,
  `extra` (merged into the stored one)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_update_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the user as stored now; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_update_user_sync (ArangoDatabase  *self,
                                  const char      *username,
                                  JsonObject      *changes,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_update_user_async (self, username, changes, cancellable, arango_sync_call_done, call);
  return arango_database_update_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_replace_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @password: (nullable): the new password; %NULL for an empty one
 * @active: whether the user may log in
 * @extra: (nullable): the new application data; %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces all of a user's settings (`PUT /_api/user/{user}`); its
 * permissions stay.
 */
void
arango_database_replace_user_async (ArangoDatabase      *self,
                                    const char          *username,
                                    const char          *password,
                                    gboolean             active,
                                    JsonObject          *extra,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_replace_user_async, callback, user_data))
    return;

  body = user_body (password, extra);
  json_object_set_boolean_member (body, "active", active);
  arango_database_call (self, SOUP_METHOD_PUT, body,
                        arango_reply_object, NULL,
                        arango_database_replace_user_async, cancellable, callback, user_data,
                        "/_api/user", username, NULL);
}

/**
 * arango_database_replace_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_replace_user_async().
 *
 * Returns: (transfer full): the user as stored now; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_replace_user_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_replace_user_async, error);
}

/**
 * arango_database_replace_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @password: (nullable): the new password; %NULL for an empty one
 * @active: whether the user may log in
 * @extra: (nullable): the new application data; %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_replace_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the user as stored now; %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
JsonObject *
arango_database_replace_user_sync (ArangoDatabase  *self,
                                   const char      *username,
                                   const char      *password,
                                   gboolean         active,
                                   JsonObject      *extra,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_replace_user_async (self, username, password, active, extra, cancellable, arango_sync_call_done, call);
  return arango_database_replace_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_user_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @ignore_missing: whether a user that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a user and its permissions (`DELETE /_api/user/{user}`).
 */
void
arango_database_delete_user_async (ArangoDatabase      *self,
                                   const char          *username,
                                   gboolean             ignore_missing,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_delete_user_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_delete_reply (ignore_missing), arango_delete_reply_data (ignore_missing, ARANGO_SERVER_ERROR_USER_NOT_FOUND),
                        arango_database_delete_user_async, cancellable, callback, user_data,
                        "/_api/user", username, NULL);
}

/**
 * arango_database_delete_user_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_user_async().
 *
 * Returns: %TRUE if the user was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
gboolean
arango_database_delete_user_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_user_async, error);
}

/**
 * arango_database_delete_user_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @ignore_missing: whether a user that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_user_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if the user was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_USER_NOT_FOUND
 */
gboolean
arango_database_delete_user_sync (ArangoDatabase  *self,
                                  const char      *username,
                                  gboolean         ignore_missing,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_user_async (self, username, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_delete_user_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_permissions_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads a user's access levels in every database
 * (`GET /_api/user/{user}/database`).
 */
void
arango_database_permissions_async (ArangoDatabase      *self,
                                   const char          *username,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_permissions_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object_member, "result",
                        arango_database_permissions_async, cancellable, callback, user_data,
                        "/_api/user", username, "database", NULL);
}

/**
 * arango_database_permissions_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_permissions_async().
 *
 * Returns: (transfer full): database name → `"rw"`, `"ro"` or
 *   `"none"`; %NULL with an error
 */
JsonObject *
arango_database_permissions_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_permissions_async, error);
}

/**
 * arango_database_permissions_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_permissions_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): database name → `"rw"`, `"ro"` or
 *   `"none"`; %NULL with an error
 */
JsonObject *
arango_database_permissions_sync (ArangoDatabase  *self,
                                  const char      *username,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_permissions_async (self, username, cancellable, arango_sync_call_done, call);
  return arango_database_permissions_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_permission_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @database: a database name, or `*` for the default of all databases
 * @collection: (nullable): a collection name, `*` for the default of
  the database's collections, or %NULL for the database itself
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the access level a user has to a database or a collection
 * (`GET /_api/user/{user}/database/{database}[/{collection}]`). Where
 * none is set, the level is inherited as the server resolves it: a
 * collection falls back to `*`, then to its database.
 */
void
arango_database_permission_async (ArangoDatabase      *self,
                                  const char          *username,
                                  const char          *database,
                                  const char          *collection,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_permission_async, callback, user_data))
    return;
  if (!arango_check_text (self, database, N_("The database name is empty"),
                          arango_database_permission_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        reply_permission, NULL,
                        arango_database_permission_async, cancellable, callback, user_data,
                        "/_api/user", username, "database", database, collection, NULL);
}

/**
 * arango_database_permission_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_permission_async().
 *
 * Returns: the access level; %ARANGO_PERMISSION_NONE with an error
 */
ArangoPermission
arango_database_permission_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  gssize level = arango_call_finish_int (self, result, arango_database_permission_async, error);

  return level < 0 ? ARANGO_PERMISSION_NONE : (ArangoPermission) level;
}

/**
 * arango_database_permission_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @database: a database name, or `*` for the default of all databases
 * @collection: (nullable): a collection name, `*` for the default of
  the database's collections, or %NULL for the database itself
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_permission_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: the access level; %ARANGO_PERMISSION_NONE with an error
 */
ArangoPermission
arango_database_permission_sync (ArangoDatabase  *self,
                                 const char      *username,
                                 const char      *database,
                                 const char      *collection,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), ARANGO_PERMISSION_NONE);

  call = arango_sync_call_begin ();
  arango_database_permission_async (self, username, database, collection, cancellable, arango_sync_call_done, call);
  return arango_database_permission_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_update_permission_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @permission: the access level to grant
 * @database: a database name, or `*` for the default of all databases
 * @collection: (nullable): a collection name, `*`, or %NULL to set the
  database's level
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Sets the access level of a user to a database or a collection
 * (`PUT /_api/user/{user}/database/{database}[/{collection}]`).
 */
void
arango_database_update_permission_async (ArangoDatabase      *self,
                                         const char          *username,
                                         ArangoPermission     permission,
                                         const char          *database,
                                         const char          *collection,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_update_permission_async, callback, user_data))
    return;
  if (!arango_check_text (self, database, N_("The database name is empty"),
                          arango_database_update_permission_async, callback, user_data))
    return;
  if (!check_permission (self, permission, arango_database_update_permission_async,
                         callback, user_data))
    return;

  body = json_object_new ();
  json_object_set_string_member (body, "grant", permission_names[permission]);
  arango_database_call (self, SOUP_METHOD_PUT, body,
                        arango_reply_true, NULL,
                        arango_database_update_permission_async, cancellable, callback, user_data,
                        "/_api/user", username, "database", database, collection, NULL);
}

/**
 * arango_database_update_permission_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_update_permission_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_update_permission_finish (ArangoDatabase  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_update_permission_async, error);
}

/**
 * arango_database_update_permission_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @permission: the access level to grant
 * @database: a database name, or `*` for the default of all databases
 * @collection: (nullable): a collection name, `*`, or %NULL to set the
  database's level
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_update_permission_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_update_permission_sync (ArangoDatabase    *self,
                                        const char        *username,
                                        ArangoPermission   permission,
                                        const char        *database,
                                        const char        *collection,
                                        GCancellable      *cancellable,
                                        GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_update_permission_async (self, username, permission, database, collection, cancellable, arango_sync_call_done, call);
  return arango_database_update_permission_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_reset_permission_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @database: a database name, or `*`
 * @collection: (nullable): a collection name, `*`, or %NULL for the
  database's level
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes the access level set for a user on a database or a collection
 * (`DELETE /_api/user/{user}/database/{database}[/{collection}]`), so
 * that the inherited one applies again.
 */
void
arango_database_reset_permission_async (ArangoDatabase      *self,
                                        const char          *username,
                                        const char          *database,
                                        const char          *collection,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_reset_permission_async, callback, user_data))
    return;
  if (!arango_check_text (self, database, N_("The database name is empty"),
                          arango_database_reset_permission_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_reply_true, NULL,
                        arango_database_reset_permission_async, cancellable, callback, user_data,
                        "/_api/user", username, "database", database, collection, NULL);
}

/**
 * arango_database_reset_permission_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_reset_permission_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_reset_permission_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_reset_permission_async, error);
}

/**
 * arango_database_reset_permission_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @database: a database name, or `*`
 * @collection: (nullable): a collection name, `*`, or %NULL for the
  database's level
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_reset_permission_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_reset_permission_sync (ArangoDatabase  *self,
                                       const char      *username,
                                       const char      *database,
                                       const char      *collection,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_reset_permission_async (self, username, database, collection, cancellable, arango_sync_call_done, call);
  return arango_database_reset_permission_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_access_token_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @name: a name for the token, unique for the user
 * @valid_until: when the token expires, in seconds since the Unix epoch
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates an access token for a user (`POST /_api/token/{user}`,
 * ArangoDB 3.12.5 and later). The token can stand in for the user's
 * password; the server shows it only in this reply.
 */
void
arango_database_create_access_token_async (ArangoDatabase      *self,
                                           const char          *username,
                                           const char          *name,
                                           gint64               valid_until,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_create_access_token_async, callback, user_data))
    return;
  if (!arango_check_text (self, name, N_("The token name is empty"),
                          arango_database_create_access_token_async, callback, user_data))
    return;

  body = json_object_new ();
  json_object_set_string_member (body, "name", name);
  json_object_set_int_member (body, "valid_until", valid_until);
  arango_database_call (self, SOUP_METHOD_POST, body,
                        arango_reply_body_object, NULL,
                        arango_database_create_access_token_async, cancellable, callback, user_data,
                        "/_api/token", username, NULL);
}

/**
 * arango_database_create_access_token_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_access_token_async().
 *
 * Returns: (transfer full): `id`, `name`, `valid_until`,
 *   `created_at`, `fingerprint`, `active` and the `token`; %NULL with an
 *   error
 */
JsonObject *
arango_database_create_access_token_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_access_token_async, error);
}

/**
 * arango_database_create_access_token_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @name: a name for the token, unique for the user
 * @valid_until: when the token expires, in seconds since the Unix epoch
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_access_token_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): `id`, `name`, `valid_until`,
 *   `created_at`, `fingerprint`, `active` and the `token`; %NULL with an
 *   error
 */
JsonObject *
arango_database_create_access_token_sync (ArangoDatabase  *self,
                                          const char      *username,
                                          const char      *name,
                                          gint64           valid_until,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_access_token_async (self, username, name, valid_until, cancellable, arango_sync_call_done, call);
  return arango_database_create_access_token_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_list_access_tokens_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists a user's access tokens (`GET /_api/token/{user}`), without
 * the tokens themselves.
 */
void
arango_database_list_access_tokens_async (ArangoDatabase      *self,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_list_access_tokens_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_array_member, "tokens",
                        arango_database_list_access_tokens_async, cancellable, callback, user_data,
                        "/_api/token", username, NULL);
}

/**
 * arango_database_list_access_tokens_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_access_tokens_async().
 *
 * Returns: (transfer full): the tokens, each with `id`, `name`,
 *   `valid_until`, `created_at`, `fingerprint` and `active`; %NULL with an
 *   error
 */
JsonArray *
arango_database_list_access_tokens_finish (ArangoDatabase  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_access_tokens_async, error);
}

/**
 * arango_database_list_access_tokens_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_access_tokens_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the tokens, each with `id`, `name`,
 *   `valid_until`, `created_at`, `fingerprint` and `active`; %NULL with an
 *   error
 */
JsonArray *
arango_database_list_access_tokens_sync (ArangoDatabase  *self,
                                         const char      *username,
                                         GCancellable    *cancellable,
                                         GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_access_tokens_async (self, username, cancellable, arango_sync_call_done, call);
  return arango_database_list_access_tokens_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_access_token_async:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @token_id: the `id` of the token
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes an access token of a user (`DELETE /_api/token/{user}/{id}`).
 */
void
arango_database_delete_access_token_async (ArangoDatabase      *self,
                                           const char          *username,
                                           gint64               token_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *id = NULL;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, username, N_("The user name is empty"),
                          arango_database_delete_access_token_async, callback, user_data))
    return;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, token_id);
  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_reply_true, NULL,
                        arango_database_delete_access_token_async, cancellable, callback, user_data,
                        "/_api/token", username, id, NULL);
}

/**
 * arango_database_delete_access_token_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_access_token_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_delete_access_token_finish (ArangoDatabase  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_access_token_async, error);
}

/**
 * arango_database_delete_access_token_sync:
 * @self: an #ArangoDatabase
 * @username: the user name
 * @token_id: the `id` of the token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_access_token_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_database_delete_access_token_sync (ArangoDatabase  *self,
                                          const char      *username,
                                          gint64           token_id,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_access_token_async (self, username, token_id, cancellable, arango_sync_call_done, call);
  return arango_database_delete_access_token_finish (self, arango_sync_call_wait (call), error);
}
