/* arango-http-response.c: a server's reply to a generic request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-http-response-private.h"
#include "arango-reply-private.h"
#include "arango-request-private.h"

/**
 * ArangoHttpResponse:
 *
 * The reply to a request made with arango_database_request_async(): the
 * HTTP status, the headers, the body as JSON where it is JSON, and the body
 * as it came, whatever it is.
 *
 * ```c
 * g_autoptr(ArangoHttpResponse) response =
 *   arango_database_request_finish (db, result, &error);
 * JsonNode *body = arango_http_response_get_body (response);
 * ```
 *
 * A response never changes once made.
 */

struct _ArangoHttpResponse
{
  GObject parent_instance;

  guint status;
  SoupMessageHeaders *headers;
  JsonNode *body;              /* NULL: empty, or not JSON */
  GBytes *bytes;               /* never NULL */
  char *host;
};

G_DEFINE_FINAL_TYPE (ArangoHttpResponse, arango_http_response, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_BODY,
  PROP_BYTES,
  PROP_HOST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_http_response_finalize (GObject *object)
{
  ArangoHttpResponse *self = ARANGO_HTTP_RESPONSE (object);

  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->host);

  G_OBJECT_CLASS (arango_http_response_parent_class)->finalize (object);
}

static void
arango_http_response_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ArangoHttpResponse *self = ARANGO_HTTP_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_BODY:
      g_value_set_boxed (value, self->body);
      break;
    case PROP_BYTES:
      g_value_set_boxed (value, self->bytes);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_http_response_class_init (ArangoHttpResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_http_response_finalize;
  object_class->get_property = arango_http_response_get_property;

  /**
   * ArangoHttpResponse:status: (getter get_status)
   *
   * The HTTP status code, e.g. 200.
   */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoHttpResponse:body: (getter get_body)
   *
   * The body decoded as JSON; %NULL when it was empty or not JSON.
   */
  properties[PROP_BODY] =
    g_param_spec_boxed ("body", NULL, NULL, JSON_TYPE_NODE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoHttpResponse:bytes: (getter get_bytes)
   *
   * The body as it came (after any `Content-Encoding` was undone); empty
   * when there was none.
   */
  properties[PROP_BYTES] =
    g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoHttpResponse:host: (getter get_host)
   *
   * The URL of the coordinator that answered.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_http_response_init (ArangoHttpResponse *self)
{
}

/* The generic call keeps the bytes of every reply, an async job's stored
 * one included (its request keeps the call's reply form). */
static GBytes *
bytes_of (ArangoResponse *response)
{
  return response->text ? g_bytes_ref (response->text) : g_bytes_new (NULL, 0);
}

ArangoHttpResponse *
arango_http_response_new (ArangoResponse *response)
{
  ArangoHttpResponse *self = g_object_new (ARANGO_TYPE_HTTP_RESPONSE, NULL);

  self->status = response->status;
  self->headers = soup_message_headers_ref (response->headers);
  self->body = response->body ? json_node_ref (response->body) : NULL;
  self->bytes = bytes_of (response);
  self->host = g_strdup (response->host->uri);
  return self;
}

/**
 * arango_http_response_get_status: (get-property status)
 * @self: an #ArangoHttpResponse
 *
 * Gets the HTTP status code.
 *
 * Returns: the status, e.g. 200 or 404
 */
guint
arango_http_response_get_status (ArangoHttpResponse *self)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), 0);

  return self->status;
}

/**
 * arango_http_response_get_body: (get-property body)
 * @self: an #ArangoHttpResponse
 *
 * Gets the body decoded as JSON. A body that is not JSON (by its content
 * type, or because it does not parse) is only in
 * arango_http_response_get_bytes().
 *
 * Returns: (transfer none) (nullable): the JSON body, or %NULL when the
 *   body was empty or not JSON
 */
JsonNode *
arango_http_response_get_body (ArangoHttpResponse *self)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), NULL);

  return self->body;
}

/**
 * arango_http_response_get_bytes: (get-property bytes)
 * @self: an #ArangoHttpResponse
 *
 * Gets the body as it came, whatever its content type.
 *
 * Returns: (transfer none): the body; empty when there was none
 */
GBytes *
arango_http_response_get_bytes (ArangoHttpResponse *self)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), NULL);

  return self->bytes;
}

/**
 * arango_http_response_get_host: (get-property host)
 * @self: an #ArangoHttpResponse
 *
 * Gets the URL of the coordinator that answered, e.g.
 * `http://127.0.0.1:8529`.
 *
 * Returns: the coordinator's URL
 */
const char *
arango_http_response_get_host (ArangoHttpResponse *self)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), NULL);

  return self->host;
}

/**
 * arango_http_response_get_header:
 * @self: an #ArangoHttpResponse
 * @name: a header name, in any case
 *
 * Gets a header of the reply. A header sent more than once comes as one
 * value, the values joined with ", ".
 *
 * Returns: (nullable): the header's value, or %NULL when the reply had
 *   none
 */
const char *
arango_http_response_get_header (ArangoHttpResponse *self,
                                 const char         *name)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return soup_message_headers_get_list (self->headers, name);
}

/**
 * arango_http_response_get_header_names:
 * @self: an #ArangoHttpResponse
 *
 * Lists the names of the reply's headers, each once, spelled as the server
 * sent them first, in the order they came.
 *
 * Returns: (transfer full) (array zero-terminated=1): the header names
 */
char **
arango_http_response_get_header_names (ArangoHttpResponse *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  SoupMessageHeadersIter iter;
  const char *name, *value;

  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), NULL);

  soup_message_headers_iter_init (&iter, self->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < names->len && !seen; i++)
        seen = g_ascii_strcasecmp (names->pdata[i], name) == 0;
      if (!seen)
        g_ptr_array_add (names, (gpointer) name);
    }

  g_ptr_array_add (names, NULL);
  return g_strdupv ((char **) names->pdata);
}

/**
 * arango_http_response_check_status:
 * @self: an #ArangoHttpResponse
 * @error: return location for a #GError
 *
 * Tells a success from an error reply the way every other call of the
 * library does: for a status outside 200–299, @error is set to the
 * %ARANGO_SERVER_ERROR made from the body's `errorNum` and `errorMessage`
 * (the HTTP status where the body has none). For responses got with
 * %ARANGO_REQUEST_FLAGS_RETURN_ERRORS.
 *
 * Returns: %TRUE for a success, %FALSE with @error set otherwise
 */
gboolean
arango_http_response_check_status (ArangoHttpResponse  *self,
                                   GError             **error)
{
  g_return_val_if_fail (ARANGO_IS_HTTP_RESPONSE (self), FALSE);

  if (SOUP_STATUS_IS_SUCCESSFUL (self->status))
    return TRUE;

  g_propagate_error (error, arango_server_error_new (self->status, self->body));
  return FALSE;
}
