using System.Net;
using System.Net.Sockets;

namespace StartupHub.Forms.Tests.Notifications;

/// <summary>
/// A TCP forwarder in front of maildev that the test can switch off: while down it accepts and immediately
/// drops every connection, which is how an SMTP outage looks to the client. Lets one configured sender see
/// the server go away and come back.
/// </summary>
public sealed class SwitchableSmtpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SwitchableSmtpProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public volatile bool Up;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!Up)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (TcpClient server = new())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                NetworkStream a = client.GetStream();
                NetworkStream b = server.GetStream();
                Task one = a.CopyToAsync(b, _stop.Token).ContinueWith(_ => server.Client.Shutdown(SocketShutdown.Send), TaskScheduler.Default);
                Task two = b.CopyToAsync(a, _stop.Token).ContinueWith(_ => client.Client.Shutdown(SocketShutdown.Send), TaskScheduler.Default);
                await Task.WhenAll(one, two);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
