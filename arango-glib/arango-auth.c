/* arango-auth.c: the credentials of a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "arango-auth-private.h"
#include "arango-jwt-private.h"

/* A database handle that wants to hear of a new token. The weak reference
 * lets a change in another thread skip a handle that is going away. */
typedef struct
{
  GObject *owner;   /* only compared, never used: the key for unwatching */
  GWeakRef ref;
  ArangoAuthTokenChanged changed;
} Watcher;

struct _ArangoAuth
{
  gatomicrefcount ref_count;
  ArangoAuthMethod method;
  gboolean has_token_only;
  char *username;
  char *password;
  char *basic_header;  /* made once: every request sends it */
  GMutex lock;   /* guards what follows: requests may run in several threads */
  char *token;
  gboolean token_has_expiry;
  gint64 token_expiry;  /* Unix time, with token_has_expiry */
  GPtrArray *watchers;
};

/* Secrets do not linger in freed memory. */
static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
watcher_free (Watcher *watcher)
{
  g_weak_ref_clear (&watcher->ref);
  g_free (watcher);
}

static ArangoAuth *
arango_auth_new (ArangoAuthMethod  method,
                 const char       *username,
                 const char       *password)
{
  ArangoAuth *self = g_new0 (ArangoAuth, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->watchers = g_ptr_array_new_with_free_func ((GDestroyNotify) watcher_free);
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
  arango_auth_set_token (self, token);
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

  clear_secret (&self->password);
  clear_secret (&self->token);
  clear_secret (&self->basic_header);
  g_free (self->username);
  g_ptr_array_unref (self->watchers);
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

/* Whether the requests carry a bearer token (not basic authentication). */
gboolean
arango_auth_uses_token (ArangoAuth *self)
{
  return self->method == ARANGO_AUTH_METHOD_JWT;
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

/* {"username": …, "password": …} for POST /_open/auth. */
JsonNode *
arango_auth_dup_login_body (ArangoAuth *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, self->username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, self->password);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  GObject *owner;
  ArangoAuthTokenChanged changed;
} Notification;

/* The watchers still alive, each with a reference; called with the lock. */
static GArray *
collect_notifications (ArangoAuth *self)
{
  GArray *notifications = g_array_new (FALSE, FALSE, sizeof (Notification));

  for (guint i = 0; i < self->watchers->len; i++)
    {
      Watcher *watcher = g_ptr_array_index (self->watchers, i);
      Notification notification = { g_weak_ref_get (&watcher->ref), watcher->changed };

      if (notification.owner != NULL)
        g_array_append_val (notifications, notification);
    }
  return notifications;
}

/* Replaces the token that every later request sends, and tells the
 * watchers when it differs. @token has been checked by the caller where
 * it comes from the application; a login reply's token is the server's
 * business, and one this library cannot read (3.12.6 and later answer
 * "invalid" when authentication is off) is kept, with no known expiry. */
void
arango_auth_set_token (ArangoAuth *self,
                       const char *token)
{
  gboolean has_expiry = FALSE;
  gint64 expiry = 0;
  g_autoptr(GArray) notifications = NULL;

  if (!arango_jwt_read_expiry (token, &has_expiry, &expiry, NULL))
    has_expiry = FALSE;

  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->token, token) != 0)
    {
      clear_secret (&self->token);
      self->token = g_strdup (token);
      self->token_has_expiry = has_expiry;
      self->token_expiry = expiry;
      notifications = collect_notifications (self);
    }
  g_mutex_unlock (&self->lock);

  /* Outside the lock: a handler may well read the new token. */
  for (guint i = 0; notifications && i < notifications->len; i++)
    {
      Notification *notification = &g_array_index (notifications, Notification, i);

      notification->changed (notification->owner);
      g_object_unref (notification->owner);
    }
}

/* Returns NULL for basic authentication. */
char *
arango_auth_dup_token (ArangoAuth *self)
{
  char *token;

  g_mutex_lock (&self->lock);
  token = g_strdup (self->token);
  g_mutex_unlock (&self->lock);
  return token;
}

/* FALSE when there is no token, or it names no expiry (or could not be
 * read). */
gboolean
arango_auth_get_token_expiry (ArangoAuth *self,
                              gint64     *expiry)
{
  gboolean has_expiry;

  g_mutex_lock (&self->lock);
  has_expiry = self->token != NULL && self->token_has_expiry;
  *expiry = self->token_expiry;
  g_mutex_unlock (&self->lock);
  return has_expiry;
}

/* @changed is called with @owner after every change of the token until
 * arango_auth_unwatch_token(); @owner is not kept alive by it. */
void
arango_auth_watch_token (ArangoAuth             *self,
                         GObject                *owner,
                         ArangoAuthTokenChanged  changed)
{
  Watcher *watcher = g_new0 (Watcher, 1);

  watcher->owner = owner;
  g_weak_ref_init (&watcher->ref, owner);
  watcher->changed = changed;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->watchers, watcher);
  g_mutex_unlock (&self->lock);
}

void
arango_auth_unwatch_token (ArangoAuth *self,
                           GObject    *owner)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->watchers->len; i++)
    if (((Watcher *) g_ptr_array_index (self->watchers, i))->owner == owner)
      {
        g_ptr_array_remove_index_fast (self->watchers, i);
        break;
      }
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
