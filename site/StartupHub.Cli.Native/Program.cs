using System.Text;
using StartupHub.Cli;

// The CLI's Program.cs without the JIT profile (nothing is compiled at run time here) and without the Ctrl+C and
// SIGTERM handlers, which only serve and forms use: build and check end at once, as with the .NET CLI.
Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error);
