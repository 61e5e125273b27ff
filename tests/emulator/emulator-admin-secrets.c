/* emulator-admin-secrets.c: the server's JWT secrets and encryption keys
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET and POST /_admin/server/jwt and /_admin/server/encryption, the
 * Enterprise Edition's handlers of RestAdminServerHandler. Their source is
 * not public: the answers follow the parts that are (AuthenticationFeature
 * loads the secrets and words its errors, the documentation and the
 * server's API tests give the statuses); README.md says which details are
 * the emulator's own.
 */

#include "emulator-secrets.h"

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"

/* AuthenticationFeature's kMaxSecretLength */
#define MAX_SECRET_LENGTH 64
#define ERROR_CANNOT_READ_FILE 18

/* basics::StringUtils::trim (contents, " \t\n\r") */
static char *
read_secret (const char  *folder,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  const char *start;
  gsize end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  start = contents + strspn (contents, " \t\n\r");
  end = strlen (start);
  while (end > 0 && strchr (" \t\n\r", start[end - 1]) != NULL)
    end--;
  return g_strndup (start, end);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The files the server takes, by name: no hidden or temporary ones, no
 * links. */
static GPtrArray *
list_secret_files (const char  *folder,
                   GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.' || g_str_has_suffix (name, ".tmp") ||
          g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

gboolean
emu_secrets_load_folder (EmuState  *state,
                         int       *error_num,
                         char     **message)
{
  const char *folder = state->jwt_secret_folder;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) passive = NULL;
  g_autofree char *active = NULL;
  guint i;

  names = list_secret_files (folder, &error);
  if (names != NULL && names->len > 0)
    active = read_secret (folder, g_ptr_array_index (names, 0), &error);
  passive = g_ptr_array_new_with_free_func (g_free);
  for (i = 1; active != NULL && i < names->len; i++)
    {
      char *secret = read_secret (folder, g_ptr_array_index (names, i), &error);

      if (secret == NULL)
        break;
      if (*secret == '\0')
        {
          g_free (secret);
          continue;
        }
      g_ptr_array_add (passive, secret);
    }

  if (error != NULL)
    {
      *error_num = ERROR_CANNOT_READ_FILE;
      *message = g_strdup_printf ("unable to read content of jwt-secret-folder '%s': %s. "
                                  "please make sure the file/directory is readable for the "
                                  "arangod process and user", folder, error->message);
      return FALSE;
    }
  if (names->len == 0)
    {
      *error_num = EMU_ERROR_BAD_PARAMETER;
      *message = g_strdup ("empty JWT secrets directory");
      return FALSE;
    }
  for (i = 0; i <= passive->len; i++)
    if (strlen (i == 0 ? active : g_ptr_array_index (passive, i - 1)) > MAX_SECRET_LENGTH)
      {
        *error_num = EMU_ERROR_BAD_PARAMETER;
        *message = g_strdup ("Given JWT secret too long. Max length is 64");
        return FALSE;
      }

  g_free (state->jwt_secret);
  state->jwt_secret = g_steal_pointer (&active);
  g_clear_pointer (&state->jwt_passive_secrets, g_ptr_array_unref);
  state->jwt_passive_secrets = g_steal_pointer (&passive);
  return TRUE;
}

static void
add_sha256 (JsonBuilder *builder,
            const char  *secret)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "sha256", sha);
  json_builder_end_object (builder);
}

/* The hashes of the secrets, never the secrets. */
static void
reply_jwt_secrets (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  GPtrArray *passive = req->state->jwt_passive_secrets;
  guint i;

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "active");
  add_sha256 (builder, req->state->jwt_secret);
  json_builder_set_member_name (builder, "passive");
  json_builder_begin_array (builder);
  for (i = 0; passive != NULL && i < passive->len; i++)
    add_sha256 (builder, g_ptr_array_index (passive, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* Reloading, like rotating keys, is the superuser's (the server's own
 * API tests: 403 for every user, admins too). */
static gboolean
require_superuser (EmuRequest *req)
{
  if (req->superuser)
    return TRUE;
  emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN, NULL);
  return FALSE;
}

static void
handle_get_jwt (EmuRequest *req)
{
  reply_jwt_secrets (req);
}

/* Without --jwt-secret-folder the secret came from the command line (or
 * was made up at start): AuthenticationFeature::loadJwtSecretsFromFile
 * then has nothing to read. */
static void
handle_reload_jwt (EmuRequest *req)
{
  g_autofree char *message = NULL;
  int error_num = 0;

  if (!require_superuser (req))
    return;
  if (req->state->jwt_secret_folder == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "no JWT secret file was specified");
      return;
    }
  if (!emu_secrets_load_folder (req->state, &error_num, &message))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, error_num, message);
      return;
    }
  reply_jwt_secrets (req);
}

/* Encryption at rest lives in the storage engine: a Coordinator has none
 * and refuses (403), a single server without encryption answers 404. */
static void
handle_encryption (EmuRequest *req)
{
  if (!req->state->single_server)
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN, NULL);
      return;
    }
  if (g_str_equal (req->method, "POST") && !require_superuser (req))
    return;
  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, NULL);
}

static const EmuRoute admin_secrets_routes[] = {
  { "GET", "/_admin/server/jwt", handle_get_jwt },
  { "POST", "/_admin/server/jwt", handle_reload_jwt },
  { "GET", "/_admin/server/encryption", handle_encryption },
  { "POST", "/_admin/server/encryption", handle_encryption },
};

void
emu_admin_secrets_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, admin_secrets_routes, G_N_ELEMENTS (admin_secrets_routes));
}
