/* emulator-users-private.h: the accounts, shared by the user and token
 * endpoint families
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-users.h"

G_BEGIN_DECLS

typedef struct {
  guint64   id;
  char     *name;
  gint64    valid_until;
  gint64    created_at;
  char     *token;
} EmuAccessToken;

typedef struct {
  char       *name;
  char       *password;
  gboolean    active;
  JsonObject *extra;
  GHashTable *grants;   /* "db", "db/collection" ("*" for any) -> rw|ro|none */
  GPtrArray  *tokens;   /* EmuAccessToken */
} EmuAccount;

struct _EmuAccounts {
  GHashTable *by_name;  /* name (owned by the account) -> EmuAccount */
  guint64     next_token_id;
};

EmuAccounts *emu_users_get_accounts     (EmuState   *state);
EmuAccount  *emu_users_lookup           (EmuState   *state,
                                         const char *name);
EmuAccount  *emu_users_require          (EmuRequest *req,
                                         const char *name);
gboolean     emu_users_check_access     (EmuRequest *req,
                                         const char *subject,
                                         gboolean    self_may_write);
JsonObject  *emu_users_object_body      (EmuRequest *req,
                                         JsonNode  **holder);
const char  *emu_users_database_level   (EmuAccount *account,
                                         const char *database);
const char  *emu_users_collection_level (EmuAccount *account,
                                         const char *database,
                                         const char *collection);

void         emu_access_token_free      (gpointer    token);

G_END_DECLS
