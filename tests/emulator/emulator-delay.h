/* emulator-delay.h: answers that take their time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Called once the answer is on its way, or its client gone. */
typedef void (*EmuHeldDone) (gpointer user_data);

void emu_reply_hold     (SoupServerMessage *msg,
                         guint              ms,
                         EmuHeldDone        done,
                         gpointer           user_data);
void emu_reply_hold_end (SoupServerMessage *msg);

G_END_DECLS
