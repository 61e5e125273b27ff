/* emulator-tokens.c: the /_api/token endpoints (access tokens of a user)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestAccessTokenCreate_single.json (200 with the token, no
 * error/code members), RestAccessTokenList, RestAccessTokenDelete (200,
 * empty text/plain body).
 *
 * A token is "v1." and the hex form of {"e":valid_until,"c":created_at,
 * "u":user,"r":<random>}; its fingerprint "v1..." and its last six
 * characters, as the recordings show.
 */

#include <string.h>

#include "emulator-input.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users-private.h"

#define RANDOM_LENGTH 20

void
emu_access_token_free (gpointer data)
{
  EmuAccessToken *token = data;

  g_free (token->name);
  g_free (token->token);
  g_free (token);
}

static char *
make_token (const char *user,
            gint64      valid_until,
            gint64      created_at)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *payload = NULL;
  char random[RANDOM_LENGTH + 1];
  GString *token = g_string_new ("v1.");
  guint i;

  for (i = 0; i < RANDOM_LENGTH; i++)
    random[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  random[RANDOM_LENGTH] = '\0';

  json_builder_begin_object (builder);
  emu_json_add_int (builder, "e", valid_until);
  emu_json_add_int (builder, "c", created_at);
  emu_json_add_string (builder, "u", user);
  emu_json_add_string (builder, "r", random);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  payload = emu_json_to_string (root);

  for (i = 0; payload[i] != '\0'; i++)
    g_string_append_printf (token, "%02x", (guchar) payload[i]);
  return g_string_free (token, FALSE);
}

static void
add_token_members (JsonBuilder    *builder,
                   EmuAccessToken *token)
{
  g_autofree char *fingerprint =
    g_strconcat ("v1...", token->token + strlen (token->token) - 6, NULL);

  emu_json_add_int (builder, "id", (gint64) token->id);
  emu_json_add_string (builder, "name", token->name);
  emu_json_add_int (builder, "valid_until", token->valid_until);
  emu_json_add_int (builder, "created_at", token->created_at);
  emu_json_add_string (builder, "fingerprint", fingerprint);
  emu_json_add_boolean (builder, "active",
                        token->valid_until > g_get_real_time () / G_USEC_PER_SEC);
}

static EmuAccount *
require_account (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");

  if (!emu_users_check_access (req, name, TRUE))
    return NULL;
  return emu_users_require (req, name);
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) holder = NULL;
  EmuAccessToken *token;
  EmuAccount *account;
  JsonObject *body;
  const char *name;
  gdouble valid_until;

  if ((account = require_account (req)) == NULL ||
      (body = emu_users_object_body (req, &holder)) == NULL)
    return;

  name = emu_json_get_string (body, "name");
  if (name == NULL || *name == '\0' || !emu_json_get_number (body, "valid_until", &valid_until))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_BAD_PARAMETER, NULL);
      return;
    }

  token = g_new0 (EmuAccessToken, 1);
  token->id = emu_users_get_accounts (req->state)->next_token_id++;
  token->name = g_strdup (name);
  token->valid_until = (gint64) valid_until;
  token->created_at = g_get_real_time () / G_USEC_PER_SEC;
  token->token = make_token (account->name, token->valid_until, token->created_at);
  g_ptr_array_add (account->tokens, token);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_token_members (builder, token);
  emu_json_add_string (builder, "token", token->token);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_list (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  EmuAccount *account;
  guint i;

  if ((account = require_account (req)) == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tokens");
  json_builder_begin_array (builder);
  for (i = 0; i < account->tokens->len; i++)
    {
      json_builder_begin_object (builder);
      add_token_members (builder, g_ptr_array_index (account->tokens, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_delete (EmuRequest *req)
{
  const char *id = emu_request_get_param (req, "id");
  EmuAccount *account;
  guint i;

  if ((account = require_account (req)) == NULL)
    return;

  for (i = 0; i < account->tokens->len; i++)
    {
      EmuAccessToken *token = g_ptr_array_index (account->tokens, i);
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, token->id);

      if (g_str_equal (text, id))
        {
          g_ptr_array_remove_index (account->tokens, i);
          emu_reply_raw (req->msg, SOUP_STATUS_OK, "text/plain", "", 0);
          return;
        }
    }
  emu_reply_arango_error (req->msg, EMU_ERROR_HTTP_NOT_FOUND, NULL);
}

static const EmuRoute token_routes[] = {
  { "POST", "/_api/token/{user}", handle_create },
  { "GET", "/_api/token/{user}", handle_list },
  { "DELETE", "/_api/token/{user}/{id}", handle_delete },
};

void
emu_tokens_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, token_routes, G_N_ELEMENTS (token_routes));
}
