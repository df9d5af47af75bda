using System.Runtime.InteropServices;
using System.Text;
using StartupHub.Cli;

Console.OutputEncoding = Encoding.UTF8;
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
