/* arango-database-access.c: the databases the current user may use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-database-call-private.h"
#include "arango-database-access.h"
#include "arango-sync-private.h"

/**
 * arango_database_list_accessible_databases_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the databases the credentials of @self may use (`GET
 * /_api/database/user`), as python-arango's
 * `databases_accessible_to_user()` does: those where the user has an
 * access level other than none (every database for a superuser, or
 * when the server does not check credentials). Unlike
 * arango_database_list_databases_async() it works from any database the
 * user may use, not only `_system`.
 */
void
arango_database_list_accessible_databases_async (ArangoDatabase      *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_strv_member, "result",
                        arango_database_list_accessible_databases_async, cancellable, callback, user_data,
                        "/_api/database/user", NULL);
}

/**
 * arango_database_list_accessible_databases_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_accessible_databases_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the database names,
 *   sorted; %NULL with an error
 */
char **
arango_database_list_accessible_databases_finish (ArangoDatabase  *self,
                                                  GAsyncResult    *result,
                                                  GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_accessible_databases_async, error);
}

/**
 * arango_database_list_accessible_databases_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_accessible_databases_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full) (array zero-terminated=1): the database names,
 *   sorted; %NULL with an error
 */
char **
arango_database_list_accessible_databases_sync (ArangoDatabase  *self,
                                                GCancellable    *cancellable,
                                                GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_accessible_databases_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_list_accessible_databases_finish (self, arango_sync_call_wait (call), error);
}
