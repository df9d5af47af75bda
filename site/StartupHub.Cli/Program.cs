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

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops `serve` gracefully instead of killing the process mid-write.
    e.Cancel = true;
    cancel.Cancel();
};
// `kill` and container shutdowns send SIGTERM; stop the same way as Ctrl+C.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
