/* emulator-secrets.h: the JWT secrets of the server
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-state.h"

G_BEGIN_DECLS

/* Reads --jwt-secret-folder again, as AuthenticationFeature::
 * loadJwtSecretFolder does: on success the first file (by name) holds the
 * active secret, the others the passive ones. On failure nothing changes
 * and @error_num and @message (transfer full) say why, as the server
 * reports it. */
gboolean emu_secrets_load_folder (EmuState    *state,
                                  int         *error_num,
                                  char       **message);

G_END_DECLS
