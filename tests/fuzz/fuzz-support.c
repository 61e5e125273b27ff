/* fuzz-support.c: turning fuzz input into replies as the connection
 * layer sees them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-reply-private.h"
#include "fuzz-support.h"

static const guint statuses[] = { 200, 201, 202, 204, 304, 400, 401, 404, 409, 412, 500, 503 };
static const char *content_types[] = {
  "application/json", "application/json", "application/json",
  "application/vnd.arango+json", "text/plain", "text/html", NULL,
};

/* One client for the whole run: building it costs a session per host. */
ArangoClient *
fuzz_client (void)
{
  static ArangoClient *client = NULL;

  if (client == NULL)
    {
      client = arango_client_new ("http://127.0.0.1:1", NULL);
      /* Cursors dropped by a target must not reach for the network. */
      arango_client_close (client);
    }
  return client;
}

/* Input: one byte picks the status (and whether the body's "result" is
 * deferred, as a cursor's requests ask), one the content type, the rest
 * is the body. Returns the reply as a method would see it, or NULL when the
 * connection layer would already have turned it into an error (which is
 * then checked to be a proper GError). */
ArangoResponse *
fuzz_response_new (const uint8_t *data,
                   size_t         size)
{
  static ArangoHost *host = NULL;
  g_autoptr(GBytes) body_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) deferred = NULL;
  ArangoResponse *response;
  guint status;
  const char *deferred_member;
  const char *content_type;

  if (size < 2)
    return NULL;
  status = statuses[data[0] % G_N_ELEMENTS (statuses)];
  deferred_member = (data[0] / G_N_ELEMENTS (statuses)) % 2 ? "result" : NULL;
  content_type = content_types[data[1] % G_N_ELEMENTS (content_types)];
  body_bytes = g_bytes_new (data + 2, size - 2);

  if (!arango_reply_decode ("http://fuzz", "GET", "/fuzz", status, content_type,
                            body_bytes, deferred_member, &body, &deferred, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ARANGO_ERROR);
      return NULL;
    }

  if (status >= 300)
    {
      g_autoptr(GError) server_error = arango_server_error_new (status, body);

      g_assert_true (server_error->domain == ARANGO_SERVER_ERROR);
      g_assert_true (g_str_has_prefix (server_error->message, "[HTTP "));
      return NULL;
    }

  if (host == NULL)
    host = arango_host_new ("http://fuzz:1");
  response = g_new0 (ArangoResponse, 1);
  response->status = status;
  response->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  response->body = g_steal_pointer (&body);
  response->deferred = g_steal_pointer (&deferred);
  response->host = arango_host_ref (host);
  return response;
}

/* Completes what the target left queued on the main context (returned
 * tasks, failed requests), so that nothing is left over. */
void
fuzz_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* json_node_equal() takes the integer 1 and the double 1.0 as equal, but
 * an x where a d belongs is a different GVariant; the text tells them
 * apart, and checks the members' order too. */
void
fuzz_assert_same_json (JsonNode *expected,
                       JsonNode *actual)
{
  g_autofree char *expected_text = json_to_string (expected, FALSE);
  g_autofree char *actual_text = json_to_string (actual, FALSE);

  g_assert_true (json_node_equal (expected, actual));
  g_assert_cmpstr (expected_text, ==, actual_text);
}

/* Whether @node, mapped to a GVariant as json-glib maps it, nests no
 * deeper than GVariant allows: GLib builds that variant and judges its
 * bytes. */
gboolean
fuzz_fits_in_gvariant (JsonNode *node)
{
  g_autoptr(GVariant) built = g_variant_ref_sink (json_gvariant_deserialize (node, NULL, NULL));
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (built);
  g_autoptr(GVariant) untrusted =
    g_variant_ref_sink (g_variant_new_from_bytes (g_variant_get_type (built), bytes, FALSE));

  return g_variant_is_normal_form (untrusted);
}

/* The one reason for the GVariant reader to refuse a text the tree
 * reader takes. */
gboolean
fuzz_is_too_deep_error (GError *error)
{
  return error != NULL && strstr (error->message, "Nesting too deep for a GVariant") != NULL;
}
