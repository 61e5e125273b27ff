/* emulator-aql-functions.h: which AQL functions exist, and which the
 * emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean emu_aql_function_exists    (const char *name);
gboolean emu_aql_function_supported (const char *name);

G_END_DECLS
