/* arango-jwt.c: what a JSON Web Token says about itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "arango-enums.h"
#include "arango-error.h"
#include "arango-json-private.h"
#include "arango-jwt-private.h"

/* One part of a compact JWS (RFC 7515): base64url without padding. */
static gboolean
is_base64url (const char *part,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (part[i]) && part[i] != '-' && part[i] != '_')
      return FALSE;
  /* No whole number of bytes ends one character past a group of four. */
  return length % 4 != 1;
}

/* The JSON object a header or payload part holds, or NULL. */
static JsonNode *
decode_object (const char *part,
               gsize       length)
{
  g_autofree char *padded = g_malloc (length + 4);
  g_autofree guchar *bytes = NULL;
  gsize size = 0;
  gsize i;
  JsonNode *node;

  for (i = 0; i < length; i++)
    padded[i] = part[i] == '-' ? '+' : part[i] == '_' ? '/' : part[i];
  for (; i % 4 != 0; i++)
    padded[i] = '=';
  padded[i] = '\0';

  bytes = g_base64_decode (padded, &size);
  node = arango_json_parse ((const char *) bytes, size, NULL);
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    g_clear_pointer (&node, json_node_unref);
  return node;
}

static gboolean
refuse (GError     **error,
        const char  *reason)
{
  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED,
               _("The token is not a JSON Web Token: %s"), reason);
  return FALSE;
}

static gint64
to_seconds (JsonNode *exp)
{
  gdouble value;

  if (json_node_get_value_type (exp) == G_TYPE_INT64)
    return json_node_get_int (exp);

  /* Beyond the range of gint64 (JSON has no limit): as far as it goes. */
  value = floor (json_node_get_double (exp));
  if (value >= 9.2e18)
    return G_MAXINT64;
  if (value <= -9.2e18)
    return G_MININT64;
  return (gint64) value;
}

gboolean
arango_jwt_read_expiry (const char  *token,
                        gboolean    *has_expiry,
                        gint64      *expiry,
                        GError     **error)
{
  const char *payload_start = strchr (token, '.');
  const char *signature_start = payload_start ? strchr (payload_start + 1, '.') : NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(JsonNode) payload = NULL;
  gsize header_length;
  gsize payload_length;
  JsonNode *exp;

  if (signature_start == NULL || strchr (signature_start + 1, '.') != NULL)
    return refuse (error, _("it is not three parts separated by dots"));

  signature_start++;
  header_length = payload_start - token;
  payload_start++;
  payload_length = signature_start - 1 - payload_start;
  if (header_length == 0 || payload_length == 0 ||
      !is_base64url (token, header_length) ||
      !is_base64url (payload_start, payload_length) ||
      !is_base64url (signature_start, strlen (signature_start)))
    return refuse (error, _("a part is empty or not base64url"));

  header = decode_object (token, header_length);
  payload = decode_object (payload_start, payload_length);
  if (header == NULL || payload == NULL)
    return refuse (error, _("its header or payload is not a JSON object"));

  exp = json_object_get_member (json_node_get_object (payload), "exp");
  if (exp != NULL &&
      json_node_get_value_type (exp) != G_TYPE_INT64 &&
      json_node_get_value_type (exp) != G_TYPE_DOUBLE)
    return refuse (error, _("its expiry (exp) is not a number"));

  *has_expiry = exp != NULL;
  if (exp != NULL)
    *expiry = to_seconds (exp);
  return TRUE;
}

void
arango_jwt_set_expired_error (GError **error,
                              gint64   expiry)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (expiry);
  g_autofree char *text = when ? g_date_time_format_iso8601 (when) : NULL;

  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_TOKEN_EXPIRED,
               _("The token expired at %s"), text ? text : _("a time before year 1"));
}

gboolean
arango_jwt_check (const char  *token,
                  gboolean     check_expiry,
                  GError     **error)
{
  gboolean has_expiry = FALSE;
  gint64 expiry = 0;

  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("The token is empty"));
      return FALSE;
    }
  if (!arango_jwt_read_expiry (token, &has_expiry, &expiry, error))
    return FALSE;
  if (check_expiry && has_expiry && expiry <= g_get_real_time () / G_USEC_PER_SEC)
    {
      arango_jwt_set_expired_error (error, expiry);
      return FALSE;
    }
  return TRUE;
}
