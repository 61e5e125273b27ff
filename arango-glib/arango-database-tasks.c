/* arango-database-tasks.c: server tasks, JavaScript the server runs once
 * or periodically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Tasks need the server's JavaScript: a server started with
 * --javascript.enabled false refuses every call here with
 * ARANGO_SERVER_ERROR_NOT_IMPLEMENTED (HTTP 501), as the emulator does.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-call-private.h"
#include "arango-database-private.h"
#include "arango-database-tasks.h"
#include "arango-error.h"
#include "arango-sync-private.h"
#include "arango-task-options-private.h"

/**
 * arango_database_tasks_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the server's tasks (`GET /_api/tasks`).
 */
void
arango_database_tasks_async (ArangoDatabase      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  /* The reply is the bare array, with no error and code members. */
  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_body_array, NULL,
                        arango_database_tasks_async, cancellable, callback, user_data,
                        "/_api/tasks", NULL);
}

/**
 * arango_database_tasks_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_tasks_async().
 *
 * Returns: (transfer full): the tasks, each an object as
 *   arango_database_task_finish() returns it; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_NOT_IMPLEMENTED from a server without JavaScript
 */
JsonArray *
arango_database_tasks_finish (ArangoDatabase  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_tasks_async, error);
}

/**
 * arango_database_tasks_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_tasks_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the tasks, each an object as
 *   arango_database_task_finish() returns it; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_NOT_IMPLEMENTED from a server without JavaScript
 */
JsonArray *
arango_database_tasks_sync (ArangoDatabase  *self,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_tasks_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_tasks_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_task_async:
 * @self: an #ArangoDatabase
 * @id: the task's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads one task (`GET /_api/tasks/{id}`).
 */
void
arango_database_task_async (ArangoDatabase      *self,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, id, N_("The task id is empty"),
                          arango_database_task_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_GET, NULL,
                        arango_reply_object, NULL,
                        arango_database_task_async, cancellable, callback, user_data,
                        "/_api/tasks", id, NULL);
}

/**
 * arango_database_task_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_task_async().
 *
 * Returns: (transfer full): the task: `id`, `name`, `type` (`periodic`
 *   or `timed`), `period` (of a periodic task), `offset`, `created` (in
 *   seconds since the epoch), `command` (as the server wrapped it) and
 *   `database`; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_NOT_FOUND
 */
JsonObject *
arango_database_task_finish (ArangoDatabase  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_task_async, error);
}

/**
 * arango_database_task_sync:
 * @self: an #ArangoDatabase
 * @id: the task's id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_task_async(), for scripts, tools
 * and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the task, as arango_database_task_finish()
 *   returns it; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_NOT_FOUND
 */
JsonObject *
arango_database_task_sync (ArangoDatabase  *self,
                           const char      *id,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_task_async (self, id, cancellable, arango_sync_call_done, call);
  return arango_database_task_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_task_async:
 * @self: an #ArangoDatabase
 * @command: the JavaScript to run; it sees the task's parameters as
 *   `params`
 * @options: (nullable): the task's id, name, parameters, period and
 *   offset; %NULL: the server's defaults, a task that runs once, at once
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates a task in this database: `POST /_api/tasks`, where the server
 * picks the id, or `PUT /_api/tasks/{id}` with #ArangoTaskOptions:id.
 * An empty @command or id is refused with %ARANGO_ERROR_INVALID_ARGUMENT
 * before a request is sent.
 */
void
arango_database_create_task_async (ArangoDatabase      *self,
                                   const char          *command,
                                   ArangoTaskOptions   *options,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *id;
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (options == NULL || ARANGO_IS_TASK_OPTIONS (options));

  id = arango_task_options_get_id (options);
  if (!arango_check_text (self, command, N_("The task command is empty"),
                          arango_database_create_task_async, callback, user_data))
    return;
  /* PUT /_api/tasks/ with no id would be a server error (400). */
  if (id != NULL &&
      !arango_check_text (self, id, N_("The task id is empty"),
                          arango_database_create_task_async, callback, user_data))
    return;

  body = json_object_new ();
  json_object_set_string_member (body, "command", command);
  arango_task_options_apply (options, body);
  arango_database_call (self, id != NULL ? SOUP_METHOD_PUT : SOUP_METHOD_POST, body,
                        arango_reply_object, NULL,
                        arango_database_create_task_async, cancellable, callback, user_data,
                        "/_api/tasks", id, NULL);
}

/**
 * arango_database_create_task_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_task_async().
 *
 * Returns: (transfer full): the new task, as arango_database_task_finish()
 *   returns it; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_DUPLICATE_ID, or
 *   %ARANGO_SERVER_ERROR_BAD_PARAMETER for a command that does not compile
 */
JsonObject *
arango_database_create_task_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_task_async, error);
}

/**
 * arango_database_create_task_sync:
 * @self: an #ArangoDatabase
 * @command: the JavaScript to run; it sees the task's parameters as
 *   `params`
 * @options: (nullable): the task's id, name, parameters, period and
 *   offset; %NULL: the server's defaults, a task that runs once, at once
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_task_async(), for scripts,
 * tools and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: (transfer full): the new task, as arango_database_task_finish()
 *   returns it; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_DUPLICATE_ID
 */
JsonObject *
arango_database_create_task_sync (ArangoDatabase     *self,
                                  const char         *command,
                                  ArangoTaskOptions  *options,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_task_async (self, command, options, cancellable, arango_sync_call_done, call);
  return arango_database_create_task_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_task_async:
 * @self: an #ArangoDatabase
 * @id: the task's id
 * @ignore_missing: whether a task that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a task (`DELETE /_api/tasks/{id}`); a periodic task runs no
 * more.
 */
void
arango_database_delete_task_async (ArangoDatabase      *self,
                                   const char          *id,
                                   gboolean             ignore_missing,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!arango_check_text (self, id, N_("The task id is empty"),
                          arango_database_delete_task_async, callback, user_data))
    return;

  arango_database_call (self, SOUP_METHOD_DELETE, NULL,
                        arango_delete_reply (ignore_missing),
                        arango_delete_reply_data (ignore_missing, ARANGO_SERVER_ERROR_TASK_NOT_FOUND),
                        arango_database_delete_task_async, cancellable, callback, user_data,
                        "/_api/tasks", id, NULL);
}

/**
 * arango_database_delete_task_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_task_async().
 *
 * Returns: %TRUE if the task was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_NOT_FOUND
 */
gboolean
arango_database_delete_task_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_task_async, error);
}

/**
 * arango_database_delete_task_sync:
 * @self: an #ArangoDatabase
 * @id: the task's id
 * @ignore_missing: whether a task that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_task_async(), for scripts,
 * tools and worker threads; a GUI's main thread should use the async form.
 *
 * Returns: %TRUE if the task was deleted; %FALSE if it did not exist
 *   (with @ignore_missing), or with an error such as
 *   %ARANGO_SERVER_ERROR_TASK_NOT_FOUND
 */
gboolean
arango_database_delete_task_sync (ArangoDatabase  *self,
                                  const char      *id,
                                  gboolean         ignore_missing,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_task_async (self, id, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_delete_task_finish (self, arango_sync_call_wait (call), error);
}
