/* emulator-auth.c: basic authentication and HS256 JSON Web Tokens
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-auth.h"

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"

#define JWT_HEADER "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
#define JWT_ISSUER "arangodb"

gboolean
emu_auth_path_is_public (const char *path)
{
  /* The paths the server serves without credentials (NOTES.md, section 6). */
  return g_str_equal (path, "/") ||
         g_str_equal (path, "/_open") ||
         g_str_has_prefix (path, "/_open/") ||
         g_str_has_prefix (path, "/_admin/aardvark/") ||
         g_str_equal (path, "/_admin/server/availability");
}

static char *
base64url_encode (const guchar *data,
                  gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *end;

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';

  return text;
}

static guchar *
base64url_decode (const char *text,
                  gsize      *length)
{
  g_autoptr(GString) padded = g_string_new (text);
  gsize i;

  for (i = 0; i < padded->len; i++)
    {
      char c = padded->str[i];

      if (c == '-')
        padded->str[i] = '+';
      else if (c == '_')
        padded->str[i] = '/';
      else if (!g_ascii_isalnum (c))
        return NULL;
    }
  if (padded->len % 4 == 1)
    return NULL;
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  return g_base64_decode (padded->str, length);
}

static char *
sign (const char *secret,
      const char *signing_input)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256,
                                      (const guchar *) secret, strlen (secret));
  guint8 digest[32];
  gsize digest_length = sizeof digest;

  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_length);

  return base64url_encode (digest, digest_length);
}

static gboolean
equal_in_constant_time (const char *a,
                        const char *b)
{
  gsize length = strlen (a);
  guchar difference = 0;
  gsize i;

  if (length != strlen (b))
    return FALSE;

  for (i = 0; i < length; i++)
    difference |= (guchar) a[i] ^ (guchar) b[i];

  return difference == 0;
}

/* Tokens are signed with the active secret; the passive ones of a
 * secret folder still verify them (AuthenticationFeature). */
static gboolean
signed_with_known_secret (EmuState   *state,
                          const char *signing_input,
                          const char *signature)
{
  g_autofree char *expected = sign (state->jwt_secret, signing_input);
  guint i;

  if (equal_in_constant_time (expected, signature))
    return TRUE;
  for (i = 0; state->jwt_passive_secrets != NULL && i < state->jwt_passive_secrets->len; i++)
    {
      g_autofree char *passive = sign (g_ptr_array_index (state->jwt_passive_secrets, i),
                                       signing_input);

      if (equal_in_constant_time (passive, signature))
        return TRUE;
    }
  return FALSE;
}

static char *
make_token (EmuState    *state,
            JsonBuilder *payload)
{
  g_autoptr(JsonNode) root = json_builder_get_root (payload);
  g_autofree char *payload_json = emu_json_to_string (root);
  g_autofree char *header_part = base64url_encode ((const guchar *) JWT_HEADER,
                                                   strlen (JWT_HEADER));
  g_autofree char *payload_part = base64url_encode ((const guchar *) payload_json,
                                                    strlen (payload_json));
  g_autofree char *signing_input = g_strconcat (header_part, ".", payload_part, NULL);
  g_autofree char *signature = sign (state->jwt_secret, signing_input);

  return g_strconcat (signing_input, ".", signature, NULL);
}

char *
emu_auth_new_secret (void)
{
  GString *secret = g_string_new (NULL);
  guint i;

  /* GRand is no cryptographic generator; this secret protects nothing but
   * a test server on loopback. */
  for (i = 0; i < 8; i++)
    g_string_append_printf (secret, "%08x", g_random_int ());

  return g_string_free (secret, FALSE);
}

void
emu_auth_rotate_secret (EmuState *state)
{
  g_free (state->jwt_secret);
  state->jwt_secret = emu_auth_new_secret ();
}

/* A token for @user that expires @ttl seconds from now (a negative @ttl
 * makes one that has already expired, for tests). */
char *
emu_auth_issue_user_token (EmuState   *state,
                           const char *user,
                           gint64      ttl)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "preferred_username");
  json_builder_add_string_value (payload, user);
  json_builder_set_member_name (payload, "iss");
  json_builder_add_string_value (payload, JWT_ISSUER);
  json_builder_set_member_name (payload, "iat");
  json_builder_add_int_value (payload, now);
  json_builder_set_member_name (payload, "exp");
  json_builder_add_int_value (payload, now + ttl);
  json_builder_end_object (payload);

  return make_token (state, payload);
}

char *
emu_auth_issue_superuser_token (EmuState *state)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "iss");
  json_builder_add_string_value (payload, JWT_ISSUER);
  json_builder_set_member_name (payload, "iat");
  json_builder_add_int_value (payload, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (payload, "server_id");
  json_builder_add_string_value (payload, "arango-emulator");
  json_builder_end_object (payload);

  return make_token (state, payload);
}

static JsonObject *
decode_json_object (const char *part,
                    JsonNode  **out_root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree guchar *data = NULL;
  gsize length = 0;
  JsonNode *root;

  data = base64url_decode (part, &length);
  if (data == NULL ||
      !json_parser_load_from_data (parser, (const char *) data, (gssize) length, NULL))
    return NULL;

  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }

  *out_root = root;
  return json_node_get_object (root);
}

/* *@expiry is the token's exp, 0 when it has none. */
static gboolean
check_jwt (EmuState    *state,
           const char  *token,
           char       **user,
           gboolean    *superuser,
           gdouble     *expiry)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autoptr(JsonNode) header_root = NULL;
  g_autoptr(JsonNode) payload_root = NULL;
  g_autofree char *signing_input = NULL;
  JsonObject *header;
  JsonObject *payload;
  const char *name;
  gdouble now = (gdouble) (g_get_real_time () / G_USEC_PER_SEC);
  gdouble exp;
  gboolean has_exp;

  if (g_strv_length (parts) != 3)
    return FALSE;

  signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  if (!signed_with_known_secret (state, signing_input, parts[2]))
    return FALSE;

  header = decode_json_object (parts[0], &header_root);
  payload = decode_json_object (parts[1], &payload_root);
  if (header == NULL || payload == NULL ||
      g_strcmp0 (emu_json_get_string (header, "alg"), "HS256") != 0 ||
      g_strcmp0 (emu_json_get_string (payload, "iss"), JWT_ISSUER) != 0)
    return FALSE;

  has_exp = emu_json_get_number (payload, "exp", &exp);
  if (has_exp && exp <= now)
    return FALSE;
  *expiry = has_exp ? exp : 0;

  if (json_object_has_member (payload, "preferred_username"))
    {
      name = emu_json_get_string (payload, "preferred_username");
      if (!has_exp || !emu_state_user_exists (state, name))
        return FALSE;

      *user = g_strdup (name);
      *superuser = FALSE;
      return TRUE;
    }

  /* Tokens made from the secret itself, as cluster members and tools use
   * them: no user, full rights. */
  if (json_object_has_member (payload, "server_id"))
    {
      *user = NULL;
      *superuser = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
check_basic (EmuState    *state,
             const char  *credentials,
             char       **user)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  char *colon;

  decoded = g_base64_decode (credentials, &length);
  text = g_strndup ((const char *) decoded, length);
  colon = strchr (text, ':');
  if (colon == NULL)
    return FALSE;

  *colon = '\0';
  if (!emu_state_check_password (state, text, colon + 1))
    return FALSE;

  *user = g_strdup (text);
  return TRUE;
}

/* The scheme of the Authorization header, and where its credentials
 * begin; NULL without one. */
static char *
split_authorization (SoupServerMessage  *msg,
                     const char        **credentials)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  const char *space = value ? strchr (value, ' ') : NULL;

  if (space == NULL)
    return NULL;

  *credentials = space;
  while (**credentials == ' ')
    (*credentials)++;
  return g_strndup (value, space - value);
}

gboolean
emu_auth_authenticate (EmuState          *state,
                       SoupServerMessage *msg,
                       char             **user,
                       gboolean          *superuser)
{
  const char *credentials = NULL;
  g_autofree char *scheme = split_authorization (msg, &credentials);
  gdouble expiry;

  *user = NULL;
  *superuser = FALSE;

  if (scheme == NULL)
    return FALSE;

  /* The server compares the scheme without regard to case. */
  if (g_ascii_strcasecmp (scheme, "basic") == 0)
    return check_basic (state, credentials, user);
  if (g_ascii_strcasecmp (scheme, "bearer") == 0)
    return check_jwt (state, credentials, user, superuser, &expiry);

  return FALSE;
}

/* The user of a valid user token in the Authorization header and its
 * expiry; FALSE for anything else (no header, basic authentication, a
 * token that is forged, expired or names no user). */
static gboolean
authenticate_user_token (EmuState          *state,
                         SoupServerMessage *msg,
                         char             **user,
                         gdouble           *expiry)
{
  const char *credentials = NULL;
  g_autofree char *scheme = split_authorization (msg, &credentials);
  gboolean superuser = FALSE;

  *user = NULL;
  return scheme != NULL && g_ascii_strcasecmp (scheme, "bearer") == 0 &&
         check_jwt (state, credentials, user, &superuser, expiry) &&
         *user != NULL;
}

/* {"jwt": @token} as the server hands out tokens, or {} without one. */
void
emu_auth_reply_token (SoupServerMessage *msg,
                      const char        *token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (token != NULL)
    emu_json_add_string (builder, "jwt", token);
  json_builder_end_object (builder);
  emu_reply_builder (msg, SOUP_STATUS_OK, builder);
}

/* What /_open/auth and /_open/auth/renew share, as the server's
 * RestAuthHandler does it (NOTES.md, section 6); FALSE once answered.
 * Without authentication the server mounts the handler only since
 * 3.12.6, and then answers every login with the token "invalid", which
 * it accepts like anything else. */
static gboolean
begin_auth_handler (EmuRequest *req)
{
  gboolean enabled = emu_state_auth_enabled (req->state);

  if (!enabled && !emu_state_version_at_least (req->state, 3, 12, 6))
    {
      emu_router_reply_unknown_path (req);
      return FALSE;
    }
  if (!g_str_equal (req->method, "POST"))
    {
      emu_reply_error (req->msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                       EMU_ERROR_HTTP_METHOD_NOT_ALLOWED, NULL);
      return FALSE;
    }
  if (!enabled)
    {
      emu_auth_reply_token (req->msg, "invalid");
      return FALSE;
    }
  return TRUE;
}

static void
handle_open_auth (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *token = NULL;
  JsonObject *object;
  const char *user;
  const char *password;

  if (!begin_auth_handler (req))
    return;

  body = emu_request_parse_body (req);
  if (body == NULL)
    return;

  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  user = object != NULL ? emu_json_get_string (object, "username") : NULL;
  password = object != NULL ? emu_json_get_string (object, "password") : NULL;
  if (user == NULL || password == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                       EMU_ERROR_HTTP_BAD_PARAMETER, "invalid JSON");
      return;
    }

  if (!emu_state_check_password (req->state, user, password))
    {
      emu_reply_error_full (req->msg, EMU_ERROR_STYLE_LEGACY,
                            SOUP_STATUS_UNAUTHORIZED, EMU_ERROR_HTTP_UNAUTHORIZED,
                            "Wrong credentials");
      return;
    }

  token = emu_auth_issue_user_token (req->state, user, req->state->jwt_ttl);
  emu_auth_reply_token (req->msg, token);
}

/* POST /_open/auth/renew, sent with the token to renew. /_open is public,
 * so the pipeline lets any credentials through; the handler renews only a
 * valid user token, and answers 404 "user not found" for everything else
 * (an expired or forged token, a superuser token, basic authentication,
 * none at all). It issues a new token only within 150 seconds of the
 * current one's expiry and answers {} before that; the old token stays
 * valid until it expires. */
#define RENEWAL_WINDOW 150.0

static void
handle_open_auth_renew (EmuRequest *req)
{
  g_autofree char *user = NULL;
  g_autofree char *token = NULL;
  gdouble expiry = 0;
  gdouble now = (gdouble) g_get_real_time () / G_USEC_PER_SEC;

  if (!begin_auth_handler (req))
    return;

  if (!authenticate_user_token (req->state, req->msg, &user, &expiry))
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_USER_NOT_FOUND, NULL);
      return;
    }
  if (expiry > 0 && expiry - now < RENEWAL_WINDOW)
    token = emu_auth_issue_user_token (req->state, user, req->state->jwt_ttl);
  emu_auth_reply_token (req->msg, token);
}

/* The handler takes every method and refuses all but POST itself. */
#define AUTH_ROUTES(path, handler) \
  { "POST", path, handler }, { "GET", path, handler }, { "PUT", path, handler }, \
  { "PATCH", path, handler }, { "DELETE", path, handler }, { "HEAD", path, handler }

static const EmuRoute auth_routes[] = {
  AUTH_ROUTES ("/_open/auth", handle_open_auth),
  AUTH_ROUTES ("/_open/auth/renew", handle_open_auth_renew),
};

void
emu_auth_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, auth_routes, G_N_ELEMENTS (auth_routes));
}
