/* arango-http1-reply.c: reading an HTTP/1.1 reply from bytes
 *
 * The reply is fed in whatever pieces the socket gives. The header block
 * goes to libsoup's own parser; the framing of the body (a length,
 * chunks, or the end of the connection) and its content coding are read
 * here.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-compression-private.h"
#include "arango-http1-reply-private.h"

/* The announced size is only trusted this far before data arrives. */
#define MAX_PREALLOCATION (4 * 1024 * 1024)
#define MAX_CHUNK_LINE 1024

void
arango_http1_reply_init (ArangoHttp1Reply *reply,
                         gboolean          no_body)
{
  memset (reply, 0, sizeof *reply);
  reply->state = ARANGO_HTTP1_READING_HEAD;
  reply->no_body = no_body;
}

void
arango_http1_reply_clear (ArangoHttp1Reply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->pending, g_byte_array_unref);
  g_clear_pointer (&reply->body, g_free);
}

static void
append_body (ArangoHttp1Reply *reply,
             const guint8     *data,
             gsize             length)
{
  if (reply->body_allocated - reply->body_length < length)
    {
      reply->body_allocated = MAX (reply->body_allocated * 2, reply->body_length + length);
      reply->body = g_realloc (reply->body, reply->body_allocated);
    }
  memcpy (reply->body + reply->body_length, data, length);
  reply->body_length += length;
}

/* The end of a header block or of a line: the offset just past its
 * terminating newline, or 0 when it is not there yet. */
static gsize
find_blank_line (const guint8 *data,
                 gsize         length,
                 gsize         from)
{
  for (gsize i = from; i < length; i++)
    {
      if (data[i] != '\n')
        continue;
      if (i + 1 < length && data[i + 1] == '\n')
        return i + 2;
      if (i + 2 < length && data[i + 1] == '\r' && data[i + 2] == '\n')
        return i + 3;
    }
  return 0;
}

static gboolean
start_body (ArangoHttp1Reply  *reply,
            SoupHTTPVersion    version,
            GError           **error)
{
  goffset length;

  reply->keep_alive =
    version == SOUP_HTTP_1_1
      ? !soup_message_headers_header_contains (reply->headers, "Connection", "close")
      : soup_message_headers_header_contains (reply->headers, "Connection", "keep-alive");

  if (reply->no_body || reply->status == SOUP_STATUS_NO_CONTENT ||
      reply->status == SOUP_STATUS_NOT_MODIFIED)
    {
      reply->state = ARANGO_HTTP1_DONE;
      return TRUE;
    }

  switch (soup_message_headers_get_encoding (reply->headers))
    {
    case SOUP_ENCODING_CHUNKED:
      /* Made already if the header block came in pieces. */
      if (reply->pending == NULL)
        reply->pending = g_byte_array_new ();
      reply->state = ARANGO_HTTP1_READING_CHUNK_SIZE;
      return TRUE;

    case SOUP_ENCODING_CONTENT_LENGTH:
      length = soup_message_headers_get_content_length (reply->headers);
      /* libsoup reads "-1", or a number past 2^64, as the largest
       * unsigned length: negative here. */
      if (length < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The reply’s Content-Length is not a length: %s"),
                       soup_message_headers_get_one (reply->headers, "Content-Length"));
          return FALSE;
        }
      reply->remaining = length;
      reply->body_allocated = MIN (length, MAX_PREALLOCATION);
      reply->body = g_malloc (MAX (reply->body_allocated, 1));
      reply->state = length > 0 ? ARANGO_HTTP1_READING_BODY : ARANGO_HTTP1_DONE;
      return TRUE;

    case SOUP_ENCODING_EOF:
      reply->keep_alive = FALSE;
      reply->state = ARANGO_HTTP1_READING_UNTIL_CLOSE;
      return TRUE;

    case SOUP_ENCODING_NONE:
      reply->state = ARANGO_HTTP1_DONE;
      return TRUE;

    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      /* libsoup also calls a Content-Length that is no number so. */
      if (soup_message_headers_get_one (reply->headers, "Transfer-Encoding") == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The reply’s Content-Length is not a length: %s"),
                     soup_message_headers_get_one (reply->headers, "Content-Length"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The reply’s body is framed in a way this client cannot read (Transfer-Encoding: %s)"),
                     soup_message_headers_get_one (reply->headers, "Transfer-Encoding"));
      return FALSE;
    }
}

/* Reads the status line and headers in @head, @length bytes up to and
 * including the blank line. */
static gboolean
read_head (ArangoHttp1Reply  *reply,
           const guint8      *head,
           gsize              length,
           GError           **error)
{
  SoupHTTPVersion version;
  gsize without_blank_line = length - (head[length - 2] == '\r' ? 2 : 1);

  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  reply->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  if (!soup_headers_parse_response ((const char *) head, without_blank_line, reply->headers,
                                    &version, &reply->status, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s reply is not HTTP"));
      return FALSE;
    }

  /* An interim reply ("100 Continue") comes before the real one. */
  if (SOUP_STATUS_IS_INFORMATIONAL (reply->status) &&
      reply->status != SOUP_STATUS_SWITCHING_PROTOCOLS)
    return TRUE;
  return start_body (reply, version, error);
}

static gsize
feed_head (ArangoHttp1Reply  *reply,
           const guint8      *data,
           gsize              length,
           GError           **error)
{
  gsize end;

  /* Mostly the whole block comes at once: read in place. */
  if (reply->pending == NULL || reply->pending->len == 0)
    {
      end = find_blank_line (data, length, 0);
      /* A longer block is refused below, as when it comes in pieces. */
      if (end > 0 && end <= ARANGO_HTTP1_MAX_HEAD)
        return read_head (reply, data, end, error) ? end : 0;
      if (reply->pending == NULL)
        reply->pending = g_byte_array_new ();
    }

  {
    gsize before = reply->pending->len;
    gsize searched_from = before >= 2 ? before - 2 : 0;

    g_byte_array_append (reply->pending, data, MIN (length, ARANGO_HTTP1_MAX_HEAD + 1 - before));
    end = find_blank_line (reply->pending->data, reply->pending->len, searched_from);
    if (end == 0)
      {
        if (reply->pending->len > ARANGO_HTTP1_MAX_HEAD)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                         _("The reply’s headers are longer than %u bytes"),
                         ARANGO_HTTP1_MAX_HEAD);
            return 0;
          }
        return length;
      }
    if (!read_head (reply, reply->pending->data, end, error))
      return 0;
    g_byte_array_set_size (reply->pending, 0);
    return end - before;
  }
}

/* A chunk-size line: hexadecimal digits, maybe extensions after ';'. */
static gboolean
read_chunk_size (ArangoHttp1Reply  *reply,
                 const char        *line,
                 GError           **error)
{
  guint64 size = 0;
  const char *c = line;

  for (; g_ascii_isxdigit (*c); c++)
    {
      if (size > (G_MAXUINT64 >> 4))
        break;
      size = (size << 4) | g_ascii_xdigit_value (*c);
    }
  while (*c == ' ' || *c == '\t')
    c++;
  if (c == line || (*c != '\0' && *c != ';' && *c != '\r'))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s reply has a garbled chunk size"));
      return FALSE;
    }
  reply->remaining = size;
  reply->state = size > 0 ? ARANGO_HTTP1_READING_CHUNK : ARANGO_HTTP1_READING_TRAILER;
  return TRUE;
}

/* Collects one line of the chunked framing into reply->pending; returns
 * the bytes used, and sets *@line once the line is whole. */
static gsize
feed_line (ArangoHttp1Reply  *reply,
           const guint8      *data,
           gsize              length,
           const char       **line,
           GError           **error)
{
  const guint8 *newline = memchr (data, '\n', length);
  gsize used = newline ? (gsize) (newline - data) + 1 : length;

  if (reply->pending->len + used > MAX_CHUNK_LINE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s reply has a garbled chunk"));
      return 0;
    }
  g_byte_array_append (reply->pending, data, used);
  *line = NULL;
  if (newline)
    {
      /* Without its newline, NUL-terminated in place of it. */
      reply->pending->data[reply->pending->len - 1] = '\0';
      *line = (const char *) reply->pending->data;
    }
  return used;
}

static gsize
feed_chunked (ArangoHttp1Reply  *reply,
              const guint8      *data,
              gsize              length,
              GError           **error)
{
  const char *line = NULL;
  gsize used;

  if (reply->state == ARANGO_HTTP1_READING_CHUNK)
    {
      used = MIN (length, reply->remaining);
      append_body (reply, data, used);
      reply->remaining -= used;
      if (reply->remaining == 0)
        reply->state = ARANGO_HTTP1_READING_CHUNK_END;
      return used;
    }

  used = feed_line (reply, data, length, &line, error);
  if (used == 0 || line == NULL)
    return used;

  switch (reply->state)
    {
    case ARANGO_HTTP1_READING_CHUNK_SIZE:
      if (!read_chunk_size (reply, line, error))
        return 0;
      break;

    case ARANGO_HTTP1_READING_CHUNK_END:
      if (line[0] != '\0' && g_strcmp0 (line, "\r") != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The server’s reply has a garbled chunk"));
          return 0;
        }
      reply->state = ARANGO_HTTP1_READING_CHUNK_SIZE;
      break;

    case ARANGO_HTTP1_READING_TRAILER:
      /* Trailer fields are read past; the blank line ends the body. */
      if (line[0] == '\0' || g_strcmp0 (line, "\r") == 0)
        reply->state = ARANGO_HTTP1_DONE;
      break;

    default:
      g_assert_not_reached ();
    }
  g_byte_array_set_size (reply->pending, 0);
  return used;
}

/* Feeds @length bytes of the reply; returns how many belong to it (all
 * of them unless the reply ended within them), or 0 with @error when it
 * cannot be read. */
gsize
arango_http1_reply_feed (ArangoHttp1Reply  *reply,
                         const guint8      *data,
                         gsize              length,
                         GError           **error)
{
  gsize done = 0;

  if (length > 0)
    reply->started = TRUE;

  while (done < length && reply->state != ARANGO_HTTP1_DONE)
    {
      gsize used;

      switch (reply->state)
        {
        case ARANGO_HTTP1_READING_HEAD:
          used = feed_head (reply, data + done, length - done, error);
          break;

        case ARANGO_HTTP1_READING_BODY:
          used = MIN (length - done, reply->remaining);
          append_body (reply, data + done, used);
          reply->remaining -= used;
          if (reply->remaining == 0)
            reply->state = ARANGO_HTTP1_DONE;
          break;

        case ARANGO_HTTP1_READING_UNTIL_CLOSE:
          used = length - done;
          append_body (reply, data + done, used);
          break;

        case ARANGO_HTTP1_READING_CHUNK_SIZE:
        case ARANGO_HTTP1_READING_CHUNK:
        case ARANGO_HTTP1_READING_CHUNK_END:
        case ARANGO_HTTP1_READING_TRAILER:
          used = feed_chunked (reply, data + done, length - done, error);
          break;

        case ARANGO_HTTP1_DONE:
        default:
          g_assert_not_reached ();
        }
      if (used == 0)
        return 0;
      done += used;
    }
  return done;
}

/* The connection ended: fine only for a reply read until then. */
gboolean
arango_http1_reply_end_of_stream (ArangoHttp1Reply  *reply,
                                  GError           **error)
{
  if (reply->state == ARANGO_HTTP1_READING_UNTIL_CLOSE)
    {
      reply->state = ARANGO_HTTP1_DONE;
      return TRUE;
    }
  if (reply->state == ARANGO_HTTP1_DONE)
    return TRUE;
  if (!reply->started)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                         _("The server closed the connection without a reply"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                         _("The connection closed before the whole reply arrived"));
  return FALSE;
}

static GBytes *
decode (GBytes                 *coded,
        GZlibCompressorFormat   format,
        GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *decoded = arango_decompress_body (coded, format, &local_error);

  if (decoded == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The server’s compressed reply cannot be read: %s"),
                 local_error->message);
  return decoded;
}

/* The whole body, decoded if the server compressed it. */
GBytes *
arango_http1_reply_steal_body (ArangoHttp1Reply  *reply,
                               GError           **error)
{
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&reply->body), reply->body_length);
  const char *coding = soup_message_headers_get_one (reply->headers, "Content-Encoding");

  reply->body_length = reply->body_allocated = 0;
  if (coding == NULL || g_ascii_strcasecmp (coding, "identity") == 0 ||
      g_bytes_get_size (body) == 0)
    return g_steal_pointer (&body);
  if (g_ascii_strcasecmp (coding, "gzip") == 0 || g_ascii_strcasecmp (coding, "x-gzip") == 0)
    return decode (body, G_ZLIB_COMPRESSOR_FORMAT_GZIP, error);
  if (g_ascii_strcasecmp (coding, "deflate") == 0)
    return decode (body, G_ZLIB_COMPRESSOR_FORMAT_ZLIB, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("The server’s reply is coded as “%s”, which this client did not ask for"),
               coding);
  return NULL;
}
