/* emulator-listener.c: accept connections for a SoupServer on loopback
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libsoup 3.2 leaks one GSocket for every connection its own listeners
 * accept, and the emulator must run clean under valgrind. So a
 * GSocketService accepts and hands each connection over with
 * soup_server_accept_iostream(). That alone would cost keep-alive:
 * libsoup closes every connection after one response unless the server
 * has a listener of its own. The server therefore gets one, on a socket
 * that listens but that nobody is told about.
 */

#include "emulator-listener.h"

#include <gio/gnetworking.h>

#include "emulator-log.h"

/* The remote address handed to soup_server_accept_iostream() is one
 * object per connection that every message of it returns; it carries the
 * connection's socket. */
static GQuark
socket_quark (void)
{
  return g_quark_from_static_string ("emu-listener-socket");
}

struct _EmuListener {
  SoupServer      *server;
  GSocketService  *service;
  GTlsCertificate *certificate;
};

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  EmuListener *listener = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (local == NULL || remote == NULL)
    return TRUE;

  g_socket_set_option (g_socket_connection_get_socket (connection),
                       IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  g_object_set_qdata_full (G_OBJECT (remote), socket_quark (),
                           g_object_ref (g_socket_connection_get_socket (connection)),
                           g_object_unref);

  if (listener->certificate != NULL)
    {
      /* The handshake happens implicitly with the first read. */
      stream = G_IO_STREAM (g_tls_server_connection_new (G_IO_STREAM (connection),
                                                         listener->certificate,
                                                         &error));
      if (stream == NULL)
        {
          emu_debug ("TLS setup failed: %s", error->message);
          return TRUE;
        }
      g_object_set (stream, "require-close-notify", FALSE, NULL);
    }
  else
    {
      stream = g_object_ref (G_IO_STREAM (connection));
    }

  if (!soup_server_accept_iostream (listener->server, stream, local, remote, &error))
    emu_debug ("cannot serve a connection: %s", error->message);

  return TRUE;
}

/* HTTP/2 (--http2): only SoupServer's own TLS listener negotiates h2 with
 * ALPN; connections handed over with soup_server_accept_iostream() stay
 * HTTP/1.1. This mode does without the per-connection socket leak
 * workaround, which matters little for the short runs that use it. */
static gboolean
listen_with_soup_tls (EmuListener  *listener,
                      guint16      *port,
                      GError      **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, *port);
  g_autoptr(GSocketAddress) effective = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL ||
      !g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return FALSE;

  soup_server_set_tls_certificate (listener->server, listener->certificate);
  if (!soup_server_listen_socket (listener->server, socket, SOUP_SERVER_LISTEN_HTTPS, error))
    return FALSE;

  effective = g_socket_get_local_address (socket, error);
  if (effective == NULL)
    return FALSE;
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  return TRUE;
}

static GSocket *
new_idle_socket (GError **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;

  g_socket_set_listen_backlog (socket, 1);
  if (!g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

EmuListener *
emu_listener_new (SoupServer       *server,
                  guint16          *port,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(EmuListener) listener = g_new0 (EmuListener, 1);
  g_autoptr(GSocket) idle = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, *port);
  g_autoptr(GSocketAddress) effective = NULL;

  listener->server = g_object_ref (server);
  listener->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;

  if (certificate != NULL && g_getenv ("SOUP_SERVER_HTTP2") != NULL)
    return listen_with_soup_tls (listener, port, error) ? g_steal_pointer (&listener) : NULL;

  idle = new_idle_socket (error);
  if (idle == NULL || !soup_server_listen_socket (server, idle, 0, error))
    return NULL;

  /* GSocketListener binds with SO_REUSEADDR, so a stopped coordinator
   * gets its port back although its old connections linger in TIME_WAIT. */
  listener->service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (listener->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return NULL;

  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (listener->service, "incoming", G_CALLBACK (on_incoming), listener);
  g_socket_service_start (listener->service);

  return g_steal_pointer (&listener);
}

void
emu_listener_free (EmuListener *listener)
{
  if (listener == NULL)
    return;

  if (listener->service != NULL)
    {
      g_signal_handlers_disconnect_by_data (listener->service, listener);
      g_socket_service_stop (listener->service);
      g_socket_listener_close (G_SOCKET_LISTENER (listener->service));
      g_object_unref (listener->service);
    }

  /* Closes the idle listener and every accepted connection. */
  soup_server_disconnect (listener->server);
  g_object_unref (listener->server);
  g_clear_object (&listener->certificate);
  g_free (listener);
}

GSocket *
emu_listener_get_socket (SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  if (remote == NULL)
    return NULL;

  return g_object_get_qdata (G_OBJECT (remote), socket_quark ());
}
