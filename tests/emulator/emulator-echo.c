/* emulator-echo.c: the request as the server saw it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * /_admin/echo[/…], any method: the JavaScript action of js/actions/
 * _admin/app.js, which answers JSON.stringify (req) of the request object
 * TRI_RequestCppToV8 builds (arangod/V8Server/v8-actions.cpp), after
 * setting req.rawRequestBody to the body's bytes. The fields come in the
 * order that function sets them, so JSON.stringify writes them so.
 */

#include <string.h>

#include "emulator-coordinator.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users.h"

/* The action's own path: _admin/echo. */
#define ACTION_SEGMENTS 2

typedef enum {
  BODY_UNSET,   /* no Content-Type */
  BODY_JSON,
  BODY_OTHER,
} BodyType;

static BodyType
body_type (EmuRequest *req)
{
  const char *content_type = emu_request_get_header (req, "Content-Type");

  if (content_type == NULL)
    return BODY_UNSET;
  if (g_ascii_strncasecmp (content_type, "application/json", strlen ("application/json")) == 0)
    return BODY_JSON;
  return BODY_OTHER;
}

/* Whether the request type carries a body into the request object. */
static gboolean
has_body (EmuRequest *req)
{
  return g_str_equal (req->method, "POST") || g_str_equal (req->method, "PUT") ||
         g_str_equal (req->method, "PATCH") || g_str_equal (req->method, "DELETE");
}

/* A segment as it went over the wire: libsoup hands the path over
 * decoded, so this encodes it again. */
static char *
encode_segment (const char *segment)
{
  return g_uri_escape_string (segment, "!$&'()*+,;=:@", TRUE);
}

static char *
full_url (EmuRequest *req)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_auto(GStrv) segments = g_strsplit (req->raw_path, "/", -1);
  g_autoptr(GString) url = g_string_new (NULL);
  guint i;

  for (i = 0; segments[i] != NULL; i++)
    {
      g_autofree char *encoded = encode_segment (segments[i]);

      if (i > 0)
        g_string_append_c (url, '/');
      g_string_append (url, encoded);
    }
  if (query != NULL)
    g_string_append_printf (url, "?%s", query);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

static void
add_address (JsonBuilder    *builder,
             const char     *name,
             GSocketAddress *address,
             const char     *endpoint)
{
  GInetAddress *inet = G_IS_INET_SOCKET_ADDRESS (address)
    ? g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)) : NULL;
  g_autofree char *host = inet != NULL ? g_inet_address_to_string (inet) : g_strdup ("");
  guint16 port = G_IS_INET_SOCKET_ADDRESS (address)
    ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)) : 0;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "address", host);
  emu_json_add_int (builder, "port", port);
  if (endpoint != NULL)
    emu_json_add_string (builder, "endpoint", endpoint);
  else
    emu_json_add_string (builder, "id", "0");
  json_builder_end_object (builder);
}

/* Who asked: the authentication the request passed. */
static void
add_identity (JsonBuilder *builder,
              EmuRequest  *req)
{
  gboolean authenticated = emu_state_auth_enabled (req->state);

  emu_json_add_boolean (builder, "authorized", authenticated);
  if (req->user != NULL)
    emu_json_add_string (builder, "user", req->user);
  else
    emu_json_add_null (builder, "user");
  emu_json_add_boolean (builder, "isAdminUser", emu_users_is_admin (req));
  emu_json_add_string (builder, "database", req->database);
}

static void
add_connection (JsonBuilder *builder,
                EmuRequest  *req)
{
  g_autofree char *url = full_url (req);
  /* Endpoint::uriForm: "tcp://" and "ssl://" become "http://" and "https://". */
  g_autofree char *endpoint = emu_coordinator_get_url (req->coordinator);

  emu_json_add_string (builder, "url", url);
  emu_json_add_string (builder, "protocol", "http");
  add_address (builder, "server", soup_server_message_get_local_address (req->msg), endpoint);
  emu_json_add_string (builder, "portType", "tcp/ip");
  add_address (builder, "client", soup_server_message_get_remote_address (req->msg), NULL);
  /* A V8 External, which JSON.stringify writes as {}. */
  json_builder_set_member_name (builder, "internals");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  emu_json_add_string (builder, "prefix", "/");
}

typedef struct {
  JsonObject *headers;
  char       *cookie;
} HeaderScan;

static void
collect_header (const char *name,
                const char *value,
                gpointer    user_data)
{
  HeaderScan *scan = user_data;
  g_autofree char *key = g_ascii_strdown (name, -1);

  /* Lower-case names, the last value of a repeated field. */
  json_object_set_string_member (scan->headers, key, value);
  if (g_str_equal (key, "cookie"))
    {
      g_free (scan->cookie);
      scan->cookie = g_strdup (value);
    }
}

/* JSON.stringify of a Node Buffer. */
static void
add_buffer (JsonBuilder *builder,
            const char  *name,
            GBytes      *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gsize i;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", "Buffer");
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (i = 0; i < length; i++)
    json_builder_add_int_value (builder, data[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_body_text (JsonBuilder *builder,
               GBytes      *body)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  g_autofree char *text = g_utf8_make_valid (data != NULL ? data : "", (gssize) length);

  emu_json_add_string (builder, "requestBody", text);
}

/* The headers, the request type and, for the types with a body, the body
 * as text (and, without a Content-Type, its bytes first). The server sets
 * content-length for a body it passes on. Returns whether
 * rawRequestBody was set here; the action sets it at the end otherwise. */
static gboolean
add_headers_and_body (JsonBuilder  *builder,
                      EmuRequest   *req,
                      char        **cookie)
{
  g_autoptr(JsonObject) headers = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  HeaderScan scan = { headers, NULL };
  BodyType type = body_type (req);
  gboolean body = has_body (req) && type != BODY_OTHER;

  soup_message_headers_foreach (soup_server_message_get_request_headers (req->msg),
                                collect_header, &scan);
  *cookie = scan.cookie;
  if (body)
    {
      g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (req->body));

      json_object_set_string_member (headers, "content-length", length);
    }
  json_node_set_object (node, headers);
  json_builder_set_member_name (builder, "headers");
  json_builder_add_value (builder, g_steal_pointer (&node));

  emu_json_add_string (builder, "requestType", req->method);
  if (body && type == BODY_UNSET)
    add_buffer (builder, "rawRequestBody", req->body);
  if (body)
    add_body_text (builder, req->body);
  return body && type == BODY_UNSET;
}

/* request->values() and, for "name[]=" parameters, arrayValues(). */
static void
add_parameters (JsonBuilder *builder,
                EmuRequest  *req)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);
  JsonObject *parameters = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint i;

  for (i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (pair[0] == NULL || *pair[0] == '\0')
        continue;
      g_strdelimit (pair[0], "+", ' ');
      if (pair[1] != NULL)
        g_strdelimit (pair[1], "+", ' ');
      name = g_uri_unescape_string (pair[0], NULL);
      value = g_uri_unescape_string (pair[1] != NULL ? pair[1] : "", NULL);
      if (name == NULL || value == NULL)
        continue;
      if (g_str_has_suffix (name, "[]"))
        {
          name[strlen (name) - 2] = '\0';
          if (!json_object_has_member (parameters, name) ||
              !JSON_NODE_HOLDS_ARRAY (json_object_get_member (parameters, name)))
            json_object_set_array_member (parameters, name, json_array_new ());
          json_array_add_string_element (json_object_get_array_member (parameters, name), value);
        }
      else
        json_object_set_string_member (parameters, name, value);
    }
  json_node_take_object (node, parameters);
  json_builder_set_member_name (builder, "parameters");
  json_builder_add_value (builder, node);
}

/* "a=1; b=2" */
static void
add_cookies (JsonBuilder *builder,
             const char  *cookie)
{
  g_auto(GStrv) pairs = g_strsplit (cookie != NULL ? cookie : "", ";", -1);
  guint i;

  json_builder_set_member_name (builder, "cookies");
  json_builder_begin_object (builder);
  for (i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (pairs[i]), "=", 2);

      if (pair[0] != NULL && *pair[0] != '\0' && pair[1] != NULL)
        emu_json_add_string (builder, pair[0], pair[1]);
    }
  json_builder_end_object (builder);
}

/* The segments after the action's own, decoded and as sent, and the path
 * they make: the prefix "/" and the segments. */
static void
add_suffixes (JsonBuilder *builder,
              EmuRequest  *req)
{
  g_autoptr(GString) path = g_string_new ("/");
  char **suffixes = req->segments + ACTION_SEGMENTS;
  guint i;

  json_builder_set_member_name (builder, "suffix");
  json_builder_begin_array (builder);
  for (i = 0; suffixes[i] != NULL; i++)
    json_builder_add_string_value (builder, suffixes[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rawSuffix");
  json_builder_begin_array (builder);
  for (i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *encoded = encode_segment (suffixes[i]);

      json_builder_add_string_value (builder, encoded);
      g_string_append_printf (path, "%s%s", i > 0 ? "/" : "", suffixes[i]);
    }
  json_builder_end_array (builder);

  emu_json_add_string (builder, "path", path->str);
}

static void
handle_echo (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *cookie = NULL;
  gboolean raw_body_set;

  json_builder_begin_object (builder);
  add_identity (builder, req);
  add_connection (builder, req);
  raw_body_set = add_headers_and_body (builder, req, &cookie);
  add_parameters (builder, req);
  add_cookies (builder, cookie);
  add_suffixes (builder, req);
  if (!raw_body_set)
    add_buffer (builder, "rawRequestBody", req->body);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

#define ECHO_PATH "/_admin/echo/" EMU_ROUTE_REST

static const EmuRoute echo_routes[] = {
  { "GET", ECHO_PATH, handle_echo },
  { "POST", ECHO_PATH, handle_echo },
  { "PUT", ECHO_PATH, handle_echo },
  { "PATCH", ECHO_PATH, handle_echo },
  { "DELETE", ECHO_PATH, handle_echo },
};

void
emu_echo_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, echo_routes, G_N_ELEMENTS (echo_routes));
}
