using System.Runtime.InteropServices;
using System.Text;
using StartupHub.Cli;
using StartupHub.Site.Runtime;

Console.OutputEncoding = Encoding.UTF8;
// First, before anything is compiled that the profile could have compiled ahead; only for the commands that build.
if (args is ["build" or "check" or "serve", ..])
{
    JitProfile.Start(args[0]);
}

// serve and forms watch the token and stop gracefully (their work is passed the token). build and check do not:
// Ctrl+C ends them at once, which is safe, as a build writes into a temporary folder and swaps it in last (the next
// build removes what a killed one left, and puts back a site it had set aside: StagingWriter.RemoveLeftovers).
var graceful = args is ["serve" or "forms", ..];
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = graceful;
    cancel.Cancel();
};
// `kill` and container shutdowns send SIGTERM; the same as Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = graceful;
    cancel.Cancel();
});
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
