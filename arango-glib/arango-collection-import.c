/* arango-collection-import.c: importing a file of JSON lines, with progress
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "arango-collection-import.h"
#include "arango-collection-private.h"
#include "arango-error.h"
#include "arango-sync-private.h"

#define DEFAULT_CHUNK_SIZE (1024 * 1024)

/* The counters of an import reply, summed over the chunks. */
static const char * const summary_counters[] = {
  "created", "errors", "empty", "updated", "ignored",
};

typedef struct
{
  ArangoCollection *collection;
  GFile *file;
  gsize chunk_size;
  JsonObject *options;
  GFileProgressCallback progress_callback;
  gpointer progress_data;
  GDestroyNotify progress_notify;

  GInputStream *stream;
  goffset total;         /* the file's size when the import began */
  goffset done;          /* bytes of whole lines imported so far */
  GByteArray *pending;   /* read, not yet sent: at most one partial line
                          * between chunks */
  gboolean at_end;
  gsize chunk_length;    /* bytes of pending in the chunk in flight */
  JsonObject *summary;
} ImportJob;

static void read_more (GTask *task);

/* The progress data goes as soon as the import is over, before the
 * caller's callback runs, whoever still holds the result. */
static void
release_progress (ImportJob *job)
{
  GDestroyNotify notify = g_steal_pointer (&job->progress_notify);

  job->progress_callback = NULL;
  if (notify)
    notify (g_steal_pointer (&job->progress_data));
}

static void
import_job_free (ImportJob *job)
{
  release_progress (job);
  g_clear_object (&job->collection);
  g_clear_object (&job->file);
  g_clear_pointer (&job->options, json_object_unref);
  g_clear_object (&job->stream);
  g_clear_pointer (&job->pending, g_byte_array_unref);
  g_clear_pointer (&job->summary, json_object_unref);
  g_free (job);
}

/* Takes @error. */
static void
return_error (GTask  *task,
              GError *error)
{
  release_progress (g_task_get_task_data (task));
  g_task_return_error (task, error);
}

/* Takes @error. */
static void
return_file_error (GTask  *task,
                   GError *error)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_parse_name (job->file);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&error, _("Cannot import “%s”: "), name);
  return_error (task, error);
}

static void
add_to_summary (ImportJob  *job,
                JsonObject *reply)
{
  for (guint i = 0; i < G_N_ELEMENTS (summary_counters); i++)
    {
      const char *name = summary_counters[i];

      json_object_set_int_member (job->summary, name,
                                  json_object_get_int_member_with_default (job->summary, name, 0) +
                                  json_object_get_int_member_with_default (reply, name, 0));
    }

  if (json_object_has_member (reply, "details"))
    {
      JsonArray *details = json_object_get_array_member (reply, "details");
      JsonArray *all;

      if (!json_object_has_member (job->summary, "details"))
        json_object_set_array_member (job->summary, "details", json_array_new ());
      all = json_object_get_array_member (job->summary, "details");
      for (guint i = 0; details && i < json_array_get_length (details); i++)
        json_array_add_element (all, json_array_dup_element (details, i));
    }
}

static void
on_chunk_imported (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(JsonObject) reply = NULL;
  GError *error = NULL;

  reply = arango_collection_import_bulk_finish (job->collection, result, &error);
  if (reply == NULL)
    {
      return_error (task, error);
      return;
    }

  add_to_summary (job, reply);
  g_byte_array_remove_range (job->pending, 0, job->chunk_length);
  job->done += job->chunk_length;
  /* A file that grew while it was read would pass its first size. */
  job->total = MAX (job->total, job->done);
  if (job->progress_callback)
    job->progress_callback (job->done, job->total, job->progress_data);

  read_more (g_steal_pointer (&task));
}

/* Sends the first @length bytes of the pending data: whole lines. */
static void
send_chunk (GTask *task,
            gsize  length)
{
  ImportJob *job = g_task_get_task_data (task);
  ArangoContext *context = arango_collection_get_context (job->collection);
  ArangoRequest *request;

  job->chunk_length = length;
  request = arango_context_request (context, SOUP_METHOD_POST, "/_api/import", NULL);
  arango_request_add_query (request, "collection", arango_collection_get_name (job->collection));
  arango_request_add_query (request, "type", "documents");
  arango_request_add_query_options (request, job->options);
  arango_request_take_body (request, g_bytes_new (job->pending->data, length));
  /* The reply is an import summary, as arango_collection_import_bulk_finish()
   * reads it. */
  arango_context_call (context, job->collection, request, arango_reply_object, NULL,
                       arango_collection_import_bulk_async,
                       g_task_get_cancellable (task), on_chunk_imported, task);
}

/* The end of the last whole line within the pending data, or 0. */
static gsize
whole_lines_length (ImportJob *job)
{
  for (gsize i = job->pending->len; i > 0; i--)
    if (job->pending->data[i - 1] == '\n')
      return i;
  return 0;
}

static void
finish (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);

  if (job->progress_callback && job->done == 0)
    job->progress_callback (0, job->total, job->progress_data);
  release_progress (job);
  g_task_return_pointer (task, json_object_ref (job->summary),
                         (GDestroyNotify) json_object_unref);
  g_object_unref (task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize length = 0;
  gconstpointer data;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      return_file_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    job->at_end = TRUE;
  else
    g_byte_array_append (job->pending, data, length);

  read_more (task);
}

/* Takes the caller's reference on @task. */
static void
read_more (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  gsize lines;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (job->at_end)
    {
      /* The last line may lack its newline. */
      if (job->pending->len > 0)
        send_chunk (task, job->pending->len);
      else
        finish (task);
      return;
    }

  lines = whole_lines_length (job);
  if (job->pending->len >= job->chunk_size && lines > 0)
    {
      send_chunk (task, lines);
      return;
    }

  /* Fill the chunk; a line longer than a chunk makes its chunk longer,
   * read a chunk's size at a time. */
  g_input_stream_read_bytes_async (job->stream,
                                   job->pending->len < job->chunk_size
                                     ? job->chunk_size - job->pending->len
                                     : job->chunk_size,
                                   g_task_get_priority (task),
                                   g_task_get_cancellable (task), on_read, task);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  job->stream = G_INPUT_STREAM (g_file_read_finish (G_FILE (source), result, &error));
  if (job->stream == NULL)
    {
      return_file_error (task, error);
      g_object_unref (task);
      return;
    }

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (job->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         g_task_get_cancellable (task), NULL);
  job->total = info ? g_file_info_get_size (info) : 0;

  read_more (task);
}

/**
 * arango_collection_import_bulk_from_file_async:
 * @self: an #ArangoCollection
 * @file: a file of JSON lines: one document (a JSON object) per line
 * @chunk_size: about how many bytes to send per request; 0 for 1 MiB
 * @options: (nullable): import options as ArangoDB names them, e.g.
 *   `onDuplicate` ("error", "update", "replace", "ignore"), `overwrite`,
 *   `details`, `fromPrefix`, `toPrefix`
 * @progress_callback: (nullable) (scope notified) (closure progress_data) (destroy progress_notify):
 *   called after each chunk with the bytes imported so far and the file's size
 * @progress_data: data for @progress_callback
 * @progress_notify: (nullable): frees @progress_data when the import is over
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the whole file is imported, or on
 *   the first error
 * @user_data: data for @callback
 *
 * Imports a file of JSON lines without reading it into memory: it is read
 * and sent in chunks of whole lines, each a
 * `POST /_api/import?type=documents` of about @chunk_size bytes (a line
 * longer than that goes in a chunk of its own), one after the other.
 *
 * Lines the server cannot store, malformed ones included, count as
 * `errors` and the import goes on; empty lines count as `empty`. A request
 * that fails (the collection does not exist, the server is gone, the call
 * is cancelled) ends the import with that error: the chunks reported by
 * @progress_callback stay imported; a chunk that was on its way when the
 * import was cancelled may or may not have been.
 *
 * ```c
 * static void
 * on_progress (goffset done, goffset total, gpointer user_data)
 * {
 *   g_print ("%" G_GOFFSET_FORMAT " of %" G_GOFFSET_FORMAT " bytes\n", done, total);
 * }
 *
 * arango_collection_import_bulk_from_file_async (collection, file, 0, NULL,
 *                                                on_progress, NULL, NULL,
 *                                                NULL, on_imported, NULL);
 * ```
 */
void
arango_collection_import_bulk_from_file_async (ArangoCollection      *self,
                                               GFile                 *file,
                                               gsize                  chunk_size,
                                               JsonObject            *options,
                                               GFileProgressCallback  progress_callback,
                                               gpointer               progress_data,
                                               GDestroyNotify         progress_notify,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  GTask *task;
  ImportJob *job;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ImportJob, 1);
  job->collection = g_object_ref (self);
  job->file = g_object_ref (file);
  job->chunk_size = chunk_size > 0 ? chunk_size : DEFAULT_CHUNK_SIZE;
  job->options = options ? json_object_ref (options) : NULL;
  job->progress_callback = progress_callback;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  job->pending = g_byte_array_new ();
  job->summary = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (summary_counters); i++)
    json_object_set_int_member (job->summary, summary_counters[i], 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, arango_collection_import_bulk_from_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  g_file_read_async (file, g_task_get_priority (task), cancellable, on_opened, task);
}

/**
 * arango_collection_import_bulk_from_file_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_import_bulk_from_file_async().
 *
 * Returns: (transfer full): the summary over all chunks, as
 *   arango_collection_import_bulk_finish() gives it for one: `created`,
 *   `errors`, `empty`, `updated`, `ignored` (and `details` when asked
 *   for); %NULL with an error, e.g. %G_IO_ERROR_NOT_FOUND for a missing
 *   file
 */
JsonObject *
arango_collection_import_bulk_from_file_finish (ArangoCollection  *self,
                                                GAsyncResult      *result,
                                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        arango_collection_import_bulk_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * arango_collection_import_bulk_from_file_sync:
 * @self: an #ArangoCollection
 * @file: a file of JSON lines
 * @chunk_size: about how many bytes to send per request; 0 for 1 MiB
 * @options: (nullable): import options, as for
 *   arango_collection_import_bulk_from_file_async()
 * @progress_callback: (nullable) (scope call) (closure progress_data):
 *   called after each chunk
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_import_bulk_from_file_async();
 * see there. For scripts, tools and worker threads: it blocks the calling
 * thread, in which @progress_callback runs after each chunk.
 *
 * Returns: (transfer full): the summary; %NULL with an error
 */
JsonObject *
arango_collection_import_bulk_from_file_sync (ArangoCollection       *self,
                                              GFile                  *file,
                                              gsize                   chunk_size,
                                              JsonObject             *options,
                                              GFileProgressCallback   progress_callback,
                                              gpointer                progress_data,
                                              GCancellable           *cancellable,
                                              GError                **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  call = arango_sync_call_begin ();
  arango_collection_import_bulk_from_file_async (self, file, chunk_size, options,
                                                 progress_callback, progress_data, NULL,
                                                 cancellable, arango_sync_call_done, call);
  return arango_collection_import_bulk_from_file_finish (self, arango_sync_call_wait (call), error);
}
