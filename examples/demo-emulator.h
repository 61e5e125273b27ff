/* demo-emulator.h: starting the ArangoDB emulator for the C examples
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by arango-demo and arango-data-demo: without hosts on their
 * command line they run against an emulator they start themselves.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *demo_emulator_find  (void);
char *demo_emulator_start (GSubprocess **emulator,
                           const char   *user,
                           const char   *password,
                           GError      **error);
void  demo_emulator_stop  (GSubprocess  *emulator);

G_END_DECLS
