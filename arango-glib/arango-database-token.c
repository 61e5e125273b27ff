/* arango-database-token.c: the JSON Web Token of a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-private.h"
#include "arango-database-token.h"
#include "arango-error.h"
#include "arango-jwt-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

static ArangoAuth *
get_auth (ArangoDatabase *self)
{
  return arango_database_get_context (self)->auth;
}

static void
set_no_token_error (GError **error)
{
  g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                       _("The database handle uses HTTP basic authentication, "
                         "not a token"));
}

/**
 * arango_database_dup_token: (get-property token)
 * @self: an #ArangoDatabase
 *
 * Gets the JSON Web Token the requests carry. It is a secret: keep it
 * where passwords go, and out of logs.
 *
 * Returns: (transfer full) (nullable): a copy of the token, or %NULL for
 *   a handle with HTTP basic authentication
 */
char *
arango_database_dup_token (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_auth_dup_token (get_auth (self));
}

/**
 * arango_database_dup_token_expiry: (get-property token-expiry)
 * @self: an #ArangoDatabase
 *
 * Gets when the token expires, as its `exp` claim says (read without
 * checking the signature, which only the server can). An application
 * renews the token a little before that with
 * arango_database_renew_token_async().
 *
 * Returns: (transfer full) (nullable): the expiry in UTC, or %NULL without
 *   a token, for a token that names no expiry (superuser tokens usually
 *   do not), or one beyond what #GDateTime holds
 */
GDateTime *
arango_database_dup_token_expiry (ArangoDatabase *self)
{
  gint64 expiry;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  if (!arango_auth_get_token_expiry (get_auth (self), &expiry))
    return NULL;
  return g_date_time_new_from_unix_utc (expiry);
}

/**
 * arango_database_set_token:
 * @self: an #ArangoDatabase
 * @token: the new JSON Web Token
 * @error: return location for a #GError
 *
 * Replaces the handle's token, for instance with one the application
 * renewed in another process. Every request sent from now on by the
 * handle, by what was got from it (cluster API, collections, cursors,
 * transactions) and by the handles sharing its credentials
 * (arango_database_begin_async_execution()) carries @token; requests
 * already on their way keep the old one. It may be called from any
 * thread. When @token differs from the current one, each of those
 * handles emits #GObject::notify for #ArangoDatabase:token and
 * #ArangoDatabase:token-expiry before this returns.
 *
 * A handle opened with a user name and password and
 * %ARANGO_AUTH_METHOD_JWT takes the token too, and still logs in again
 * with them when the server refuses it.
 *
 * @token is read first, and nothing changes when it is refused: an empty
 * one fails with %ARANGO_ERROR_INVALID_ARGUMENT, one that is not a JSON
 * Web Token with %ARANGO_ERROR_AUTHENTICATION_FAILED, and one whose
 * expiry has passed by this machine's clock with
 * %ARANGO_ERROR_TOKEN_EXPIRED. A handle with HTTP basic authentication
 * has no token to replace: %ARANGO_ERROR_INVALID_ARGUMENT.
 *
 * Returns: %TRUE when the handle carries @token from now on
 */
gboolean
arango_database_set_token (ArangoDatabase  *self,
                           const char      *token,
                           GError         **error)
{
  ArangoAuth *auth;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  auth = get_auth (self);
  if (!arango_auth_uses_token (auth))
    {
      set_no_token_error (error);
      return FALSE;
    }
  if (!arango_jwt_check (token, TRUE, error))
    return FALSE;

  arango_auth_set_token (auth, token);
  return TRUE;
}

/* The server refuses to renew with 404 and errorNum 1703 ("user not
 * found") whatever the reason; the local expiry tells the commonest one
 * apart. */
static GError *
renewal_refused (ArangoAuth   *auth,
                 const GError *error)
{
  GError *refused = NULL;
  gint64 expiry;

  if (arango_auth_get_token_expiry (auth, &expiry) &&
      expiry <= g_get_real_time () / G_USEC_PER_SEC)
    {
      arango_jwt_set_expired_error (&refused, expiry);
      return refused;
    }
  return g_error_new (ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED,
                      _("The server would not renew the token (it has expired, "
                        "was not signed by this server, or names no user): %s"),
                      error->message);
}

static void
on_renew_reply (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ArangoAuth *auth = get_auth (g_task_get_source_object (task));
  g_autoptr(ArangoResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *jwt;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_NOT_FOUND))
        g_task_return_error (task, renewal_refused (auth, error));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* {} while the token is far from its expiry, else {"jwt": "…"}. */
  if (response->body != NULL && JSON_NODE_HOLDS_OBJECT (response->body) &&
      json_object_get_size (json_node_get_object (response->body)) == 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  jwt = arango_connection_store_token (task, response, auth);
  if (jwt != NULL)
    g_task_return_pointer (task, g_strdup (jwt), g_free);
}

/**
 * arango_database_renew_token_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the server has answered
 * @user_data: data for @callback
 *
 * Asks the server for a fresh token (`POST /_open/auth/renew`, sent with
 * the current one) and, when it gives one, makes it the handle's token as
 * arango_database_set_token() does, notifications included. arangojs
 * calls this `renewAuthToken()`.
 *
 * The server issues a new token only when the current one expires within
 * 150 seconds; before that it answers without one, and
 * arango_database_renew_token_finish() returns %NULL without an error. So
 * an application renews a little before #ArangoDatabase:token-expiry, or
 * simply every minute. The old token stays valid until its own expiry:
 * the server keeps no list of the tokens it issued.
 *
 * Only a user token that has not expired can be renewed. For an expired
 * one the call fails with %ARANGO_ERROR_TOKEN_EXPIRED; for one the server
 * refuses otherwise (not signed by it, or a superuser token, which names
 * no user) with %ARANGO_ERROR_AUTHENTICATION_FAILED. A handle with HTTP
 * basic authentication fails with %ARANGO_ERROR_INVALID_ARGUMENT, and
 * nothing is sent. A handle opened with a user name and password may be
 * renewed too, though it also logs in again by itself.
 */
void
arango_database_renew_token_async (ArangoDatabase      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;
  GTask *task;

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, arango_database_renew_token_async);

  context = arango_database_get_context (self);
  if (!arango_auth_uses_token (context->auth))
    {
      GError *error = NULL;

      set_no_token_error (&error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Not a database call: it never runs as an async job, and a second
   * renewal is as harmless as the first, so it may be sent again. */
  request = arango_request_new (SOUP_METHOD_POST, "/_open/auth/renew", NULL);
  arango_request_set_auth (request, context->auth);
  arango_request_set_idempotent (request, TRUE);
  arango_connection_send_async (context->client, request, cancellable,
                                on_renew_reply, task);
}

/**
 * arango_database_renew_token_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_renew_token_async().
 *
 * Returns: (transfer full) (nullable): the new token, which the handle
 *   now carries; %NULL without an error when the server kept the current
 *   one, or %NULL with an error
 */
char *
arango_database_renew_token_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, arango_database_renew_token_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * arango_database_renew_token_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_renew_token_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread, and the
 * notifications of a new token are emitted in it.
 *
 * Returns: (transfer full) (nullable): the new token, which the handle
 *   now carries; %NULL without an error when the server kept the current
 *   one, or %NULL with an error
 */
char *
arango_database_renew_token_sync (ArangoDatabase  *self,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_database_renew_token_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_renew_token_finish (self, arango_sync_call_wait (call), error);
}
