/* emulator-listener.h: accept connections for a SoupServer on loopback
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _EmuListener EmuListener;

/* Listens on 127.0.0.1:*port (0: any free port, written back to *port);
 * with a certificate the connections speak TLS. */
EmuListener *emu_listener_new  (SoupServer       *server,
                                guint16          *port,
                                GTlsCertificate  *certificate,
                                GError          **error);
/* Stops listening and closes every connection of the server. */
void         emu_listener_free (EmuListener      *listener);

/* The TCP socket under a message's connection (transfer none), also after
 * soup_server_message_steal_connection() wrapped it away. */
GSocket     *emu_listener_get_socket (SoupServerMessage *msg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuListener, emu_listener_free)

G_END_DECLS
