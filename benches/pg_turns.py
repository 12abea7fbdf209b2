#!/usr/bin/env python3
"""Round trips of one PostgreSQL client run, from an strace log (used by benches/peers.sh).

    strace -f -qq -xx -s 1048576 -e trace=network,read,write,readv,writev,close -o LOG CMD...
    python3 benches/pg_turns.py LOG PORT [--json]

Finds every TCP connection the traced process made to 127.0.0.1:PORT (by its connect() call),
follows the bytes the client wrote to and read from that socket, and counts *turns*: a turn is a
maximal run of successful writes/sends (> 0 bytes) to the socket followed by at least one
successful read/recv (> 0 bytes) from it. A write that is never followed by a read (the closing
Terminate message) is no turn. Reads that fail (EAGAIN) are ignored.

The bytes are decoded as the PostgreSQL frontend/backend protocol (v3): the turns up to and
including the one in which the server first sends ReadyForQuery are the connection start-up
(SSLRequest, StartupMessage, authentication, parameter status); every later turn is a query
turn. For each query turn the client's messages are listed (Parse/Bind/Execute/Sync, Query, ...)
with the SQL text, and the server's (row counts, CommandComplete tags, errors).
"""
import json
import re
import struct
import sys

CALL = re.compile(r'^(?:(\d+)\s+)?(\w+)\((.*)$')
RESUMED = re.compile(r'^(?:(\d+)\s+)?<\.\.\. (\w+) resumed>(.*)$')
RESULT = re.compile(r'\)\s+=\s+(-?\d+)(?:\s+\S+.*)?$')
HEXSTR = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')
ADDR = re.compile(r'inet_addr\("(?:\\x[0-9a-f]{2})*"\)')

WRITES = {'write', 'sendto', 'send', 'writev', 'sendmsg'}
READS = {'read', 'recvfrom', 'recv', 'readv', 'recvmsg'}


def unhex(args):
    """All quoted hex strings of a call's arguments, joined (writev/readv have several)."""
    return b''.join(bytes.fromhex(m.replace('\\x', '')) for m in HEXSTR.findall(args))


def events(log, port):
    """(conn_no, 'W'|'R', bytes) in order, for sockets connected to 127.0.0.1:port."""
    pending = {}                   # pid -> unfinished call text
    live = {}                      # (pid-group key, fd) -> connection number
    nconn = 0
    target = f'sin_port=htons({port})'
    out = []
    for raw in open(log, errors='replace'):
        line = raw.rstrip('\n')
        m = RESUMED.match(line)
        if m:
            pid, name, rest = m.group(1) or '0', m.group(2), m.group(3)
            line = pending.pop(pid, f'{pid} {name}(') + rest
        elif line.endswith('<unfinished ...>'):
            m = CALL.match(line)
            if m:
                pending[m.group(1) or '0'] = line[: -len('<unfinished ...>')].rstrip()
            continue
        m = CALL.match(line)
        if not m:
            continue
        name, args = m.group(2), m.group(3)
        r = RESULT.search(args)
        if not r:
            continue
        ret = int(r.group(1))
        fd_m = re.match(r'\s*(\d+)', args)
        if not fd_m:
            continue
        fd = int(fd_m.group(1))
        # Threads of one process share fds; strace -f without -ff cannot tell processes from
        # threads, so fds are keyed globally (vault is one process; its children do not connect).
        if name == 'connect':
            a = ADDR.search(args)
            host = unhex(a.group(0)).decode('ascii', 'replace') if a else ''
            if target in args and host == '127.0.0.1' and (ret == 0 or 'EINPROGRESS' in args):
                nconn += 1
                live[fd] = nconn
            continue
        if name == 'close':
            live.pop(fd, None)
            continue
        if fd not in live or ret <= 0:
            continue
        data = unhex(args[: r.start()])
        if name in WRITES:
            out.append((live[fd], 'W', data[:ret]))
        elif name in READS:
            out.append((live[fd], 'R', data[:ret]))
    return out


def cstr(b, i):
    j = b.index(b'\0', i)
    return b[i:j].decode('utf-8', 'replace'), j + 1


def client_msgs(buf, state):
    """Splits the client's bytes into messages; state['untyped'] while start-up packets come."""
    msgs = []
    i = 0
    while i < len(buf):
        if state['untyped']:
            if len(buf) - i < 8:
                break
            n, code = struct.unpack('>II', buf[i:i + 8])
            if code == 80877103:
                msgs.append(('SSLRequest', ''))
                state['ssl_reply_pending'] = True
            elif code == 80877104:
                msgs.append(('GSSENCRequest', ''))
                state['ssl_reply_pending'] = True
            else:
                msgs.append(('StartupMessage', ''))
                state['untyped'] = False
            i += n
            continue
        if len(buf) - i < 5:
            break
        t = chr(buf[i])
        n = struct.unpack('>I', buf[i + 1:i + 5])[0]
        body = buf[i + 5:i + 1 + n]
        i += 1 + n
        if t == 'Q':
            msgs.append(('Query', cstr(body, 0)[0]))
        elif t == 'P':
            name, j = cstr(body, 0)
            msgs.append(('Parse', cstr(body, j)[0]))
        else:
            msgs.append(({'B': 'Bind', 'D': 'Describe', 'E': 'Execute', 'S': 'Sync', 'H': 'Flush',
                          'C': 'Close', 'X': 'Terminate', 'p': 'Password/SASL', 'd': 'CopyData',
                          'c': 'CopyDone', 'f': 'CopyFail', 'F': 'FunctionCall'}.get(t, t), ''))
    return msgs, buf[i:]


def server_msgs(buf, state):
    msgs = []
    i = 0
    if state.get('ssl_reply_pending') and buf:
        msgs.append(('SSLResponse ' + chr(buf[0]), ''))
        state['ssl_reply_pending'] = False
        if chr(buf[0]) == 'N':
            state['client_untyped_again'] = True
        i = 1
    while len(buf) - i >= 5:
        t = chr(buf[i])
        n = struct.unpack('>I', buf[i + 1:i + 5])[0]
        if len(buf) - i < 1 + n:
            break
        body = buf[i + 5:i + 1 + n]
        i += 1 + n
        if t == 'C':
            msgs.append(('CommandComplete', cstr(body, 0)[0]))
        elif t == 'E':
            fields = {}
            j = 0
            while j < len(body) and body[j] != 0:
                k = chr(body[j]); v, j = cstr(body, j + 1); fields[k] = v
            msgs.append(('ErrorResponse', fields.get('M', '')))
        else:
            msgs.append(({'R': 'Authentication', 'S': 'ParameterStatus', 'K': 'BackendKeyData',
                          'Z': 'ReadyForQuery', '1': 'ParseComplete', '2': 'BindComplete',
                          '3': 'CloseComplete', 'T': 'RowDescription', 'D': 'DataRow',
                          'n': 'NoData', 't': 'ParameterDescription', 'N': 'Notice',
                          'I': 'EmptyQuery', 's': 'PortalSuspended', 'A': 'Notification'}.get(t, t), ''))
    return msgs, buf[i:]


def squash(msgs):
    """[('DataRow',''), ('DataRow','')] -> 'DataRow x2'; SQL kept once per message."""
    out = []
    for name, text in msgs:
        if out and out[-1][0] == name and not text and not out[-1][2]:
            out[-1][1] += 1
        else:
            out.append([name, 1, text])
    return [f'{n}{" x%d" % c if c > 1 else ""}{": " + " ".join(t.split()) if t else ""}' for n, c, t in out]


def analyse(log, port):
    conns = {}
    for conn, d, data in events(log, port):
        c = conns.setdefault(conn, {'turns': [], 'phase': None, 'cbuf': b'', 'sbuf': b'',
                                    'state': {'untyped': True}, 'ready_seen': False})
        st = c['state']
        if d == 'W':
            if c['phase'] != 'W':
                c['turns'].append({'client': [], 'server': [], 'replied': False,
                                   'startup': not c['ready_seen']})
                c['phase'] = 'W'
            if st.pop('client_untyped_again', False):
                st['untyped'] = True
            msgs, c['cbuf'] = client_msgs(c['cbuf'] + data, st)
            c['turns'][-1]['client'] += msgs
        else:
            if not c['turns']:
                continue
            c['phase'] = 'R'
            t = c['turns'][-1]
            t['replied'] = True
            msgs, c['sbuf'] = server_msgs(c['sbuf'] + data, st)
            t['server'] += msgs
            if any(m[0] == 'ReadyForQuery' for m in msgs):
                c['ready_seen'] = True
    res = {'port': port, 'connections': []}
    for n, c in sorted(conns.items()):
        turns = [t for t in c['turns'] if t['replied']]
        start = [t for t in turns if t['startup']]
        query = [t for t in turns if not t['startup']]
        unreplied = [m for t in c['turns'] if not t['replied'] for m in t['client']]
        res['connections'].append({
            'startup_turns': len(start),
            'query_turns': len(query),
            'startup': [{'client': squash(t['client']), 'server': squash(t['server'])} for t in start],
            'queries': [{'client': squash(t['client']), 'server': squash(t['server'])} for t in query],
            'unanswered_writes': squash(unreplied),
        })
    res['connections_made'] = len(res['connections'])
    res['startup_turns'] = sum(c['startup_turns'] for c in res['connections'])
    res['query_turns'] = sum(c['query_turns'] for c in res['connections'])
    return res


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    res = analyse(sys.argv[1], int(sys.argv[2]))
    if '--json' in sys.argv[3:]:
        json.dump(res, sys.stdout, indent=1)
        print()
        return
    print(f"connections: {res['connections_made']}, start-up turns: {res['startup_turns']}, "
          f"query turns: {res['query_turns']}")
    for i, c in enumerate(res['connections'], 1):
        for kind in ('startup', 'queries'):
            for j, t in enumerate(c[kind], 1):
                print(f'conn {i} {kind} turn {j}:')
                for m in t['client']:
                    print(f'   > {m}')
                for m in t['server']:
                    print(f'   < {m}')
        if c['unanswered_writes']:
            print(f'conn {i} unanswered: {", ".join(c["unanswered_writes"])}')


if __name__ == '__main__':
    main()
