using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>Throughput of one load round, and the CPU time the server spent on it (warm-up pass included).</summary>
internal sealed record LoadResult(int Requests, int Connections, int Errors, TimeSpan Elapsed)
{
    public TimeSpan ServerProcessorTime { get; init; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Server CPU per request over every request of the round, the warm-up pass's included.</summary>
    public double ServerMicrosecondsPerRequest => ServerProcessorTime.TotalMicroseconds / (Requests + Load.WarmupRequests(Requests));

    public override string ToString() =>
        $"{Requests} requests, {Connections} connections, {Errors} errors, {Elapsed.TotalSeconds:0.00} s, {RequestsPerSecond:0} req/s";
}

/// <summary>
/// A closed-loop HTTP/1.1 load, as wrk does it: <c>connections</c> threads on as many kept-alive sockets, each sending
/// the same pre-encoded request and reading its whole answer (status line, headers, a Content-Length or chunked body)
/// before the next; no pipelining. No HttpClient and no event loop: per request the client costs a blocking send and
/// a receive or two, so a client on one core keeps a server on another core busy instead of being the bottleneck.
/// </summary>
internal static class Load
{
    public static LoadResult Run(Uri baseAddress, string path, string token, int requests, int connections)
    {
        var request = Encoding.ASCII.GetBytes(
            $"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n\r\n");
        var endpoint = new IPEndPoint(IPAddress.Parse(baseAddress.Host), baseAddress.Port);
        RunRound(endpoint, request, WarmupRequests(requests), connections); // warm connections and the server's caches
        var stopwatch = Stopwatch.StartNew();
        var errors = RunRound(endpoint, request, requests, connections);
        return new LoadResult(requests, connections, errors, stopwatch.Elapsed);
    }

    public static int WarmupRequests(int requests) => Math.Min(2_000, requests);

    private static int RunRound(IPEndPoint endpoint, byte[] request, int requests, int connections)
    {
        var remaining = requests;
        var errors = 0;
        // One thread per connection with blocking calls: a send and a receive per request, no event loop or thread
        // pool hand-off in between (the cheapest client per request that a loopback measurement can have).
        var threads = Enumerable.Range(0, connections).Select(_ => new Thread(() =>
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var buffer = new byte[16 * 1024];
            try
            {
                socket.Connect(endpoint);
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    socket.Send(request);
                    if (ReadResponse(socket, buffer) != 200)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or InvalidDataException)
            {
                // This worker's connection is gone: its request and every one left for it count as errors.
                Interlocked.Increment(ref errors);
                Interlocked.Add(ref errors, Math.Max(0, Interlocked.Exchange(ref remaining, 0)));
            }
        }, maxStackSize: 256 * 1024) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return errors;
    }

    /// <summary>Reads one whole response into <paramref name="buffer"/> and returns its status code.</summary>
    private static int ReadResponse(Socket socket, byte[] buffer)
    {
        var filled = 0;
        var headerEnd = -1;
        while (headerEnd < 0)
        {
            filled += Receive(socket, buffer, filled);
            headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
        }

        var (status, contentLength, chunked) = ParseHead(buffer.AsSpan(0, headerEnd));
        var bodyStart = headerEnd + 4;
        if (contentLength >= 0)
        {
            if (bodyStart + contentLength > buffer.Length)
            {
                throw new InvalidDataException("Response larger than the buffer.");
            }

            while (filled < bodyStart + contentLength)
            {
                filled += Receive(socket, buffer, filled);
            }
        }
        else if (chunked)
        {
            var chunk = bodyStart;
            while (true)
            {
                int lineEnd;
                while ((lineEnd = buffer.AsSpan(chunk, filled - chunk).IndexOf("\r\n"u8)) < 0)
                {
                    filled += Receive(socket, buffer, filled);
                }

                if (!Utf8Parser.TryParse(buffer.AsSpan(chunk, lineEnd), out int size, out _, 'x'))
                {
                    throw new InvalidDataException("Bad chunk size.");
                }

                var next = chunk + lineEnd + 2 + size + 2;
                while (filled < next)
                {
                    filled += Receive(socket, buffer, filled);
                }

                if (size == 0)
                {
                    break;
                }

                chunk = next;
            }
        }

        return status;
    }

    private static int Receive(Socket socket, byte[] buffer, int filled)
    {
        if (filled == buffer.Length)
        {
            throw new InvalidDataException("Response larger than the buffer.");
        }

        var received = socket.Receive(buffer.AsSpan(filled));
        return received > 0 ? received : throw new InvalidDataException("Connection closed by the server.");
    }

    /// <summary>The status code, the Content-Length (-1 when absent) and whether the body is chunked.</summary>
    private static (int Status, int ContentLength, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("HTTP/1.1 "u8) || !Utf8Parser.TryParse(head[9..], out int status, out _))
        {
            throw new InvalidDataException("Not an HTTP/1.1 response.");
        }

        var contentLength = -1;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(line[..colon], "content-length"u8) && !Utf8Parser.TryParse(value, out contentLength, out _))
            {
                throw new InvalidDataException("Bad Content-Length.");
            }

            chunked |= Ascii.EqualsIgnoreCase(line[..colon], "transfer-encoding"u8) && Ascii.EqualsIgnoreCase(value, "chunked"u8);
        }

        return (status, contentLength, chunked);
    }
}
