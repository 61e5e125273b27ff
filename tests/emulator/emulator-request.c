/* emulator-request.c: one request as the endpoint handlers see it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-json-syntax.h"
#include "emulator-request.h"

#include "emulator-reply.h"

static void
split_path (EmuRequest *req)
{
  g_auto(GStrv) parts = g_strsplit (req->raw_path, "/", -1);
  g_autoptr(GPtrArray) raw = g_ptr_array_new ();
  g_autoptr(GPtrArray) decoded = g_ptr_array_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  guint first = 0;
  guint i;

  /* ArangoDB ignores empty segments, so "/_api//version/" is "/_api/version". */
  for (i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (raw, parts[i]);

  if (raw->len >= 2 && g_str_equal (g_ptr_array_index (raw, 0), "_db"))
    {
      req->database = g_strdup (g_ptr_array_index (raw, 1));
      first = 2;
    }
  else
    {
      req->database = g_strdup ("_system");
    }

  for (i = first; i < raw->len; i++)
    {
      const char *segment = g_ptr_array_index (raw, i);

      g_string_append_c (path, '/');
      g_string_append (path, segment);
      /* libsoup's server hands the path over percent-decoded already
       * (even "%2F", so no segment can hold a "/"): decoding it again
       * would turn the key "x%41y", sent as "x%2541y", into "xAy". */
      g_ptr_array_add (decoded, g_strdup (segment));
    }
  if (path->len == 0)
    g_string_append_c (path, '/');
  g_ptr_array_add (decoded, NULL);

  req->path = g_string_free (g_steal_pointer (&path), FALSE);
  req->segments = (char **) g_ptr_array_free (g_steal_pointer (&decoded), FALSE);
}

EmuRequest *
emu_request_new (EmuState          *state,
                 EmuCoordinator    *coordinator,
                 SoupServerMessage *msg)
{
  EmuRequest *req = g_new0 (EmuRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  SoupMessageBody *body;

  req->state = state;
  req->coordinator = coordinator;
  req->msg = g_object_ref (msg);
  req->method = soup_server_message_get_method (msg);
  req->raw_path = g_strdup (g_uri_get_path (uri));
  split_path (req);

  req->query = query != NULL ? soup_form_decode (query) : NULL;
  if (req->query == NULL)
    req->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  req->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  body = soup_server_message_get_request_body (msg);
  req->body = soup_message_body_flatten (body);

  return req;
}

void
emu_request_free (EmuRequest *req)
{
  if (req == NULL)
    return;

  g_object_unref (req->msg);
  g_free (req->raw_path);
  g_free (req->path);
  g_free (req->database);
  g_strfreev (req->segments);
  g_hash_table_unref (req->query);
  g_hash_table_unref (req->params);
  g_bytes_unref (req->body);
  g_free (req->user);
  g_free (req);
}

const char *
emu_request_get_param (EmuRequest *req,
                       const char *name)
{
  return g_hash_table_lookup (req->params, name);
}

const char *
emu_request_get_query (EmuRequest *req,
                       const char *name)
{
  return g_hash_table_lookup (req->query, name);
}

gboolean
emu_request_get_query_bool (EmuRequest *req,
                            const char *name,
                            gboolean    default_value)
{
  const char *value = emu_request_get_query (req, name);

  if (value == NULL)
    return default_value;

  /* The server reads "true", "yes", "on" and "1" as true, anything else as false. */
  return g_ascii_strcasecmp (value, "true") == 0 ||
         g_ascii_strcasecmp (value, "yes") == 0 ||
         g_ascii_strcasecmp (value, "on") == 0 ||
         g_str_equal (value, "1");
}

const char *
emu_request_get_header (EmuRequest *req,
                        const char *name)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);

  return soup_message_headers_get_one (headers, name);
}

JsonNode *
emu_request_parse_body (EmuRequest *req)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (req->body, &length);
  JsonNode *root;

  if (length == 0)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                       EMU_ERROR_HTTP_CORRUPTED_JSON,
                       "VPackError error: Expecting value");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      const char *why = emu_json_syntax_error (data, length);

      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST,
                        EMU_ERROR_HTTP_CORRUPTED_JSON,
                        "VPackError error: %s", why != NULL ? why : error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                       EMU_ERROR_HTTP_CORRUPTED_JSON,
                       "VPackError error: Expecting value");
      return NULL;
    }

  return root;
}
