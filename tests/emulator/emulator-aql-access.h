/* emulator-aql-access.h: how a FOR over a collection reads it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"

G_BEGIN_DECLS

typedef enum {
  EMU_AQL_FULL_SCAN,       /* every document, read whole */
  EMU_AQL_KEY_SCAN,        /* every key, from the primary index */
  EMU_AQL_KEY_LOOKUP,      /* the primary index at one key, then the document */
} EmuAqlAccess;

EmuAqlAccess emu_aql_access_of (EmuAqlQuery  *query,
                                guint         for_statement,
                                EmuAqlNode  **key);

G_END_DECLS
