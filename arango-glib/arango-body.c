/* arango-body.c: reading a reply body into memory
 *
 * soup_session_send_and_read_async() splices the body into a memory
 * stream through an 8 KiB buffer, with a task, a stream object and an
 * asynchronous read per chunk. A reply of ArangoDB is mostly in the
 * connection's buffer when its headers are: reading it straight into a
 * buffer of the announced size, and waiting on the stream only when it
 * has nothing more yet, costs a fraction of that.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-body-private.h"

/* The announced size is only trusted this far before data arrives. */
#define MAX_PREALLOCATION (4 * 1024 * 1024)
#define MIN_CHUNK 4096

typedef struct
{
  GInputStream *stream;
  guint8 *data;
  gsize length;
  gsize allocated;
  GMainContext *context;
  int priority;
  GCancellable *cancellable;
  ArangoBodyFunc callback;
  gpointer user_data;
} BodyRead;

static void read_more (BodyRead *read);

static void
body_read_finish (BodyRead *read,
                  GError   *error)
{
  GBytes *bytes = NULL;

  if (error == NULL)
    {
      /* At the end of the body this returns the connection to its pool
       * without waiting for anything. */
      g_input_stream_close (read->stream, NULL, NULL);
      bytes = g_bytes_new_take (g_steal_pointer (&read->data), read->length);
    }
  else
    {
      /* A stream closed synchronously would read the rest of the body,
       * blocking. */
      g_input_stream_close_async (read->stream, read->priority, NULL, NULL, NULL);
    }

  read->callback (bytes, error, read->user_data);
  g_object_unref (read->stream);
  g_clear_object (&read->cancellable);
  g_main_context_unref (read->context);
  g_free (read->data);
  g_free (read);
}

/* Room for at least one more byte, so that the end of the body shows as
 * a read of nothing. */
static void
ensure_room (BodyRead *read)
{
  if (read->allocated - read->length > 0)
    return;
  read->allocated = MAX (read->allocated * 2, MIN_CHUNK);
  read->data = g_realloc (read->data, read->allocated);
}

static gboolean
on_readable (GObject  *stream,
             gpointer  user_data)
{
  read_more (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_read (GObject      *stream,
         GAsyncResult *result,
         gpointer      user_data)
{
  BodyRead *read = user_data;
  GError *error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (stream), result, &error);

  if (n < 0)
    {
      body_read_finish (read, error);
      return;
    }
  if (n == 0)
    {
      body_read_finish (read, NULL);
      return;
    }
  read->length += n;
  read_more (read);
}

static void
read_more (BodyRead *read)
{
  GPollableInputStream *pollable;

  if (!G_IS_POLLABLE_INPUT_STREAM (read->stream) ||
      !g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (read->stream)))
    {
      ensure_room (read);
      g_input_stream_read_async (read->stream, read->data + read->length,
                                 read->allocated - read->length, read->priority,
                                 read->cancellable, on_read, read);
      return;
    }

  pollable = G_POLLABLE_INPUT_STREAM (read->stream);
  for (;;)
    {
      GError *error = NULL;
      gssize n;

      ensure_room (read);
      n = g_pollable_input_stream_read_nonblocking (pollable, read->data + read->length,
                                                    read->allocated - read->length,
                                                    read->cancellable, &error);
      if (n > 0)
        {
          read->length += n;
          continue;
        }
      if (n == 0)
        {
          body_read_finish (read, NULL);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          GSource *source = g_pollable_input_stream_create_source (pollable, read->cancellable);

          g_error_free (error);
          g_source_set_priority (source, read->priority);
          g_source_set_callback (source, G_SOURCE_FUNC (on_readable), read, NULL);
          g_source_attach (source, read->context);
          g_source_unref (source);
          return;
        }
      body_read_finish (read, error);
      return;
    }
}

/* Reads @stream to its end (and closes it) in @context, then calls
 * @callback. @size_hint is the announced length, or 0. */
void
arango_body_read (GInputStream   *stream,
                  gsize           size_hint,
                  GMainContext   *context,
                  int             priority,
                  GCancellable   *cancellable,
                  ArangoBodyFunc  callback,
                  gpointer        user_data)
{
  BodyRead *read = g_new0 (BodyRead, 1);

  read->stream = g_object_ref (stream);
  read->context = g_main_context_ref (context);
  read->priority = priority;
  read->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  read->callback = callback;
  read->user_data = user_data;
  read->allocated = MIN (size_hint, MAX_PREALLOCATION) + 1;
  read->data = g_malloc (read->allocated);
  read_more (read);
}
