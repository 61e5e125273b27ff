/* emulator-json-syntax.h: why a request body is not JSON, in the server's words
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *emu_json_syntax_error (const char *data,
                                   gsize       length);

G_END_DECLS
