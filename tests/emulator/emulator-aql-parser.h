/* emulator-aql-parser.h: AQL text to EmuAqlQuery, for the supported subset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-state.h"

G_BEGIN_DECLS

/* @database: where collection names must exist; NULL parses only (as
 * /_api/query does). Errors: 1501 syntax error (with the server's
 * "near '…' at position l:c"), 1502 empty query, 1203 unknown collection,
 * 1511 variable redeclared, 1540 unknown function, 1541 argument count,
 * 1575 non-constant OPTIONS, 9 a construct the emulator does not run. */
EmuAqlQuery *emu_aql_parse (const char   *text,
                            EmuDatabase  *database,
                            EmuAqlError  *error);

G_END_DECLS
