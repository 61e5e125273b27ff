/* emulator-users.h: user accounts, their permissions and access tokens
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-state.h"

G_BEGIN_DECLS

typedef struct _EmuAccounts EmuAccounts;

void     emu_accounts_free               (EmuAccounts *accounts);

/* Whether an authenticated user may use @database at all (its access
 * level there is not "none"); the server answers 401 otherwise. Paths
 * every authenticated user may call (its own account) always pass. */
gboolean emu_users_may_access_database   (EmuState    *state,
                                          const char  *user,
                                          const char  *database,
                                          const char  *path);
gboolean emu_users_has_database_access   (EmuState    *state,
                                          const char  *user,
                                          const char  *database);

/* ExecContext::isAdminUser: "rw" on _system as configured, or no check at
 * all (authentication off, a superuser token). */
gboolean emu_users_is_admin              (EmuRequest  *req);
/* Drops every permission on @database (and its collections), as the
 * server does when the database is dropped. */
void     emu_users_forget_database       (EmuState    *state,
                                          const char  *database);

/* Drops every user's grant on @collection of @database, as the server's
 * Collections::drop does (grants on "*" stay). */
void     emu_users_forget_collection     (EmuState    *state,
                                          const char  *database,
                                          const char  *collection);

G_END_DECLS
