// emulator.js: runs the ArangoDB emulator for the GJS binding tests
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

Gio._promisify(Gio.DataInputStream.prototype,
    'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');
Gio._promisify(Soup.Session.prototype,
    'send_and_read_async', 'send_and_read_finish');

/**
 * The path of arango-emulator: $ARANGO_EMULATOR, then PATH.
 *
 * @returns {string|null} the path, or null when there is none
 */
export function findEmulator() {
    return GLib.getenv('ARANGO_EMULATOR') ??
        GLib.find_program_in_path('arango-emulator');
}

/**
 * One emulator process with its coordinators. It is started with
 * --exit-on-eof and a piped stdin, so it also goes away when gjs dies.
 */
export class Emulator {
    constructor({coordinators = 3, user = null, password = null} = {}) {
        this.nCoordinators = coordinators;
        this.user = user;
        this.password = password;
        this.urls = [];
        this.controlUrl = null;
        this._process = null;
        this._session = new Soup.Session({timeout: 10});
    }

    get hosts() {
        return this.urls.join(',');
    }

    async start() {
        const path = findEmulator();
        if (!path)
            throw new Error('arango-emulator not found: set ARANGO_EMULATOR');

        const argv = [path, '--coordinators', String(this.nCoordinators)];
        if (this.user !== null)
            argv.push('--user', this.user);
        if (this.password !== null)
            argv.push('--password', this.password);
        argv.push('--exit-on-eof');

        this._process = Gio.Subprocess.new(argv,
            Gio.SubprocessFlags.STDIN_PIPE | Gio.SubprocessFlags.STDOUT_PIPE);
        this._stdout = new Gio.DataInputStream({
            base_stream: this._process.get_stdout_pipe(),
            close_base_stream: true,
        });

        try {
            const first = await this._readLine();
            const second = await this._readLine();

            this.urls = first.split(',').map(url => url.trim())
                .filter(url => url.length > 0);
            if (this.urls.length !== this.nCoordinators) {
                throw new Error(
                    `expected ${this.nCoordinators} URLs, got "${first}"`);
            }
            const words = second.trim().split(/\s+/);
            if (words.length !== 2 || words[0] !== 'control')
                throw new Error(`unexpected second line "${second}"`);
            this.controlUrl = words[1].replace(/\/+$/, '');
        } catch (e) {
            await this.stop();
            throw e;
        }
        return this;
    }

    async _readLine() {
        const [line] = await this._stdout.read_line_async(
            GLib.PRIORITY_DEFAULT, null);
        if (line === null)
            throw new Error('the emulator exited before printing its URLs');
        return line;
    }

    async stop() {
        const process = this._process;
        this._process = null;
        if (!process)
            return;
        try {
            process.get_stdin_pipe().close(null);
        } catch (e) {
            // Already closed: the emulator is going away anyway.
        }
        process.send_signal(15 /* SIGTERM */);
        await process.wait_async(null);
    }

    async control(method, path, query = null) {
        let url = this.controlUrl + path;
        if (query) {
            url += `?${Object.entries(query)
                .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
                .join('&')}`;
        }
        const message = Soup.Message.new(method, url);
        if (method !== 'GET')
            message.set_request_body_from_bytes(null, null);
        const bytes = await this._session.send_and_read_async(message,
            GLib.PRIORITY_DEFAULT, null);
        const text = new TextDecoder().decode(bytes.toArray());
        const status = message.get_status();
        if (status < 200 || status >= 300)
            throw new Error(`${method} ${path}: HTTP ${status} ${text}`);
        return text.length > 0 ? JSON.parse(text) : null;
    }

    state() {
        return this.control('GET', '/_control/state');
    }

    async coordinators() {
        return (await this.state()).coordinators;
    }

    async serverIds() {
        return (await this.coordinators()).map(c => c.serverId);
    }

    async requestCounts() {
        return (await this.coordinators()).map(c => c.requests);
    }

    async inMaintenance() {
        return (await this.state()).maintenance;
    }

    stopCoordinator(index) {
        return this.control('POST', `/_control/coordinators/${index}/stop`);
    }

    startCoordinator(index) {
        return this.control('POST', `/_control/coordinators/${index}/start`);
    }

    setFault(index, kind, {count = null, ms = null} = {}) {
        const query = {kind};
        if (count !== null)
            query.count = count;
        if (ms !== null)
            query.ms = ms;
        return this.control('POST', `/_control/coordinators/${index}/fault`,
            query);
    }

    async requests(index) {
        const reply = await this.control('GET',
            `/_control/coordinators/${index}/requests`);
        return reply.requests;
    }

    reset() {
        return this.control('POST', '/_control/reset');
    }

    /**
     * A token for @user as /_open/auth makes them.
     *
     * @param {string} user the user's name
     * @param {number|null} ttl seconds until it expires (negative: expired
     *   already); null: the emulator's --jwt-ttl
     * @returns {Promise<string>} the JWT
     */
    async userToken(user, ttl = null) {
        const query = {user};
        if (ttl !== null)
            query.ttl = ttl;
        return (await this.control('GET', '/_control/auth/user-token',
            query)).jwt;
    }

    async superuserToken() {
        return (await this.control('GET',
            '/_control/auth/superuser-token')).jwt;
    }
}
