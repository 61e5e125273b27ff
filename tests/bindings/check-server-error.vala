/* check-server-error.vala: the check of what a server error tells, for the
 * Vala binding tests that look at refusals
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Apart from check.vala, which every test program has: valac warns of a
 * function that a program never calls.
 */

/* The details the library keeps with a GError it made from a reply; an
 * error not made from one has status 0, error number -1 and no message. */
void check_details (Error e, uint status, int error_number, string? server_message) throws TestError {
  check (Arango.ServerError.get_http_status (e) == status,
         "status %u, expected %u".printf (Arango.ServerError.get_http_status (e), status));
  check (Arango.ServerError.get_error_number (e) == error_number,
         "error number %d, expected %d".printf (Arango.ServerError.get_error_number (e), error_number));
  check_equal (Arango.ServerError.get_server_message (e), server_message, "server message");
}
