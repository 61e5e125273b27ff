/* arango-job.c: a call the server runs in the background
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-error.h"
#include "arango-job-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoJob:
 *
 * A call that the server queued as an async job (`x-arango-async`), made
 * through a database handle from arango_database_begin_async_execution().
 *
 * The call's callback gets the job from arango_job_new_from_result(). Its
 * result comes from arango_job_result_async(), whose callback finishes it
 * with the original call's own `_finish` function, so a job's result is
 * read exactly as the direct call's would be.
 *
 * A job lives on the coordinator that took it: every request about it
 * goes there, whatever the client's resolver would choose.
 */

struct _ArangoJob
{
  GObject parent_instance;

  char *id;                 /* NULL: the server keeps no result */
  ArangoContext *context;   /* without async execution */
  ArangoHost *host;         /* the coordinator that took the job */

  /* The call that made the job, to turn its stored reply into a result. */
  GObject *source_object;
  gpointer source_tag;
  ArangoReplyFunc reply_func;
  gconstpointer reply_data;
  ArangoReplyForm reply_form;   /* how the call reads its reply */
};

G_DEFINE_FINAL_TYPE (ArangoJob, arango_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The job travels on the task of the call that made it. */
#define TASK_JOB_KEY "arango-job"

typedef struct
{
  ArangoContext *context;
  ArangoReplyFunc reply_func;
  gconstpointer reply_data;
  ArangoReplyForm reply_form;
} SubmitData;

static void
submit_data_free (gpointer data)
{
  SubmitData *submit = data;

  arango_context_unref (submit->context);
  g_free (submit);
}

static void
arango_job_finalize (GObject *object)
{
  ArangoJob *self = ARANGO_JOB (object);

  g_free (self->id);
  g_clear_pointer (&self->context, arango_context_unref);
  g_clear_pointer (&self->host, arango_host_unref);
  g_clear_object (&self->source_object);

  G_OBJECT_CLASS (arango_job_parent_class)->finalize (object);
}

static void
arango_job_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ArangoJob *self = ARANGO_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_job_class_init (ArangoJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_job_finalize;
  object_class->get_property = arango_job_get_property;

  /**
   * ArangoJob:id: (getter get_id)
   *
   * The job id the server gave (`x-arango-async-id`); %NULL for a job
   * whose result the server does not keep.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_job_init (ArangoJob *self)
{
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SubmitData *data = g_task_get_task_data (task);
  g_autoptr(ArangoResponse) response = NULL;
  GError *error = NULL;
  ArangoJob *job;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A server that ran the call at once: its reply is the result. */
  if (response->status != SOUP_STATUS_ACCEPTED)
    {
      data->reply_func (task, response, data->reply_data);
      return;
    }

  job = g_object_new (ARANGO_TYPE_JOB, NULL);
  job->id = g_strdup (soup_message_headers_get_one (response->headers, "x-arango-async-id"));
  job->context = arango_context_ref (data->context);
  job->host = arango_host_ref (response->host);
  job->source_object = g_object_ref (g_task_get_source_object (task));
  job->source_tag = g_task_get_source_tag (task);
  job->reply_func = data->reply_func;
  job->reply_data = data->reply_data;
  job->reply_form = data->reply_form;
  g_object_set_data_full (G_OBJECT (task), TASK_JOB_KEY, job, g_object_unref);

  /* The call's own _finish must not mistake the job for its result. */
  if (job->id != NULL)
    g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_ASYNC_JOB,
                             _("The call was submitted as async job %s; get the job with arango_job_new_from_result()"),
                             job->id);
  else
    g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_ASYNC_JOB,
                             _("The call was submitted as an async job whose result the server does not keep"));
}

/* Sends @request (taking ownership) with `x-arango-async`; the task of
 * @source_object and @source_tag fails with ARANGO_ERROR_ASYNC_JOB and
 * carries the ArangoJob. */
void
arango_job_submit_async (gpointer             source_object,
                         ArangoContext       *context,
                         ArangoRequest       *request,
                         ArangoReplyFunc      reply_func,
                         gconstpointer        reply_data,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);
  SubmitData *data = g_new0 (SubmitData, 1);

  g_task_set_source_tag (task, source_tag);
  data->context = arango_context_ref (arango_context_get_direct (context));
  data->reply_func = reply_func;
  data->reply_data = reply_data;
  /* The stored reply is the call's own: its reply function reads it
   * as it would have read the direct one. */
  data->reply_form = request->reply_form;
  /* The submission's own reply is the job manager's empty one. */
  request->reply_form = (ArangoReplyForm) { 0 };
  g_task_set_task_data (task, data, submit_data_free);

  arango_request_add_header (request, "x-arango-async", context->async_mode);
  arango_connection_send_async (context->client, request, cancellable, on_submitted, task);
}

/**
 * arango_job_new_from_result:
 * @result: the #GAsyncResult a call made through an async execution
 *   handle gave its callback
 * @error: return location for a #GError
 *
 * Gets the job the server made of a call sent through a handle from
 * arango_database_begin_async_execution(). Call it in the call's callback
 * instead of the call's `_finish` function (which fails with
 * %ARANGO_ERROR_ASYNC_JOB for such calls).
 *
 * Returns: (transfer full): the job, or %NULL with @error set: the error
 *   that kept the call from being queued, or %ARANGO_ERROR_INVALID_ARGUMENT
 *   for a result of a call that was not sent as a job
 */
ArangoJob *
arango_job_new_from_result (GAsyncResult  *result,
                            GError       **error)
{
  ArangoJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = g_object_get_data (G_OBJECT (result), TASK_JOB_KEY);
  if (job != NULL)
    return g_object_ref (job);

  if (g_task_had_error (G_TASK (result)))
    return g_task_propagate_pointer (G_TASK (result), error);

  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
               _("The call was not sent as an async job; finish it with its own _finish function"));
  return NULL;
}

/**
 * arango_job_get_id: (get-property id)
 * @self: an #ArangoJob
 *
 * Gets the job id.
 *
 * Returns: (nullable): the id, or %NULL when the server keeps no result
 */
const char *
arango_job_get_id (ArangoJob *self)
{
  g_return_val_if_fail (ARANGO_IS_JOB (self), NULL);

  return self->id;
}

#define NO_RESULT_MESSAGE \
  _("The server keeps nothing of this job: it was submitted without return_result")

/* A request about the job, to the coordinator that holds it. */
static ArangoRequest *
job_request (ArangoJob  *self,
             const char *method,
             const char *action)
{
  ArangoRequest *request;

  request = arango_context_request (self->context, method, "/_api/job", self->id, action, NULL);
  arango_request_pin_to_host (request, self->host);
  return request;
}

static void
job_call (ArangoJob           *self,
          const char          *method,
          const char          *action,
          ArangoReplyFunc      reply_func,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  if (self->id == NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag, ARANGO_ERROR,
                               ARANGO_ERROR_INVALID_ARGUMENT, NO_RESULT_MESSAGE);
      return;
    }
  arango_call_async (self, self->context->client, job_request (self, method, action),
                     reply_func, NULL, source_tag, cancellable, callback, user_data);
}

static void
reply_job_status (GTask          *task,
                  ArangoResponse *response,
                  gconstpointer   unused)
{
  g_task_return_int (task, response->status == SOUP_STATUS_NO_CONTENT ? ARANGO_JOB_STATUS_PENDING
                                                                    : ARANGO_JOB_STATUS_DONE);
}

/**
 * arango_job_status_async:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks whether the job has finished (`GET /_api/job/{id}`).
 */
void
arango_job_status_async (ArangoJob           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job_call (self, SOUP_METHOD_GET, NULL, reply_job_status, arango_job_status_async,
            cancellable, callback, user_data);
}

/**
 * arango_job_status_finish:
 * @self: an #ArangoJob
 * @result: the #GAsyncResult given to the callback
 * @status: (out): the job's status
 * @error: return location for a #GError
 *
 * Finishes arango_job_status_async(). A job whose result was fetched or
 * cleared is unknown to the server: %ARANGO_SERVER_ERROR_HTTP_NOT_FOUND.
 *
 * Returns: %TRUE with @status set, or %FALSE with an error
 */
gboolean
arango_job_status_finish (ArangoJob        *self,
                          GAsyncResult     *result,
                          ArangoJobStatus  *status,
                          GError          **error)
{
  gssize value;

  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  value = arango_call_finish_int (self, result, arango_job_status_async, error);
  if (value < 0)
    return FALSE;
  *status = (ArangoJobStatus) value;
  return TRUE;
}

/**
 * arango_job_status_sync:
 * @self: an #ArangoJob
 * @status: (out): the job's status
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_job_status_async().
 *
 * Returns: %TRUE with @status set, or %FALSE with an error
 */
gboolean
arango_job_status_sync (ArangoJob        *self,
                        ArangoJobStatus  *status,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  call = arango_sync_call_begin ();
  arango_job_status_async (self, cancellable, arango_sync_call_done, call);
  return arango_job_status_finish (self, arango_sync_call_wait (call), status, error);
}

/**
 * arango_job_result_async:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Fetches the job's result (`PUT /_api/job/{id}`); the server hands it
 * out once, then forgets the job.
 *
 * @callback gets the object the original call was made on as its source
 * object, and finishes with that call's own `_finish` function (for
 * example arango_collection_insert_finish()), which returns what the
 * direct call would have returned, or its error. A job that has not
 * finished yet fails with %ARANGO_ERROR_JOB_PENDING; one the server does
 * not know (any more) with %ARANGO_SERVER_ERROR_HTTP_NOT_FOUND.
 */
void
arango_job_result_async (ArangoJob           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->id == NULL)
    {
      g_task_report_new_error (self->source_object, callback, user_data, self->source_tag,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT, NO_RESULT_MESSAGE);
      return;
    }
  request = job_request (self, SOUP_METHOD_PUT, NULL);
  request->reply_form = self->reply_form;
  arango_call_job_result_async (self->source_object, self->context->client, request,
                                self->reply_func, self->reply_data, self->source_tag,
                                cancellable, callback, user_data);
}

/**
 * arango_job_result_sync:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 *
 * The blocking form of arango_job_result_async(): pass what it returns
 * to the original call's `_finish` function, as the callback would.
 *
 * Returns: (transfer full): the result to finish the original call with
 */
GAsyncResult *
arango_job_result_sync (ArangoJob    *self,
                        GCancellable *cancellable)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_JOB (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_job_result_async (self, cancellable, arango_sync_call_done, call);
  return g_object_ref (arango_sync_call_wait (call));
}

/**
 * arango_job_cancel_async:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Asks the server to cancel the job (`PUT /_api/job/{id}/cancel`). The
 * server may take a moment to stop it; a cancelled query's result is then
 * its "query killed" error.
 */
void
arango_job_cancel_async (ArangoJob           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job_call (self, SOUP_METHOD_PUT, "cancel", arango_reply_true, arango_job_cancel_async,
            cancellable, callback, user_data);
}

/**
 * arango_job_cancel_finish:
 * @self: an #ArangoJob
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_job_cancel_async().
 *
 * Returns: %TRUE when the server took the request, %FALSE with an error
 */
gboolean
arango_job_cancel_finish (ArangoJob     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_job_cancel_async, error);
}

/**
 * arango_job_cancel_sync:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_job_cancel_async().
 *
 * Returns: %TRUE when the server took the request, %FALSE with an error
 */
gboolean
arango_job_cancel_sync (ArangoJob     *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_job_cancel_async (self, cancellable, arango_sync_call_done, call);
  return arango_job_cancel_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_job_clear_async:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Makes the server forget the job and its result (`DELETE /_api/job/{id}`).
 */
void
arango_job_clear_async (ArangoJob           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_JOB (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job_call (self, SOUP_METHOD_DELETE, NULL, arango_reply_true, arango_job_clear_async,
            cancellable, callback, user_data);
}

/**
 * arango_job_clear_finish:
 * @self: an #ArangoJob
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes arango_job_clear_async().
 *
 * Returns: %TRUE when the server forgot the job, %FALSE with an error
 */
gboolean
arango_job_clear_finish (ArangoJob     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);

  return arango_call_finish_boolean (self, result, arango_job_clear_async, error);
}

/**
 * arango_job_clear_sync:
 * @self: an #ArangoJob
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_job_clear_async().
 *
 * Returns: %TRUE when the server forgot the job, %FALSE with an error
 */
gboolean
arango_job_clear_sync (ArangoJob     *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_JOB (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  call = arango_sync_call_begin ();
  arango_job_clear_async (self, cancellable, arango_sync_call_done, call);
  return arango_job_clear_finish (self, arango_sync_call_wait (call), error);
}
