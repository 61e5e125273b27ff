/* emulator-auth.h: basic authentication and HS256 JSON Web Tokens
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "emulator-state.h"

G_BEGIN_DECLS

gboolean  emu_auth_path_is_public        (const char        *path);
gboolean  emu_auth_authenticate          (EmuState          *state,
                                          SoupServerMessage *msg,
                                          char             **user,
                                          gboolean          *superuser);

char     *emu_auth_new_secret            (void);
void      emu_auth_rotate_secret         (EmuState          *state);
char     *emu_auth_issue_user_token      (EmuState          *state,
                                          const char        *user,
                                          gint64             ttl);
char     *emu_auth_issue_superuser_token (EmuState          *state);
void      emu_auth_reply_token           (SoupServerMessage *msg,
                                          const char        *token);

G_END_DECLS
