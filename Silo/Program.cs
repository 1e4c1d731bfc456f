// The Dispatch silo: the actor runtime, the HTTP API, live streams and telemetry in one process.
// `dotnet run --project Silo` starts it on the embedded SQLite store with the demo city;
// `dotnet run --project Silo -- issue-token --role R --scope S` prints a token and exits.
using Dispatch.Silo;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Hosting;

if (IssueTokenCommand.IsInvoked(args))
    return IssueTokenCommand.Run(args, Console.Out, Console.Error);

WebApplication app;
try
{
    app = DispatchSiloApp.Build(args);
    await app.StartAsync();
}
catch (Exception e)
{
    Console.Error.WriteLine(StartupFailure.Describe(e));
    return 1;
}

StartupBanner.Print(app, Console.Out);
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
