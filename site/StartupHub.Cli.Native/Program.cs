using System.Text;
using StartupHub.Cli;

// The CLI's Program.cs without the JIT profile (nothing is compiled at run time here) and without the Ctrl+C and
// SIGTERM handlers, which exist for serve's graceful stop; build and check end with the process like any other.
Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error);
