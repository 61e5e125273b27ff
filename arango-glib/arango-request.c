/* arango-request.c: what a public method asks the connection to send
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-json-private.h"
#include "arango-request-private.h"

ArangoRequest *
arango_request_new_valist (const char *method,
                           const char *path,
                           va_list     segments)
{
  ArangoRequest *self = g_new0 (ArangoRequest, 1);
  GString *full_path = g_string_new (path);
  const char *segment;

  while ((segment = va_arg (segments, const char *)) != NULL)
    {
      g_string_append_c (full_path, '/');
      g_string_append_uri_escaped (full_path, segment, NULL, TRUE);
    }

  self->method = g_strdup (method);
  self->path = g_string_free (full_path, FALSE);
  self->idempotent = g_str_equal (method, SOUP_METHOD_GET) ||
                     g_str_equal (method, SOUP_METHOD_HEAD) ||
                     g_str_equal (method, SOUP_METHOD_OPTIONS);
  return self;
}

/* @path is the endpoint path, e.g. "/_admin/cluster/maintenance"; the
 * segments after it are appended each escaped (so a name with "/" stays
 * one segment), up to a NULL. */
ArangoRequest *
arango_request_new (const char *method,
                    const char *path,
                    ...)
{
  ArangoRequest *self;
  va_list segments;

  va_start (segments, path);
  self = arango_request_new_valist (method, path, segments);
  va_end (segments);
  return self;
}

void
arango_request_free (ArangoRequest *self)
{
  if (self == NULL)
    return;

  g_free (self->method);
  g_free (self->path);
  g_free (self->database);
  if (self->query)
    g_string_free (self->query, TRUE);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->auth, arango_auth_unref);
  g_clear_pointer (&self->pinned_host, arango_host_unref);
  g_free (self);
}

/* Without a database the path is sent as is: server-level endpoints such
 * as /_open/auth. */
void
arango_request_set_database (ArangoRequest *self,
                             const char    *database)
{
  g_free (self->database);
  self->database = g_strdup (database);
}

void
arango_request_set_auth (ArangoRequest *self,
                         ArangoAuth    *auth)
{
  g_clear_pointer (&self->auth, arango_auth_unref);
  if (auth)
    self->auth = arango_auth_ref (auth);
}

void
arango_request_add_query (ArangoRequest *self,
                          const char    *name,
                          const char    *value)
{
  if (self->query == NULL)
    self->query = g_string_new (NULL);
  else
    g_string_append_c (self->query, '&');

  g_string_append_uri_escaped (self->query, name, NULL, TRUE);
  g_string_append_c (self->query, '=');
  g_string_append_uri_escaped (self->query, value, NULL, TRUE);
}

void
arango_request_add_query_uint (ArangoRequest *self,
                               const char    *name,
                               guint64        value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, value);
  arango_request_add_query (self, name, text);
}

/* Each member of @options (nullable) as a query parameter: strings as
 * they are, other values as JSON text ("true", "12"); a value with no
 * JSON form makes the request fail as a body does. */
void
arango_request_add_query_options (ArangoRequest *self,
                                  JsonObject    *options)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (options == NULL)
    return;

  json_object_iter_init (&iter, options);
  while (json_object_iter_next (&iter, &name, &value))
    {
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (value));
      else if (self->error == NULL)
        text = arango_json_write (value, NULL, &self->error);
      if (text != NULL)
        arango_request_add_query (self, name, text);
    }
}

void
arango_request_add_header (ArangoRequest *self,
                           const char    *name,
                           const char    *value)
{
  if (self->headers == NULL)
    self->headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

/* Takes ownership of @body: JSON text as it is to be sent, e.g. JSON
 * lines for an import. */
void
arango_request_take_body (ArangoRequest *self,
                          GBytes        *body)
{
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body;
}

/* Takes ownership of @body and serializes it once, so that a retry on
 * another coordinator sends the same bytes. A body that has no JSON form
 * (NaN, an infinity) is not sent: the request keeps the error, and the
 * connection fails it before anything goes out, so that the many callers
 * need no error path of their own. */
void
arango_request_take_json_body (ArangoRequest *self,
                               JsonNode      *body)
{
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  char *text = arango_json_write (body, &length, &error);

  g_clear_pointer (&self->body, g_bytes_unref);
  if (text != NULL)
    self->body = g_bytes_new_take (text, length);
  else if (self->error == NULL)
    self->error = g_steal_pointer (&error);
  json_node_unref (body);
}

/* Takes ownership of @object. */
void
arango_request_take_json_object (ArangoRequest *self,
                                 JsonObject    *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  arango_request_take_json_body (self, node);
}

void
arango_request_set_json_object (ArangoRequest *self,
                                JsonObject    *object)
{
  arango_request_take_json_object (self, json_object_ref (object));
}

void
arango_request_set_json_array (ArangoRequest *self,
                               JsonArray     *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  arango_request_take_json_body (self, node);
}

void
arango_request_set_idempotent (ArangoRequest *self,
                               gboolean       idempotent)
{
  self->idempotent = idempotent;
}

void
arango_request_pin_to_host (ArangoRequest *self,
                            ArangoHost    *host)
{
  g_clear_pointer (&self->pinned_host, arango_host_unref);
  if (host)
    self->pinned_host = arango_host_ref (host);
}

/* An error status is handed back as a response rather than as a GError:
 * an async job's result tells its own errors from the job manager's by
 * the `x-arango-async-id` header only. */
void
arango_request_keep_errors (ArangoRequest *self)
{
  self->keep_errors = TRUE;
}

/* Metrics and similar endpoints answer in their own text format; errors
 * still come as JSON and are decoded as usual. */
void
arango_request_set_text_reply (ArangoRequest *self)
{
  self->reply_form.text = TRUE;
}

/* A success's JSON body comes back as its text, unread, for the caller
 * to decode in another form than a json-glib tree (a document as a
 * GVariant); errors are decoded as usual. */
void
arango_request_keep_json_text (ArangoRequest *self)
{
  self->reply_form.json_text = TRUE;
}

/* For the generic call: whatever the body is, its bytes come back with
 * the response, and JSON is decoded where the body is JSON; a success
 * that is not JSON is no error. */
void
arango_request_set_raw_reply (ArangoRequest *self)
{
  self->reply_form.raw = TRUE;
}

/* The reply's top-level @member (a static string) is checked but not
 * decoded: its text comes back as the response's deferred bytes, for
 * the caller to decode in the form it wants (a cursor's batch). */
void
arango_request_defer_member (ArangoRequest *self,
                             const char    *member)
{
  self->reply_form.deferred_member = member;
}

void
arango_response_free (ArangoResponse *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->deferred, g_bytes_unref);
  g_clear_pointer (&self->host, arango_host_unref);
  g_free (self);
}

/* The server's word that a follower may have answered a read that
 * allowed it (x-arango-allow-dirty-read). */
gboolean
arango_response_is_potentially_dirty (ArangoResponse *self)
{
  const char *value = soup_message_headers_get_one (self->headers,
                                                    "x-arango-potential-dirty-read");

  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}
