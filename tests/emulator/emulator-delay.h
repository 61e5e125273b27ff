/* emulator-delay.h: answers that take their time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void emu_reply_hold (SoupServerMessage *msg,
                     guint              ms);

G_END_DECLS
