/* emulator-transport.c: content encodings, queue time and dirty reads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the server's request pipeline does around every handler
 * (../shared/arango-api/NOTES.md, section 5): request bodies sent with
 * Content-Encoding gzip or deflate are decoded first (garbage: 400/10
 * "decoding error"); a request whose x-arango-queue-time-seconds is below
 * the current queue time is refused with 412/21004; every reply says the
 * queue time, replies to requests that allowed dirty reads say they may
 * be dirty, and replies at least as large as the response compression
 * threshold (arangod's --http.compress-response-threshold, 0 = never,
 * its default) are compressed when the client accepts it.
 */

#include "emulator-transport.h"

#include <math.h>
#include <string.h>

#include "emulator-reply.h"

#define EMU_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED 21004

static GBytes *
convert_bytes (GConverter *converter,
               GBytes     *input,
               GError    **error)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (input, &length);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize done = 0;
  GConverterResult result;

  do
    {
      guint8 buffer[16384];
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      g_autoptr(GError) local_error = NULL;

      result = g_converter_convert (converter, data + done, length - done,
                                    buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      else if (bytes_read == 0 && bytes_written == 0 && result != G_CONVERTER_FINISHED)
        {
          /* Input ended before the stream did. */
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               "truncated stream");
          return NULL;
        }
      done += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
    }
  while (result != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* "deflate" is the zlib format; gzip its own. */
static GZlibCompressorFormat
format_for (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "gzip") == 0 ? G_ZLIB_COMPRESSOR_FORMAT_GZIP
                                                    : G_ZLIB_COMPRESSOR_FORMAT_ZLIB;
}

static gboolean
decode_body (EmuRequest *req)
{
  const char *encoding = emu_request_get_header (req, "Content-Encoding");
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GError) error = NULL;

  /* Other encodings pass through as the server lets them. */
  if (encoding == NULL ||
      (g_ascii_strcasecmp (encoding, "gzip") != 0 &&
       g_ascii_strcasecmp (encoding, "deflate") != 0))
    return TRUE;

  decompressor = g_zlib_decompressor_new (format_for (encoding));
  decoded = convert_bytes (G_CONVERTER (decompressor), req->body, &error);
  if (decoded == NULL)
    {
      emu_reply_error_full (req->msg, EMU_ERROR_STYLE_EARLY, SOUP_STATUS_BAD_REQUEST,
                            EMU_ERROR_BAD_PARAMETER, "decoding error");
      return FALSE;
    }
  g_bytes_unref (req->body);
  req->body = g_steal_pointer (&decoded);
  return TRUE;
}

static gboolean
queue_time_acceptable (EmuRequest *req)
{
  const char *text = emu_request_get_header (req, "x-arango-queue-time-seconds");
  char *end = NULL;
  double limit;

  if (text == NULL)
    return TRUE;
  limit = g_ascii_strtod (text, &end);
  /* 0 or anything unreadable sets no limit. */
  if (end == text || !(limit > 0.0))
    return TRUE;
  if (req->state->queue_time <= limit)
    return TRUE;

  emu_reply_error_full (req->msg, EMU_ERROR_STYLE_EARLY,
                        SOUP_STATUS_PRECONDITION_FAILED,
                        EMU_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED,
                        "queue time violated");
  return FALSE;
}

/* Runs after authentication and the database lookup, before routing. */
gboolean
emu_transport_accept_request (EmuRequest *req)
{
  return decode_body (req) && queue_time_acceptable (req);
}

static const char *
accepted_encoding (SoupServerMessage *msg)
{
  const char *accept = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                      "Accept-Encoding");

  if (accept == NULL)
    return NULL;
  /* gzip first when both are offered: the emulator's own choice. */
  if (soup_header_contains (accept, "gzip"))
    return "gzip";
  if (soup_header_contains (accept, "deflate"))
    return "deflate";
  return NULL;
}

static void
compress_reply (EmuState          *state,
                SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *encoding = accepted_encoding (msg);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GZlibCompressor) compressor = NULL;

  if (state->compress_response_threshold == 0 || encoding == NULL ||
      g_str_equal (soup_server_message_get_method (msg), "HEAD") ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return;

  plain = soup_message_body_flatten (body);
  if (g_bytes_get_size (plain) < state->compress_response_threshold)
    return;

  compressor = g_zlib_compressor_new (format_for (encoding), -1);
  packed = convert_bytes (G_CONVERTER (compressor), plain, NULL);
  if (packed == NULL)
    return;

  soup_message_body_truncate (body);
  soup_message_body_append_bytes (body, packed);
  soup_message_headers_set_content_length (headers, g_bytes_get_size (packed));
  soup_message_headers_replace (headers, "Content-Encoding", encoding);
}

void
emu_transport_finish_reply (EmuState          *state,
                            SoupServerMessage *msg)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *dirty = soup_message_headers_get_one (request_headers, "x-arango-allow-dirty-read");
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* HTTP/2 forbids connection-specific fields (RFC 9113, 8.2.2): a
   * client treats them as a protocol error. */
  if (soup_server_message_get_http_version (msg) == SOUP_HTTP_2_0)
    soup_message_headers_remove (headers, "Connection");

  g_ascii_formatd (text, sizeof text, "%.6f", state->queue_time);
  soup_message_headers_replace (headers, "X-Arango-Queue-Time-Seconds", text);

  if (dirty != NULL && g_ascii_strcasecmp (dirty, "true") == 0)
    soup_message_headers_replace (headers, "X-Arango-Potential-Dirty-Read", "true");

  compress_reply (state, msg);
}

static void
reply_settings (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  emu_json_add_double (builder, "queueTime", req->state->queue_time);
  emu_json_add_int (builder, "compressResponseThreshold",
                    req->state->compress_response_threshold);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
reply_bad_value (EmuRequest *req,
                 const char *what)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *message = g_strdup_printf ("%s must be a number of at least 0", what);

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "error", TRUE);
  emu_json_add_string (builder, "message", message);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_BAD_REQUEST, builder);
}

/* POST /_control/queue-time?seconds=S: the queue time every Coordinator
 * reports from now on, and holds requests against. */
static void
handle_queue_time (EmuRequest *req)
{
  const char *text = emu_request_get_query (req, "seconds");
  char *end = NULL;
  double seconds = text ? g_ascii_strtod (text, &end) : -1.0;

  if (text == NULL || end == text || *end != '\0' || !(seconds >= 0.0) || isinf (seconds))
    {
      reply_bad_value (req, "seconds");
      return;
    }
  req->state->queue_time = seconds;
  reply_settings (req);
}

/* POST /_control/compress-responses?threshold=N: compress replies of at
 * least N bytes for clients that accept it; 0 turns it off. */
static void
handle_compress_responses (EmuRequest *req)
{
  const char *text = emu_request_get_query (req, "threshold");
  char *end = NULL;
  guint64 threshold = text ? g_ascii_strtoull (text, &end, 10) : 0;

  if (text == NULL || end == text || *end != '\0' || threshold > G_MAXUINT)
    {
      reply_bad_value (req, "threshold");
      return;
    }
  req->state->compress_response_threshold = (guint) threshold;
  reply_settings (req);
}

void
emu_transport_reset (EmuState *state)
{
  state->queue_time = 0.0;
  state->compress_response_threshold = 0;
}

static const EmuRoute transport_control_routes[] = {
  { "POST", "/_control/queue-time", handle_queue_time },
  { "POST", "/_control/compress-responses", handle_compress_responses },
};

void
emu_transport_register_control_routes (EmuRouter *router)
{
  emu_router_add_routes (router, transport_control_routes,
                         G_N_ELEMENTS (transport_control_routes));
}
