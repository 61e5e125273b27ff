/* arango-context.c: where a handle's requests go, and as whom
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-client.h"
#include "arango-context-private.h"
#include "arango-job-private.h"
#include "arango-request-private.h"

ArangoContext *
arango_context_new (ArangoClient *client,
                    const char   *database,
                    ArangoAuth   *auth)
{
  ArangoContext *self = g_new0 (ArangoContext, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->client = g_object_ref (client);
  self->database = g_strdup (database);
  self->auth = arango_auth_ref (auth);
  return self;
}

ArangoContext *
arango_context_new_transaction (ArangoContext *base,
                                const char    *transaction_id,
                                ArangoHost    *host)
{
  ArangoContext *self = arango_context_new (base->client, base->database, base->auth);

  self->transaction_id = g_strdup (transaction_id);
  self->host = arango_host_ref (host);
  return self;
}

/* Every call made through the new context runs as an async job
 * (x-arango-async: store, or true when no result is wanted). */
ArangoContext *
arango_context_new_async (ArangoContext *base,
                          gboolean       return_result)
{
  ArangoContext *direct = arango_context_get_direct (base);
  ArangoContext *self = arango_context_new (direct->client, direct->database, direct->auth);

  self->async_mode = return_result ? "store" : "true";
  self->direct = arango_context_ref (direct);
  return self;
}

/* The context without async execution: for what a job's result hands
 * back (a cursor's batches are ordinary requests) and the job calls. */
ArangoContext *
arango_context_get_direct (ArangoContext *self)
{
  return self->direct != NULL ? self->direct : self;
}

ArangoContext *
arango_context_ref (ArangoContext *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arango_context_unref (ArangoContext *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->client);
  g_clear_pointer (&self->auth, arango_auth_unref);
  g_clear_pointer (&self->host, arango_host_unref);
  g_clear_pointer (&self->direct, arango_context_unref);
  g_free (self->database);
  g_free (self->transaction_id);
  g_free (self);
}

/* A request to the database prefix with the credentials; inside a stream
 * transaction also its id, on the coordinator that holds it. */
ArangoRequest *
arango_context_request (ArangoContext *self,
                        const char    *method,
                        const char    *path,
                        ...)
{
  ArangoRequest *request;
  va_list segments;

  va_start (segments, path);
  request = arango_request_new_valist (method, path, segments);
  va_end (segments);

  arango_request_set_database (request, self->database);
  arango_request_set_auth (request, self->auth);
  if (self->transaction_id)
    {
      arango_request_add_header (request, "x-arango-trx-id", self->transaction_id);
      arango_request_pin_to_host (request, self->host);
    }
  return request;
}

void
arango_context_call (ArangoContext       *self,
                     gpointer             source_object,
                     ArangoRequest       *request,
                     ArangoReplyFunc      reply_func,
                     gconstpointer        reply_data,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  if (self->async_mode != NULL)
    {
      arango_job_submit_async (source_object, self, request, reply_func, reply_data,
                               source_tag, cancellable, callback, user_data);
      return;
    }
  arango_call_async (source_object, self->client, request, reply_func,
                     reply_data, source_tag, cancellable, callback, user_data);
}
