/* emulator-log.h: opt-in diagnostics of the ArangoDB emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     emu_log_init    (void);
gboolean emu_log_enabled (void);
void     emu_debug       (const char *format,
                          ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
