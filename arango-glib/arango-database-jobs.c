/* arango-database-jobs.c: async execution, and the jobs of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-jobs.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

/**
 * arango_database_begin_async_execution:
 * @self: an #ArangoDatabase
 * @return_result: whether the server keeps each call's result
 *
 * Makes a handle on the same database whose calls the server runs as
 * async jobs (`x-arango-async: store`, or `true` without @return_result),
 * and so do the calls of the collections, cluster API and other handles
 * got from it. Such a call's callback gets its #ArangoJob from
 * arango_job_new_from_result(); see #ArangoJob for the rest.
 *
 * Nothing is sent. Job management (arango_database_async_jobs_async(),
 * the #ArangoJob calls) always runs directly.
 *
 * Returns: (transfer full): a new database handle
 */
ArangoDatabase *
arango_database_begin_async_execution (ArangoDatabase *self,
                                       gboolean        return_result)
{
  g_autoptr(ArangoContext) context = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  context = arango_context_new_async (arango_database_get_context (self), return_result);
  return arango_database_new_for_context (context);
}

/**
 * arango_database_is_async:
 * @self: an #ArangoDatabase
 *
 * Tells whether the handle's calls run as async jobs.
 *
 * Returns: %TRUE for a handle from arango_database_begin_async_execution()
 */
gboolean
arango_database_is_async (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  return arango_database_get_context (self)->async_mode != NULL;
}

static ArangoContext *
direct_context (ArangoDatabase *self)
{
  return arango_context_get_direct (arango_database_get_context (self));
}

/* GET /_api/job/done answers with a bare array of ids. */
static void
reply_id_list (GTask          *task,
               ArangoResponse *response,
               gconstpointer   unused)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (response->body == NULL || !JSON_NODE_HOLDS_ARRAY (response->body))
    {
      arango_task_return_invalid_reply (task, response, "[]");
      return;
    }
  array = json_node_get_array (response->body);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          arango_task_return_invalid_reply (task, response, "[]");
          return;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
}

/**
 * arango_database_async_jobs_async:
 * @self: an #ArangoDatabase
 * @status: which jobs: finished or pending ones
 * @count: the most ids to return; 0 for the server's default (100)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the ids of the jobs with @status (`GET /_api/job/done` or
 * `/_api/job/pending`). On a cluster each coordinator keeps its own jobs:
 * the list is that of the coordinator the request goes to.
 */
void
arango_database_async_jobs_async (ArangoDatabase      *self,
                                  ArangoJobStatus      status,
                                  guint                count,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (status != ARANGO_JOB_STATUS_DONE && status != ARANGO_JOB_STATUS_PENDING)
    {
      g_task_report_new_error (self, callback, user_data, arango_database_async_jobs_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Unknown job status %d"), (int) status);
      return;
    }

  context = direct_context (self);
  request = arango_context_request (context, SOUP_METHOD_GET, "/_api/job",
                                    status == ARANGO_JOB_STATUS_DONE ? "done" : "pending",
                                    NULL);
  if (count > 0)
    arango_request_add_query_uint (request, "count", count);
  arango_context_call (context, self, request, reply_id_list, NULL,
                       arango_database_async_jobs_async, cancellable, callback, user_data);
}

/**
 * arango_database_async_jobs_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_async_jobs_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the job ids, newest
 *   first, or %NULL with an error
 */
char **
arango_database_async_jobs_finish (ArangoDatabase  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_call_finish_pointer (self, result, arango_database_async_jobs_async, error);
}

/**
 * arango_database_async_jobs_sync:
 * @self: an #ArangoDatabase
 * @status: which jobs: finished or pending ones
 * @count: the most ids to return; 0 for the server's default (100)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_async_jobs_async().
 *
 * Returns: (transfer full) (array zero-terminated=1): the job ids, or
 *   %NULL with an error
 */
char **
arango_database_async_jobs_sync (ArangoDatabase   *self,
                                 ArangoJobStatus   status,
                                 guint             count,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_database_async_jobs_async (self, status, count, cancellable, arango_sync_call_done, call);
  return arango_database_async_jobs_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_clear_async_jobs_async:
 * @self: an #ArangoDatabase
 * @threshold: a time in seconds since the epoch (as `/_admin/time` gives
 *   it): the jobs made before it go; 0 or less: every job
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes the server forget jobs and their results, pending ones included
 * (`DELETE /_api/job/all` or `/_api/job/expired?stamp=`), on the
 * coordinator the request goes to.
 */
void
arango_database_clear_async_jobs_async (ArangoDatabase      *self,
                                        gdouble              threshold,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  ArangoContext *context;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  context = direct_context (self);
  if (threshold > 0)
    {
      char stamp[G_ASCII_DTOSTR_BUF_SIZE];

      request = arango_context_request (context, SOUP_METHOD_DELETE, "/_api/job", "expired", NULL);
      arango_request_add_query (request, "stamp", g_ascii_dtostr (stamp, sizeof stamp, threshold));
    }
  else
    {
      request = arango_context_request (context, SOUP_METHOD_DELETE, "/_api/job", "all", NULL);
    }
  arango_context_call (context, self, request, arango_reply_true, NULL,
                       arango_database_clear_async_jobs_async, cancellable, callback, user_data);
}

/**
 * arango_database_clear_async_jobs_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_database_clear_async_jobs_async().
 *
 * Returns: %TRUE when the jobs were cleared, %FALSE with an error
 */
gboolean
arango_database_clear_async_jobs_finish (ArangoDatabase  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_database_clear_async_jobs_async, error);
}

/**
 * arango_database_clear_async_jobs_sync:
 * @self: an #ArangoDatabase
 * @threshold: a time in seconds since the epoch: the jobs made before it
 *   go; 0 or less: every job
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_clear_async_jobs_async().
 *
 * Returns: %TRUE when the jobs were cleared, %FALSE with an error
 */
gboolean
arango_database_clear_async_jobs_sync (ArangoDatabase  *self,
                                       gdouble          threshold,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_database_clear_async_jobs_async (self, threshold, cancellable, arango_sync_call_done, call);
  return arango_database_clear_async_jobs_finish (self, arango_sync_call_wait (call), error);
}
