/* arango-auth.c: the credentials of a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "arango-auth-private.h"

struct _ArangoAuth
{
  gatomicrefcount ref_count;
  ArangoAuthMethod method;
  gboolean has_token_only;
  char *username;
  char *password;
  char *basic_header;  /* made once: every request sends it */
  GMutex lock;   /* guards token: requests may run in several threads */
  char *token;
};

static ArangoAuth *
arango_auth_new (ArangoAuthMethod  method,
                 const char       *username,
                 const char       *password)
{
  ArangoAuth *self = g_new0 (ArangoAuth, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->method = method;
  self->username = g_strdup (username ? username : "root");
  self->password = g_strdup (password ? password : "");
  if (method == ARANGO_AUTH_METHOD_BASIC)
    {
      g_autofree char *pair = g_strconcat (self->username, ":", self->password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->basic_header = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
      memset (encoded, 0, strlen (encoded));
    }
  return self;
}

ArangoAuth *
arango_auth_new_basic (const char *username,
                       const char *password)
{
  return arango_auth_new (ARANGO_AUTH_METHOD_BASIC, username, password);
}

ArangoAuth *
arango_auth_new_jwt (const char *username,
                     const char *password)
{
  return arango_auth_new (ARANGO_AUTH_METHOD_JWT, username, password);
}

ArangoAuth *
arango_auth_new_token (const char *token)
{
  ArangoAuth *self = arango_auth_new (ARANGO_AUTH_METHOD_JWT, NULL, NULL);

  self->has_token_only = TRUE;
  g_clear_pointer (&self->username, g_free);
  self->token = g_strdup (token);
  return self;
}

ArangoAuth *
arango_auth_ref (ArangoAuth *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arango_auth_unref (ArangoAuth *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* Secrets do not linger in freed memory. */
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  if (self->token)
    memset (self->token, 0, strlen (self->token));
  if (self->basic_header)
    memset (self->basic_header, 0, strlen (self->basic_header));
  g_free (self->username);
  g_free (self->password);
  g_free (self->basic_header);
  g_free (self->token);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* A ready-made token cannot be renewed: there is no password to log in
 * with again. */
gboolean
arango_auth_can_renew (ArangoAuth *self)
{
  return self->method == ARANGO_AUTH_METHOD_JWT && !self->has_token_only;
}

/* Returns NULL while a JWT login has not happened yet. */
char *
arango_auth_dup_header (ArangoAuth *self)
{
  char *header = NULL;

  if (self->method == ARANGO_AUTH_METHOD_BASIC)
    return g_strdup (self->basic_header);

  g_mutex_lock (&self->lock);
  if (self->token)
    header = g_strconcat ("bearer ", self->token, NULL);
  g_mutex_unlock (&self->lock);
  return header;
}

char *
arango_auth_dup_login_body (ArangoAuth *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, self->username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, self->password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
arango_auth_set_token (ArangoAuth *self,
                       const char *token)
{
  g_mutex_lock (&self->lock);
  g_free (self->token);
  self->token = g_strdup (token);
  g_mutex_unlock (&self->lock);
}

const char *
arango_auth_get_username (ArangoAuth *self)
{
  return self->username;
}

/* The token of a POST /_open/auth reply: {"jwt": "…"}. */
const char *
arango_auth_token_from_reply (JsonNode *body)
{
  JsonNode *jwt;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  jwt = json_object_get_member (json_node_get_object (body), "jwt");
  if (jwt == NULL || json_node_get_value_type (jwt) != G_TYPE_STRING ||
      *json_node_get_string (jwt) == '\0')
    return NULL;
  return json_node_get_string (jwt);
}
