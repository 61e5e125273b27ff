/* emulator-jobs.c: requests run as async jobs, and the /_api/job endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A request with `x-arango-async: store` is answered 202 with an
 * `x-arango-async-id` and its reply is kept; `true` keeps nothing. The
 * emulator runs the request at once, on the message it came with, and
 * takes the reply back from the message before answering 202. A job stays
 * pending for as long as the AQL SLEEP() calls of its query asked for (the
 * emulator never blocks), which is how the recorded examples keep jobs
 * pending. Jobs live on the Coordinator that took them, as on a cluster:
 * another one answers 404 for them.
 */

#include "emulator-jobs.h"

#include "emulator-reply.h"
#include "emulator-router.h"

/* A cancelled query notices the kill flag between two rows; until then its
 * job is still listed as pending (3.12/job_cancel_single.json). */
#define CANCEL_DELAY_USEC (200 * 1000)

typedef struct {
  char               *id;
  EmuCoordinator     *coordinator;
  gdouble             stamp;       /* creation, seconds since the epoch */
  gint64              done_at;     /* g_get_monotonic_time () */
  guint               status;
  char               *content_type;
  SoupMessageHeaders *headers;
  GBytes             *body;
} EmuJob;

static void
emu_job_free (gpointer data)
{
  EmuJob *job = data;

  g_free (job->id);
  g_free (job->content_type);
  g_clear_pointer (&job->headers, soup_message_headers_unref);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static GHashTable *
jobs_of (EmuState *state)
{
  if (state->jobs == NULL)
    state->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, emu_job_free);
  return state->jobs;
}

static gboolean
job_is_done (EmuJob *job)
{
  return g_get_monotonic_time () >= job->done_at;
}

static EmuJob *
lookup_job (EmuRequest *req,
            const char *id)
{
  EmuJob *job = g_hash_table_lookup (jobs_of (req->state), id);

  return job != NULL && job->coordinator == req->coordinator ? job : NULL;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  SoupMessageHeaders *headers = user_data;

  if (g_ascii_strcasecmp (name, "Content-Length") != 0 &&
      g_ascii_strcasecmp (name, "Content-Type") != 0)
    soup_message_headers_append (headers, name, value);
}

/* Takes the reply a handler wrote into @msg, and leaves @msg empty.
 * Every handler answers before it returns (none pauses its message). */
static void
take_reply (EmuJob            *job,
            SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  job->status = soup_server_message_get_status (msg);
  job->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  job->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_foreach (headers, copy_header, job->headers);
  job->body = soup_message_body_flatten (body);

  soup_message_headers_clear (headers);
  soup_message_body_truncate (body);
}

gboolean
emu_jobs_run_as_job (EmuRequest   *req,
                     EmuRouteFunc  route)
{
  const char *mode = emu_request_get_header (req, "x-arango-async");
  EmuJob *job;

  if (mode == NULL ||
      (g_ascii_strcasecmp (mode, "store") != 0 && g_ascii_strcasecmp (mode, "true") != 0))
    return FALSE;

  job = g_new0 (EmuJob, 1);
  job->id = emu_state_next_id (req->state);
  job->coordinator = req->coordinator;
  job->stamp = g_get_real_time () / (gdouble) G_USEC_PER_SEC;

  req->state->aql_slept = 0;
  route (req);
  job->done_at = g_get_monotonic_time () + (gint64) (req->state->aql_slept * G_USEC_PER_SEC);
  req->state->aql_slept = 0;
  take_reply (job, req->msg);

  emu_reply_empty (req->msg, SOUP_STATUS_ACCEPTED);
  if (g_ascii_strcasecmp (mode, "store") != 0)
    {
      emu_job_free (job);
      return TRUE;
    }
  soup_message_headers_append (soup_server_message_get_response_headers (req->msg),
                               "x-arango-async-id", job->id);
  g_hash_table_insert (jobs_of (req->state), job->id, job);
  return TRUE;
}

static void
reply_not_found (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, "not found");
}

static void
reply_bad_parameter (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   "bad parameter");
}

static void
reply_result_true (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "result", TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
replace_header (const char *name,
                const char *value,
                gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

/* PUT /_api/job/{id}: the stored reply, once, with the job id. */
static void
handle_fetch (EmuRequest *req)
{
  EmuJob *job = lookup_job (req, emu_request_get_param (req, "id"));
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  gsize length;
  const char *body;

  if (job == NULL)
    {
      reply_not_found (req);
      return;
    }
  if (!job_is_done (job))
    {
      emu_reply_empty (req->msg, SOUP_STATUS_NO_CONTENT);
      return;
    }

  body = g_bytes_get_data (job->body, &length);
  emu_reply_raw (req->msg, job->status, job->content_type, body, length);
  soup_message_headers_foreach (job->headers, replace_header, headers);
  soup_message_headers_append (headers, "x-arango-async-id", job->id);
  g_hash_table_remove (jobs_of (req->state), job->id);
}

/* GET /_api/job/{id}: 200 done, 204 pending; GET /_api/job/done|pending:
 * the ids, newest first, at most `count`. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  guint64 left = g_ascii_strtoull (*(const char * const *) a, NULL, 10);
  guint64 right = g_ascii_strtoull (*(const char * const *) b, NULL, 10);

  return left < right ? 1 : left > right ? -1 : 0;
}

static void
reply_job_list (EmuRequest *req,
                gboolean    done)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *count_text = emu_request_get_query (req, "count");
  guint64 count = count_text != NULL ? g_ascii_strtoull (count_text, NULL, 10) : 100;
  GHashTableIter iter;
  EmuJob *job;
  guint i;

  g_hash_table_iter_init (&iter, jobs_of (req->state));
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &job))
    if (job->coordinator == req->coordinator && job_is_done (job) == done)
      g_ptr_array_add (ids, job->id);
  g_ptr_array_sort (ids, compare_newest_first);

  json_builder_begin_array (builder);
  for (i = 0; i < ids->len && i < count; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_status (EmuRequest *req)
{
  const char *id = emu_request_get_param (req, "id");
  EmuJob *job;

  if (g_str_equal (id, "done") || g_str_equal (id, "pending"))
    {
      reply_job_list (req, g_str_equal (id, "done"));
      return;
    }

  job = lookup_job (req, id);
  if (job == NULL)
    reply_not_found (req);
  else
    emu_reply_empty (req->msg, job_is_done (job) ? SOUP_STATUS_OK : SOUP_STATUS_NO_CONTENT);
}

/* DELETE /_api/job/all, /_api/job/expired?stamp=S (jobs made before S),
 * /_api/job/{id}; pending jobs go too, their replies are dropped. */
static void
handle_delete (EmuRequest *req)
{
  const char *id = emu_request_get_param (req, "id");
  GHashTable *jobs = jobs_of (req->state);
  GHashTableIter iter;
  EmuJob *job;

  if (g_str_equal (id, "all") || g_str_equal (id, "expired"))
    {
      const char *stamp_text = emu_request_get_query (req, "stamp");
      gboolean all = g_str_equal (id, "all");
      gdouble stamp = stamp_text != NULL ? g_ascii_strtod (stamp_text, NULL) : 0;

      if (!all && stamp_text == NULL)
        {
          reply_bad_parameter (req);
          return;
        }
      g_hash_table_iter_init (&iter, jobs);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &job))
        if (job->coordinator == req->coordinator && (all || job->stamp < stamp))
          g_hash_table_iter_remove (&iter);
      reply_result_true (req);
      return;
    }

  job = lookup_job (req, id);
  if (job == NULL)
    {
      reply_not_found (req);
      return;
    }
  g_hash_table_remove (jobs, job->id);
  reply_result_true (req);
}

/* PUT /_api/job/{id}/cancel: a pending query is killed a moment later
 * and its job keeps the error it then fails with. */
static void
handle_cancel (EmuRequest *req)
{
  EmuJob *job = lookup_job (req, emu_request_get_param (req, "id"));
  static const char killed[] =
    "{\"code\":410,\"error\":true,\"errorMessage\":\"query killed\",\"errorNum\":1500}";

  if (job == NULL)
    {
      reply_not_found (req);
      return;
    }
  if (!job_is_done (job))
    {
      job->done_at = MIN (job->done_at, g_get_monotonic_time () + CANCEL_DELAY_USEC);
      job->status = 410;
      g_free (job->content_type);
      job->content_type = g_strdup ("application/json");
      g_bytes_unref (job->body);
      job->body = g_bytes_new_static (killed, sizeof killed - 1);
      soup_message_headers_remove (job->headers, "Etag");
      soup_message_headers_remove (job->headers, "Location");
    }
  reply_result_true (req);
}

static const EmuRoute job_routes[] = {
  { "PUT",    "/_api/job",             reply_bad_parameter },
  { "PUT",    "/_api/job/{id}",        handle_fetch },
  { "PUT",    "/_api/job/{id}/cancel", handle_cancel },
  { "GET",    "/_api/job",             reply_bad_parameter },
  { "GET",    "/_api/job/{id}",        handle_status },
  { "DELETE", "/_api/job",             reply_bad_parameter },
  { "DELETE", "/_api/job/{id}",        handle_delete },
};

void
emu_jobs_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, job_routes, G_N_ELEMENTS (job_routes));
}
