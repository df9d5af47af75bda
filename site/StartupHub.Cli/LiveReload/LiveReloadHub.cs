using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Cli.LiveReload;

/// <summary>
/// Server-Sent Events at <c>/__livereload</c>: after every rebuild each open page gets a <c>reload</c> event
/// and reloads itself (onto the new site, or onto the error overlay). Only the dev server injects the script.
/// </summary>
public sealed class LiveReloadHub
{
    public const string Path = "/__livereload";

    /// <summary>Injected before <c>&lt;/body&gt;</c> of served HTML; EventSource reconnects by itself after a restart.</summary>
    public const string Script =
        "<script data-livereload>(()=>{const s=new EventSource(\"" + Path + "\");s.addEventListener(\"reload\",()=>location.reload());})();</script>";

    private readonly ConcurrentDictionary<Guid, Channel<string>> _clients = new();

    public int ClientCount => _clients.Count;

    /// <summary>Tells every connected page to reload.</summary>
    public void Reload(int generation)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite($"event: reload\ndata: {generation}\n\n");
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var id = Guid.NewGuid();
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _clients[id] = channel;
        try
        {
            // A comment line first, so the client sees the stream open at once.
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or the server is stopping.
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    /// <summary>Completes every open stream so the server can stop without waiting for browsers.</summary>
    public void CloseAll()
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryComplete();
        }
    }

    public static string Inject(string html)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + Script : html.Insert(end, Script);
    }
}
