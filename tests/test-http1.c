/* test-http1.c: the plain-HTTP/1.1 connection against a scripted server
 *
 * A server on 127.0.0.1 reads each request and answers with the bytes the
 * test scripted for it, so that replies can be what the emulator (a
 * SoupServer) never sends: chunks with extensions and trailers, a byte at
 * a time, compressed, after an interim reply, cut short, garbled, two at
 * once, or no reply at all.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <libsoup/soup.h>

#include "test-util.h"

#define DOCUMENTS_PATH "/_db/_system/_api/document/notes"

typedef enum
{
  STEP_REPLY = 0,
  STEP_TRICKLE = 1 << 0,    /* a byte a write, pausing after each */
  STEP_CLOSE = 1 << 1,      /* close the connection after the reply */
  STEP_NO_REPLY = 1 << 2,   /* close it instead of replying */
} StepFlags;

typedef struct
{
  GBytes *reply;
  gsize pause_at;           /* pause this far into the reply; 0: never */
  StepFlags flags;
} Step;

typedef struct
{
  char *method;
  char *path;
  SoupMessageHeaders *headers;
} Request;

typedef struct
{
  GSocketService *service;
  char *url;

  GMutex lock;
  GPtrArray *steps;         /* Step *: the answer to each request in turn */
  GPtrArray *requests;      /* Request *: each one as it was read */
  guint n_accepted;
  guint n_finished;         /* connections this side is done with */
} ScriptedServer;

static void
step_free (Step *step)
{
  g_bytes_unref (step->reply);
  g_free (step);
}

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  soup_message_headers_unref (request->headers);
  g_free (request);
}

/* Reads the next request on @socket, its body included, from what is
 * in @pending and then from the socket; NULL at the end of the
 * connection. */
static Request *
read_request (GSocket    *socket,
              GByteArray *pending)
{
  for (;;)
    {
      const guint8 *end = NULL;
      char buffer[4096];
      gssize n;

      for (guint i = 0; i + 4 <= pending->len && end == NULL; i++)
        if (memcmp (pending->data + i, "\r\n\r\n", 4) == 0)
          end = pending->data + i + 4;

      if (end != NULL)
        {
          gsize head_length = end - pending->data;
          g_autofree char *head = g_strndup ((const char *) pending->data, head_length);
          Request *request = g_new0 (Request, 1);
          goffset body_length;

          request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
          g_assert_cmpuint (soup_headers_parse_request (head, head_length, request->headers,
                                                        &request->method, &request->path, NULL),
                            ==, SOUP_STATUS_OK);
          body_length = soup_message_headers_get_content_length (request->headers);
          while (pending->len < head_length + body_length)
            {
              n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
              if (n <= 0)
                {
                  request_free (request);
                  return NULL;
                }
              g_byte_array_append (pending, (const guint8 *) buffer, n);
            }
          g_byte_array_remove_range (pending, 0, head_length + body_length);
          return request;
        }

      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
      if (n <= 0)
        return NULL;
      g_byte_array_append (pending, (const guint8 *) buffer, n);
    }
}

static gboolean
send_all (GSocket      *socket,
          const guint8 *data,
          gsize         length)
{
  while (length > 0)
    {
      gssize n = g_socket_send (socket, (const char *) data, length, NULL, NULL);

      /* The client may stop reading a reply it refuses. */
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
write_reply (GSocket    *socket,
             const Step *step)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (step->reply, &length);

  if (step->flags & STEP_TRICKLE)
    {
      for (gsize i = 0; i < length; i++)
        {
          if (!send_all (socket, data + i, 1))
            return FALSE;
          g_usleep (300);
        }
      return TRUE;
    }
  if (step->pause_at > 0)
    {
      if (!send_all (socket, data, step->pause_at))
        return FALSE;
      /* Long enough for the client to read the first part on its own. */
      g_usleep (50 * 1000);
      data += step->pause_at;
      length -= step->pause_at;
    }
  return send_all (socket, data, length);
}

/* In a thread of the service's own, one per connection. */
static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        gpointer                user_data)
{
  ScriptedServer *server = user_data;
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  Request *request;

  /* Every write of a trickled reply is a segment of its own. */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  /* A test gone wrong fails on its own timeout instead of hanging here. */
  g_socket_set_timeout (socket, 10);

  g_mutex_lock (&server->lock);
  server->n_accepted++;
  g_mutex_unlock (&server->lock);

  while ((request = read_request (socket, pending)) != NULL)
    {
      const Step *step;

      g_mutex_lock (&server->lock);
      /* More requests than the test expects fail it here. */
      g_assert_cmpuint (server->requests->len, <, server->steps->len);
      step = server->steps->pdata[server->requests->len];
      g_ptr_array_add (server->requests, request);
      g_mutex_unlock (&server->lock);

      if ((step->flags & STEP_NO_REPLY) || !write_reply (socket, step) ||
          (step->flags & STEP_CLOSE))
        break;
    }

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_mutex_lock (&server->lock);
  server->n_finished++;
  g_mutex_unlock (&server->lock);
  return TRUE;
}

/* Its connections are accepted in the test's main context, while the
 * test waits for a call; each is then served in a thread. */
static ScriptedServer *
scripted_server_new (void)
{
  ScriptedServer *server = g_new0 (ScriptedServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&server->lock);
  server->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  server->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  server->service = g_threaded_socket_service_new (8);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  server->url = g_strdup_printf ("http://127.0.0.1:%u",
                                 g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_signal_connect (server->service, "run", G_CALLBACK (on_run), server);
  g_socket_service_start (server->service);
  return server;
}

typedef enum
{
  SERVER_ACCEPTED,    /* connections */
  SERVER_FINISHED,    /* connections it is done with */
  SERVER_REQUESTS,
} ServerCount;

/* One of the counts the server's threads keep. */
static guint
scripted_server_get (ScriptedServer *server,
                     ServerCount     which)
{
  guint n;

  g_mutex_lock (&server->lock);
  switch (which)
    {
    case SERVER_ACCEPTED:
      n = server->n_accepted;
      break;
    case SERVER_FINISHED:
      n = server->n_finished;
      break;
    case SERVER_REQUESTS:
    default:
      n = server->requests->len;
      break;
    }
  g_mutex_unlock (&server->lock);
  return n;
}

/* Waits until the server is done with @n connections. */
static void
scripted_server_wait_finished (ScriptedServer *server,
                               guint           n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (scripted_server_get (server, SERVER_FINISHED) < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
scripted_server_free (ScriptedServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  /* The client is gone, so each connection ends and its thread with it. */
  scripted_server_wait_finished (server, scripted_server_get (server, SERVER_ACCEPTED));
  /* The cancelled accept lets go of the service here. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (server->service);
  g_ptr_array_unref (server->steps);
  g_ptr_array_unref (server->requests);
  g_mutex_clear (&server->lock);
  g_free (server->url);
  g_free (server);
}

static void
scripted_server_add_bytes (ScriptedServer *server,
                           GBytes         *reply,
                           gsize           pause_at,
                           StepFlags       flags)
{
  Step *step = g_new0 (Step, 1);

  step->reply = g_bytes_ref (reply);
  step->pause_at = pause_at;
  step->flags = flags;
  g_mutex_lock (&server->lock);
  g_ptr_array_add (server->steps, step);
  g_mutex_unlock (&server->lock);
}

static void
scripted_server_add (ScriptedServer *server,
                     const char     *reply,
                     StepFlags       flags)
{
  g_autoptr(GBytes) bytes = g_bytes_new (reply, strlen (reply));

  scripted_server_add_bytes (server, bytes, 0, flags);
}

/* How many requests came with @method for a path starting with @path. */
static guint
scripted_server_count (ScriptedServer *server,
                       const char     *method,
                       const char     *path)
{
  guint count = 0;

  g_mutex_lock (&server->lock);
  for (guint i = 0; i < server->requests->len; i++)
    {
      Request *request = server->requests->pdata[i];

      if (g_str_equal (request->method, method) && g_str_has_prefix (request->path, path))
        count++;
    }
  g_mutex_unlock (&server->lock);
  return count;
}

/* Whether request @index had @token in its header @name. */
static gboolean
scripted_server_request_has (ScriptedServer *server,
                             guint           index,
                             const char     *name,
                             const char     *token)
{
  gboolean has;

  g_mutex_lock (&server->lock);
  g_assert_cmpuint (index, <, server->requests->len);
  has = soup_message_headers_header_contains (((Request *) server->requests->pdata[index])->headers,
                                              name, token);
  g_mutex_unlock (&server->lock);
  return has;
}

/* Replies */

static char *
document_text (const char *key)
{
  return g_strdup_printf ("{\"_key\":\"%s\",\"_id\":\"notes/%s\",\"_rev\":\"_h1-%s\",\"text\":\"note %s\"}",
                          key, key, key, key);
}

/* A reply as ArangoDB sends it: JSON with its length. */
static char *
json_reply (const char *status_line,
            const char *extra_headers,
            const char *body)
{
  return g_strdup_printf ("%s\r\n"
                          "Server: ArangoDB\r\n"
                          "Content-Type: application/json; charset=utf-8\r\n"
                          "%s"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "\r\n"
                          "%s",
                          status_line, extra_headers ? extra_headers : "", strlen (body), body);
}

static char *
document_reply (const char *key)
{
  g_autofree char *body = document_text (key);

  return json_reply ("HTTP/1.1 200 OK", NULL, body);
}

static char *
inserted_reply (const char *key)
{
  g_autofree char *body = g_strdup_printf ("{\"_key\":\"%s\",\"_id\":\"notes/%s\",\"_rev\":\"_h1-%s\"}",
                                           key, key, key);

  return json_reply ("HTTP/1.1 202 Accepted", NULL, body);
}

/* @body in chunks of @chunk_size, every other one with an extension,
 * and a trailer. */
static GBytes *
chunked_reply (const guint8 *body,
               gsize         length,
               gsize         chunk_size,
               const char   *extra_headers)
{
  GString *reply = g_string_new ("HTTP/1.1 200 OK\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Transfer-Encoding: chunked\r\n");
  guint index = 0;

  g_string_append (reply, extra_headers ? extra_headers : "");
  g_string_append (reply, "\r\n");
  for (gsize offset = 0; offset < length; offset += chunk_size, index++)
    {
      gsize size = MIN (chunk_size, length - offset);

      g_string_append_printf (reply, "%" G_GSIZE_MODIFIER "X%s\r\n", size,
                              index % 2 ? ";name=\"quoted; value\";flag" : "");
      g_string_append_len (reply, (const char *) body + offset, size);
      g_string_append (reply, "\r\n");
    }
  g_string_append (reply, "0;last\r\nX-Checksum: 0123\r\nX-Other: yes\r\n\r\n");
  return g_string_free_to_bytes (reply);
}

static GBytes *
chunked_document_reply (const char *key,
                        gsize       chunk_size)
{
  g_autofree char *body = document_text (key);

  return chunked_reply ((const guint8 *) body, strlen (body), chunk_size, NULL);
}

/* The client under test */

typedef struct
{
  ScriptedServer *server;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *notes;
  TestAsync async;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = scripted_server_new ();
  fixture->client = arango_client_new (fixture->server->url, &error);
  g_assert_no_error (error);
  /* A reply the client waits for in vain fails the test in time. */
  arango_client_set_request_timeout (fixture->client, 10);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->notes = arango_database_get_collection (fixture->database, "notes");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->notes);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  scripted_server_free (fixture->server);
}

static JsonObject *
get_document (Fixture     *fixture,
              const char  *key,
              GError     **error)
{
  arango_collection_get_async (fixture->notes, key, NULL, NULL,
                               test_async_ready, &fixture->async);
  return arango_collection_get_finish (fixture->notes, test_async_wait (&fixture->async), error);
}

static void
assert_got_document (Fixture    *fixture,
                     const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = get_document (fixture, key, &error);
  g_autofree char *text = g_strdup_printf ("note %s", key);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (document, "_key"), ==, key);
  g_assert_cmpstr (json_object_get_string_member (document, "text"), ==, text);
}

static JsonObject *
insert_document (Fixture     *fixture,
                 const char  *key,
                 GError     **error)
{
  g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "_key", key);
  json_node_set_object (document, object);
  arango_collection_insert_async (fixture->notes, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                  test_async_ready, &fixture->async);
  return arango_collection_insert_finish (fixture->notes, test_async_wait (&fixture->async), error);
}

static void
assert_inserted (Fixture    *fixture,
                 const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = insert_document (fixture, key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_key"), ==, key);
}

/* Tests */

/* Requests one after the other share one connection. */
static void
test_keep_alive (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *keys[] = { "a", "b", "c", "d" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *reply = document_reply (keys[i]);

      scripted_server_add (fixture->server, reply, STEP_REPLY);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_got_document (fixture, keys[i]);

  g_assert_cmpuint (scripted_server_count (fixture->server, "GET", DOCUMENTS_PATH "/"), ==, 4);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
}

/* Chunks of nine bytes, with extensions, and a trailer after them. */
static void
test_chunked (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GBytes) chunked = chunked_document_reply ("a", 9);
  g_autofree char *after = document_reply ("b");

  scripted_server_add_bytes (fixture->server, chunked, 0, STEP_REPLY);
  scripted_server_add (fixture->server, after, STEP_REPLY);

  assert_got_document (fixture, "a");
  /* The trailer was read to its end: the connection goes on. */
  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
}

/* Replies written a byte at a time: every part of the reader gets its
 * input in pieces, the header block above all. */
static void
test_trickle (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *with_length = document_reply ("a");
  g_autoptr(GBytes) chunked = chunked_document_reply ("b", 7);
  g_autofree char *interim_then_reply = g_strconcat ("HTTP/1.1 100 Continue\r\n\r\n",
                                                     with_length, NULL);

  scripted_server_add (fixture->server, with_length, STEP_TRICKLE);
  scripted_server_add_bytes (fixture->server, chunked, 0, STEP_TRICKLE);
  scripted_server_add (fixture->server, interim_then_reply, STEP_TRICKLE);

  assert_got_document (fixture, "a");
  assert_got_document (fixture, "b");
  assert_got_document (fixture, "a");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
}

/* 1xx replies come before the answer and are read past: with it in one
 * write, apart from it, and two in a row. */
static void
test_interim_replies (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char continue_reply[] = "HTTP/1.1 100 Continue\r\n\r\n";
  g_autofree char *final_a = document_reply ("a");
  g_autofree char *final_b = document_reply ("b");
  g_autofree char *final_c = document_reply ("c");
  g_autofree char *together = g_strconcat (continue_reply, final_a, NULL);
  g_autofree char *apart = g_strconcat (continue_reply, final_b, NULL);
  g_autoptr(GBytes) apart_bytes = g_bytes_new (apart, strlen (apart));
  g_autofree char *two = g_strconcat ("HTTP/1.1 102 Processing\r\n\r\n"
                                      "HTTP/1.1 103 Early Hints\r\n"
                                      "Link: </style.css>; rel=preload\r\n\r\n",
                                      final_c, NULL);

  scripted_server_add (fixture->server, together, STEP_REPLY);
  scripted_server_add_bytes (fixture->server, apart_bytes, strlen (continue_reply), STEP_REPLY);
  scripted_server_add (fixture->server, two, STEP_REPLY);

  assert_got_document (fixture, "a");
  assert_got_document (fixture, "b");
  assert_got_document (fixture, "c");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
}

static GBytes *
compress (const char            *text,
          GZlibCompressorFormat  format)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (format, -1);
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(GInputStream) compressed = g_converter_input_stream_new (plain, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, compressed, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_long_document (Fixture    *fixture,
                      const char *key,
                      gsize       text_length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = get_document (fixture, key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (document, "_key"), ==, key);
  g_assert_cmpuint (strlen (json_object_get_string_member (document, "text")), ==, text_length);
}

/* A gzip body by length, and a deflate one in chunks. */
static void
test_content_coding (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *text = g_strnfill (3000, 'x');
  g_autofree char *gzip_body = g_strdup_printf ("{\"_key\":\"gz\",\"text\":\"%s\"}", text);
  g_autofree char *deflate_body = g_strdup_printf ("{\"_key\":\"df\",\"text\":\"%s\"}", text);
  g_autoptr(GBytes) gzipped = compress (gzip_body, G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GBytes) deflated = compress (deflate_body, G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autofree char *gzip_head = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                                "Content-Type: application/json\r\n"
                                                "Content-Encoding: gzip\r\n"
                                                "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                                                g_bytes_get_size (gzipped));
  g_autoptr(GByteArray) gzip_reply = g_byte_array_new ();
  g_autoptr(GBytes) gzip_bytes = NULL;
  g_autoptr(GBytes) deflate_reply = NULL;

  g_byte_array_append (gzip_reply, (const guint8 *) gzip_head, strlen (gzip_head));
  g_byte_array_append (gzip_reply, g_bytes_get_data (gzipped, NULL), g_bytes_get_size (gzipped));
  gzip_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&gzip_reply));
  deflate_reply = chunked_reply (g_bytes_get_data (deflated, NULL), g_bytes_get_size (deflated),
                                 16, "Content-Encoding: deflate\r\n");
  /* The bodies are compressed, or the test would prove nothing. */
  g_assert_cmpuint (g_bytes_get_size (gzipped), <, 200);
  g_assert_cmpuint (g_bytes_get_size (deflated), <, 200);

  scripted_server_add_bytes (fixture->server, gzip_bytes, 0, STEP_REPLY);
  scripted_server_add_bytes (fixture->server, deflate_reply, 0, STEP_REPLY);

  assert_long_document (fixture, "gz", 3000);
  assert_long_document (fixture, "df", 3000);

  /* The client said it takes both codings. */
  g_assert_true (scripted_server_request_has (fixture->server, 0, "Accept-Encoding", "gzip"));
  g_assert_true (scripted_server_request_has (fixture->server, 0, "Accept-Encoding", "deflate"));
}

/* A reply that says the connection ends is not followed by another
 * request on it. The server leaves these connections open, so only the
 * client's reading of the reply can make it open a new one. */
static void
test_connection_close (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *closing = json_reply ("HTTP/1.1 200 OK", "Connection: close\r\n",
                                         "{\"_key\":\"a\",\"text\":\"note a\"}");
  g_autofree char *old = json_reply ("HTTP/1.0 200 OK", NULL,
                                     "{\"_key\":\"b\",\"text\":\"note b\"}");
  g_autofree char *old_kept = json_reply ("HTTP/1.0 200 OK", "Connection: keep-alive\r\n",
                                          "{\"_key\":\"c\",\"text\":\"note c\"}");
  g_autofree char *last = document_reply ("d");

  scripted_server_add (fixture->server, closing, STEP_REPLY);
  scripted_server_add (fixture->server, old, STEP_REPLY);
  scripted_server_add (fixture->server, old_kept, STEP_REPLY);
  scripted_server_add (fixture->server, last, STEP_REPLY);

  assert_got_document (fixture, "a");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
  assert_got_document (fixture, "c");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 3);
  /* HTTP/1.0 with keep-alive keeps it. */
  assert_got_document (fixture, "d");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 3);
}

/* A reply to HEAD announces a body it does not carry. */
static void
test_head (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = document_reply ("b");
  gboolean exists;

  scripted_server_add (fixture->server,
                       "HTTP/1.1 200 OK\r\n"
                       "Content-Type: application/json\r\n"
                       "Etag: \"_h1-a\"\r\n"
                       "Content-Length: 120\r\n\r\n", STEP_REPLY);
  scripted_server_add (fixture->server, after, STEP_REPLY);

  arango_collection_has_async (fixture->notes, "a", NULL, test_async_ready, &fixture->async);
  exists = arango_collection_has_finish (fixture->notes, test_async_wait (&fixture->async), &error);
  g_assert_no_error (error);
  g_assert_true (exists);
  g_assert_cmpuint (scripted_server_count (fixture->server, "HEAD", DOCUMENTS_PATH "/a"), ==, 1);

  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 1);
}

/* Waits until the server closed its side of @n connections, and the
 * client's end of them had time to hear of it. */
static void
wait_closed_by_server (Fixture *fixture,
                       guint    n)
{
  scripted_server_wait_finished (fixture->server, n);
  g_usleep (20 * 1000);
}

/* A kept-alive connection the server closed while it was idle is seen
 * to be closed before anything is sent on it, so even a POST goes out,
 * once, on a new connection. */
static void
test_closed_while_idle (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *reply_a = document_reply ("a");
  g_autofree char *reply_b = document_reply ("b");
  g_autofree char *inserted = inserted_reply ("c");

  scripted_server_add (fixture->server, reply_a, STEP_CLOSE);
  scripted_server_add (fixture->server, reply_b, STEP_CLOSE);
  scripted_server_add (fixture->server, inserted, STEP_REPLY);

  assert_got_document (fixture, "a");
  wait_closed_by_server (fixture, 1);
  assert_got_document (fixture, "b");
  wait_closed_by_server (fixture, 2);
  assert_inserted (fixture, "c");

  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_REQUESTS), ==, 3);
  g_assert_cmpuint (scripted_server_count (fixture->server, "POST", DOCUMENTS_PATH), ==, 1);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 3);
}

/* The server read the request on a kept-alive connection and closed it
 * without a word, as one does whose keep-alive time ran out just then.
 * As libsoup does, a GET goes again, once, on a new connection; that is
 * not one of the client's tries, so it works with a single try too. */
static void
test_closed_after_get (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reply_a = document_reply ("a");
  g_autofree char *reply_b = document_reply ("b");

  arango_client_set_max_tries (fixture->client, 1, &error);
  g_assert_no_error (error);
  scripted_server_add (fixture->server, reply_a, STEP_REPLY);
  scripted_server_add (fixture->server, "", STEP_NO_REPLY);
  scripted_server_add (fixture->server, reply_b, STEP_REPLY);

  assert_got_document (fixture, "a");
  assert_got_document (fixture, "b");

  g_assert_cmpuint (scripted_server_count (fixture->server, "GET", DOCUMENTS_PATH "/b"), ==, 2);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
}

/* A PUT goes again too (libsoup's rule: its method is idempotent), where
 * the client's own failover never sends a write again. */
static void
test_closed_after_put (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_from_string ("{\"_key\":\"a\",\"text\":\"new\"}", NULL);
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *reply_a = document_reply ("a");
  g_autofree char *replaced = json_reply ("HTTP/1.1 202 Accepted", NULL,
                                          "{\"_key\":\"a\",\"_id\":\"notes/a\",\"_rev\":\"_h2\",\"_oldRev\":\"_h1-a\"}");

  scripted_server_add (fixture->server, reply_a, STEP_REPLY);
  scripted_server_add (fixture->server, "", STEP_NO_REPLY);
  scripted_server_add (fixture->server, replaced, STEP_REPLY);

  assert_got_document (fixture, "a");
  arango_collection_replace_async (fixture->notes, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                   test_async_ready, &fixture->async);
  meta = arango_collection_replace_finish (fixture->notes, test_async_wait (&fixture->async), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_rev"), ==, "_h2");

  g_assert_cmpuint (scripted_server_count (fixture->server, "PUT", DOCUMENTS_PATH "/a"), ==, 2);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
}

/* The same for a POST: it may have run, so it fails and is not sent
 * again; the next request takes a new connection. */
static void
test_closed_after_post (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *reply_a = document_reply ("a");
  g_autofree char *reply_b = document_reply ("b");

  scripted_server_add (fixture->server, reply_a, STEP_REPLY);
  scripted_server_add (fixture->server, "", STEP_NO_REPLY);
  scripted_server_add (fixture->server, reply_b, STEP_REPLY);

  assert_got_document (fixture, "a");
  meta = insert_document (fixture, "c", &error);
  g_assert_null (meta);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "may have been executed"));
  g_assert_nonnull (strstr (error->message, "closed the connection without a reply"));
  g_assert_cmpuint (scripted_server_count (fixture->server, "POST", DOCUMENTS_PATH), ==, 1);

  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
}

/* Two replies at once where one was asked for: the first answers, and
 * the second must not be taken for the answer to the next request. */
static void
test_extra_bytes (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *reply_a = document_reply ("a");
  g_autofree char *unasked = document_reply ("unasked");
  g_autofree char *both = g_strconcat (reply_a, unasked, NULL);
  g_autofree char *reply_b = document_reply ("b");

  scripted_server_add (fixture->server, both, STEP_REPLY);
  scripted_server_add (fixture->server, reply_b, STEP_REPLY);

  assert_got_document (fixture, "a");
  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_REQUESTS), ==, 2);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
}

/* Replies that cannot be read */

typedef struct
{
  const char *name;
  char *(*make_reply) (void);
  const char *reason;       /* in the error message */
} BadReply;

static char *
garbage_reply (void)
{
  return g_strdup ("<html><body>Bad Gateway</body></html>\r\n\r\n");
}

static char *
long_head_reply (void)
{
  GString *reply = g_string_new ("HTTP/1.1 200 OK\r\n");
  g_autofree char *filler = g_strnfill (100, 'f');

  for (guint i = 0; reply->len <= 70 * 1024; i++)
    g_string_append_printf (reply, "X-Filler-%u: %s\r\n", i, filler);
  g_string_append (reply, "Content-Length: 2\r\n\r\n{}");
  return g_string_free (reply, FALSE);
}

static char *
truncated_reply (void)
{
  return g_strdup ("HTTP/1.1 200 OK\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: 100\r\n\r\n"
                   "{\"_key\":\"a\",\"text\":");
}

static char *
bad_chunk_reply (void)
{
  return g_strdup ("HTTP/1.1 200 OK\r\n"
                   "Content-Type: application/json\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n"
                   "zz\r\n{}\r\n0\r\n\r\n");
}

static char *
negative_length_reply (void)
{
  return g_strdup ("HTTP/1.1 200 OK\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: -1\r\n\r\n"
                   "{}");
}

static char *
word_length_reply (void)
{
  return g_strdup ("HTTP/1.1 200 OK\r\n"
                   "Content-Type: application/json\r\n"
                   "Content-Length: two\r\n\r\n"
                   "{}");
}

static const BadReply bad_replies[] = {
  { "garbage", garbage_reply, "not HTTP" },
  { "long-head", long_head_reply, "longer than 65536 bytes" },
  { "truncated", truncated_reply, "closed before the whole reply arrived" },
  { "bad-chunk", bad_chunk_reply, "garbled chunk size" },
  { "negative-length", negative_length_reply, "Content-Length is not a length: -1" },
  { "word-length", word_length_reply, "Content-Length is not a length: two" },
};

/* A GET that gets no readable reply goes again, on a new connection,
 * until the client's tries (three for one coordinator) are used up. */
static void
test_bad_reply_to_get (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const BadReply *bad = user_data;
  g_autofree char *reply = bad->make_reply ();
  g_autofree char *good = document_reply ("b");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = NULL;
  guint max_tries = arango_client_get_max_tries (fixture->client);

  g_assert_cmpuint (max_tries, ==, 3);
  for (guint i = 0; i < max_tries; i++)
    scripted_server_add (fixture->server, reply, STEP_CLOSE);
  scripted_server_add (fixture->server, good, STEP_REPLY);

  document = get_document (fixture, "a", &error);
  g_assert_null (document);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, bad->reason));
  g_assert_cmpuint (scripted_server_count (fixture->server, "GET", DOCUMENTS_PATH "/a"), ==, max_tries);
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, max_tries);

  /* Nothing of it is left over for the next request. */
  assert_got_document (fixture, "b");
}

/* A POST that gets no readable reply may have run: it fails at once. */
static void
test_bad_reply_to_post (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const BadReply *bad = user_data;
  g_autofree char *reply = bad->make_reply ();
  g_autofree char *good = document_reply ("b");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;

  scripted_server_add (fixture->server, reply, STEP_CLOSE);
  scripted_server_add (fixture->server, good, STEP_REPLY);

  meta = insert_document (fixture, "a", &error);
  g_assert_null (meta);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "may have been executed"));
  g_assert_nonnull (strstr (error->message, bad->reason));
  g_assert_cmpuint (scripted_server_count (fixture->server, "POST", DOCUMENTS_PATH), ==, 1);

  assert_got_document (fixture, "b");
  g_assert_cmpuint (scripted_server_get (fixture->server, SERVER_ACCEPTED), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add ("/http1/" path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("keep-alive", test_keep_alive);
  ADD ("chunked", test_chunked);
  ADD ("trickle", test_trickle);
  ADD ("interim-replies", test_interim_replies);
  ADD ("content-coding", test_content_coding);
  ADD ("connection-close", test_connection_close);
  ADD ("head", test_head);
  ADD ("closed-while-idle", test_closed_while_idle);
  ADD ("closed-after-get", test_closed_after_get);
  ADD ("closed-after-put", test_closed_after_put);
  ADD ("closed-after-post", test_closed_after_post);
  ADD ("extra-bytes", test_extra_bytes);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_replies); i++)
    {
      g_autofree char *get_path = g_strdup_printf ("/http1/bad-reply/%s/get", bad_replies[i].name);
      g_autofree char *post_path = g_strdup_printf ("/http1/bad-reply/%s/post", bad_replies[i].name);

      g_test_add (get_path, Fixture, &bad_replies[i], fixture_set_up,
                  test_bad_reply_to_get, fixture_tear_down);
      g_test_add (post_path, Fixture, &bad_replies[i], fixture_set_up,
                  test_bad_reply_to_post, fixture_tear_down);
    }

  return g_test_run ();
}
