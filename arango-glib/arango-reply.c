/* arango-reply.c: what a reply says, before any method looks at it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "arango-enums.h"
#include "arango-error.h"
#include "arango-error-private.h"
#include "arango-json-private.h"
#include "arango-reply-private.h"

/* A body that is not JSON is refused; @host, @method and @path only name
 * the exchange in the error. */
gboolean
arango_reply_check_json_type (const char  *host,
                              const char  *method,
                              const char  *path,
                              guint        status,
                              const char  *content_type,
                              GError     **error)
{
  if (content_type != NULL &&
      (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
       g_str_has_suffix (content_type, "+json")))
    return TRUE;

  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
               _("%s answered %s %s with HTTP %u and content type “%s” instead of JSON"),
               host, method, path, status, content_type ? content_type : "none");
  return FALSE;
}

/* Decodes a reply body: JSON when there is one; NULL for an empty body.
 * With @deferred_member, that top-level member is only checked, and its
 * text is returned in *@deferred (NULL when the body lacks it). @host,
 * @method and @path only name the exchange in error messages. */
gboolean
arango_reply_decode (const char  *host,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *content_type,
                     GBytes      *bytes,
                     const char  *deferred_member,
                     JsonNode   **body,
                     GBytes     **deferred,
                     GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  gsize deferred_offset = 0, deferred_length = 0;

  *body = NULL;
  if (deferred != NULL)
    *deferred = NULL;
  if (length == 0)
    return TRUE;

  if (!arango_reply_check_json_type (host, method, path, status, content_type, error))
    return FALSE;

  if (deferred_member != NULL && deferred != NULL)
    *body = arango_json_parse_deferring (text, length, deferred_member,
                                         &deferred_offset, &deferred_length, &parse_error);
  else
    *body = arango_json_parse (text, length, &parse_error);
  if (*body == NULL)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                   _("%s answered %s %s with HTTP %u and a malformed JSON body: %s"),
                   host, method, path, status, parse_error->message);
      return FALSE;
    }
  if (deferred_length > 0)
    *deferred = g_bytes_new_from_bytes (bytes, deferred_offset, deferred_length);

  return TRUE;
}

/* The body's errorNum, or -1 when it has none. */
gint64
arango_reply_error_number (JsonNode *body)
{
  JsonNode *number;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return -1;
  number = json_object_get_member (json_node_get_object (body), "errorNum");
  if (number == NULL || json_node_get_value_type (number) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (number);
}

static const char *
string_member (JsonNode   *body,
               const char *name)
{
  JsonNode *node;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  node = json_object_get_member (json_node_get_object (body), name);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* ArangoDB's error body becomes the GError; without one, the HTTP status
 * stands in for the error number, as the peer drivers do. */
GError *
arango_server_error_new (guint     status,
                         JsonNode *body)
{
  gint64 error_number = arango_reply_error_number (body);
  const char *server_message = string_member (body, "errorMessage");
  const char *stored_rev = string_member (body, "_rev");
  const char *message = server_message;

  if (message == NULL)
    message = soup_status_get_phrase (status);
  if (message == NULL)
    message = _("unknown error");

  if (error_number < 0 || error_number > G_MAXINT)
    return arango_server_error_new_full (status, status, -1, server_message,
                                         "[HTTP %u] %s", status, message);

  /* A revision conflict says which revision is stored, so that the caller
   * can decide without another read. */
  if (stored_rev != NULL)
    return arango_server_error_new_full (status, (int) error_number, (int) error_number, server_message,
                                         "[HTTP %u][ERR %" G_GINT64_FORMAT "] %s (stored _rev %s)",
                                         status, error_number, message, stored_rev);

  return arango_server_error_new_full (status, (int) error_number, (int) error_number, server_message,
                                       "[HTTP %u][ERR %" G_GINT64_FORMAT "] %s",
                                       status, error_number, message);
}
