/* fuzz-http1-reply.c: HTTP/1.1 replies as a plain-HTTP connection reads
 * them, in whatever pieces the socket gives
 *
 * The first byte picks how the rest is cut into pieces; the rest is what
 * the server sent before closing the connection. It is read as the reply
 * to a GET and to a HEAD, each once in those pieces and once in one
 * piece, and the pieces must not change the outcome. The rest is also
 * sent as the body of a well-formed reply, framed and coded as the first
 * byte picks, which must read back as the same bytes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-http1-reply-private.h"
#include "fuzz-support.h"

/* The longest piece for each cut: byte by byte, short runs, then runs
 * that straddle the 16 KiB reads of the socket and the header limit. */
static const gsize longest_pieces[] = { 1, 2, 3, 7, 16, 64, 500, 4096, 20000, 70000 };

typedef struct
{
  gboolean failed;        /* the reply could not be read */
  guint status;
  gboolean keep_alive;
  gsize used;             /* bytes that belonged to the reply */
  GBytes *body;           /* decoded; NULL if decoding failed */
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->body, g_bytes_unref);
}

/* The length of piece @index of the cut @cut: pseudo-random, so that a
 * piece ends in every part of the reply, but the same on every run. */
static gsize
piece_length (guint8 cut,
              guint  index)
{
  gsize longest = longest_pieces[cut % G_N_ELEMENTS (longest_pieces)];
  guint32 mixed = (index + 1) * 2654435761u ^ cut * 40503u;

  return 1 + (mixed >> 7) % longest;
}

static void
assert_read_error (GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (error->message);
}

/* What a connection would make of @data followed by its end: the reply
 * it reads, fed in the pieces of @cut, or in one piece when @cut is -1. */
static void
read_reply (const guint8 *data,
            gsize         size,
            gboolean      no_body,
            int           cut,
            Outcome      *outcome)
{
  ArangoHttp1Reply reply;
  g_autoptr(GError) error = NULL;
  guint index = 0;
  gsize offset = 0;

  memset (outcome, 0, sizeof *outcome);
  arango_http1_reply_init (&reply, no_body);

  while (offset < size && reply.state != ARANGO_HTTP1_DONE)
    {
      /* Not within MIN(), which would evaluate it twice. */
      gsize piece = cut < 0 ? size - offset : piece_length (cut, index++);
      gsize length = MIN (piece, size - offset);
      gsize used = arango_http1_reply_feed (&reply, data + offset, length, &error);

      if (used == 0)
        {
          assert_read_error (error);
          outcome->failed = TRUE;
          goto out;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (used, <=, length);
      /* Bytes are left over only after the end of the reply. */
      if (used < length)
        g_assert_cmpint (reply.state, ==, ARANGO_HTTP1_DONE);
      offset += used;
    }

  g_assert_true (reply.started == (size > 0));
  if (!arango_http1_reply_end_of_stream (&reply, &error))
    {
      assert_read_error (error);
      /* It says whether the server sent anything at all. */
      g_assert_true (g_error_matches (error, G_IO_ERROR,
                                      size == 0 ? G_IO_ERROR_CONNECTION_CLOSED : G_IO_ERROR_PARTIAL_INPUT));
      g_assert_cmpint (reply.state, !=, ARANGO_HTTP1_DONE);
      outcome->failed = TRUE;
      goto out;
    }
  g_assert_no_error (error);
  g_assert_cmpint (reply.state, ==, ARANGO_HTTP1_DONE);
  g_assert_nonnull (reply.headers);

  /* An interim reply is never the answer. */
  g_assert_false (SOUP_STATUS_IS_INFORMATIONAL (reply.status) &&
                  reply.status != SOUP_STATUS_SWITCHING_PROTOCOLS);
  if (no_body || reply.status == SOUP_STATUS_NO_CONTENT ||
      reply.status == SOUP_STATUS_NOT_MODIFIED)
    g_assert_cmpuint (reply.body_length, ==, 0);
  else if (soup_message_headers_get_encoding (reply.headers) == SOUP_ENCODING_CONTENT_LENGTH)
    g_assert_cmpuint (reply.body_length, ==,
                      (guint64) soup_message_headers_get_content_length (reply.headers));
  /* A body read until the end cannot leave the connection open. */
  if (soup_message_headers_get_encoding (reply.headers) == SOUP_ENCODING_EOF && !no_body &&
      reply.status != SOUP_STATUS_NO_CONTENT && reply.status != SOUP_STATUS_NOT_MODIFIED)
    g_assert_false (reply.keep_alive);

  outcome->status = reply.status;
  outcome->keep_alive = reply.keep_alive;
  outcome->used = offset;
  outcome->body = arango_http1_reply_steal_body (&reply, &error);
  if (outcome->body == NULL)
    assert_read_error (error);
  else
    g_assert_no_error (error);

out:
  arango_http1_reply_clear (&reply);
}

static void
assert_same_outcome (const Outcome *expected,
                     const Outcome *actual)
{
  g_assert_cmpint (expected->failed, ==, actual->failed);
  if (expected->failed)
    return;
  g_assert_cmpuint (expected->status, ==, actual->status);
  g_assert_cmpint (expected->keep_alive, ==, actual->keep_alive);
  g_assert_cmpuint (expected->used, ==, actual->used);
  g_assert_true ((expected->body == NULL) == (actual->body == NULL));
  if (expected->body != NULL)
    g_assert_true (g_bytes_equal (expected->body, actual->body));
}

static GBytes *
compress (const guint8          *data,
          gsize                  size,
          GZlibCompressorFormat  format)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (format, -1);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize done = 0;
  GConverterResult result;

  do
    {
      gsize before = out->len;
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      g_byte_array_set_size (out, before + size + 1024);
      result = g_converter_convert (G_CONVERTER (compressor), data + done, size - done,
                                    out->data + before, out->len - before,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, NULL);
      g_assert_cmpint (result, !=, G_CONVERTER_ERROR);
      g_byte_array_set_size (out, before + bytes_written);
      done += bytes_read;
    }
  while (result != G_CONVERTER_FINISHED);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

typedef enum
{
  FRAMED_BY_LENGTH,
  FRAMED_IN_CHUNKS,
  FRAMED_BY_CLOSE,
} Framing;

/* A well-formed reply carrying @payload, framed and coded as @choice
 * picks, maybe after an interim reply. */
static GBytes *
frame_reply (const guint8 *payload,
             gsize         size,
             guint8        choice,
             Framing      *framing)
{
  static const char *codings[] = { NULL, "gzip", "deflate" };
  const char *coding = codings[(choice >> 3) % G_N_ELEMENTS (codings)];
  g_autoptr(GBytes) coded = NULL;
  GString *reply = g_string_new (NULL);
  const guint8 *body;
  gsize body_size;

  if (coding == NULL)
    coded = g_bytes_new_static (payload, size);
  else
    coded = compress (payload, size, g_str_equal (coding, "gzip") ? G_ZLIB_COMPRESSOR_FORMAT_GZIP
                                                                  : G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  body = g_bytes_get_data (coded, &body_size);

  if (choice & 1)
    g_string_append (reply, "HTTP/1.1 100 Continue\r\n\r\n");
  g_string_append (reply, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
  if (coding != NULL)
    g_string_append_printf (reply, "Content-Encoding: %s\r\n", coding);

  *framing = (choice >> 1) % 3;
  switch (*framing)
    {
    case FRAMED_BY_LENGTH:
      g_string_append_printf (reply, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", body_size);
      g_string_append_len (reply, (const char *) body, body_size);
      break;

    case FRAMED_IN_CHUNKS:
      g_string_append (reply, "Transfer-Encoding: chunked\r\n\r\n");
      for (gsize offset = 0, index = 0; offset < body_size; index++)
        {
          gsize piece = piece_length (choice, index);
          gsize length = MIN (piece, body_size - offset);

          /* Every other chunk with an extension, which is read past. */
          g_string_append_printf (reply, "%" G_GSIZE_MODIFIER "x%s\r\n", length,
                                  index % 2 ? ";name=\"value\"" : "");
          g_string_append_len (reply, (const char *) body + offset, length);
          g_string_append (reply, "\r\n");
          offset += length;
        }
      g_string_append (reply, "0\r\nX-Trailer: yes\r\n\r\n");
      break;

    case FRAMED_BY_CLOSE:
    default:
      g_string_append (reply, "Connection: close\r\n\r\n");
      g_string_append_len (reply, (const char *) body, body_size);
      break;
    }
  return g_string_free_to_bytes (reply);
}

static void
check_round_trip (const guint8 *payload,
                  gsize         size,
                  guint8        choice)
{
  Framing framing;
  g_autoptr(GBytes) reply = frame_reply (payload, size, choice, &framing);
  g_autoptr(GBytes) expected = g_bytes_new_static (payload, size);
  gsize reply_size = 0;
  const guint8 *reply_data = g_bytes_get_data (reply, &reply_size);

  /* In one piece, then in pieces. */
  for (int cut = -1; cut <= choice; cut += choice + 1)
    {
      Outcome outcome;

      read_reply (reply_data, reply_size, FALSE, cut, &outcome);
      g_assert_false (outcome.failed);
      g_assert_cmpuint (outcome.status, ==, SOUP_STATUS_OK);
      g_assert_cmpuint (outcome.used, ==, reply_size);
      g_assert_true (outcome.keep_alive == (framing != FRAMED_BY_CLOSE));
      g_assert_nonnull (outcome.body);
      g_assert_true (g_bytes_equal (outcome.body, expected));
      outcome_clear (&outcome);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Outcome get_whole, get_pieces, head_whole, head_pieces;

  if (size < 1)
    return 0;

  read_reply (data + 1, size - 1, FALSE, -1, &get_whole);
  read_reply (data + 1, size - 1, FALSE, data[0], &get_pieces);
  read_reply (data + 1, size - 1, TRUE, -1, &head_whole);
  read_reply (data + 1, size - 1, TRUE, data[0], &head_pieces);

  assert_same_outcome (&get_whole, &get_pieces);
  assert_same_outcome (&head_whole, &head_pieces);

  /* The same header block answers both: HEAD fails only where the
   * headers cannot be read, which fails GET as well, and a reply read
   * to both has the same status. */
  if (head_whole.failed)
    g_assert_true (get_whole.failed);
  else if (!get_whole.failed)
    {
      g_assert_cmpuint (head_whole.status, ==, get_whole.status);
      g_assert_cmpuint (head_whole.used, <=, get_whole.used);
    }
  if (!head_whole.failed && head_whole.body != NULL)
    g_assert_cmpuint (g_bytes_get_size (head_whole.body), ==, 0);

  outcome_clear (&get_whole);
  outcome_clear (&get_pieces);
  outcome_clear (&head_whole);
  outcome_clear (&head_pieces);

  check_round_trip (data + 1, size - 1, data[0]);
  return 0;
}
