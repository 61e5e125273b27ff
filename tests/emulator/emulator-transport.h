/* emulator-transport.h: content encodings, queue time and dirty reads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-router.h"

G_BEGIN_DECLS

gboolean emu_transport_accept_request         (EmuRequest        *req);
void     emu_transport_finish_reply           (EmuState          *state,
                                               SoupServerMessage *msg);
void     emu_transport_register_control_routes (EmuRouter        *router);
void     emu_transport_reset                  (EmuState          *state);

G_END_DECLS
